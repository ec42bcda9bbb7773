import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { sqliteDatabase, type TestDatabase } from './support/databases';
import { startTestApp, type TestApp } from './support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Sign-in through OpenID Connect against a real provider on this machine. */
describe('signing in with the municipality’s identity provider (OpenID Connect)', () => {
  let provider: ChildProcess;
  let database: TestDatabase;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    const [providerPort, appPort] = [await freePort(), await freePort()];
    const appUrl = `http://127.0.0.1:${appPort}`;
    provider = spawn(process.execPath, [join(__dirname, 'support/oidc-provider.mjs'), String(providerPort), 'interactiewijzer', 'a-client-secret-for-the-test', `${appUrl}/aanmelden/oidc`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(provider.stdout!, 'data');
    database = sqliteDatabase();
    app = await startTestApp(database, {
      PORT: String(appPort),
      PUBLIC_URL: appUrl,
      OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
      OIDC_CLIENT_ID: 'interactiewijzer',
      OIDC_CLIENT_SECRET: 'a-client-secret-for-the-test',
      OIDC_ALLOW_HTTP: 'on',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
    provider?.kill();
  });

  async function signInAtProvider(login: string) {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await expect(page.getByLabel('Naam').count()).resolves.toBe(0); // no picking a name when a provider is configured
    await page.getByRole('link', { name: 'Aanmelden bij de gemeente' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // consent
    await page.waitForURL((url) => url.origin === app.url);
    return page;
  }

  it('signs a user in with the name and roles of the ID token', async () => {
    const page = await signInAtProvider('a.de.vries');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByText('Aangemeld als').textContent()).resolves.toContain('A. de Vries');
    await expect(page.getByText('(procesmanager)').isVisible()).resolves.toBe(true);
  }, 60_000);

  it('refuses a user the provider knows but who has no role here', async () => {
    const page = await signInAtProvider('zonder.rol');
    expect(new URL(page.url()).pathname).toBe('/aanmelden/oidc');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Aanmelden is niet gelukt');
  }, 60_000);
});
