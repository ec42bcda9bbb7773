import { ConfigError, DEFAULT_DEVELOPMENT_SECRET, loadConfig } from '../src/config/app-config';

describe('configuration', () => {
  it('serves one machine by default: port 3000, SQLite under ./data with synchronous=FULL, the development secret', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      production: false,
      database: { kind: 'sqlite', path: './data/interactiewijzer.sqlite', synchronous: 'FULL' },
      auth: { secret: DEFAULT_DEVELOPMENT_SECRET, jwksUrl: undefined, issuer: undefined, audience: undefined },
    });
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/iw' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/iw' });
  });

  it('names every bad value at once', () => {
    const load = () => loadConfig({ PORT: 'eighty', SQLITE_SYNCHRONOUS: 'OFF', DATABASE_URL: 'mysql://x', AUTH_SECRET: 'short', AUTH_JWKS_URL: 'ftp://x' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT[\s\S]*SQLITE_SYNCHRONOUS[\s\S]*DATABASE_URL[\s\S]*AUTH_JWKS_URL[\s\S]*AUTH_SECRET/);
  });

  it('never uses the development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET or AUTH_JWKS_URL/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example.nl/jwks' }).auth.secret).toBeUndefined();
  });
});
