import { dutchDay, longDay } from '../machines/calendar/dutch-day';
import { sqliteDatabase } from './support/databases';
import { useRunningService } from './support/project-client';
import { webSessionToken } from './support/test-app';

/** The werkvoorraad: per body, the projects that wait for its decision, paged in SQL. */
describe('the werkvoorraad', () => {
  const service = useRunningService(() => sqliteDatabase());
  const page = async (role: 'college-secretary' | 'council-clerk', n = 1) =>
    (await service.t.http().get(`/werkvoorraad?pagina=${n}`).set('cookie', `iw_session=${await webSessionToken('S. Secretaris', [role])}`)).text;
  // Each waiting step links to the decision form for exactly that step.
  const projectLinks = (html: string) => new Set([...html.matchAll(/href="\/projecten\/([0-9a-f-]{36})\/besluiten\?stap=[A-Z_]+#besluit"/g)].map((m) => m[1]));

  it('lists 50 waiting projects a page, each once per step that waits, and never stopping as a task', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) ids.push((await service.api.create({ title: `Wachtend ${i}`, origin: 'municipality', politicalSensitivity: 'low' })).body.id);
    const high = (await service.api.create({ title: 'Voor de raad', origin: 'municipality', politicalSensitivity: 'high' })).body.id;
    const stopped = (await service.api.create({ title: 'Gestopt', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    await service.api.step(stopped, 'STOP', 'college');

    const first = await page('college-secretary', 1);
    const second = await page('college-secretary', 2);
    expect(projectLinks(first).size).toBe(50);
    expect(projectLinks(second).size).toBe(5);
    expect(new Set([...projectLinks(first), ...projectLinks(second)])).toEqual(new Set(ids));
    expect(first + second).not.toContain('Project stoppen');
    expect(first).toContain('Pagina 1 van 2');

    const raad = await page('council-clerk');
    expect([...projectLinks(raad)]).toEqual([high]);
  });

  it('drops a step once its alternative has its green light, and a project once its body decided what it waits for', async () => {
    const { body } = await service.api.create({ title: 'Besloten', origin: 'municipality', politicalSensitivity: 'high' });
    const steps = async () => [...(await page('council-clerk')).matchAll(new RegExp(`/projecten/${body.id}/besluiten\\?stap=([A-Z_]+)#besluit`, 'g'))].map((m) => m[1]);
    expect(await steps()).toEqual(['START_INTERACTIVE', 'DECIDE_NON_INTERACTIVE']);
    // Once "Interactief starten" is approved, "Niet interactief werken" is no longer a task (issue 19).
    await service.api.decide(body.id, 'START_INTERACTIVE', 'raad');
    expect(await steps()).toEqual([]);
    await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad');
    expect(projectLinks(await page('council-clerk')).has(body.id)).toBe(false);
    // Rejected while its alternative stands approved: still no task of the raad's.
    await service.api.decide(body.id, 'START_INTERACTIVE', 'raad', { outcome: 'rejected', note: 'Eerst een second opinion.' });
    expect(await steps()).toEqual([]);
    const { body: other } = await service.api.create({ title: 'Afgewezen', origin: 'municipality', politicalSensitivity: 'high' });
    await service.api.decide(other.id, 'START_INTERACTIVE', 'raad', { outcome: 'rejected', note: 'Eerst een second opinion.' });
    const again = await page('council-clerk');
    expect(projectLinks(again).has(other.id)).toBe(true);
    expect(again).toContain(`De gemeenteraad heeft op ${longDay(dutchDay(new Date()), 'nl')} niet ingestemd met de stap ‘Interactief starten’: Eerst een second opinion.`);
  });

  it('keeps a step waiting when the raad defers its decision (aangehouden): a deferral opens nothing and closes nothing', async () => {
    const { body } = await service.api.create({ title: 'Aangehouden', origin: 'municipality', politicalSensitivity: 'high' });
    // Not approving or postponing says why (issue 19).
    const silent = await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad', { outcome: 'deferred' });
    expect([silent.status, silent.body.code]).toEqual([422, 'decision-reason-required']);
    const deferred = await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad', { outcome: 'deferred', note: 'De raad wil eerst de wijkraad horen.' });
    expect([deferred.status, deferred.body.outcome]).toEqual([201, 'deferred']);
    const worklist = await page('council-clerk');
    expect(projectLinks(worklist).has(body.id)).toBe(true);
    const deferral = `Aangehouden door de gemeenteraad op ${longDay(dutchDay(new Date()), 'nl')}: De raad wil eerst de wijkraad horen. De stap ‘Niet interactief werken’ wacht op een nieuw raadsbesluit.`;
    expect(worklist).toContain(deferral);
    const step = await service.api.event(body.id, { type: 'DECIDE_NON_INTERACTIVE' });
    expect(step.body.blockers.map((b: { code: string; messageNl: string }) => [b.code, b.messageNl])).toEqual([['green-light-deferred', deferral]]);
    const trail = (await service.api.audit(body.id)).body as Array<{ type: string; payload: { outcome?: string } }>;
    expect(trail.filter((e) => e.type === 'decision-recorded').map((e) => e.payload.outcome)).toEqual(['deferred']);
    // The approval that follows is decisive; a later deferral would not undo it.
    await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad');
    await service.api.decide(body.id, 'DECIDE_NON_INTERACTIVE', 'raad', { outcome: 'deferred', note: 'Nog eens.' });
    expect((await service.api.event(body.id, { type: 'DECIDE_NON_INTERACTIVE' })).body.state).toBe('policyCycle.preparation.problemDefinition');
  });
});
