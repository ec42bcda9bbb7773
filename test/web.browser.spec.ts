/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dutchDay, longDay } from '../machines/calendar/dutch-day';
import { sqliteDatabase } from './support/databases';
import { useRunningService } from './support/project-client';
import { verifyOffline } from './support/offline-verifier';
import { ARTIFACTS, CHROMIUM, expectAccessible, inspect } from './support/page-inspection';

describe('the web interface in a real browser', () => {
  const service = useRunningService(() => sqliteDatabase());
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=nl-NL'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(name: string, role: string): Promise<Page> {
    // The pages allow no script at all (Content-Security-Policy); axe is the test's own script, let in past it.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, timezoneId: 'Europe/Amsterdam', locale: 'nl-NL' });
    // Generous for a busy 2-core machine, yet inside the test's own timeout, so a missing element is named by its locator.
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${service.t.url}/`);
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
    await page.getByLabel('Naam').fill(name);
    await page.getByLabel('Rol').selectOption(role);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(`${service.t.url}/`);
    return page;
  }
  /** The quick scan through its form: every row scored as the route needs (room for influence, or none), and the inspraak duty. */
  async function fillQuickScan(page: Page, route: 'interactive' | 'not-interactive'): Promise<void> {
    const high = route === 'interactive';
    for (const row of ['Hoeveel beïnvloedingsruimte is er?', 'Is er commitment? a. Bestuurlijk', 'Is er commitment? b. Politiek', 'Is er bereidheid bij de potentiële deelnemers/actoren?', 'Levert interactie meerwaarde op?']) {
      await page.getByRole('group', { name: row }).getByRole('radio').nth(high || row !== 'Hoeveel beïnvloedingsruimte is er?' ? 4 : 0).check();
    }
    for (const row of ['Organisatorische voorwaarden: a. Geld (€), ten laste van het project', 'Organisatorische voorwaarden: b. Capaciteit (fte)', 'Organisatorische voorwaarden: c. Deskundigheid van de projectleider en ervaring met interactief werken', 'Organisatorische voorwaarden: d. Tijd']) {
      await page.getByRole('group', { name: row }).getByRole('radio').nth(3).check();
    }
    for (const aspect of ['Politieke ruimte', 'Juridische ruimte', 'Beleidsruimte', 'Invloed van de maatschappelijke omgeving']) {
      await page.getByRole('group', { name: aspect }).getByRole('radio').nth(high ? 3 : 0).check();
    }
  }
  /** The process manager asks the college for a step's green light: from the step on the Overzicht to the form on Besluiten. */
  async function askGreenLight(manager: Page, projectUrl: string, step: string, proposal: string): Promise<void> {
    await manager.goto(projectUrl);
    await manager.getByRole('link', { name: `Groen licht aanvragen voor ${step}` }).click();
    await manager.getByLabel('Voorstel', { exact: true }).fill(proposal);
    await manager.getByLabel('Gewenste vergaderdatum').fill(dutchDay(new Date(Date.now() + 7 * 86_400_000)));
    await manager.getByRole('button', { name: 'Groen licht aanvragen' }).click();
    await manager.waitForURL(/besluiten\?opgeslagen=1/);
    await expect(manager.locator('#aanvragen ~ ul li').first().textContent()).resolves.toContain(`${step}: aangevraagd bij het college van B&W`);
  }
  /** The college's secretary records the approval from the werkvoorraad, taken today. */
  async function approveFromWorklist(secretary: Page, step: string, project: string, reference: string): Promise<void> {
    await secretary.goto(`${service.t.url}/werkvoorraad`);
    await secretary.getByRole('link', { name: `Collegebesluit vastleggen: ${step} (${project})` }).click();
    await expect(secretary.getByLabel('Stap', { exact: true }).inputValue()).resolves.not.toBe('');
    await secretary.getByLabel('Akkoord (conform voorstel)').check();
    // Taken today: a green light cannot precede the file it rests on (issue 18).
    await secretary.getByLabel('Datum besluit').fill(dutchDay(new Date()));
    await secretary.getByLabel('Kenmerk', { exact: true }).fill(reference);
    await secretary.getByRole('button', { name: 'Collegebesluit vastleggen' }).click();
    await secretary.waitForURL(/besluiten\?opgeslagen=1/);
    await expect(secretary.locator('.iw-card').first().textContent()).resolves.toContain(reference);
  }
  /** The process manager takes the step on the Overzicht. */
  async function takeStep(manager: Page, projectUrl: string, step: string): Promise<void> {
    await manager.goto(projectUrl);
    await manager.getByRole('button', { name: `Stap zetten: ${step}` }).click();
    await manager.waitForURL(/opgeslagen=1/);
  }
  /** A step from its request to its taking: the process manager asks, the college's secretary records, the process manager takes it. */
  async function greenLightAndStep(manager: Page, secretary: Page, projectUrl: string, project: string, step: string, reference: string): Promise<void> {
    await askGreenLight(manager, projectUrl, step, `Collegevoorstel ${step.toLowerCase()}`);
    await approveFromWorklist(secretary, step, project, reference);
    await takeStep(manager, projectUrl, step);
  }
  /** The page made public in the settings on Communicatie; answers its address. */
  async function makePublic(manager: Page, projectUrl: string, settings: Record<string, string> = {}): Promise<string> {
    await manager.goto(`${projectUrl}/communicatie`);
    const form = manager.locator('form[action$="/instellingen"]');
    for (const [label, value] of Object.entries(settings)) await form.getByLabel(label).fill(value);
    await form.getByLabel(/^Openbaar maken/).check();
    await form.getByRole('button').click();
    await manager.waitForURL(/communicatie\?opgeslagen=1/);
    return (await manager.getByRole('link', { name: /^openbaar op \/openbaar\// }).getAttribute('href'))!;
  }
  /** The quick scan on its form for a project without interaction, inspraak under afdeling 3.4 Awb (form e), the municipality informing. */
  async function scanWithoutInteraction(manager: Page): Promise<void> {
    await tab(manager, 'Dossier');
    await fillQuickScan(manager, 'not-interactive');
    await manager.getByLabel('Naam deelnemer 1').fill('A. de Vries');
    await manager.getByLabel('Rol deelnemer 1').selectOption({ label: 'Projectleider' });
    await manager.getByRole('group', { name: 'Inspraak is wettelijk verplicht' }).getByLabel('Ja').check();
    await manager.getByLabel('Inspraak (§1.4)').selectOption({ label: 'e. Inspraak in de voorbereiding volgens de procedure van afdeling 3.4 Awb.' });
    await manager.getByLabel('Als het project niet interactief wordt: informeert de gemeente de betrokkenen?').selectOption({ label: 'Ja: informeren (open autoritair)' });
    await manager.getByRole('button', { name: 'Quickscan opslaan' }).click();
    await manager.waitForURL(/dossier\?opgeslagen=1/);
  }
  /** The kennisgeving on the Inspraak page: the draft laid open from this day, published there. */
  async function layOpen(manager: Page, laidOpenOn: string, publishedIn: string): Promise<void> {
    const form = manager.locator('form[action$="/inspectie"]');
    await form.getByLabel('Eerste dag terinzagelegging').fill(laidOpenOn);
    await form.getByLabel('Kennisgeving gepubliceerd in').fill(publishedIn);
    await form.getByRole('button').click();
    await manager.waitForURL(/inspraak\?opgeslagen=1/);
  }
  const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Onderdelen van het project' }).getByRole('link', { name, exact: true }).click();
  /** A project made on the page "Nieuw project", the origin chosen by its label; answers the project's address. */
  async function createOnPage(page: Page, title: string, fill?: () => Promise<void>): Promise<string> {
    await page.goto(`${service.t.url}/projecten/nieuw`);
    await page.getByLabel('Titel').fill(title);
    await fill?.();
    await page.getByRole('button', { name: 'Project aanmaken' }).click();
    await page.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    return page.url();
  }

  it('takes a project from creation to its plan: each role at its own task, every page in words, accessible and without sideways scrolling', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    // This installation sends no mail (no SMTP_URL): the dashboard says so.
    await expect(manager.getByRole('status').filter({ hasText: 'E-mail staat uit' }).isVisible()).resolves.toBe(true);
    await inspect(manager, 'projecten-leeg');
    // Keyboard first: the skip link is the first stop and leads to the content.
    await manager.keyboard.press('Tab');
    await expect(manager.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Direct naar de inhoud');
    await manager.keyboard.press('Enter');
    await expect(manager.evaluate(() => document.activeElement?.id)).resolves.toBe('inhoud');

    await manager.getByRole('link', { name: 'Nieuw project' }).click();
    await inspect(manager, 'nieuw-project');
    await manager.getByLabel('Titel').fill('Herinrichting Marktplein');
    await manager.getByRole('button', { name: 'Project aanmaken' }).click();
    await manager.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    const projectUrl = manager.url();
    const ask = (step: string, proposal: string) => askGreenLight(manager, projectUrl, step, proposal);
    await expect(manager.locator('[aria-current="step"] .iw-stepper__name').textContent()).resolves.toBe('Quickscan');
    await inspect(manager, 'overzicht-nieuw');

    // The quick scan in the guide's own table, on the Dossier page.
    await tab(manager, 'Dossier');
    await inspect(manager, 'dossier-quickscan');
    await fillQuickScan(manager, 'interactive');
    await manager.getByLabel('Naam deelnemer 1').fill('A. de Vries');
    await manager.getByLabel('Rol deelnemer 1').selectOption({ label: 'Projectleider' });
    await manager.getByLabel('Naam deelnemer 2').fill('W. Wethouder');
    await manager.getByLabel('Rol deelnemer 2').selectOption({ label: 'Opdrachtgever (bestuurder)' });
    await manager.getByLabel(/^a\. Er zijn grote belangen/).first().check();
    await manager.getByRole('group', { name: 'Inspraak is wettelijk verplicht' }).getByLabel('Nee').check();
    await manager.getByRole('button', { name: 'Quickscan opslaan' }).click();
    await manager.waitForURL(/dossier\?opgeslagen=1/);
    await expect(manager.getByText('Advies: interactief werken').isVisible()).resolves.toBe(true);
    // Saved unchanged through the form, the scan stays as it was: every participant and role kept.
    const scanBefore = (await manager.request.get(`${service.t.url}/api/projects/${projectUrl.split('/').pop()}/quick-scan`, { headers: { authorization: `Bearer ${service.api.manager}` } })).json();
    await manager.goto(`${projectUrl}/dossier?wijzigen=quick-scan`);
    await manager.getByRole('button', { name: 'Quickscan opslaan' }).click();
    await manager.waitForURL(/dossier\?opgeslagen=1/);
    const scanAfter = (await manager.request.get(`${service.t.url}/api/projects/${projectUrl.split('/').pop()}/quick-scan`, { headers: { authorization: `Bearer ${service.api.manager}` } })).json();
    expect((await scanAfter).data).toEqual((await scanBefore).data);
    expect((await scanAfter).data.participants).toEqual([
      { name: 'A. de Vries', role: 'project-leader' },
      { name: 'W. Wethouder', role: 'commissioning-administrator' },
    ]);

    // Nothing reaches the college until it is asked (issue 19): the step says so in a neutral colour.
    await manager.goto(projectUrl);
    await expect(manager.locator('#stap-START_INTERACTIVE .iw-badge--neutral').textContent()).resolves.toBe('Nog niet aangevraagd');
    await ask('Interactief starten', 'Collegevoorstel interactieve aanpak Marktplein');
    await inspect(manager, 'groen-licht-aangevraagd');
    await manager.goto(projectUrl);
    await expect(manager.locator('#stap-START_INTERACTIVE .iw-badge--waiting').textContent()).resolves.toContain('Wacht op een collegebesluit (aangevraagd op');

    // The college's secretary: from the werkvoorraad to a recorded approval in three screens.
    const secretary = await signedIn('S. Secretaris', 'college-secretary');
    await secretary.getByRole('link', { name: 'Werkvoorraad' }).click();
    await inspect(secretary, 'werkvoorraad-college');
    const approve = (step: string, reference: string) => approveFromWorklist(secretary, step, 'Herinrichting Marktplein', reference);
    // No outcome is chosen for the secretary: leaving it open is refused, with the input kept.
    await secretary.goto(`${projectUrl}/besluiten?stap=START_INTERACTIVE`);
    await secretary.getByLabel('Kenmerk', { exact: true }).fill('B&W 2026/411');
    await secretary.getByLabel('Datum besluit').fill(dutchDay(new Date()));
    await secretary.getByRole('button', { name: 'Collegebesluit vastleggen' }).click();
    await expect(secretary.getByRole('alert').textContent()).resolves.toContain('Uitkomst: kies een van de mogelijkheden.');
    await expect(secretary.getByLabel('Kenmerk', { exact: true }).inputValue()).resolves.toBe('B&W 2026/411');
    await inspect(secretary, 'besluit-geweigerd');
    await approve('Interactief starten', 'B&W 2026/412');
    await inspect(secretary, 'besluiten');

    // Woo: the secretary publishes the decision under its category; without one the form is refused.
    await secretary.getByRole('button', { name: 'Openbaar maken' }).first().click();
    await expect(secretary.getByRole('alert').textContent()).resolves.toContain('Informatiecategorie');
    const decisionForm = secretary.locator('form', { has: secretary.locator('input[name="kind"][value="besluit"]') });
    await decisionForm.getByLabel('Informatiecategorie').selectOption({ label: 'Agenda’s en besluitenlijsten bestuurscolleges (artikel 3.3 lid 2 onder d)' });
    await decisionForm.getByLabel('Link naar het besluit').fill('https://www.gemeente.nl/besluiten/b-en-w-2026-412.pdf');
    // Not without the checks a person makes: refused, what was chosen kept.
    await decisionForm.getByRole('button', { name: 'Openbaar maken' }).click();
    await expect(secretary.getByRole('alert').textContent()).resolves.toContain('Bevestig eerst de controle op de uitzonderingsgronden (artikel 5.1 en 5.2 Woo) en het weglakken van persoonsgegevens');
    await expect(decisionForm.getByLabel('Link naar het besluit').inputValue()).resolves.toBe('https://www.gemeente.nl/besluiten/b-en-w-2026-412.pdf');
    await decisionForm.getByLabel(/^Geen uitzonderingsgrond/).check();
    await decisionForm.getByLabel(/^Persoonsgegevens die niet openbaar mogen/).check();
    await decisionForm.getByRole('button', { name: 'Openbaar maken' }).click();
    await secretary.waitForURL(/besluiten\?opgeslagen=1/);
    await expect(secretary.locator('.iw-card').first().textContent()).resolves.toContain('Agenda’s en besluitenlijsten bestuurscolleges');
    await expect(secretary.getByText('Alle besluiten zijn openbaar gemaakt.').isVisible()).resolves.toBe(true);
    // A document of its own, then taken back with a reason.
    const documentForm = secretary.locator('form', { has: secretary.locator('input[name="kind"][value="document"]') });
    await documentForm.getByLabel('Titel').fill('Verslag bewonersavond');
    await documentForm.getByLabel('Link naar het document').fill('https://www.gemeente.nl/verslag.pdf');
    await documentForm.getByLabel('Soort document').selectOption({ label: 'Vergaderverslag' });
    await documentForm.getByLabel('Ontvangen').check();
    await documentForm.getByLabel('Datum van het document').fill('2026-11-12');
    // What falls under none of the seventeen is published on the general duty of art. 3.1 (issue 23).
    expect(await documentForm.getByLabel('Informatiecategorie').locator('option').allTextContents()).toContain('Overige informatie (inspanningsverplichting, artikel 3.1 Woo)');
    await documentForm.getByLabel('Informatiecategorie').selectOption({ label: 'Vergaderstukken decentrale overheden (artikel 3.3 lid 2 onder c)' });
    await documentForm.getByLabel(/^Geen uitzonderingsgrond/).check();
    await documentForm.getByLabel(/^Persoonsgegevens die niet openbaar mogen/).check();
    await documentForm.getByRole('button', { name: 'Openbaar maken' }).click();
    await secretary.waitForURL(/besluiten\?opgeslagen=1/);
    const minutes = secretary.locator('#woo ~ .iw-cards .iw-card, #woo + p + .iw-cards .iw-card').filter({ hasText: 'Verslag bewonersavond' });
    await minutes.getByText('Intrekken').first().click();
    await minutes.getByLabel('Waarom gaat het document uit de openbaarmaking?').fill('Er staat een naam van een inwoner in');
    await minutes.getByRole('button', { name: 'Intrekken' }).click();
    await secretary.waitForURL(/besluiten\?opgeslagen=1/);
    await expect(minutes.locator('dd').last().textContent()).resolves.toMatch(/^op \d{1,2} [a-z]+ \d{4}. Reden: Er staat een naam van een inwoner in$/);
    await expect(minutes.getByText('Intrekken').count()).resolves.toBe(0);
    // No longer public: the card says when it was, not "since".
    await expect(minutes.getByText('Openbaar sinds').count()).resolves.toBe(0);
    // Neither category's duty is in force yet (Woo art. 10.3 lid 2): published of the municipality's own accord.
    await expect(minutes.getByText('Uit eigen beweging (artikel 3.1 Woo)').count()).resolves.toBe(1);
    await inspect(secretary, 'besluiten-woo');

    const take = async (step: string, expectedStage: string) => {
      await takeStep(manager, projectUrl, step);
      await expect(manager.locator('[aria-current="step"] .iw-stepper__name').textContent()).resolves.toBe(expectedStage);
    };
    await take('Interactief starten', 'Formeel commitment');

    // The formal commitment, then the plan of approach with all its parts.
    await tab(manager, 'Dossier');
    await manager.getByLabel('Vastgelegd in').selectOption({ label: 'B&W-voorstel' });
    await manager.locator('#commitment-reference').fill('B&W 2026/413');
    // Pairs are rows of two fields; "Rij toevoegen" brings one more, what was typed kept and nothing saved.
    await manager.getByLabel('Partij 1').fill('Dorpsraad');
    await manager.getByLabel('Afspraak 1').fill('maandelijks overleg');
    await manager.getByRole('group', { name: 'Procesafspraken' }).getByRole('button', { name: 'Rij toevoegen' }).click();
    await expect(manager.getByLabel('Partij 1').inputValue()).resolves.toBe('Dorpsraad');
    await manager.getByLabel('Partij 3').fill('Ondernemersvereniging');
    await manager.getByRole('button', { name: 'Commitment opslaan' }).click();
    // A row half filled is named by its own label, its link reaching the field.
    await expect(manager.getByRole('alert').getByRole('link', { name: 'Afspraak 3: vul dit in.' }).getAttribute('href')).resolves.toBe('#commitment-processAgreements-2-agreement');
    await inspect(manager, 'commitment-rijen');
    await manager.getByLabel('Afspraak 3').fill('overleg voor elke bewonersavond');
    await manager.getByRole('button', { name: 'Commitment opslaan' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await ask('Commitment vastleggen', 'Collegevoorstel commitment Marktplein');
    await approve('Commitment vastleggen', 'B&W 2026/414');
    await take('Commitment vastleggen', 'Plan van aanpak');

    await tab(manager, 'Dossier');
    await manager.getByRole('link', { name: 'Groep toevoegen' }).click();
    await manager.getByLabel('Naam van de groep').fill('Omwonenden');
    await manager.getByLabel('Hoe benadert u deze groep?').fill('Huis-aan-huisbrief en een avond op het plein');
    await manager.getByRole('button', { name: 'Groep toevoegen' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await manager.getByLabel('Doelgroep 1').fill('Omwonenden');
    await manager.getByLabel('Waarom 1').fill('Het is hun plein');
    await manager.getByLabel('Draagvlak voor proces', { exact: false }).check();
    for (const phase of ['Beleidsvoorbereiding', 'Besluitvorming', 'Uitvoering', 'Evaluatie']) await manager.getByLabel(phase, { exact: true }).selectOption({ label: 'Informeren (Open autoritair)' });
    await manager.getByLabel('4. Waarover gaat het gesprek wel?').fill('De inrichting van het plein');
    await manager.getByLabel('Waarover niet?', { exact: true }).fill('Het budget');
    await manager.getByLabel('Hoe gaat u om met vragen buiten de afbakening?').fill('Doorsturen naar het KCC');
    await manager.getByLabel('5. Kansen (één per regel)').fill('Lokale kennis');
    await manager.getByLabel('Bedreiging 1').fill('Lage opkomst');
    await manager.getByLabel('Maatregel 1').fill('huis-aan-huis uitnodigen');
    await manager.getByLabel('6. Werkvormen (één per regel)').fill('bewonersavond');
    await manager.getByLabel('Planning', { exact: true }).fill('Voorjaar 2027');
    await manager.getByLabel('Taakverdeling en organisatie').fill('Projectteam');
    await manager.getByLabel('Hoe koppelt u de resultaten terug?').fill('Nieuwsbrief na elke avond');
    await manager.getByLabel('Datum 1').fill('2027-03-01');
    await manager.getByLabel('Moment 1').fill('Raadsinformatieavond');
    await manager.getByLabel('Hoe worden besluiten genomen?').fill('Het college besluit elke stap');
    await manager.getByLabel('we nemen het mee').check();
    await manager.getByLabel('Hard of zacht 1').selectOption({ label: 'Hard kader' });
    await manager.getByLabel('Kader 1', { exact: true }).fill('Het budget ligt vast');
    await manager.getByLabel(/^d\. Geen inspraak, geen interactie/).check();
    await manager.getByRole('button', { name: 'Plan opslaan' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await inspect(manager, 'dossier-plan');
    await ask('Plan van aanpak vaststellen', 'Collegevoorstel plan van aanpak Marktplein');
    await approve('Plan van aanpak vaststellen', 'B&W 2026/415');
    await take('Plan van aanpak vaststellen', 'Beleidsvoorbereiding');
    await inspect(manager, 'overzicht');
    // A keyboard walk: the tabs come in reading order, each focus visible.
    const walk: Array<{ text: string; outline: string }> = [];
    await manager.locator('h1').click();
    for (let i = 0; i < 9; i++) {
      await manager.keyboard.press('Tab');
      walk.push(await manager.evaluate(() => ({ text: document.activeElement!.textContent!.trim(), outline: getComputedStyle(document.activeElement!).outlineStyle })));
    }
    const texts = walk.map((w) => w.text);
    expect(texts.slice(texts.indexOf('Overzicht'), texts.indexOf('Overzicht') + 6)).toEqual(['Overzicht', 'Dossier', 'Besluiten', 'Inspraak', 'Communicatie', 'Tijdlijn']);
    expect(walk.filter((w) => w.outline === 'none')).toEqual([]);

    // A contact on an earlier day: a refusal (a moment ahead) keeps the input, then the right moment is recorded.
    await tab(manager, 'Communicatie');
    await manager.getByLabel('Datum van het contact').fill('2099-01-01');
    await manager.getByLabel('Kanaal', { exact: true }).fill('nieuwsbrief');
    await manager.getByLabel('Doelgroep', { exact: true }).fill('alle deelnemers');
    await manager.getByLabel('Samenvatting', { exact: true }).fill('Wij starten interactief; u hoort binnenkort meer.');
    await manager.getByRole('button', { name: 'Communicatie vastleggen' }).click();
    await expect(manager.getByRole('alert').textContent()).resolves.toContain('in de toekomst');
    await expect(manager.getByLabel('Samenvatting', { exact: true }).inputValue()).resolves.toBe('Wij starten interactief; u hoort binnenkort meer.');
    await inspect(manager, 'communicatie-geweigerd');
    await manager.getByLabel('Datum van het contact').fill('2026-11-27');
    await manager.getByLabel('Tijd van het contact').fill('14:05');
    await manager.getByRole('button', { name: 'Communicatie vastleggen' }).click();
    await manager.waitForURL(/communicatie\?opgeslagen=1/);
    await expect(manager.locator('section[aria-labelledby="log"] .iw-card').first().textContent()).resolves.toContain('27 november 2026 om 14:05');
    await inspect(manager, 'communicatie');

    // The documents for accounting: readable pages, in words, like every other.
    await manager.goto(projectUrl);
    await manager.getByRole('link', { name: 'Participatieparagraaf' }).click();
    await manager.getByRole('textbox', { name: 'Slottekst van de procesmanager' }).fill('Wij informeren de omwonenden bij elke stap.');
    await manager.getByRole('button', { name: 'Slottekst opslaan' }).click();
    await manager.waitForURL(/participatieparagraaf\?opgeslagen=1/);
    await inspect(manager, 'participatieparagraaf');
    await manager.goto(`${projectUrl}/nota`);
    await inspect(manager, 'nota');
    // The page for residents, read without signing in.
    const publicUrl = await makePublic(manager, projectUrl);
    const resident = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'nl-NL' })).newPage();
    await resident.goto(`${service.t.url}${publicUrl}`);
    await expect(resident.getByRole('heading', { level: 2, name: 'Hoeveel invloed heeft u?' }).isVisible()).resolves.toBe(true);
    await inspect(resident, 'openbaar');
    await resident.goto(`${service.t.url}/openbaar`);
    await inspect(resident, 'openbaar-overzicht');

    await manager.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
    const card = manager.locator('.iw-project', { hasText: 'Herinrichting Marktplein' });
    await expect(card.locator('.iw-light').textContent()).resolves.toBe('In orde');
    await inspect(manager, 'projecten');
    await manager.getByRole('link', { name: 'Werkvoorraad' }).click();
    await inspect(manager, 'vandaag');
    await manager.getByRole('link', { name: 'Inzicht' }).click();
    await inspect(manager, 'inzicht');

    // The timeline: sentences, local time, the filter's entries exported for Dutch Excel.
    await manager.goto(projectUrl);
    await tab(manager, 'Tijdlijn');
    await inspect(manager, 'tijdlijn');
    await manager.getByLabel('Soort gebeurtenis').selectOption({ label: 'Besluit vastgelegd' });
    await manager.getByRole('button', { name: 'Toepassen' }).click();
    await expect(manager.locator('.iw-timeline__entry').count()).resolves.toBe(3);
    const csv = await manager.request.get(await manager.getByRole('link', { name: 'spreadsheet (CSV)' }).getAttribute('href').then((href) => `${service.t.url}${href}`));
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(csv.headers()['content-disposition']).toContain('tijdlijn-herinrichting-marktplein.csv');
    const lines = (await csv.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFF"Volgnummer";"Datum en tijd";"Door";"Rol";"Gebeurtenis";"Controlecode";"Details"');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"Besluit van het college van B&W: akkoord (conform voorstel) voor de stap ‘Interactief starten’"');

    // English on request.
    await manager.getByRole('link', { name: 'English' }).click();
    await expect(manager.getByRole('heading', { level: 2, name: 'Timeline' }).isVisible()).resolves.toBe(true);

    // The auditor reads everything and writes nothing: no forms, a refused post is a page in the layout.
    const auditor = await signedIn('E. Auditor', 'auditor');
    for (const [name, path] of [['overzicht', ''], ['dossier', '/dossier'], ['besluiten', '/besluiten'], ['inspraak', '/inspraak'], ['communicatie', '/communicatie']] as const) {
      await auditor.goto(`${projectUrl}${path}`);
      await expect(auditor.locator('main form[method="post"]').count()).resolves.toBe(0);
      await inspect(auditor, `auditor-${name}`);
    }
    const exported = await auditor.request.get(`${projectUrl}/tijdlijn.csv`);
    const entries = (await (await auditor.request.get(`${projectUrl}/tijdlijn.json`)).json()) as unknown[];
    // A header and a line per entry.
    expect([exported.status(), (await exported.text()).split('\r\n').filter(Boolean).length]).toEqual([200, entries.length + 1]);
    const csrf = await auditor.locator('input[name="_csrf"]').first().inputValue();
    const refused = await auditor.request.post(`${projectUrl}/communicatie`, { form: { _csrf: csrf, channel: 'x', audience: 'y', summary: 'z' } });
    expect(refused.status()).toBe(403);
    await auditor.setContent(await refused.text());
    await expect(auditor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Geen toegang');
    await expectAccessible(auditor);
    // Unknown pages and expired sessions are pages too, never JSON.
    const unknown = await auditor.goto(`${service.t.url}/bestaat-niet`);
    expect(unknown!.status()).toBe(404);
    await expect(auditor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pagina niet gevonden');
    const stale = await auditor.request.post(`${projectUrl}/communicatie`, { form: { _csrf: 'verlopen' } });
    expect([stale.status(), stale.headers()['content-type']]).toEqual([403, expect.stringContaining('text/html')]);
    await auditor.goto(`${projectUrl}/schema`);
    await inspect(auditor, 'schema', { words: false });
  }, 300_000);

  it('hands steps between the process manager and the griffie: asked, deferred with its reason, a stop asked, decided and confirmed', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    const projectUrl = await createOnPage(manager, 'Raadsvoorstel sportpark', () => manager.getByLabel('Hoog: de gemeenteraad beslist').check());
    const nextWeek = dutchDay(new Date(Date.now() + 7 * 86_400_000));
    // Both routes asked of the raad, each through the form on Besluiten; a request without its proposal is refused, the input kept.
    await manager.goto(`${projectUrl}/besluiten#aanvragen`);
    const request = manager.locator('form[action$="/groen-licht"]');
    await request.getByLabel('Stap', { exact: true }).selectOption({ label: 'Interactief starten (de gemeenteraad)' });
    await request.getByLabel('Gewenste vergaderdatum').fill(nextWeek);
    await request.getByRole('button').click();
    await expect(manager.getByRole('alert').textContent()).resolves.toContain('Voorstel: vul dit in.');
    await expect(request.getByLabel('Gewenste vergaderdatum').inputValue()).resolves.toBe(nextWeek);
    await inspect(manager, 'groen-licht-geweigerd');
    await request.getByLabel('Voorstel', { exact: true }).fill('Raadsvoorstel interactieve aanpak sportpark');
    await request.getByRole('button').click();
    await manager.waitForURL(/besluiten\?opgeslagen=1/);
    await request.getByLabel('Stap', { exact: true }).selectOption({ label: 'Niet interactief werken (de gemeenteraad)' });
    await request.getByLabel('Voorstel', { exact: true }).fill('Raadsvoorstel zonder interactie');
    await request.getByLabel('Gewenste vergaderdatum').fill(nextWeek);
    await request.getByRole('button').click();
    await manager.waitForURL(/besluiten\?opgeslagen=1/);
    await expect(manager.getByText('Er is nu geen stap om groen licht voor aan te vragen.').isVisible()).resolves.toBe(true);

    const griffier = await signedIn('G. Griffier', 'council-clerk');
    await griffier.goto(`${service.t.url}/werkvoorraad`);
    await expect(griffier.locator('.iw-card').filter({ hasText: 'Raadsvoorstel sportpark' }).first().textContent()).resolves.toContain('Raadsvoorstel interactieve aanpak sportpark');
    await inspect(griffier, 'werkvoorraad-griffie');
    await griffier.getByRole('link', { name: 'Raadsbesluit vastleggen: Niet interactief werken (Raadsvoorstel sportpark)' }).click();
    await expect(griffier.getByLabel('Stap', { exact: true }).locator('option').allTextContents()).resolves.toEqual(['Kies de stap', 'Interactief starten', 'Niet interactief werken', 'Project stoppen']);
    await inspect(griffier, 'besluiten-griffie');
    // The raad defers a step: without a reason refused, with one it reaches the process manager in words.
    const decision = griffier.locator('form[action$="/besluit"]');
    await expect(decision.getByLabel('Stap', { exact: true }).inputValue()).resolves.toBe('DECIDE_NON_INTERACTIVE');
    await decision.getByLabel('Aangehouden').check();
    // A date in the future is refused, the date named in words, what was typed kept; the field says its maximum.
    const tomorrow = dutchDay(new Date(Date.now() + 86_400_000));
    await decision.getByLabel('Datum besluit').fill(tomorrow);
    await decision.getByLabel('Kenmerk', { exact: true }).fill('R 2026/77');
    await decision.getByRole('button').click();
    // Both faults at once, each linked to its field.
    const faults = await griffier.getByRole('alert').textContent();
    expect(faults).toContain(`De datum van het besluit, ${longDay(tomorrow, 'nl')}, ligt in de toekomst.`);
    expect(faults).toContain('Toelichting of reden: geef de reden.');
    await expect(decision.getByLabel('Kenmerk', { exact: true }).inputValue()).resolves.toBe('R 2026/77');
    await expect(decision.getByLabel('Datum besluit').getAttribute('max')).resolves.toBe(dutchDay(new Date()));
    await inspect(griffier, 'besluit-alle-fouten');
    await decision.getByLabel('Datum besluit').fill(dutchDay(new Date()));
    await decision.getByLabel('Toelichting of reden').fill('De raad wil eerst de sportverenigingen horen.');
    await decision.getByRole('button').click();
    await griffier.waitForURL(/besluiten\?opgeslagen=1/);
    // A deferral keeps the step on the raad's agenda, with its date and reason.
    await griffier.goto(`${service.t.url}/werkvoorraad`);
    const deferral = `Aangehouden door de gemeenteraad op ${longDay(dutchDay(new Date()), 'nl')}: De raad wil eerst de sportverenigingen horen.`;
    await expect(griffier.locator('.iw-card').filter({ hasText: 'Niet interactief werken: Raadsvoorstel sportpark' }).textContent()).resolves.toContain(deferral);
    // On Besluiten too, with the request it answers.
    await manager.goto(`${projectUrl}/besluiten`);
    await expect(manager.locator('#aanvragen ~ ul li').filter({ hasText: 'Niet interactief werken' }).textContent()).resolves.toContain(deferral);
    const secretary = await signedIn('S. Secretaris', 'college-secretary');
    await secretary.goto(`${projectUrl}/besluiten`);
    await expect(secretary.getByText('Er wacht nu geen stap op een collegebesluit.').isVisible()).resolves.toBe(true);

    await manager.goto(projectUrl);
    await expect(manager.locator('#stap-DECIDE_NON_INTERACTIVE').textContent()).resolves.toContain(deferral);
    await inspect(manager, 'overzicht-aangehouden');
    // Stopping is asked of the raad too, with its reason; refused without one.
    await manager.getByRole('link', { name: 'Project stoppen…' }).click();
    await inspect(manager, 'stoppen');
    await manager.getByLabel('Gewenste vergaderdatum').fill(nextWeek);
    await manager.getByRole('button', { name: 'Stoppen aanvragen' }).click();
    await expect(manager.getByRole('alert').textContent()).resolves.toContain('Waarom stopt het project?: vul dit in.');
    await manager.getByLabel('Waarom stopt het project?').fill('De raad koos een andere locatie.');
    await manager.getByRole('button', { name: 'Stoppen aanvragen' }).click();
    await manager.waitForURL(/stoppen\?opgeslagen=1/);
    await expect(manager.getByRole('status').textContent()).resolves.toContain('U heeft het stoppen aangevraagd bij de gemeenteraad');
    await inspect(manager, 'stoppen-aangevraagd');

    await griffier.goto(`${service.t.url}/werkvoorraad`);
    await griffier.getByRole('link', { name: 'Raadsbesluit vastleggen: Project stoppen (Raadsvoorstel sportpark)' }).click();
    await decision.getByLabel('Aangenomen').check();
    await decision.getByLabel('Datum besluit').fill(dutchDay(new Date()));
    await decision.getByLabel('Kenmerk', { exact: true }).fill('R 2026/78');
    await decision.getByRole('button').click();
    await griffier.waitForURL(/besluiten\?opgeslagen=1/);

    // Once decided, the process manager confirms, the reason as asked.
    await manager.goto(`${projectUrl}/stoppen`);
    await expect(manager.getByLabel('Waarom stopt het project?').inputValue()).resolves.toBe('De raad koos een andere locatie.');
    await inspect(manager, 'stoppen-bevestigen');
    await manager.getByRole('button', { name: 'Project definitief stoppen' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    // Read back from the Tijdlijn's own export, in the manager's session.
    const trail = (await (await manager.request.get(`${projectUrl}/tijdlijn.json`)).json()) as Array<{ type: string; payload: { event?: string; reason?: string; gate?: string } }>;
    expect(trail.filter((e) => e.type === 'transition').map((e) => [e.payload.event, e.payload.reason])).toEqual([['STOP', 'De raad koos een andere locatie.']]);
    expect(trail.filter((e) => e.type === 'green-light-requested').map((e) => e.payload.gate)).toEqual(['START_INTERACTIVE', 'DECIDE_NON_INTERACTIVE', 'STOP']);
    await inspect(manager, 'gestopt');

    // The auditor hands the stopped project to the e-depot from its Tijdlijn (issue 23); the process manager sees no such link.
    await expect(manager.goto(`${projectUrl}/tijdlijn`).then(() => manager.getByRole('link', { name: /Archiefpakket/ }).count())).resolves.toBe(0);
    const auditor = await signedIn('E. Auditor', 'auditor');
    await auditor.goto(`${projectUrl}/tijdlijn`);
    const link = auditor.getByRole('link', { name: 'Archiefpakket voor het e-depot downloaden (zip)' });
    const archive = await auditor.request.get(`${service.t.url}${await link.getAttribute('href')}`);
    expect([archive.status(), archive.headers()['content-type'], archive.headers()['content-disposition']]).toEqual([200, 'application/zip', expect.stringMatching(/^attachment; filename="archief-[a-z0-9-]+\.zip"$/)]);
    const files = Object.keys(unzipSync(new Uint8Array(await archive.body())));
    expect(files).toEqual(expect.arrayContaining(['dossier.mdto.xml', 'sha256sums.txt', 'verantwoording/audit-export.json', 'documenten/participatieparagraaf.pdf']));
    await inspect(auditor, 'tijdlijn-archiefpakket');
  }, 180_000);

  it('records an initiative’s formal submission through its form, and keeps a refused form on its page', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    const projectUrl = await createOnPage(manager, 'Winkelcentrum in eigen beheer', async () => {
      await manager.getByLabel('Initiatief van inwoners of andere derden').check();
    });
    await expect(manager.locator('[aria-current="step"] .iw-stepper__name').textContent()).resolves.toBe('Intake (initiatief)');

    // The quick scan is refused while the initiative is not submitted: said in Dutch, on the same page.
    await tab(manager, 'Dossier');
    await manager.getByRole('group', { name: 'Hoeveel beïnvloedingsruimte is er?' }).getByRole('radio').nth(4).check();
    await manager.getByRole('button', { name: 'Quickscan opslaan' }).click();
    await expect(manager.getByRole('alert').textContent()).resolves.toContain('nog niet formeel ingediend');
    await expect(manager.getByRole('group', { name: 'Hoeveel beïnvloedingsruimte is er?' }).getByRole('radio').nth(4).isChecked()).resolves.toBe(true);
    await inspect(manager, 'dossier-geweigerd');

    await manager.goto(projectUrl);
    // Who brought it, to reach them later: asked on the Overzicht, refused without a name, then kept.
    const initiatorForm = manager.locator('form[action$="/initiatiefnemer"]');
    await initiatorForm.getByLabel('E-mailadres').fill('winkeliers@example.nl');
    await initiatorForm.getByRole('button', { name: 'Opslaan' }).click();
    await expect(manager.getByRole('alert').textContent()).resolves.toContain('Naam van de initiatiefnemer: vul dit in.');
    await initiatorForm.getByLabel('Naam').fill('Vereniging Winkeliers Centrum');
    await initiatorForm.getByRole('button', { name: 'Opslaan' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await expect(manager.locator('#initiatiefnemer').locator('..').locator('dd').first().textContent()).resolves.toBe('Vereniging Winkeliers Centrum');
    await inspect(manager, 'overzicht-initiatief');
    await manager.getByLabel('Datum van indiening').fill('2026-11-20');
    await manager.getByLabel('Kenmerk').fill('Z/26/0815');
    await manager.getByRole('button', { name: 'Stap zetten: Formeel ingediend' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    await expect(manager.locator('[aria-current="step"] .iw-stepper__name').textContent()).resolves.toBe('Quickscan');

    // The language link only ever leads back to a page of this site.
    const away = await manager.request.get(`${service.t.url}/taal?naar=en&terug=/%5Cevil.example`, { maxRedirects: 0 });
    expect(away.headers().location).toBe('/');
  }, 90_000);

  it('redoes a faulty kennisgeving, records the bekendmaking through its form after the decision, and shows the appeal term on the Overzicht and to residents (Awb art. 3:12, 3:40–3:45, 6:7, 6:8)', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    const secretary = await signedIn('S. Secretaris', 'college-secretary');
    const projectUrl = await createOnPage(manager, 'Verkeersbesluit Schoolstraat');
    const title = 'Verkeersbesluit Schoolstraat';
    await scanWithoutInteraction(manager);
    // Each step asked, approved from the werkvoorraad with its number, and taken.
    let number = 500;
    for (const step of ['Niet interactief werken', 'Probleem gedefinieerd', 'Oplossingsrichting gekozen']) await greenLightAndStep(manager, secretary, projectUrl, title, step, `B&W 2026/${++number}`);
    // The kennisgeving and a zienswijze by letter, on the Inspraak page.
    await tab(manager, 'Inspraak');
    await layOpen(manager, '2026-09-03', 'Gemeenteblad 2026, 50001');
    const registered = manager.locator('form[action$="/zienswijzen"]');
    await registered.getByLabel('Ontvangen op').fill('2026-09-10');
    await registered.getByLabel('Indiener', { exact: true }).fill('Fam. de Wit');
    await registered.getByLabel('Samenvatting').fill('Meer oversteekplaatsen.');
    await registered.getByRole('button').click();
    await manager.waitForURL(/inspraak\?opgeslagen=1/);
    // The kennisgeving was faulty: the terinzagelegging is withdrawn with its reason and the draft laid open anew; the zienswijze stays.
    await manager.goto(`${projectUrl}/inspraak`);
    await manager.getByText('Terinzagelegging intrekken').first().click();
    const withdrawal = manager.locator('form#intrekken');
    await withdrawal.getByRole('button', { name: 'Terinzagelegging intrekken' }).click();
    await expect(manager.getByRole('alert').textContent()).resolves.toContain('Reden: vul dit in.');
    await withdrawal.getByLabel('Wat was er mis met de kennisgeving?').fill('De kennisgeving noemde een verkeerde termijn.');
    await withdrawal.getByRole('button', { name: 'Terinzagelegging intrekken' }).click();
    await manager.waitForURL(/inspraak\?opgeslagen=1/);
    await expect(manager.getByText(/^Ter inzage vanaf 3 september 2026 \(Gemeenteblad 2026, 50001\), ingetrokken op .*\. Reden: De kennisgeving noemde een verkeerde termijn\.$/).isVisible()).resolves.toBe(true);
    await inspect(manager, 'inspraak-ingetrokken');
    await layOpen(manager, '2026-09-10', 'Gemeenteblad 2026, 50100');
    await expect(manager.getByText('Fam. de Wit').isVisible()).resolves.toBe(true);

    const answer = manager.locator('form[action*="/antwoord"]');
    await answer.getByLabel('Reactie van de gemeente (nota van beantwoording)').fill('Er komt er één bij.');
    await answer.getByRole('button').click();
    await manager.waitForURL(/inspraak\?opgeslagen=1/);
    for (const step of ['Advies voorgelegd', 'Besluit genomen']) await greenLightAndStep(manager, secretary, projectUrl, title, step, `B&W 2026/${++number}`);

    await manager.goto(projectUrl);
    await expect(manager.getByText('Het besluit is nog niet bekendgemaakt.').isVisible()).resolves.toBe(true);
    await manager.getByRole('link', { name: 'Bekendmaking vastleggen' }).click();
    const form = manager.locator('form[action$="/bekendmaking"]');
    await form.getByLabel('Gepubliceerd in het gemeenteblad (artikel 3:42 Awb)').check();
    await form.getByLabel('Datum van bekendmaking').fill(dutchDay(new Date()));
    await form.getByLabel('Waar bekendgemaakt').fill('Gemeenteblad 2026, 51000');
    await form.getByLabel('Bezwaar bij het bestuursorgaan').check();
    await form.getByRole('button', { name: 'Bekendmaking vastleggen' }).click();
    // Refused with the law's reasons, what was typed kept.
    const alert = await manager.getByRole('alert').textContent();
    expect(alert).toContain('artikel 3:44 lid 1 onder a Awb');
    expect(alert).toContain('artikel 7:1 lid 1 onder d Awb');
    await expect(form.getByLabel('Waar bekendgemaakt').inputValue()).resolves.toBe('Gemeenteblad 2026, 51000');
    await inspect(manager, 'besluiten-bekendmaking-geweigerd');
    await form.getByLabel('Ter inzage gelegd op').fill(dutchDay(new Date()));
    await form.getByLabel('Indieners van zienswijzen geïnformeerd op').fill(dutchDay(new Date()));
    await form.getByLabel('Beroep bij de rechter').check();
    await form.getByRole('button', { name: 'Bekendmaking vastleggen' }).click();
    await manager.waitForURL(/besluiten\?opgeslagen=1/);
    await expect(manager.locator('#bekendmaking').locator('..').getByText(/^tot en met .* \(artikel 6:7 en 6:8 lid 4 Awb\)$/).isVisible()).resolves.toBe(true);
    await inspect(manager, 'besluiten-bekendmaking');
    await tab(manager, 'Overzicht');
    await expect(manager.getByText(/^Beroep instellen tegen het besluit kan tot en met/).isVisible()).resolves.toBe(true);
    await inspect(manager, 'overzicht-na-besluit');

    // Residents read the level of each phase (the route without interaction has no plan) and until when they may appeal.
    const publicUrl = await makePublic(manager, projectUrl);
    const resident = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'nl-NL' })).newPage();
    await resident.goto(`${service.t.url}${publicUrl}`);
    await expect(resident.locator('#invloed').locator('..').textContent()).resolves.toContain('Beleidsvoorbereiding: informeren');
    await expect(resident.getByText(/^Bent u het er niet mee eens\? Dan kunt u tot en met .* beroep instellen bij de rechter/).isVisible()).resolves.toBe(true);
    await inspect(resident, 'openbaar-na-besluit');
  }, 120_000);

  it('opens the dead ends through their forms: a challenge assessed by the college and its challenger told, an applicant’s account, the raad informed', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    // A challenge, made and submitted on the pages.
    const challengeUrl = await createOnPage(manager, 'Beheer buurthuis De Linde', async () => {
      await manager.getByLabel(/^Uitdaging \(uitdaagrecht\)/).check();
    });
    await manager.getByLabel('Datum van indiening').fill('2026-11-02');
    await manager.getByLabel('Kenmerk').fill('UD-2026-14');
    await manager.getByRole('button', { name: 'Stap zetten: Formeel ingediend' }).click();
    await manager.waitForURL(/opgeslagen=1/);
    // The blocker's link leads to the Dossier, where the office records the assessment; the process manager reads who does.
    await manager.locator('#stap-START_INTERACTIVE li', { hasText: 'Leg eerst de beoordeling van de gemeente vast' }).getByRole('link', { name: 'Naar het dossier' }).click();
    expect(new URL(manager.url()).hash).toBe('#uitdaging');
    await expect(manager.getByText('De beoordeling is een besluit van het college of de raad.').isVisible()).resolves.toBe(true);

    const secretary = await signedIn('S. Secretaris', 'college-secretary');
    await secretary.goto(`${challengeUrl}/dossier#uitdaging`);
    const assessment = secretary.locator('form#beoordeling');
    await assessment.getByRole('button', { name: 'Beoordeling door het college vastleggen' }).click();
    const refused = await secretary.getByRole('alert').textContent();
    expect(refused).toContain('Datum besluit');
    expect(refused).toContain('Conclusie');
    await assessment.getByLabel('Datum besluit').fill('2026-11-20');
    await assessment.getByLabel('Kenmerk').fill('B&W 2026/450');
    await assessment.getByRole('group', { name: 'Draagvlak: voldoet de uitdaging?' }).getByLabel('Voldoet', { exact: true }).check();
    await assessment.getByRole('group', { name: 'Continuïteit: voldoet de uitdaging?' }).getByLabel('Voldoet niet').check();
    await assessment.getByLabel('Toelichting bij continuïteit (niet verplicht)').fill('Er is geen tweede beheerder.');
    await assessment.getByLabel('Niet gehonoreerd').check();
    await assessment.getByLabel('Redenen').fill('De continuïteit van het beheer is niet verzekerd.');
    await inspect(secretary, 'dossier-uitdaging-beoordelen');
    await assessment.getByRole('button', { name: 'Beoordeling door het college vastleggen' }).click();
    await secretary.waitForURL(/dossier\?opgeslagen=1/);
    await expect(secretary.locator('#uitdaging').locator('..').textContent()).resolves.toContain('Niet gehonoreerd: College van burgemeester en wethouders, 20 november 2026 (B&W 2026/450)');
    await secretary.locator('form#bericht').getByLabel('Beoordeling met redenen verstuurd op').fill('2026-11-23');
    await secretary.locator('form#bericht').getByRole('button', { name: 'Vastleggen' }).click();
    await secretary.waitForURL(/dossier\?opgeslagen=1/);
    await expect(secretary.locator('#uitdaging').locator('..').textContent()).resolves.toContain('23 november 2026');
    await inspect(secretary, 'dossier-uitdaging');

    // An application: its applicant's account on the Dossier.
    await createOnPage(manager, 'Dakopbouw Molenweg 3', async () => {
      await manager.getByLabel('Initiatief van inwoners of andere derden').check();
      await manager.getByLabel(/^Alleen bij een initiatief waarvoor een omgevingsvergunning/).fill('bouwactiviteit');
    });
    await tab(manager, 'Dossier');
    const account = manager.locator('form[action$="/aanvrager"]');
    await account.getByRole('group', { name: 'Heeft participatie plaatsgevonden?' }).getByLabel('Ja').check();
    await account.getByLabel('Hoe, en met wie?').fill('Een avond met de buren.');
    await account.getByLabel('Wat leverde het op, en wat deed de aanvrager ermee?').fill('De opbouw wordt een meter lager.');
    await account.getByRole('button', { name: 'Participatieverslag opslaan' }).click();
    await manager.waitForURL(/dossier\?opgeslagen=1/);
    await expect(manager.locator('#aanvrager').locator('..').textContent()).resolves.toContain('De opbouw wordt een meter lager.');
    await inspect(manager, 'dossier-aanvrager');

    // The raad informed, recorded by the griffie on the Besluiten page.
    const sportparkUrl = await createOnPage(manager, 'Sportpark Noord', () => manager.getByLabel('Hoog: de gemeenteraad beslist').check());
    const griffier = await signedIn('G. Griffier', 'council-clerk');
    await griffier.goto(`${sportparkUrl}/besluiten#raadsinformatie`);
    const informed = griffier.locator('form[action$="/raadsinformatie"]');
    await informed.getByLabel('Over welke stap?').selectOption({ label: 'Interactief starten' });
    await informed.getByLabel('Raadsinformatiebrief').check();
    await informed.getByLabel('Datum van de brief of de vergadering').fill('2026-11-12');
    await informed.getByLabel('Kenmerk van de brief of agendapunt').fill('RIB 2026-041');
    await informed.getByRole('button', { name: 'Vastleggen' }).click();
    await griffier.waitForURL(/besluiten\?opgeslagen=1/);
    await expect(griffier.getByText('Raadsinformatiebrief van 12 november 2026 (RIB 2026-041) over de stap ‘Interactief starten’.').isVisible()).resolves.toBe(true);
    await inspect(griffier, 'besluiten-raadsinformatie');
  }, 180_000);

  it('describes a project, makes it public and adds milestones on the Communicatie page; residents see only the public one', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    await createOnPage(manager, 'Groen Schoolplein De Wilg');
    await tab(manager, 'Communicatie');
    const settings = manager.locator('form[action$="/instellingen"]');
    await settings.getByLabel('Omschrijving').fill('Het schoolplein wordt groener, met bomen en een moestuin.');
    await settings.getByLabel(/^Openbaar maken/).check();
    await settings.getByRole('button').click();
    await manager.waitForURL(/communicatie\?opgeslagen=1/);
    const publicLink = manager.getByRole('link', { name: /^openbaar op \/openbaar\// });
    const publicPath = (await publicLink.getAttribute('href'))!;

    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    // The form sits behind its summary; returning to it after a save, the browser opens it itself.
    const openMilestoneForm = async () => {
      const details = manager.locator('details:has(form#mijlpaal)');
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    };
    await openMilestoneForm();
    const milestone = manager.locator('form#mijlpaal');
    await milestone.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    await expect(manager.getByRole('alert').textContent()).resolves.toContain('Wat er gebeurt: vul dit in.');
    await milestone.getByLabel('Wat gebeurt er?').fill('Bewonersavond in De Kroon');
    await milestone.getByLabel('Datum').fill(day);
    await milestone.getByLabel('Tijd').fill('19:30');
    await milestone.getByLabel(/^Openbaar: inwoners zien/).check();
    await milestone.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    await manager.waitForURL(/communicatie\?opgeslagen=1/);
    await openMilestoneForm();
    await milestone.getByLabel('Wat gebeurt er?').fill('Zaal reserveren');
    await milestone.getByLabel('Datum').fill(day);
    await milestone.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    await manager.waitForURL(/communicatie\?opgeslagen=1/);
    const listed = await manager.locator('#mijlpalen').locator('..').locator('li').allTextContents();
    // Soonest first.
    expect(listed).toEqual([expect.stringMatching(/^Zaal reserveren · .* om 09:00 · alleen intern$/), expect.stringMatching(/^Bewonersavond in De Kroon · .* om 19:30 · openbaar$/)]);
    await inspect(manager, 'communicatie-mijlpalen');

    const resident = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'nl-NL' })).newPage();
    await resident.goto(`${service.t.url}${publicPath}`);
    await expect(resident.getByText('Het schoolplein wordt groener, met bomen en een moestuin.').isVisible()).resolves.toBe(true);
    await expect(resident.getByText(/19:30: Bewonersavond in De Kroon$/).isVisible()).resolves.toBe(true);
    await expect(resident.locator('body').textContent()).resolves.not.toContain('Zaal reserveren');

    // The communication adviser keeps participants informed: a contact recorded; the settings are not theirs.
    const adviser = await signedIn('C. Adviseur', 'communication-adviser');
    await adviser.goto(manager.url().replace(/\?.*$/, ''));
    const contact = adviser.locator('form[action$="/communicatie"]');
    await contact.getByLabel('Kanaal').fill('nieuwsbrief');
    await contact.getByLabel('Doelgroep').fill('ouders en buurt');
    await contact.getByLabel('Samenvatting').fill('De bewonersavond is op de kaart gezet.');
    await contact.getByRole('button').click();
    await adviser.waitForURL(/communicatie\?opgeslagen=1/);
    await expect(adviser.getByText('De bewonersavond is op de kaart gezet.').isVisible()).resolves.toBe(true);
    await expect(adviser.locator('form[action$="/instellingen"]').count()).resolves.toBe(0);
    await inspect(adviser, 'communicatie-adviseur');
  }, 120_000);

  it('gives the auditor a Controleren panel on the Tijdlijn: the chain checked, its head, the latest root, and the signed export to check offline', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    const projectUrl = await createOnPage(manager, 'Speeltuin Esdoorn');

    const auditor = await signedIn('E. Auditor', 'auditor');
    await auditor.goto(`${projectUrl}/tijdlijn`);
    const panel = auditor.locator('#controleren').locator('..');
    await expect(panel.getByRole('status').textContent()).resolves.toMatch(/De vastleggingen kloppen: \d+ vastlegging(en)?, geen gewijzigd, verwijderd of verplaatst\./);
    await expect(panel.locator('code.iw-hash').first().textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await inspect(auditor, 'tijdlijn-controleren');
    const [download] = await Promise.all([auditor.waitForEvent('download'), panel.getByRole('link', { name: 'Ondertekende export downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe('ondertekende-export-speeltuin-esdoorn.json');
    const document = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
    const offline = await verifyOffline(document);
    expect([offline.code, offline.output]).toEqual([0, expect.stringMatching(/^valid: 1 entries of project /)]);
    // The auditor's werkvoorraad: what needs attention, found by checking every project, not an empty list of another role's.
    await auditor.getByRole('link', { name: 'Werkvoorraad' }).click();
    await expect(auditor.getByRole('status').textContent()).resolves.toMatch(/^\d+ project(en)? gecontroleerd op deze pagina/);
    await inspect(auditor, 'werkvoorraad-auditor');
  }, 90_000);

  it('lets a resident react online during the terinzagelegging, after a walk through the pages only: scan, green light, step, kennisgeving, public page', async () => {
    const manager = await signedIn('A. de Vries', 'process-manager');
    const projectUrl = await createOnPage(manager, 'Bomenkap Lindelaan');
    await scanWithoutInteraction(manager);
    // Asked of the college, approved from its werkvoorraad, taken on the Overzicht.
    const secretary = await signedIn('S. Secretaris', 'college-secretary');
    await greenLightAndStep(manager, secretary, projectUrl, 'Bomenkap Lindelaan', 'Niet interactief werken', 'B&W 2026/700');
    // The kennisgeving: the draft lies open from today.
    await tab(manager, 'Inspraak');
    await layOpen(manager, dutchDay(new Date()), 'Gemeenteblad 2026, 80001');
    // What residents read: a description, whom to contact, and the page made public.
    const publicUrl = await makePublic(manager, projectUrl, { Omschrijving: 'Aan de Lindelaan worden zes zieke bomen gekapt. Er komen acht jonge linden voor terug.', 'Contact voor inwoners': 'Anna de Vries, telefoon 14 0481' });

    // The resident, not signed in.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, timezoneId: 'Europe/Amsterdam', locale: 'nl-NL' });
    context.setDefaultTimeout(20_000);
    const resident = await context.newPage();
    await resident.goto(`${service.t.url}${publicUrl}`);
    await expect(resident.getByText('Aan de Lindelaan worden zes zieke bomen gekapt.').isVisible()).resolves.toBe(true);
    await expect(resident.getByText('Neem contact op met Anna de Vries, telefoon 14 0481.').isVisible()).resolves.toBe(true);
    await expect(resident.getByRole('heading', { name: 'Blijf op de hoogte' }).isVisible()).resolves.toBe(true);
    await inspect(resident, 'openbaar-reageren');
    await resident.getByRole('button', { name: 'Zienswijze versturen' }).click();
    await expect(resident.getByRole('alert').textContent()).resolves.toContain('Uw naam: vul dit in.');
    await inspect(resident, 'openbaar-reageren-fout');
    await resident.getByLabel('Uw naam').fill('Karel Kastanje');
    await resident.getByLabel('Uw adres').fill('Lindelaan 4, Elst');
    await resident.getByLabel('Uw zienswijze').fill('Spaar de oude linde bij nummer 4: hij is gezond.');
    await resident.getByRole('button', { name: 'Zienswijze versturen' }).click();
    await expect(resident.getByRole('status').textContent()).resolves.toMatch(/Uw registratienummer is 1\.$/);
    await inspect(resident, 'openbaar-ontvangen');

    // The process manager finds it on Inspraak, numbered, received today.
    await tab(manager, 'Inspraak');
    await expect(manager.getByText('Spaar de oude linde bij nummer 4: hij is gezond.').isVisible()).resolves.toBe(true);
    await expect(manager.getByText('Online gegeven. Antwoord naar: Lindelaan 4, Elst').isVisible()).resolves.toBe(true);
    await inspect(manager, 'inspraak-online-ontvangen');
  }, 180_000);

  it('shows the guides, what a new version changed and its dry run, and lets the college’s secretary move the running projects on screen (issue 20)', async () => {
    const admin = service.api.as(await service.t.token('admin', 'A. Beheerder'));
    const { body: v1 } = await admin.get('/api/guides/voorbeeldrijk-2026/versions/1');
    const next = structuredClone(v1.document);
    next.version = 2;
    // Version 2 gives the draft's step another name and place, and the plan to the raad.
    const preparation = next.steps[3].steps[0];
    preparation.steps[2] = { ...preparation.steps[2], id: 'draft', label: { nl: 'Ontwerp ter inzage', en: 'Draft laid open' } };
    preparation.steps[1].transitions = [{ event: 'SOLUTIONS_CHOSEN', to: 'draft' }];
    next.steps[1].transitions = next.steps[1].transitions.map((t: { event: string; to: string }) => (t.to === 'advice' ? { ...t, to: 'draft' } : t));
    next.gates.ADOPT_PLAN.body = 'raad';
    const { body: scanned } = await service.api.create({ title: 'Speeltuin Kerkstraat', origin: 'municipality', politicalSensitivity: 'low', guide: 'voorbeeldrijk-2026' });
    const { body: drafted } = await service.api.create({ title: 'Bankjes langs de dijk', origin: 'municipality', politicalSensitivity: 'low', guide: 'voorbeeldrijk-2026' });
    await service.api.step(drafted.id, 'DECIDE_NON_INTERACTIVE', 'college');
    expect((await admin.post('/api/guides/voorbeeldrijk-2026/versions', next)).status).toBe(201);

    // The process manager who started the projects (through the API), so they are on her list.
    const manager = await signedIn('P. Manager', 'process-manager');
    // Each project in its own guide's words: the list too.
    await expect(manager.locator('.iw-project', { hasText: 'Speeltuin Kerkstraat' }).textContent()).resolves.toContain('Startnotitie');
    await manager.goto(`${service.t.url}/projecten/${drafted.id}`);
    await expect(manager.locator('.iw-lead').textContent()).resolves.toContain('Handleiding: Participatiewijzer Voorbeeldrijk, versie 1');
    await manager.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Handleidingen' }).click();
    await inspect(manager, 'handleidingen');
    await manager.getByRole('link', { name: 'Participatiewijzer Voorbeeldrijk' }).click();
    await expect(manager.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Participatiewijzer Voorbeeldrijk, versie 2');
    const changes = manager.locator('#verschil ~ dl');
    await expect(changes.textContent()).resolves.toMatch(/Nieuwe stappen\s*Ontwerp ter inzage\s*Vervallen stappen\s*Inspraak en participatieverslag/);
    await expect(changes.textContent()).resolves.toContain('Participatieplan vaststellen: eerst groen licht van het college, nu groen licht van de gemeenteraad');
    const row = (title: string) => manager.locator('.iw-card', { hasText: title });
    await expect(row('Bankjes langs de dijk').textContent()).resolves.toContain('blijft staan');
    await expect(row('Speeltuin Kerkstraat').textContent()).resolves.toContain('gaat over');
    await manager.getByLabel('Een project in ‘Inspraak en participatieverslag’ gaat naar').selectOption({ label: 'Ontwerp ter inzage' });
    await manager.getByRole('button', { name: 'Proefmigratie tonen' }).click();
    await expect(row('Bankjes langs de dijk').textContent()).resolves.toContain('gaat over');
    // With the step chosen, the difference reads as a rename.
    await expect(changes.textContent()).resolves.toContain('Inspraak en participatieverslag heet nu Ontwerp ter inzage');
    await inspect(manager, 'handleiding');
    await expect(manager.getByRole('button', { name: 'Migratie uitvoeren' }).count()).resolves.toBe(0);

    const secretary = await signedIn('S. Secretaris', 'college-secretary');
    await secretary.goto(manager.url());
    await secretary.getByRole('button', { name: 'Migratie uitvoeren' }).click();
    await expect(secretary.locator('.utrecht-form').last().textContent()).resolves.toContain('Datum besluit');
    await inspect(secretary, 'handleiding-migratie-geweigerd');
    await secretary.getByLabel('Datum besluit').fill(dutchDay(new Date()));
    await secretary.getByLabel('Kenmerk').fill('B&W 2027/18');
    await secretary.getByRole('button', { name: 'Migratie uitvoeren' }).click();
    await secretary.waitForURL(/overgezet=2/);
    await expect(secretary.getByRole('status').textContent()).resolves.toContain('2 projecten zijn overgezet; 0 projecten blijven staan.');
    await inspect(secretary, 'handleiding-migratie');
    await manager.goto(`${service.t.url}/projecten/${drafted.id}`);
    await expect(manager.locator('.iw-lead').textContent()).resolves.toContain('Nu in: Ontwerp ter inzage');
    await expect(manager.locator('.iw-lead').textContent()).resolves.toContain('versie 2');
    expect((await service.api.get(scanned.id)).body.guide.version).toBe(2);

    // The municipality's admin writes the next version on screen: from this one, numbered as the next.
    const beheerder = await signedIn('A. Beheerder', 'admin');
    await beheerder.goto(`${service.t.url}/handleidingen/voorbeeldrijk-2026/2`);
    await beheerder.getByRole('link', { name: 'Als nieuwe versie bewerken' }).click();
    const text = beheerder.getByLabel('Handleiding (YAML of JSON)');
    const draft = await text.inputValue();
    expect(draft).toContain('version: 3');
    // A fault is shown with its place in the text, and what was typed stays.
    await text.fill(draft.replace('body: raad', 'body: burgemeester'));
    await beheerder.getByRole('button', { name: 'Publiceren' }).click();
    await expect(beheerder.getByRole('alert').textContent()).resolves.toContain('gates.ADOPT_PLAN.body: moet overeenkomen met één van de voorgedefinieerde waarden: college, raad, by-sensitivity');
    await inspect(beheerder, 'handleiding-publiceren-fout', { words: false });
    await text.fill(draft.replace('windowDays: 42', 'windowDays: 28'));
    await beheerder.getByRole('button', { name: 'Publiceren' }).click();
    await beheerder.waitForURL(/voorbeeldrijk-2026\/3\?gepubliceerd=1/);
    await expect(beheerder.getByRole('status').first().textContent()).resolves.toContain('De handleiding is gepubliceerd.');
    await expect(beheerder.locator('#termijnen + ul').textContent()).resolves.toContain('na 28 dagen zonder bericht');
  });

  it('refuses a form post without its CSRF token', async () => {
    const page = await signedIn('A. de Vries', 'process-manager');
    const response = await page.request.post(`${service.t.url}/projecten`, { form: { title: 'Zonder token', origin: 'municipality', politicalSensitivity: 'low' } });
    expect(response.status()).toBe(403);
  });
});
