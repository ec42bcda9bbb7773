import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { convert } from 'xmlbuilder2';
import ICAL from 'ical.js';
import type { Response } from 'superagent';
import { dutchDay, dutchMoment } from '../machines/calendar/dutch-day';
import { addDays } from '../machines/interaction/legal-terms';
import { formatDay } from '../src/web/wording';
import { nl } from '../src/web/i18n/nl';
import { accountDocument } from '../src/web/reports';
import { EXAMPLE_EVALUATION, EXAMPLE_PLAN, EXAMPLE_QUICK_SCAN } from '../bench/support/example-file';
import { sqliteDatabase } from './support/databases';
import { useRunningService } from './support/project-client';
import { webSessionToken } from './support/test-app';
import { schemaErrors } from './support/xml-schemas';

/** Parsed XML: elements by name, attributes as @name, text as #. */
interface Tree {
  [key: string]: Tree;
}

/** A PDF's text as Mozilla's PDF.js reads it (in a process of its own: PDF.js is an ES module). */
async function pdfText(bytes: Buffer): Promise<{ pages: number; title: string; language: string | null; marked: boolean; roles: string[]; text: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'iw-pdf-')), 'document.pdf');
  writeFileSync(file, bytes);
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'support/pdf-text.mjs'), file]);
  return JSON.parse(stdout);
}

/** The walk's decisions are taken today: a green light cannot precede the quick scan and plan recorded today. */
const today = dutchDay(new Date());
const todayInWords = formatDay(today, 'nl');

