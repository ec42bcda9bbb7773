import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { Role } from '../src/auth/roles';
import { sqliteDatabase } from './support/databases';
import { ARTIFACTS, CHROMIUM, inspect } from './support/page-inspection';
import { ProjectClient, useRunningService } from './support/project-client';

/** Issue 21 in the browser: signing in to one of several municipalities, and its pages only. */
describe('several municipalities in a real browser', () => {
  const service = useRunningService(() => sqliteDatabase(), { MUNICIPALITY_NAME: 'Gemeente Standaard' });
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=nl-NL'] });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, timezoneId: 'Europe/Amsterdam', locale: 'nl-NL' });
    context.setDefaultTimeout(20_000);
    const operator = await service.t.token('operator' as Role, 'O. Perator');
    for (const [id, name, code] of [['lingewaard', 'Gemeente Lingewaard', '1705'], ['overbetuwe', 'Gemeente Overbetuwe', '1734']]) {
      expect((await service.t.http().post('/api/tenants').set('authorization', `Bearer ${operator}`).send({ id, name, municipalityCode: code })).status).toBe(201);
    }
    const lingewaard = await ProjectClient.for(service.t, 'lingewaard');
    const overbetuwe = await ProjectClient.for(service.t, 'overbetuwe');
    await lingewaard.create({ title: 'Herinrichting Dorpsstraat Bemmel', origin: 'municipality', politicalSensitivity: 'low' });
    const { body } = await overbetuwe.create({ title: 'Speeltuin Elst', origin: 'municipality', politicalSensitivity: 'low' });
    await overbetuwe.as(overbetuwe.manager).patch(`/api/projects/${body.id}`, { public: true, slug: 'speeltuin-elst', description: 'Een nieuwe speeltuin aan de rand van het park.' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks the municipality at sign-in, and shows the one signed in to its own projects under its own name', async () => {
    const page = await context.newPage();
    await page.goto(`${service.t.url}/aanmelden`);
    await inspect(page, 'gemeenten-aanmelden');
    const municipalities = await page.getByLabel('Gemeente').locator('option').allTextContents();
    expect(municipalities).toEqual(['Gemeente Standaard', 'Gemeente Lingewaard', 'Gemeente Overbetuwe']);
    await page.getByLabel('Naam').fill('P. Manager');
    await page.getByLabel('Rol').selectOption('process-manager');
    await page.getByLabel('Gemeente').selectOption('lingewaard');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${service.t.url}/`);
    await expect(page.locator('header').innerText()).resolves.toContain('Gemeente Lingewaard');
    const body = await page.locator('main').innerText();
    expect(body).toContain('Herinrichting Dorpsstraat Bemmel');
    expect(body).not.toContain('Speeltuin Elst');
    await inspect(page, 'gemeenten-dashboard');
  });

  it('shows each municipality’s public pages under its own address and name', async () => {
    const page = await context.newPage();
    await page.goto(`${service.t.url}/openbaar/overbetuwe`);
    await expect(page.locator('main').innerText()).resolves.toContain('Speeltuin Elst');
    await expect(page.locator('main').innerText()).resolves.not.toContain('Dorpsstraat');
    await page.getByRole('link', { name: 'Speeltuin Elst' }).click();
    await page.waitForURL(`${service.t.url}/openbaar/overbetuwe/speeltuin-elst`);
    await expect(page.title()).resolves.toContain('Gemeente Overbetuwe');
    await inspect(page, 'gemeenten-openbaar');
  });

  it('shows the accessibility statement to anyone, in the municipality’s name, from the footer of its pages', async () => {
    const page = await context.newPage();
    await page.goto(`${service.t.url}/openbaar/overbetuwe/speeltuin-elst`);
    await page.locator('footer').getByRole('link', { name: 'Toegankelijkheid' }).click();
    await page.waitForURL(`${service.t.url}/openbaar/overbetuwe/toegankelijkheid`);
    expect((await page.getByRole('heading', { level: 1 }).innerText()).replace(/\u00AD/g, '')).toBe('Toegankelijkheidsverklaring');
    const statement = await page.locator('main').innerText();
    for (const expected of ['Gemeente Overbetuwe wil dat iedereen Interactiewijzer kan gebruiken', 'WCAG 2.1', 'axe-core 4.14', '1440 en 375 pixels', 'Wat nog niet goed is of niet is getest', 'niet getest met schermlezers', 'versie 0.1.0']) {
      expect(statement).toContain(expected);
    }
    await inspect(page, 'toegankelijkheidsverklaring');

    // On the installation's own address: in the name of the municipality signed in to (this context, Lingewaard), else the default one.
    await page.goto(`${service.t.url}/toegankelijkheid`);
    await expect(page.locator('main').innerText()).resolves.toContain('Gemeente Lingewaard wil dat iedereen');
    const stranger = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await stranger.goto(`${service.t.url}/toegankelijkheid`);
    await expect(stranger.locator('main').innerText()).resolves.toContain('Gemeente Standaard wil dat iedereen');
    // A project cannot take the statement's address.
    const overbetuwe = await ProjectClient.for(service.t, 'overbetuwe');
    const { body } = await overbetuwe.create({ title: 'Toegankelijkheid', origin: 'municipality', politicalSensitivity: 'low' });
    const taken = await overbetuwe.as(overbetuwe.manager).patch(`/api/projects/${body.id}`, { public: true, slug: 'toegankelijkheid' });
    expect([taken.status, taken.body.code]).toEqual([409, 'slug-taken']);
    const automatic = await overbetuwe.as(overbetuwe.manager).patch(`/api/projects/${body.id}`, { public: true });
    expect(automatic.body.slug).toBe('toegankelijkheid-2');
  });
});
