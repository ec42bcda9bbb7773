import { dutchDay, longDay } from '../machines/calendar/dutch-day';
import { sqliteDatabase } from './support/databases';
import { useRunningService } from './support/project-client';
import { signToken, webSessionToken } from './support/test-app';
import { formatDay } from '../src/web/wording';
import { FILE_BEFORE } from '../bench/support/example-file';

/** The werkvoorraad: per body, the steps asked of it and not yet answered, paged in SQL (issue 19). */
describe('the werkvoorraad', () => {
  const service = useRunningService(() => sqliteDatabase());
  const page = async (role: 'college-secretary' | 'council-clerk' | 'process-manager', n = 1) =>
    (await service.t.http().get(`/werkvoorraad?pagina=${n}`).set('cookie', `iw_session=${await webSessionToken(role === 'process-manager' ? 'P. Manager' : 'S. Secretaris', [role])}`)).text;
  // Each waiting step links to the decision form for exactly that step.
  const projectLinks = (html: string) => new Set([...html.matchAll(/href="\/projecten\/([0-9a-f-]{36})\/besluiten\?stap=[A-Z_]+#besluit"/g)].map((m) => m[1]));
  // Every page of the werkvoorraad, as the secretary would page through it.
  const allPages = async (role: 'college-secretary' | 'council-clerk') => (await page(role, 1)) + (await page(role, 2));
  const stepsOf = async (id: string, role: 'college-secretary' | 'council-clerk') => [...(await allPages(role)).matchAll(new RegExp(`/projecten/${id}/besluiten\\?stap=([A-Z_]+)#besluit`, 'g'))].map((m) => m[1]);
  const today = longDay(dutchDay(new Date()), 'nl');
  // As the pages write a day: "6 december 2026".
  const day = formatDay(dutchDay(new Date()), 'nl');

  it('lists only the steps asked for, 50 a page, each with its request, and a stop request too', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) {
      const id = (await service.api.create({ title: `Wachtend ${i}`, origin: 'municipality', politicalSensitivity: 'low' })).body.id;
      expect((await service.api.requestGreenLight(id, 'START_INTERACTIVE', 'college')).status).toBe(201);
      ids.push(id);
    }
    const notAsked = (await service.api.create({ title: 'Niet aangevraagd', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    const high = (await service.api.create({ title: 'Voor de raad', origin: 'municipality', politicalSensitivity: 'high' })).body.id;
    await service.api.requestGreenLight(high, 'DECIDE_NON_INTERACTIVE', 'raad', { proposal: 'Raadsvoorstel niet-interactief', reference: 'RV-2026-12' });

    const first = await page('college-secretary', 1);
    const second = await page('college-secretary', 2);
    expect(projectLinks(first).size).toBe(50);
    expect(projectLinks(second).size).toBe(5);
    expect(new Set([...projectLinks(first), ...projectLinks(second)])).toEqual(new Set(ids));
    expect(first + second).not.toContain(notAsked);
    expect(first).toContain('Pagina 1 van 2');

    const raad = await page('council-clerk');
    expect([...projectLinks(raad)]).toEqual([high]);
    expect(raad).toContain('Raadsvoorstel niet-interactief (RV-2026-12)');
    expect(raad).toContain(`op ${day} door P. Manager`);

    // Stopping enters the werkvoorraad only when asked, with its reason; once approved the process manager confirms.
    const stopping = (await service.api.create({ title: 'Te stoppen', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    expect(await stepsOf(stopping, 'college-secretary')).toEqual([]);
    await service.api.requestGreenLight(stopping, 'STOP', 'college', { proposal: 'Het budget is vervallen.' });
    expect(await stepsOf(stopping, 'college-secretary')).toEqual(['STOP']);
    await service.api.decide(stopping, 'STOP', 'college');
    expect(await stepsOf(stopping, 'college-secretary')).toEqual([]);
    expect((await service.api.event(stopping, { type: 'STOP', reason: 'Het budget is vervallen.' })).body.state).toBe('stopped');
  });

  it('answers a request with 201 and keeps it in the file and the trail; refuses one the law or the state does not allow', async () => {
    const { body } = await service.api.create({ title: 'Aanvragen', origin: 'municipality', politicalSensitivity: 'low' });
    const asked = await service.api.requestGreenLight(body.id, 'START_INTERACTIVE', 'college', { reference: 'CV-1' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ gate: 'START_INTERACTIVE', body: 'college', cycle: 1, reference: 'CV-1', requestedBy: 'P. Manager' });
    const again = await service.api.requestGreenLight(body.id, 'START_INTERACTIVE', 'college');
    expect([again.status, again.body.code]).toEqual([409, 'green-light-already-requested']);
    const wrongBody = await service.api.requestGreenLight(body.id, 'DECIDE_NON_INTERACTIVE', 'raad');
    expect([wrongBody.status, wrongBody.body.code]).toEqual([422, 'green-light-wrong-body']);
    const notNow = await service.api.requestGreenLight(body.id, 'ADOPT_PLAN', 'college');
    expect([notNow.status, notNow.body.code]).toEqual([422, 'event-not-possible']);
    const past = await service.api.requestGreenLight(body.id, 'DECIDE_NON_INTERACTIVE', 'college', { desiredOn: '2020-01-07' });
    expect([past.status, past.body.code]).toEqual([422, 'desired-date-in-past']);
    const invalid = await service.api.requestGreenLight(body.id, 'DECIDE_NON_INTERACTIVE', 'college', { proposal: '', desiredOn: '15-12-2026' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['desiredOn', 'proposal']);

    const view = (await service.api.get(body.id)).body as { nextSteps: Array<{ event: string; request: { pending: boolean; proposal: string } | null }> };
    expect(view.nextSteps.find((s) => s.event === 'START_INTERACTIVE')!.request).toMatchObject({ pending: true, proposal: 'Voorstel START_INTERACTIVE' });
    expect(view.nextSteps.find((s) => s.event === 'DECIDE_NON_INTERACTIVE')!.request).toBeNull();
    const listed = await service.api.as(service.api.collegeSecretary).get(`/api/projects/${body.id}/green-light-requests`);
    expect(listed.body.map((r: { gate: string }) => r.gate)).toEqual(['START_INTERACTIVE']);
    const trail = (await service.api.audit(body.id)).body as Array<{ type: string; payload: { gate?: string; proposal?: string } }>;
    expect(trail.filter((e) => e.type === 'green-light-requested').map((e) => [e.payload.gate, e.payload.proposal])).toEqual([['START_INTERACTIVE', 'Voorstel START_INTERACTIVE']]);

    await service.api.step(body.id, 'START_INTERACTIVE', 'college');
    const given = await service.api.requestGreenLight(body.id, 'START_INTERACTIVE', 'college');
    expect([given.status, given.body.code]).toEqual([422, 'event-not-possible']);
  });

  it('drops a step once its alternative has its green light; a refusal leaves it until it is asked again', async () => {
    const { body } = await service.api.create({ title: 'Besloten', origin: 'municipality', politicalSensitivity: 'high' });
    await service.api.requestGreenLight(body.id, 'START_INTERACTIVE', 'raad');
    await service.api.requestGreenLight(body.id, 'DECIDE_NON_INTERACTIVE', 'raad');
    expect(await stepsOf(body.id, 'council-clerk')).toEqual(['START_INTERACTIVE', 'DECIDE_NON_INTERACTIVE']);
    // Once "Interactief starten" is approved, "Niet interactief werken" is no longer a task.
    await service.api.decide(body.id, 'START_INTERACTIVE', 'raad');
    expect(await stepsOf(body.id, 'council-clerk')).toEqual([]);

    const { body: other } = await service.api.create({ title: 'Afgewezen', origin: 'municipality', politicalSensitivity: 'high' });
    await service.api.requestGreenLight(other.id, 'START_INTERACTIVE', 'raad');
    await service.api.decide(other.id, 'START_INTERACTIVE', 'raad', { outcome: 'rejected', note: 'Eerst een second opinion.' });
    expect(await stepsOf(other.id, 'council-clerk')).toEqual([]);
    // The process manager reads the refusal and its reason, and may ask again.
    const view = (await service.api.get(other.id)).body as { nextSteps: Array<{ event: string; request: { pending: boolean } }> };
    expect(view.nextSteps.find((s) => s.event === 'START_INTERACTIVE')!.request.pending).toBe(false);
    const overview = (await service.t.http().get(`/projecten/${other.id}`).set('cookie', `iw_session=${await webSessionToken('P. Manager', ['process-manager'])}`)).text;
    expect(overview).toContain(`Niet akkoord van de gemeenteraad op ${day}: Eerst een second opinion.`);
    expect(overview).toContain(`/projecten/${other.id}/besluiten?stap=START_INTERACTIVE#aanvragen`);
    expect((await service.api.requestGreenLight(other.id, 'START_INTERACTIVE', 'raad')).status).toBe(201);
    expect(await stepsOf(other.id, 'council-clerk')).toEqual(['START_INTERACTIVE']);
  });

  it('keeps a step waiting when the raad defers its decision (aangehouden): a deferral opens nothing and closes nothing', async () => {
    const { body } = await service.api.create({ title: 'Aangehouden', origin: 'municipality', politicalSensitivity: 'high' });
    await service.api.requestGreenLight(body.id, 'DECIDE_NON_INTERACTIVE', 'raad');
    // Not approving or postponing says why.
    const silent = await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad', { outcome: 'deferred' });
    expect([silent.status, silent.body.code]).toEqual([422, 'decision-reason-required']);
    const deferred = await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad', { outcome: 'deferred', note: 'De raad wil eerst de wijkraad horen.' });
    expect([deferred.status, deferred.body.outcome]).toEqual([201, 'deferred']);
    const worklist = await page('council-clerk');
    expect(projectLinks(worklist).has(body.id)).toBe(true);
    const deferral = `Aangehouden door de gemeenteraad op ${today}: De raad wil eerst de wijkraad horen. De stap ‘Niet interactief werken’ wacht op een nieuw raadsbesluit.`;
    expect(worklist).toContain(deferral);
    const step = await service.api.event(body.id, { type: 'DECIDE_NON_INTERACTIVE' });
    expect(step.body.blockers.map((b: { code: string; messageNl: string }) => [b.code, b.messageNl])).toEqual([['green-light-deferred', deferral]]);
    // The dashboard and the Overzicht name the deferral with its date and reason.
    const dashboard = (await service.t.http().get('/?welke=alle').set('cookie', `iw_session=${await webSessionToken('P. Manager', ['process-manager'])}`)).text;
    expect(dashboard).toContain(`Aangehouden door de gemeenteraad op ${day}: De raad wil eerst de wijkraad horen.`);
    const trail = (await service.api.audit(body.id)).body as Array<{ type: string; payload: { outcome?: string } }>;
    expect(trail.filter((e) => e.type === 'decision-recorded').map((e) => e.payload.outcome)).toEqual(['deferred']);
    // The approval that follows is decisive; a later deferral would not undo it.
    await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad');
    expect(projectLinks(await page('council-clerk')).has(body.id)).toBe(false);
    await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad', { outcome: 'deferred', note: 'Nog eens.' });
    expect((await service.api.event(body.id, { type: 'DECIDE_NON_INTERACTIVE' })).body.state).toBe('policyCycle.preparation.problemDefinition');
  });

  it('shows the process manager the steps still to ask for, in a neutral colour until asked', async () => {
    const { body } = await service.api.create({ title: 'Nog te vragen', origin: 'municipality', politicalSensitivity: 'low' });
    // With the quick scan done, only the green light stands between the project and its step.
    const scan = FILE_BEFORE.START_INTERACTIVE!;
    expect((await service.api.putFile(body.id, scan.path, scan.body)).status).toBe(200);
    const today = await page('process-manager');
    expect(today).toContain(`/projecten/${body.id}/besluiten?stap=START_INTERACTIVE#aanvragen`);
    const dashboard = (await service.t.http().get('/?welke=alle').set('cookie', `iw_session=${await webSessionToken('P. Manager', ['process-manager'])}`)).text;
    expect(dashboard).toContain('iw-badge--neutral">Nog niet aangevraagd');
    await service.api.requestGreenLight(body.id, 'START_INTERACTIVE', 'college');
    const after = (await service.t.http().get('/?welke=alle').set('cookie', `iw_session=${await webSessionToken('P. Manager', ['process-manager'])}`)).text;
    expect(after).toContain(`iw-badge--waiting">Wacht op een collegebesluit (aangevraagd op ${day})`);
  });

  it('"Mijn projecten" follows the signed-in identity (the token\'s subject), not the spelling of a name', async () => {
    const creator = await service.t.http().post('/api/projects').set('authorization', `Bearer ${await signToken({ name: 'A. de Vries', sub: 'oidc|4711', roles: ['process-manager'] })}`).send({ title: 'Van mij', origin: 'municipality', politicalSensitivity: 'low' });
    expect(creator.status).toBe(201);
    const mine = async (name: string, subject: string) => (await service.t.http().get('/?welke=mijn').set('cookie', `iw_session=${await webSessionToken(name, ['process-manager'], subject)}`)).text;
    // The same person under another spelling of the name, and another person with the same name.
    expect(await mine('Anna de Vries', 'oidc|4711')).toContain('Van mij');
    expect(await mine('A. de Vries', 'oidc|0815')).not.toContain('Van mij');
  });

  it('filters the dashboard by phase and words and sorts it by the silence deadline, ended projects last, in SQL', async () => {
    const counting = (await service.api.create({ title: 'Filter Zuidkade', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    await service.api.step(counting, 'START_INTERACTIVE', 'college');
    await service.api.create({ title: 'Filter Noordkade', origin: 'municipality', politicalSensitivity: 'low' });
    const ended = (await service.api.create({ title: 'Filter Westkade', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    await service.api.step(ended, 'STOP', 'college');
    const dashboard = async (query: string) => (await service.t.http().get(`/?welke=alle&${query}`).set('cookie', `iw_session=${await webSessionToken('P. Manager', ['process-manager'])}`)).text;
    const titles = (html: string) => [...html.matchAll(/>Filter (\w+)<\/a>/g)].map((m) => m[1]);
    // Newest first, the ended one last.
    expect(titles(await dashboard('zoek=filter'))).toEqual(['Noordkade', 'Zuidkade', 'Westkade']);
    expect(titles(await dashboard('zoek=FILTER&fase=formalCommitment'))).toEqual(['Zuidkade']);
    // The one whose silence is counted first; without a deadline after it; the ended one last.
    expect(titles(await dashboard('zoek=filter&sorteer=termijn'))).toEqual(['Zuidkade', 'Noordkade', 'Westkade']);
    expect(titles(await dashboard('zoek=noord'))).toEqual(['Noordkade']);
  });
});
