import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { sqliteDatabase, type TestDatabase } from './support/databases';
import { signToken, startTestApp, type TestApp } from './support/test-app';

/** An identity provider of our own on loopback: it publishes its public key as a JWKS. */
describe('tokens from an identity provider (AUTH_JWKS_URL)', () => {
  let database: TestDatabase;
  let t: TestApp;
  let idp: Server;
  let sign: (claims: Record<string, unknown>, audience?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    idp = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    const issuer = 'https://idp.gemeente.example';
    sign = (claims, audience = 'interactiewijzer') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' }).setIssuer(issuer).setAudience(audience).setExpirationTime('5m').sign(privateKey);
    database = sqliteDatabase();
    t = await startTestApp(database, {
      AUTH_SECRET: '',
      AUTH_JWKS_URL: `http://127.0.0.1:${(idp.address() as AddressInfo).port}/jwks`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: 'interactiewijzer',
    });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    idp?.close();
  });

  it('accepts a token signed by the provider, with its issuer and audience', async () => {
    const token = await sign({ preferred_username: 'j.jansen', roles: ['auditor'] });
    const response = await t.http().get('/api/machine').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
  });

  it('refuses a token signed with a shared secret, or for another audience', async () => {
    const hs256 = await signToken({ name: 'Mallory', roles: ['admin'] });
    expect((await t.http().get('/api/machine').set('authorization', `Bearer ${hs256}`)).status).toBe(401);
    const { privateKey } = await generateKeyPair('RS256');
    const stranger = await new SignJWT({ name: 'Mallory', roles: ['admin'] }).setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' }).setExpirationTime('5m').sign(privateKey);
    expect((await t.http().get('/api/machine').set('authorization', `Bearer ${stranger}`)).status).toBe(401);
    const otherAudience = await sign({ name: 'x', roles: ['admin'] }, 'another-app');
    expect((await t.http().get('/api/machine').set('authorization', `Bearer ${otherAudience}`)).status).toBe(401);
  });

  it('answers 503, not "invalid token", while the provider’s keys cannot be fetched', async () => {
    const down = await startTestApp(sqliteDatabase(), { AUTH_SECRET: '', AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks', AUTH_ISSUER: 'https://idp.gemeente.example', AUTH_AUDIENCE: 'interactiewijzer' });
    try {
      const response = await down.http().get('/api/machine').set('authorization', `Bearer ${await sign({ name: 'x', roles: ['admin'] })}`);
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('identity-provider-unavailable');
    } finally {
      await down.close();
    }
  });
});
