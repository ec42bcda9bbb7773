import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sqliteDatabase } from './support/databases';
import { useRunningService } from './support/project-client';

/** Debian's chromium (`apt-get install chromium`), never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = join(__dirname, '../test-artifacts');

/** axe-core on the page as it stands: no serious or critical WCAG 2.1 A/AA violations. */
async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

describe('the web interface in a real browser', () => {
  const service = useRunningService(() => sqliteDatabase());
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(name: string, role: string): Promise<Page> {
    // The pages allow no script at all (Content-Security-Policy); axe is the test's own script, let in past it.
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
    // Generous for a busy 2-core machine, yet inside the test's own timeout, so a missing element is named by its locator.
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${service.t.url}/`);
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
    await expectAccessible(page);
    await page.getByLabel('Naam').fill(name);
    await page.getByLabel('Rol').selectOption(role);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${service.t.url}/`);
    return page;
  }

  it('takes a project from creation through the quick scan and a green light, shows silence and the timeline, and exports it', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    await expectAccessible(manager);

    await manager.getByRole('link', { name: 'Nieuw project' }).click();
    await expectAccessible(manager);
    await manager.getByLabel('Titel').fill('Herinrichting Marktplein');
    await manager.getByRole('button', { name: 'Project aanmaken' }).click();
    await manager.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    const projectUrl = manager.url();
    await expect(manager.locator('svg.iw-diagram .iw-state--current text').textContent()).resolves.toBe('Quickscan');
    await expectAccessible(manager);
    await expect(manager.getByText('De quickscan is nog niet af', { exact: false }).first().isVisible()).resolves.toBe(true);

    // The quick scan in the guide's own table: a score per row.
    for (const row of ['Hoeveel beïnvloedingsruimte is er?', 'Is er commitment? a. Bestuurlijk', 'Is er commitment? b. Politiek', 'Is er bereidheid bij de potentiële deelnemers/actoren?', 'Levert interactie meerwaarde op?']) {
      await manager.getByRole('row', { name: row }).getByRole('radio').nth(4).check();
    }
    for (const row of ['Organisatorische voorwaarden: a. Geld (€), ten laste van het project', 'Organisatorische voorwaarden: b. Capaciteit (fte)', 'Organisatorische voorwaarden: c. Deskundigheid van de projectleider en ervaring met interactief werken', 'Organisatorische voorwaarden: d. Tijd']) {
      await manager.getByRole('row', { name: row }).getByRole('radio').nth(3).check();
    }
    for (const aspect of ['Politieke ruimte', 'Juridische ruimte', 'Beleidsruimte', 'Invloed van de maatschappelijke omgeving']) {
      await manager.getByRole('row', { name: aspect }).getByRole('radio').nth(3).check();
    }
    await manager.getByLabel('Deelnemer aan de quickscan (naam)').fill('A. de Vries');
    await manager.getByLabel(/^a\. Er zijn grote belangen/).first().check();
    // Whether the law requires inspraak is settled with the route (§1.4 with afdeling 3.4 Awb).
    await manager.getByRole('group', { name: 'Inspraak is wettelijk verplicht' }).getByLabel('Nee').check();
    await manager.getByRole('button', { name: 'Quickscan opslaan' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await expect(manager.getByText('Advies: interactief werken').isVisible()).resolves.toBe(true);

    // The college's secretary finds the gate in the worklist and records the green light.
    const secretary = await signedIn('S. Secretaris', 'college-secretary');
    await secretary.goto(`${service.t.url}/werkvoorraad`);
    await expectAccessible(secretary);
    await secretary.getByRole('link', { name: 'Herinrichting Marktplein' }).first().click();
    const approve = async (gate: string, reference: string) => {
      await secretary.goto(projectUrl);
      await secretary.getByLabel('Stap', { exact: true }).selectOption({ label: gate });
      await secretary.getByLabel('Datum besluit').fill('2026-11-20');
      await secretary.getByLabel('Kenmerk').fill(reference);
      await secretary.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await secretary.waitForURL(/opgeslagen=1/);
    };
    const take = async (step: string, expectedState: string) => {
      await manager.goto(projectUrl);
      await manager.getByRole('button', { name: `Stap zetten: ${step}` }).click();
      await manager.waitForURL(/opgeslagen=1/);
      await expect(manager.locator('svg.iw-diagram .iw-state--current text').textContent()).resolves.toBe(expectedState);
    };
    await approve('Interactief starten', 'B&W 2026/412');
    await take('Interactief starten', 'Formeel commitment');
    await expect(manager.locator('svg.iw-diagram .iw-state--visited text').allTextContents()).resolves.toEqual(['Quickscan']);

    // The formal commitment, then the plan of approach with all its parts.
    await manager.getByLabel('Vastgelegd in').selectOption('bw-proposal');
    await manager.locator('#cm-reference').fill('B&W 2026/413');
    await manager.getByLabel('Procesafspraken (één per regel: partij | afspraak)').fill('Dorpsraad | maandelijks overleg');
    await manager.getByRole('button', { name: 'Commitment opslaan' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await approve('Commitment vastleggen', 'B&W 2026/414');
    await take('Commitment vastleggen', 'Plan van aanpak');

    await manager.getByLabel('Naam van de groep').fill('Omwonenden');
    await manager.getByLabel('Hoe benadert u deze groep?').fill('Huis-aan-huisbrief en een avond op het plein');
    await manager.getByRole('button', { name: 'Groep toevoegen' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await manager.getByLabel('1. Doelgroepen (één per regel: doelgroep | waarom)').fill('Omwonenden | Het is hun plein');
    await manager.getByLabel('Draagvlak voor proces', { exact: false }).check();
    for (const phase of ['Beleidsvoorbereiding', 'Besluitvorming', 'Uitvoering', 'Evaluatie']) await manager.getByLabel(phase, { exact: true }).selectOption('inform');
    await manager.getByLabel('4. Waarover gaat het gesprek wel?').fill('De inrichting van het plein');
    await manager.getByLabel('Waarover niet?', { exact: true }).fill('Het budget');
    await manager.getByLabel('Hoe gaat u om met vragen buiten de afbakening?').fill('Doorsturen naar het KCC');
    await manager.getByLabel('5. Kansen (één per regel)').fill('Lokale kennis');
    await manager.getByLabel('Bedreigingen (één per regel: bedreiging | maatregel)').fill('Lage opkomst | huis-aan-huis uitnodigen');
    await manager.getByLabel('6. Werkvormen (één per regel)').fill('bewonersavond');
    await manager.getByLabel('Planning', { exact: true }).fill('Voorjaar 2027');
    await manager.getByLabel('Taakverdeling en organisatie').fill('Projectteam');
    await manager.getByLabel('Hoe koppelt u de resultaten terug?').fill('Nieuwsbrief na elke avond');
    await manager.getByLabel('7. Tijdpad (één per regel: JJJJ-MM-DD | moment)').fill('2027-03-01 | Raadsinformatieavond');
    await manager.getByLabel('Hoe worden besluiten genomen?').fill('Het college besluit elke stap');
    await manager.getByLabel('we nemen het mee').check();
    await manager.getByLabel(/^Kaders /).fill('hard | Het budget ligt vast');
    await manager.getByLabel(/^b\. Een van de vormen van inspraak/).check();
    await manager.getByRole('button', { name: 'Plan opslaan' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await expectAccessible(manager);
    await approve('Plan van aanpak vaststellen', 'B&W 2026/415');
    await take('Plan van aanpak vaststellen', 'Probleem definiëren');

    // Silence is now counted; a communication records contact.
    await manager.getByLabel('Kanaal', { exact: true }).fill('nieuwsbrief');
    await manager.getByLabel('Doelgroep', { exact: true }).fill('alle deelnemers');
    await manager.getByLabel('Samenvatting', { exact: true }).fill('Wij starten interactief; u hoort binnenkort meer.');
    await manager.getByRole('button', { name: 'Communicatie vastleggen' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await manager.screenshot({ path: join(ARTIFACTS, 'project.png'), fullPage: true });

    await manager.goto(`${service.t.url}/`);
    const row = manager.getByRole('row', { name: /Herinrichting Marktplein/ });
    await expect(row.locator('.iw-light').textContent()).resolves.toBe('In orde');
    await expect(row.getByText('0 dagen geen contact met deelnemers').isVisible()).resolves.toBe(true);
    await manager.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    // The timeline: gates emphasised, filterable, exportable.
    await manager.goto(projectUrl);
    await manager.getByLabel('Soort gebeurtenis').selectOption('decision-recorded');
    await manager.getByRole('button', { name: 'Toepassen' }).last().click();
    await expect(manager.locator('.iw-timeline__entry').count()).resolves.toBe(3);
    await expect(manager.locator('.iw-timeline__entry--gate').count()).resolves.toBe(3);
    const csv = await manager.request.get(`${projectUrl}/tijdlijn.csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toBe('seq,occurredAt,actor,role,type,payload,hash');
    const json = await (await manager.request.get(`${projectUrl}/tijdlijn.json`)).json();
    expect(json.map((e: { type: string }) => e.type)).toEqual([
      'project-created', 'quick-scan-recorded', 'decision-recorded', 'transition',
      'commitment-recorded', 'decision-recorded', 'transition',
      'stakeholder-added', 'plan-saved', 'decision-recorded', 'transition',
      'communication-recorded',
    ]);

    // English on request; an auditor can read but gets no forms.
    await manager.getByRole('link', { name: 'English' }).click();
    await expect(manager.getByRole('heading', { level: 2, name: 'Life cycle' }).isVisible()).resolves.toBe(true);
    const auditor = await signedIn('E. Auditor', 'auditor');
    await auditor.goto(projectUrl);
    await expect(auditor.locator('form[action$="/communicatie"]').count()).resolves.toBe(0);
    await expectAccessible(auditor);
    // Nor can an auditor post a form by hand: the server checks the role, with a page that says why.
    const csrf = await auditor.locator('input[name="_csrf"]').first().inputValue();
    const refused = await auditor.request.post(`${projectUrl}/communicatie`, { form: { _csrf: csrf, channel: 'x', audience: 'y', summary: 'z' } });
    expect(refused.status()).toBe(403);
    await auditor.setContent(await refused.text());
    await expectAccessible(auditor);

    // At phone width the diagram scales down into the screen.
    await auditor.setViewportSize({ width: 375, height: 800 });
    await auditor.goto(projectUrl);
    const diagram = await auditor.locator('svg.iw-diagram').boundingBox();
    expect(diagram!.width).toBeLessThanOrEqual(375);
    expect(diagram!.width).toBeGreaterThan(250);
    await expectAccessible(auditor);
  }, 150_000);

  it('records an initiative’s formal submission through its form, and explains a refusal on an accessible page', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    await manager.goto(`${service.t.url}/projecten/nieuw`);
    await manager.getByLabel('Titel').fill('Winkelcentrum in eigen beheer');
    await manager.getByLabel('Initiatief van inwoners of andere derden').check();
    await manager.getByRole('button', { name: 'Project aanmaken' }).click();
    await manager.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    const projectUrl = manager.url();
    await expect(manager.locator('svg.iw-diagram .iw-state--current text').textContent()).resolves.toBe('Intake (initiatief)');

    // The quick scan is refused while the initiative is not submitted: the page says why and leads back.
    await manager.getByRole('row', { name: 'Hoeveel beïnvloedingsruimte is er?' }).getByRole('radio').nth(4).check();
    await manager.getByRole('button', { name: 'Quickscan opslaan' }).click();
    await expect(manager.getByRole('alert').textContent()).resolves.toContain('initiative-not-submitted');
    await expectAccessible(manager);
    await manager.getByRole('link', { name: 'Terug' }).click();
    expect(manager.url()).toBe(projectUrl);

    await manager.getByLabel('Datum van indiening').fill('2026-11-20');
    await manager.locator('#submission-reference').fill('Z/26/0815');
    await manager.getByRole('button', { name: 'Stap zetten: Formeel ingediend' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await expect(manager.locator('svg.iw-diagram .iw-state--current text').textContent()).resolves.toBe('Quickscan');

    // The language link only ever leads back to a page of this site.
    const away = await manager.request.get(`${service.t.url}/taal?naar=en&terug=/%5Cevil.example`, { maxRedirects: 0 });
    expect(away.headers().location).toBe('/');
  }, 60_000);

  it('refuses a form post without its CSRF token', async () => {
    const page = await signedIn('A. de Vries', 'process-manager');
    const response = await page.request.post(`${service.t.url}/projecten`, { form: { title: 'Zonder token', origin: 'municipality', politicalSensitivity: 'low' } });
    expect(response.status()).toBe(403);
  });
});
