import Database from 'better-sqlite3';
import { Client } from 'pg';
import { EXAMPLE_QUICK_SCAN_NO_ROOM } from '../bench/support/example-file';
import { describeEachDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp, webSessionToken, type TestApp } from './support/test-app';
import { verifyOffline } from './support/offline-verifier';
import { addDays } from '../machines/interaction/legal-terms';

/** Twenty residents, each with a name no other text of the file contains. */
const RESIDENTS = Array.from({ length: 20 }, (_, i) => `Bewoner Zwaluwstaart-${String(i + 1).padStart(2, '0')}`);

/** Every row of every table, as text: where a name could hide. */
async function everyRow(database: TestDatabase): Promise<string> {
  if (database.config.kind === 'postgres') {
    const client = new Client({ connectionString: database.config.ownerUrl ?? database.config.url });
    await client.connect();
    try {
      const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.tablename as string);
      const rows = await Promise.all(tables.map(async (table) => (await client.query(`SELECT * FROM "${table}"`)).rows));
      return JSON.stringify(rows);
    } finally {
      await client.end();
    }
  }
  const db = new Database(database.config.path, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    return JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM "${table}"`).all()));
  } finally {
    db.close();
  }
}

/**
 * Issue 18: residents' names are personal data (AVG art. 5 lid 1 e). The chain commits to a salted
 * digest of each; after the retention period an erasure removes them from every table, page and
 * export, and every chain still verifies, on the server and offline.
 */
describeEachDatabase('erasing residents’ names after their retention period', (createDatabase) => {
  let database: TestDatabase;
  let t: TestApp;
  let api: ProjectClient;
  let admin: string;
  beforeAll(async () => {
    database = await createDatabase();
    // Erasable RETENTION_<KIND>_DAYS after the project ended: the senders with 0, the day it ended; the initiator a month later.
    t = await startTestApp(database, { RETENTION_PERSONAL_DATA_DAYS: '0', RETENTION_INITIATOR_DAYS: '30' });
    api = await ProjectClient.for(t);
    admin = await t.token('admin', 'B. Beheerder');
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });
  const as = (token: string) => api.as(token);

  it('keeps the names out of the chain, erases them from every table, page and export, and every chain still verifies', async () => {
    const id = (await api.create({ title: 'Herinrichting Zwaluwplein', origin: 'municipality', politicalSensitivity: 'low' })).body.id as string;
    const manager = as(api.manager);
    expect((await manager.put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak: { legallyRequired: true, form: 'e' } })).status).toBe(200);
    expect((await api.decide(id, 'DECIDE_NON_INTERACTIVE', 'college')).status).toBe(201);
    expect((await api.event(id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).status).toBe(200);
    expect((await manager.post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 70001' })).status).toBe(201);
    for (const [i, sender] of RESIDENTS.entries()) {
      const reaction = await manager.post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-10', sender, summary: `Zienswijze nummer ${i + 1}.` });
      expect(reaction.status).toBe(201);
      expect((await manager.post(`/api/projects/${id}/inspection/reactions/${reaction.body.id}/answer`, { answer: 'Dank u wel.', answeredOn: '2026-10-30' })).status).toBe(204);
    }
    // The chain holds a digest of each sender, never the name.
    const trail = JSON.stringify((await api.audit(id)).body);
    for (const name of RESIDENTS) expect(trail).not.toContain(name);
    expect((await everyRow(database)).includes(RESIDENTS[0])).toBe(true);

    // While the project runs its data is kept.
    const running = await as(admin).post(`/api/projects/${id}/personal-data/erasure`, { reason: 'Bewaartermijn verstreken' });
    expect([running.status, running.body.code]).toEqual([409, 'project-running']);
    await api.step(id, 'STOP', 'college');
    expect((await as(api.manager).post(`/api/projects/${id}/personal-data/erasure`, { reason: 'x' })).status).toBe(403);
    const erased = await as(admin).post(`/api/projects/${id}/personal-data/erasure`, { reason: 'Bewaartermijn verstreken (AVG artikel 5 lid 1 onder e)' });
    expect(erased.status).toBe(201);
    expect(erased.body.items).toHaveLength(20);
    const again = await as(admin).post(`/api/projects/${id}/personal-data/erasure`, { reason: 'nog eens' });
    expect([again.status, again.body.code]).toEqual([409, 'nothing-to-erase']);
    const overview = (await as(api.collegeSecretary).get(`/api/projects/${id}/personal-data`)).status;
    expect(overview).toBe(403);
    const listed = (await as(admin).get(`/api/projects/${id}/personal-data`)).body as { items: Array<{ erasedAt: string | null }> };
    expect(listed.items.every((item) => item.erasedAt !== null)).toBe(true);

    // Gone from every table, page and export.
    const rows = await everyRow(database);
    for (const name of RESIDENTS) expect(rows).not.toContain(name);
    const session = await webSessionToken('A. de Vries', ['process-manager']);
    for (const path of [`/projecten/${id}/inspraak`, `/projecten/${id}/tijdlijn`, `/projecten/${id}/nota?versie=intern`]) {
      const page = await t.http().get(path).set('cookie', `iw_session=${session}`);
      expect(page.status).toBe(200);
      for (const name of RESIDENTS) expect(page.text).not.toContain(name);
    }
    const nota = (await manager.get(`/api/projects/${id}/nota-van-beantwoording?versie=intern`)).body as { reactions: unknown[] };
    expect(nota.reactions).toHaveLength(20);
    for (const name of RESIDENTS) expect(JSON.stringify(nota)).not.toContain(name);
    const document = (await as(api.manager).get(`/api/projects/${id}/audit/export`)).body;
    for (const name of RESIDENTS) expect(JSON.stringify(document)).not.toContain(name);

    // Every chain verifies, and says what was erased and when.
    const verified = (await as(admin).get(`/api/projects/${id}/audit/verify`)).body;
    expect(verified).toMatchObject({ valid: true, erasures: [{ items: 20, reason: 'Bewaartermijn verstreken (AVG artikel 5 lid 1 onder e)' }] });
    const offline = await verifyOffline(document);
    expect(offline.code).toBe(0);
    expect(offline.output).toMatch(/erased: 20 personal data items on \S+ \(entry \d+\): Bewaartermijn verstreken/);
  });

  it('keeps each kind for its own period: the senders of zienswijzen go, the initiator of the initiative stays until its period passed', async () => {
    const id = (await api.create({ title: 'Moestuin Zwaluwhof', origin: 'initiative', politicalSensitivity: 'low' })).body.id as string;
    const manager = as(api.manager);
    const initiator = { name: 'Stichting Zwaluwhof, p/a Initiatiefnemer Kwikstaart', email: 'kwikstaart@zwaluwhof.example' };
    expect((await manager.put(`/api/projects/${id}/initiator`, initiator)).body).toEqual(initiator);
    expect((await manager.put(`/api/projects/${id}/initiator`, { name: 'x', email: 'geen adres' })).status).toBe(400);
    expect((await api.event(id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-09-01', reference: 'I-2026-4' })).status).toBe(200);
    expect((await manager.put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak: { legallyRequired: false, form: 'b' } })).status).toBe(200);
    expect((await api.decide(id, 'DECIDE_NON_INTERACTIVE', 'college')).status).toBe(201);
    expect((await api.event(id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).status).toBe(200);
    expect((await manager.post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-10', publishedIn: 'Gemeenteblad 2026, 70002' })).status).toBe(201);
    expect((await manager.post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-15', sender: RESIDENTS[0], summary: 'Meer bomen.' })).status).toBe(201);
    // The trail commits to the initiator's digest, never the name or address.
    const trail = JSON.stringify((await api.audit(id)).body);
    expect(trail).not.toContain('Kwikstaart');
    expect((await api.audit(id)).body.find((e: { type: string }) => e.type === 'initiator-recorded').payload.initiator).toEqual({ personalDataId: expect.any(String), digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await api.step(id, 'STOP', 'college');

    const erased = await as(admin).post(`/api/projects/${id}/personal-data/erasure`, { reason: 'Bewaartermijn verstreken' });
    expect(erased.status).toBe(201);
    expect(erased.body.items.map((item: { kind: string }) => item.kind)).toEqual(['reaction-sender']);
    expect((await manager.get(`/api/projects/${id}/initiator`)).body).toMatchObject({ ...initiator, erased: false });
    const overview = (await as(admin).get(`/api/projects/${id}/personal-data`)).body as { erasableFrom: string; items: Array<{ kind: string; erasableFrom: string; erasedAt: string | null }> };
    const today = overview.items.find((item) => item.kind === 'reaction-sender')!.erasableFrom;
    expect(overview.items.find((item) => item.kind === 'initiator')).toMatchObject({ erasedAt: null, erasableFrom: addDays(today, 30) });
    expect(overview.erasableFrom).toBe(addDays(today, 30));
    const early = await as(admin).post(`/api/projects/${id}/personal-data/erasure`, { reason: 'Te vroeg' });
    expect([early.status, early.body.code, early.body.erasableFrom]).toEqual([409, 'retention-not-passed', addDays(today, 30)]);
    expect(await everyRow(database)).toContain('Kwikstaart');
    expect((await verifyOffline((await manager.get(`/api/projects/${id}/audit/export`)).body)).code).toBe(0);
  });
});
