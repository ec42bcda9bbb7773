import { dutchDay } from '../machines/calendar/dutch-day';
import { describeEachDatabase } from './support/databases';
import { useRunningService } from './support/project-client';
import { webSessionToken } from './support/test-app';

/** Long lists, paged (issue 19): the Tijdlijn and Communicatie 50 a page with filters, their API lists by limit and cursor. */
describeEachDatabase('long lists', (createDatabase) => {
  const service = useRunningService(createDatabase);
  let id: string;
  const manager = () => service.api.as(service.api.manager);
  const page = async (path: string) => (await service.t.http().get(path).set('cookie', `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`)).text;
  const entriesOn = (html: string) => (html.match(/<li class="iw-timeline__entry/g) ?? []).length;
  const contactsOn = (html: string) => (html.match(/<li class="iw-card"><p class="utrecht-paragraph iw-muted">/g) ?? []).length;

  beforeAll(async () => {
    id = (await service.api.create({ title: 'Veel contact', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    // 60 contacts, a minute apart, the last one about the bridge: 61 entries in the trail with the project's creation.
    for (let i = 0; i < 60; i++) {
      const occurredAt = new Date(Date.now() - (60 - i) * 60_000).toISOString();
      const recorded = await manager().post(`/api/projects/${id}/communications`, { occurredAt, channel: i % 3 === 0 ? 'e-mail' : 'nieuwsbrief', audience: 'omwonenden', summary: i === 59 ? 'Over de nieuwe brug' : `Bericht ${i}` });
      expect(recorded.status).toBe(201);
    }
  }, 120_000);

  it('pages the trail over the API: 50 by default, a cursor in the Link header, the last page without one', async () => {
    const first = await manager().get(`/api/projects/${id}/audit`);
    expect(first.body.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link)![1];
    expect(next).toBe(`/api/projects/${id}/audit?limit=50&cursor=50`);
    const second = await manager().get(next);
    expect(second.body.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 51));
    expect(second.headers.link).toBeUndefined();
    const refused = await manager().get(`/api/projects/${id}/audit?cursor=abc`);
    expect([refused.status, refused.body.errors[0].field]).toEqual([400, 'cursor']);
    expect((await manager().get(`/api/projects/${id}/audit?limit=501`)).status).toBe(400);
  });

  it('pages the contacts over the API, newest first, and a cursor it did not give is refused', async () => {
    const first = await manager().get(`/api/projects/${id}/communications?limit=40`);
    expect(first.body).toHaveLength(40);
    expect(first.body[0].summary).toBe('Over de nieuwe brug');
    const second = await manager().get(/<([^>]+)>; rel="next"/.exec(first.headers.link)![1]);
    expect(second.body).toHaveLength(20);
    expect(second.body.at(-1).summary).toBe('Bericht 0');
    expect(new Set([...first.body, ...second.body].map((c: { id: string }) => c.id)).size).toBe(60);
    const refused = await manager().get(`/api/projects/${id}/communications?cursor=bm90LW91cnM`);
    expect([refused.status, refused.body.errors[0].field]).toEqual([400, 'cursor']);
  });

  it('shows the Tijdlijn 50 entries a page, newest first, and filters it by words and days', async () => {
    const first = await page(`/projecten/${id}/tijdlijn`);
    expect(entriesOn(first)).toBe(50);
    expect(first).toContain('61 gevonden, de nieuwste eerst.');
    expect(first).toContain('Pagina 1 van 2 (61 vastleggingen)');
    expect(entriesOn(await page(`/projecten/${id}/tijdlijn?pagina=2`))).toBe(11);
    // Words in the entries' details (here the channel), in any case.
    const found = await page(`/projecten/${id}/tijdlijn?zoek=${encodeURIComponent('E-MAIL')}`);
    expect([entriesOn(found), found.includes('20 gevonden')]).toEqual([20, true]);
    const tomorrow = dutchDay(new Date(Date.now() + 86_400_000));
    expect(await page(`/projecten/${id}/tijdlijn?van=${tomorrow}`)).toContain('Niets gevonden.');
    expect(entriesOn(await page(`/projecten/${id}/tijdlijn?tot=${encodeURIComponent(dutchDay(new Date()))}&soort=project-created`))).toBe(1);
    // The export gives what the filter shows, every page of it.
    const csv = await service.t.http().get(`/projecten/${id}/tijdlijn.csv?zoek=e-mail`).set('cookie', `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`);
    expect(csv.text.trim().split('\n')).toHaveLength(21);
  });

  it('shows the contacts on Communicatie 50 a page, newest first, and counts them per phase and channel in the account', async () => {
    const first = await page(`/projecten/${id}/communicatie`);
    expect(contactsOn(first)).toBe(50);
    expect(first.indexOf('Over de nieuwe brug')).toBeLessThan(first.indexOf('Bericht 58'));
    expect(first).toContain(`/projecten/${id}/communicatie?pagina=2#log`);
    expect(contactsOn(await page(`/projecten/${id}/communicatie?pagina=2`))).toBe(10);
    expect(contactsOn(await page(`/projecten/${id}/communicatie?zoek=e-mail`))).toBe(20);
    // The dashboard's SQL on either database: its filter, ended projects last, by deadline.
    expect(await page('/?welke=alle&fase=quickScan&sorteer=termijn&zoek=contact')).toContain('Veel contact');
    expect(await page('/?welke=alle&stilte=overdue&zoek=contact')).not.toContain('Veel contact');
    const account = (await manager().get(`/api/projects/${id}/participation-account`)).body;
    expect(account.communications).toEqual([{ stage: 'quickScan', count: 60, first: expect.any(String), last: expect.any(String), channels: [{ channel: 'nieuwsbrief', count: 40 }, { channel: 'e-mail', count: 20 }] }]);
  });
});