/** Sections 1 and 2 of issue 12: the participation account and the nota van beantwoording, from a project walked through the whole cycle. */
describe('the documents a municipality accounts with', () => {
  const service = useRunningService(() => sqliteDatabase(), { MUNICIPALITY_CODE: '0363' });
  let id: string;
  const as = (token: string) => ({
    get: (path: string) => service.t.http().get(path).set('authorization', `Bearer ${token}`),
    put: (path: string, body: object) => service.t.http().put(path).set('authorization', `Bearer ${token}`).send(body),
    post: (path: string, body: object) => service.t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
  });
  const manager = () => as(service.api.manager);
  /** The body as bytes, whatever its type (a PDF). */
  const bytes = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const page = async (path: string) => service.t.http().get(path).set('cookie', `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`).buffer(true).parse(bytes);

  beforeAll(async () => {
    const { api } = service;
    id = (await api.create({ title: 'Herinrichting Dorpsplein', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    await manager().put(`/api/projects/${id}/quick-scan`, EXAMPLE_QUICK_SCAN);
    await api.step(id, 'START_INTERACTIVE', 'college');
    await api.step(id, 'COMMIT', 'college');
    const neighbours = await manager().post(`/api/projects/${id}/stakeholders`, { name: 'Omwonenden Dorpsplein', domain: 'public', kind: 'neighbours', approach: 'Huis-aan-huisbrief en een avond op het plein' });
    expect(neighbours.status).toBe(201);
    expect((await manager().put(`/api/projects/${id}/plan`, { ...EXAMPLE_PLAN, inspraak: { legallyRequired: false, form: 'c' } })).status).toBe(200);
    expect((await api.decide(id, 'ADOPT_PLAN', 'college')).status).toBe(201);
    expect((await api.event(id, { type: 'ADOPT_PLAN' }, { fileAsIs: true })).status).toBe(200);
    await manager().post(`/api/projects/${id}/communications`, { channel: 'nieuwsbrief', audience: 'omwonenden', summary: 'De aanpak is vastgesteld.' });
    await api.step(id, 'PROBLEM_DEFINED', 'college');
    await api.step(id, 'SOLUTIONS_CHOSEN', 'college');
    await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 50001' });
    const organisation = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-10', sender: 'Dorpsraad Elst', senderIsOrganisation: true, summary: 'Meer groen op het plein.' });
    const person = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-11', sender: 'J. Jansen', summary: 'Behoud de parkeerplaatsen.' });
    await manager().post(`/api/projects/${id}/inspection/reactions/${organisation.body.id}/answer`, { answer: 'Er komen vier bomen bij.', answeredOn: '2026-10-20', changedDraft: true });
    await manager().post(`/api/projects/${id}/inspection/reactions/${person.body.id}/answer`, { answer: 'De parkeerplaatsen blijven.', answeredOn: '2026-10-20' });
    for (const step of ['ADVICE_SUBMITTED', 'DECISION_TAKEN', 'EXECUTION_COMPLETED']) await api.step(id, step, 'college');
    await manager().put(`/api/projects/${id}/evaluation`, EXAMPLE_EVALUATION);
    await api.step(id, 'CLOSE', 'college');
  }, 120_000);

  it('writes the participation account from the file and the trail, and keeps every version of its closing text', async () => {
    const account = (await manager().get(`/api/projects/${id}/participation-account`)).body;
    expect(account.project).toMatchObject({ title: 'Herinrichting Dorpsplein', state: 'closed' });
    expect(account.quickScan.advice).toBe('interactive');
    expect(account.route).toMatchObject({ step: 'START_INTERACTIVE', body: 'college', reference: 'college-START_INTERACTIVE' });
    expect(account.levels.planned).toEqual(EXAMPLE_PLAN.levels);
    expect(account.stakeholders).toEqual([{ name: 'Omwonenden Dorpsplein', domain: 'public', kind: 'neighbours', approach: 'Huis-aan-huisbrief en een avond op het plein' }]);
    expect(account.communications).toEqual([{ stage: 'preparation', count: 1, first: expect.any(String), last: expect.any(String), channels: [{ channel: 'nieuwsbrief', count: 1 }] }]);
    expect(account.inspection).toMatchObject({ laidOpenOn: '2026-09-01', procedure: 'awb-3.4', reactions: 2, onTime: 2, late: 0, answered: 2, changedDraft: 1 });
    expect(account.greenLights.map((g: { step: string }) => g.step)).toEqual(['START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN', 'PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'DECISION_TAKEN', 'EXECUTION_COMPLETED', 'CLOSE']);
    expect(account.silenceReminders).toBe(0);
    expect(account.evaluation.participantsJudgement).toBe(EXAMPLE_EVALUATION.participantsJudgement);
    expect(account.closingText).toBeNull();
    // The auditor's werkvoorraad names the decision taken and not made known (Awb art. 3:40, issue 19).
    const audit = (await service.t.http().get('/werkvoorraad').set('cookie', `iw_session=${await webSessionToken('A. Auditor', ['auditor'])}`)).text;
    expect(audit).toContain('Besluit college-DECISION_TAKEN van ');
    expect(audit).toContain('is nog niet bekendgemaakt (artikel 3:40 Awb).');
    expect(audit).toContain(`/projecten/${id}/tijdlijn#controleren`);
    // The evaluation stays readable on the Dossier after closing (issue 19).
    const dossier = (await page(`/projecten/${id}/dossier`)).body.toString();
    expect(dossier).toContain('Tevreden over de informatie; de planning had eerder bekend mogen zijn.');
    expect(dossier).toContain('Bereikt: De omwonenden steunden de aanpak.');

    // The closing text may be written once the project has ended, and rewritten: each version is kept.
    expect((await manager().put(`/api/projects/${id}/participation-account/closing-text`, { text: 'Eerste versie.' })).body).toEqual({ version: 1 });
    expect((await manager().put(`/api/projects/${id}/participation-account/closing-text`, { text: 'De bewoners kozen het ontwerp met meer groen.' })).body).toEqual({ version: 2 });
    expect((await manager().get(`/api/projects/${id}/participation-account`)).body.closingText).toMatchObject({ version: 2, text: 'De bewoners kozen het ontwerp met meer groen.', by: 'P. Manager' });
    const trail = (await service.api.audit(id)).body as Array<{ type: string }>;
    expect(trail.filter((e) => e.type === 'account-closing-saved')).toHaveLength(2);

    // The same as a page, and as a PDF with the municipality's name, read back as text.
    const html = (await page(`/projecten/${id}/participatieparagraaf`)).body.toString();
    expect(html).toContain('De bewoners kozen het ontwerp met meer groen.');
    const pdf = await page(`/projecten/${id}/participatieparagraaf.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('participatieparagraaf-herinrichting-dorpsplein.pdf');
    const read = await pdfText(pdf.body);
    expect(read.title).toBe('Participatieparagraaf');
    // Tagged for a screen reader: Dutch, one H1, a section with an H2 for each part, the lists as lists.
    expect([read.marked, read.language]).toEqual([true, 'nl-NL']);
    expect(read.roles.filter((role) => role === 'H1')).toHaveLength(1);
    // PDF.js reads the structure page by page: a section running onto the next page is seen twice, its heading once.
    const sections = accountDocument((await manager().get(`/api/projects/${id}/participation-account`)).body, nl).sections.length;
    expect(read.roles.filter((role) => role === 'H2')).toHaveLength(sections);
    expect(read.roles.filter((role) => role === 'Sect').length).toBeGreaterThanOrEqual(sections);
    expect(read.roles).toEqual(expect.arrayContaining(['Document', 'Sect', 'H2', 'P', 'L', 'LI', 'LBody']));
    for (const expected of ['Gemeente', 'Herinrichting Dorpsplein', 'De quickscan adviseerde: interactief werken.', 'Omwonenden Dorpsplein', 'Zienswijzen: 2 (2 op tijd, 0 te laat); 2 beantwoord; 1 leidden tot een aanpassing van het ontwerp.', `Besluit genomen: besluit van het college van B&W op ${todayInWords}`, 'Draagvlak voor proces', 'De bewoners kozen het ontwerp met meer groen.']) {
      expect(read.text.replace(/\s+/g, ' ')).toContain(expected);
    }
  });

  it('writes the nota van beantwoording: every zienswijze numbered with its answer, private names only in the internal version', async () => {
    const publicNota = (await manager().get(`/api/projects/${id}/nota-van-beantwoording`)).body;
    expect(publicNota.version).toBe('public');
    expect(publicNota.decision).toMatchObject({ step: 'DECISION_TAKEN', reference: 'college-DECISION_TAKEN' });
    expect(publicNota.reactions).toEqual([
      expect.objectContaining({ number: 1, sender: 'Dorpsraad Elst', answer: 'Er komen vier bomen bij.', changedDraft: true }),
      expect.objectContaining({ number: 2, sender: null, answer: 'De parkeerplaatsen blijven.', changedDraft: false }),
    ]);
    const internalNota = (await manager().get(`/api/projects/${id}/nota-van-beantwoording?versie=intern`)).body;
    expect(internalNota.reactions[1].sender).toBe('J. Jansen');

    const publicPdf = await pdfText((await page(`/projecten/${id}/nota.pdf`)).body);
    const text = publicPdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Nota van beantwoording (openbare versie)');
    expect(text).toContain('Zienswijze 1: Dorpsraad Elst');
    expect(text).toContain('Zienswijze 2: indiener 2');
    expect(text).toContain('Het ontwerpbesluit is hierop aangepast.');
    expect(text).not.toContain('J. Jansen');
    const internalPdf = await pdfText((await page(`/projecten/${id}/nota.pdf?versie=intern`)).body);
    expect(internalPdf.text.replace(/\s+/g, ' ')).toContain('Zienswijze 2: J. Jansen');

    // A raad's document system or the Woo publication fetches the same documents as PDF with a token (issue 19).
    const asPdf = (path: string) => service.t.http().get(path).set('authorization', `Bearer ${service.api.collegeSecretary}`).set('accept', 'application/pdf').buffer(true).parse(bytes);
    const notaPdf = await asPdf(`/api/projects/${id}/nota-van-beantwoording`);
    expect([notaPdf.status, notaPdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(notaPdf.headers['content-disposition']).toContain('nota-van-beantwoording-herinrichting-dorpsplein.pdf');
    const apiText = (await pdfText(notaPdf.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(apiText).toContain('Zienswijze 1: Dorpsraad Elst');
    expect(apiText).not.toContain('J. Jansen');
    const accountPdf = await asPdf(`/api/projects/${id}/participation-account`);
    expect((await pdfText(accountPdf.body as Buffer)).title).toBe('Participatieparagraaf');
    // JSON stays the default, and wins where the client prefers it.
    expect((await manager().get(`/api/projects/${id}/nota-van-beantwoording`).set('accept', 'application/json, application/pdf')).body.version).toBe('public');
  });

  it('publishes a page for residents only when the owner opts in: levels in plain words, decisions, feeds, and no resident named', async () => {
    const hidden = await service.t.http().get('/openbaar/herinrichting-dorpsplein');
    expect(hidden.status).toBe(404);
    const published = await service.t.http().patch(`/api/projects/${id}`).set('authorization', `Bearer ${service.api.manager}`).send({ public: true });
    expect(published.body).toMatchObject({ public: true, slug: 'herinrichting-dorpsplein' });
    const other = (await service.api.create({ title: 'Herinrichting Dorpsplein', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    expect((await service.t.http().patch(`/api/projects/${other}`).set('authorization', `Bearer ${service.api.manager}`).send({ public: true })).body.slug).toBe('herinrichting-dorpsplein-2');

    // The latest root over every chain head is shown to anyone, to save and check later.
    const root = await service.t.http().post('/api/audit/roots').set('authorization', `Bearer ${await service.t.token('auditor', 'E. Auditor')}`);
    const html = (await service.t.http().get('/openbaar/herinrichting-dorpsplein')).text;
    expect(html).toContain(root.body.root);
    expect(html).toContain('De gemeente houdt u op de hoogte en beantwoordt uw vragen. U heeft geen invloed op het besluit.');
    expect(html).toContain(`Het college van B&amp;W besloot op ${todayInWords} over het plan zelf.`);
    // Each decision once: the account on the page leaves out its list of green lights, and the municipality's own reminders.
    expect(html).not.toContain('Besluiten van college en raad');
    expect(html).not.toContain('herinneringen nodig');
    expect(html).toContain('De bewoners kozen het ontwerp met meer groen.');
    for (const personal of ['J. Jansen', 'P. Manager', 'S. Secretaris']) expect(html).not.toContain(personal);
    // Nothing internal: the groups without how the municipality classed them, no link to the API.
    expect(html).toContain('Omwonenden Dorpsplein: Huis-aan-huisbrief en een avond op het plein');
    expect(html).not.toContain('/api/docs');

    // Long lines are folded (RFC 5545 §3.1): unfold before reading.
    const calendar = (await service.t.http().get('/openbaar/herinrichting-dorpsplein/agenda.ics')).text.replace(/\r\n /g, '');
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain('SUMMARY:Herinrichting Dorpsplein: terinzagelegging\\, zienswijzen tot en met 12 oktober 2026');
    // The whole term, first and last day included: the end of an all-day event is the day after.
    expect(calendar).toContain('DTSTART;VALUE=DATE:20260901');
    expect(calendar).toContain('DTEND;VALUE=DATE:20261013');
    const feed = await service.t.http().get('/openbaar/besluiten.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect((feed.text.match(/<entry>/g) ?? []).length).toBe(9);
    expect(feed.text).toContain('Herinrichting Dorpsplein: Project afsluiten (het college van B&W)');
  });

  it('puts an evening meeting in every calendar at the hour the page says (iCalendar in UTC, read back with ical.js)', async () => {
    const { body: project } = await service.api.create({ title: 'Bewonersavond Kerkplein', origin: 'municipality', politicalSensitivity: 'low' });
    const slug = (await service.api.as(service.api.manager).patch(`/api/projects/${project.id}`, { public: true })).body.slug as string;
    const evening = dutchMoment(addDays(today, 30), '19:30');
    expect((await manager().post(`/api/projects/${project.id}/milestones`, { title: 'Bewonersavond', dueAt: evening, public: true })).body.public).toBe(true);
    // The owner's own to-do stays internal: not on the page, not in the calendar.
    expect((await manager().post(`/api/projects/${project.id}/milestones`, { title: 'Zaal reserveren', dueAt: evening })).body.public).toBe(false);
    const page = (await service.t.http().get(`/openbaar/${slug}`)).text;
    expect(page).toContain(`${formatDay(addDays(today, 30), 'nl')} om 19:30: Bewonersavond`);
    expect(page).not.toContain('Zaal reserveren');
    expect((await service.t.http().get(`/openbaar/${slug}/agenda.ics`)).text).not.toContain('Zaal reserveren');
    const calendar = new ICAL.Component(ICAL.parse((await service.t.http().get(`/openbaar/${slug}/agenda.ics`)).text));
    const meeting = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)).find((e) => e.summary.endsWith('Bewonersavond'))!;
    expect(meeting.startDate.toJSDate().toISOString()).toBe(new Date(evening).toISOString());
    expect(meeting.startDate.zone?.tzid).toBe('UTC');
  });

  it('gives each decision in the shape of the ZGW Besluiten API', async () => {
    const decisions = (await manager().get(`/api/projects/${id}/decisions`)).body as Array<{ id: string; event: string }>;
    const taken = decisions.find((d) => d.event === 'DECISION_TAKEN')!;
    const zgw = (await manager().get(`/api/projects/${id}/decisions/${taken.id}/zgw`)).body;
    expect(zgw).toEqual({
      besluit: {
        identificatie: 'college-DECISION_TAKEN',
        verantwoordelijkeOrganisatie: null,
        besluittype: null,
        datum: today,
        ingangsdatum: today,
        publicatiedatum: null,
        bestuursorgaan: 'college van burgemeester en wethouders',
        toelichting: 'Herinrichting Dorpsplein: Besluit genomen, ingestemd.',
      },
      besluitInformatieObjecten: [],
    });
    expect((await manager().get(`/api/projects/${id}/decisions/00000000-0000-4000-8000-000000000000/zgw`)).status).toBe(404);
  });

  it('hands the closed project to the e-depot as one package: MDTO valid against its XSD, every checksum right, the trail verified offline, the reports PDF/A-2a', async () => {
    const auditor = as(await service.t.token('auditor', 'A. Auditor'));
    expect((await manager().get(`/api/projects/${id}/archive`)).status).toBe(403);
    const running = (await service.api.create({ title: 'Nog bezig', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    expect((await auditor.get(`/api/projects/${running}/archive`)).body.code).toBe('project-not-ended');

    const answer = await auditor.get(`/api/projects/${id}/archive`).buffer(true).parse(bytes);
    expect([answer.status, answer.headers['content-type'], answer.headers['content-disposition']]).toEqual([200, 'application/zip', 'attachment; filename="archief-herinrichting-dorpsplein.zip"']);
    const files = unzipSync(new Uint8Array(answer.body as Buffer));
    const text = (path: string) => strFromU8(files[path]);
    const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

    // Every MDTO document is valid against the Nationaal Archief's schema: 1.0.1, which DiWoo imports, and 1.0.2, the newest.
    const metadata = Object.keys(files).filter((path) => path.endsWith('.mdto.xml'));
    for (const path of metadata) expect([path, await schemaErrors(text(path), 'mdto'), await schemaErrors(text(path), 'mdto-1.0.2')]).toEqual([path, [], []]);

    // The dossier names every archiefstuk; each has its informatieobject and its bestand, whose size and SHA-256 are the file's.
    const dossier = (convert(text('dossier.mdto.xml'), { format: 'object' }) as Tree).MDTO.informatieobject as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect([dossier.aggregatieniveau.begripLabel, dossier.classificatie.begripCode, dossier.waardering.begripLabel, dossier.bewaartermijn]).toEqual(['Dossier', '2.1.1', 'Blijvend te bewaren', undefined]);
    expect(dossier.archiefvormer).toEqual({ verwijzingNaam: 'Gemeente', verwijzingIdentificatie: { identificatieKenmerk: 'gm0363', identificatieBron: 'TOOI register gemeenten' } });
    const parts = (dossier.bevatOnderdeel as Array<{ verwijzingIdentificatie: { identificatieKenmerk: string } }>).map((p) => p.verwijzingIdentificatie.identificatieKenmerk.replace(`${id}/`, ''));
    expect(parts).toEqual(expect.arrayContaining(['documenten/quick-scan-v1.json', 'documenten/plan-v1.json', 'documenten/evaluation-v1.json', 'documenten/participatieparagraaf.pdf', 'documenten/nota-van-beantwoording.pdf', 'besluiten/besluiten.json', 'verantwoording/audit-export.json']));
    for (const part of parts) {
      const bestand = (convert(text(`${part}.bestand.mdto.xml`), { format: 'object' }) as Tree).MDTO.bestand as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(bestand.URLBestand).toBe(part);
      expect([Number(bestand.omvang), bestand.checksum.checksumWaarde]).toEqual([files[part].length, sha256(files[part])]);
      expect(text(`${part}.mdto.xml`)).toContain(`<identificatieKenmerk>${id}/${part}#bestand</identificatieKenmerk>`);
    }
    // No resident's personal data: the private sender of zienswijze 2 is in no JSON or XML file of the package (the PDFs' text is compressed; the nota's test above reads it).
    expect(Object.keys(files).filter((path) => !path.endsWith('.pdf') && text(path).includes('J. Jansen'))).toEqual([]);
    // sha256sums.txt covers every other file, as `sha256sum -c` reads it.
    const sums = text('sha256sums.txt').trim().split('\n').map((line) => line.split('  '));
    expect(sums.map(([, path]) => path).sort()).toEqual(Object.keys(files).filter((path) => path !== 'sha256sums.txt').sort());
    for (const [sum, path] of sums) expect([path, sha256(files[path])]).toEqual([path, sum]);

    // The trail in the package verifies offline, and it is the chain the dossier names and the service still holds.
    const unpacked = mkdtempSync(join(tmpdir(), 'iw-archive-'));
    writeFileSync(join(unpacked, 'audit-export.json'), files['verantwoording/audit-export.json']);
    const verified = await promisify(execFile)(process.execPath, [join(__dirname, '../bin/interactiewijzer-verify.mjs'), join(unpacked, 'audit-export.json')]);
    const exported = JSON.parse(text('verantwoording/audit-export.json')) as { head: { seq: number; hash: string } };
    expect(verified.stdout).toMatch(new RegExp(`^valid: ${exported.head.seq} entries of project ${id}, head ${exported.head.hash}, signed`));
    expect(dossier.omschrijving).toContain(`${exported.head.seq} vermeldingen, laatste hash ${exported.head.hash}`);
    // The service's chain runs through the same head (entries may have been added since, never changed).
    const live = (await service.api.audit(id)).body as Array<{ seq: number; hash: string }>;
    expect(live.find((e) => e.seq === exported.head.seq)?.hash).toBe(exported.head.hash);

    // The reports are PDF/A-2a: identified as such, tagged, every font embedded with its Unicode map (poppler-utils).
    for (const pdf of ['documenten/participatieparagraaf.pdf', 'documenten/nota-van-beantwoording.pdf']) {
      writeFileSync(join(unpacked, 'report.pdf'), files[pdf]);
      const info = (await promisify(execFile)('pdfinfo', ['-meta', join(unpacked, 'report.pdf')])).stdout;
      expect(info).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
      expect((await promisify(execFile)('pdfinfo', [join(unpacked, 'report.pdf')])).stdout).toMatch(/^Tagged:\s+yes$/m);
      const fonts = (await promisify(execFile)('pdffonts', [join(unpacked, 'report.pdf')])).stdout.trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/ yes yes yes /);
    }
  });

  it('marks decisions and documents for active publication under a Woo category, and exports what is published with DiWoo metadata', async () => {
    const decisions = (await manager().get(`/api/projects/${id}/decisions`)).body as Array<{ id: string; event: string; decidedOn: string }>;
    const taken = decisions.find((d) => d.event === 'DECISION_TAKEN')!;
    // Each item is published once a person confirmed the checks the service cannot make (Woo art. 5.1, 5.2).
    const CHECKED = { exceptionsChecked: true, personalDataRemoved: true };
    const publish = (body: object) => manager().post(`/api/projects/${id}/woo-publications`, { ...CHECKED, ...body });
    const unchecked = await publish({ decisionId: taken.id, category: '3.3.2d', documentUrl: 'https://www.gemeente.nl/b.pdf', personalDataRemoved: false });
    expect([unchecked.status, unchecked.body.code, unchecked.body.checks]).toEqual([422, 'woo-check-missing', [{ check: 'personalData', source: 'Woo art. 5.1 lid 2 onder e; AVG art. 5 lid 1 onder c' }]]);
    expect(unchecked.body.messageNl).toBe('Bevestig eerst de controle op het weglakken van persoonsgegevens (artikel 5.1 lid 2 onder e Woo). Pas dan kan het document openbaar.');
    expect((await manager().post(`/api/projects/${id}/woo-publications`, { decisionId: taken.id, category: '3.3.2d' })).status).toBe(400);

    // A decision is published with its document; this one was recorded without a link.
    expect((await publish({ decisionId: taken.id, category: '3.3.2d' })).body.code).toBe('decision-document-missing');
    const decision = await publish({ decisionId: taken.id, category: '3.3.2d', documentUrl: 'https://www.gemeente.nl/besluiten/dorpsplein.pdf' });
    expect(decision.status).toBe(201);
    expect(decision.body).toMatchObject({ decisionId: taken.id, reference: 'college-DECISION_TAKEN', title: 'Collegebesluit college-DECISION_TAKEN: Besluit genomen (Herinrichting Dorpsplein)', documentDate: taken.decidedOn, documentType: 'besluit', handling: 'vaststelling', withdrawn: null, checked: { exceptions: true, personalData: true, by: 'P. Manager' } });
    expect((await publish({ decisionId: taken.id, category: '3.3.2d', documentUrl: 'https://www.gemeente.nl/b.pdf' })).body.code).toBe('already-published');

    // A document names its title, address and day itself.
    expect((await publish({ category: '3.3.2c', title: 'Verslag bewonersavond' })).body).toMatchObject({ code: 'document-incomplete', message: expect.stringContaining('documentUrl, documentDate') });
    expect((await publish({ category: '3.3.9z', title: 'x' })).status).toBe(400);
    const minutes = await publish({ category: '3.3.2c', title: 'Verslag bewonersavond', documentUrl: 'https://www.gemeente.nl/verslag.html', documentDate: '2026-09-05', documentType: 'vergaderverslag', handling: 'ontvangst' });
    expect(minutes.status).toBe(201);
    const letter = await as(service.api.collegeSecretary).post(`/api/projects/${id}/woo-publications`, { ...CHECKED, category: '3.3.2a', title: 'Brief van de Dorpsraad', documentUrl: 'https://www.gemeente.nl/brief', documentDate: '2026-09-10', documentType: 'brief', handling: 'ontvangst' });
    expect(letter.status).toBe(201);

    // Withdrawn: kept with its reason, out of the export; once only.
    const withdraw = () => manager().post(`/api/projects/${id}/woo-publications/${letter.body.id}/withdrawal`, { reason: 'Bevat een naam van een inwoner' });
    expect((await withdraw()).body.withdrawn).toEqual({ on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'Bevat een naam van een inwoner' });
    expect((await withdraw()).body.code).toBe('already-withdrawn');
    expect(((await manager().get(`/api/projects/${id}/woo-publications`)).body as unknown[]).length).toBe(3);

    const xml = await manager().get(`/api/projects/${id}/woo-publications/diwoo.xml`);
    expect(xml.headers['content-type']).toContain('application/xml');
    const urlset = (convert(xml.text, { format: 'object' }) as { urlset: { '@xmlns': string; '@xmlns:diwoo': string; url: Tree[] } }).urlset;
    expect(urlset['@xmlns:diwoo']).toBe('https://standaarden.overheid.nl/diwoo/metadata/');
    expect(urlset.url.map((u) => u.loc)).toEqual(['https://www.gemeente.nl/besluiten/dorpsplein.pdf', 'https://www.gemeente.nl/verslag.html']);
    const [published, report] = urlset.url.map((u) => u['diwoo:Document']['diwoo:DiWoo']);
    expect(published['diwoo:publisher']).toEqual({ '@resource': 'https://identifier.overheid.nl/tooi/id/gemeente/gm0363', '#': 'Gemeente' });
    expect(published['diwoo:titelcollectie']['diwoo:officieleTitel']).toBe(decision.body.title);
    expect(published['diwoo:classificatiecollectie']).toEqual({
      'diwoo:informatiecategorieen': { 'diwoo:informatiecategorie': { '@resource': 'https://identifier.overheid.nl/tooi/def/thes/kern/c_3a248e3a', '#': 'agenda’s en besluitenlijsten bestuurscolleges' } },
      'diwoo:documentsoorten': { 'diwoo:documentsoort': { '@resource': 'https://identifier.overheid.nl/tooi/def/thes/kern/c_465163c9', '#': 'besluit' } },
    });
    expect(published['diwoo:creatiedatum']).toBe(taken.decidedOn);
    expect(published['diwoo:format']).toEqual({ '@resource': 'http://publications.europa.eu/resource/authority/file-type/PDF', '#': 'pdf' });
    expect(published['diwoo:documenthandelingen']['diwoo:documenthandeling']).toEqual({ 'diwoo:soortHandeling': { '@resource': 'https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76', '#': 'vaststelling' }, 'diwoo:atTime': `${taken.decidedOn}T12:00:00` });
    expect(report['diwoo:classificatiecollectie']['diwoo:informatiecategorieen']['diwoo:informatiecategorie']['@resource']).toBe('https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3');
    expect(report['diwoo:documenthandelingen']['diwoo:documenthandeling']['diwoo:soortHandeling']['#']).toBe('ontvangst');

    const trail = (await service.api.audit(id)).body as Array<{ type: string }>;
    expect(trail.filter((e) => e.type === 'woo-published')).toHaveLength(3);
    expect(trail.filter((e) => e.type === 'woo-withdrawn')).toHaveLength(1);
  });

  it('shows where projects spend their time and stall: per state, per body, per month and per phase, filtered, with a CSV of each figure', async () => {
    const insight = (await manager().get('/api/insight')).body;
    expect(insight.timeInState.map((s: { state: string }) => s.state)).toEqual(expect.arrayContaining(['quickScan', 'formalCommitment', 'planOfApproach', 'policyCycle.evaluation']));
    expect(insight.timeInState.every((s: { stays: number; averageDays: number }) => s.stays >= 1 && s.averageDays >= 0)).toBe(true);
    expect(insight.waitForGreenLight).toEqual([expect.objectContaining({ body: 'college', steps: 9 })]);
    expect(insight.levels).toEqual(expect.arrayContaining([{ year: 2026, phase: 'preparation', level: 'inform', plans: 1 }]));
    expect((await manager().get('/api/insight?body=raad')).body.waitForGreenLight).toEqual([]);
    expect((await manager().get('/api/insight?sensitivity=high')).body.projects).toBe(0);
    expect((await manager().get('/api/insight?year=1999')).status).toBe(400);

    const html = (await page('/inzicht')).body.toString();
    expect(html).toContain('<svg class="iw-chart"');
    expect(html).not.toContain('style="');
    const sheet = (await page('/inzicht.csv?figuur=wachten-op-groen-licht')).body.toString();
    expect(sheet.split('\r\n')[0]).toBe('\uFEFF"Bestuursorgaan";"Aantal stappen";"Gemiddeld aantal dagen"');
    expect(sheet).toContain('"College van burgemeester en wethouders";"9";');
  });
});
