import { EXAMPLE_QUICK_SCAN_NO_ROOM } from '../bench/support/example-file';
import { dutchDay } from '../machines/calendar/dutch-day';
import { formatDay } from '../src/web/wording';
import { sqliteDatabase } from './support/databases';
import { useRunningService } from './support/project-client';

/** Issue 19: a resident reacts online during the terinzagelegging, on the project's public page. */
describe('the online zienswijze', () => {
  const service = useRunningService(() => sqliteDatabase());
  let slug: string;
  let id: string;
  const manager = () => service.api.as(service.api.manager);
  const today = dutchDay(new Date());

  /** Posts the public form as a browser without JavaScript would: the page's CSRF token and cookie. */
  async function react(fields: Record<string, string>) {
    const page = await service.t.http().get(`/openbaar/${slug}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const cookies = (page.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    return service.t.http().post(`/openbaar/${slug}/zienswijze`).set('cookie', cookies).type('form').send({ _csrf: csrf, ...fields });
  }

  beforeAll(async () => {
    id = (await service.api.create({ title: 'Bomenkap Lindelaan', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    expect((await manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak: { legallyRequired: true, form: 'e' } })).status).toBe(200);
    await service.api.decide(id, 'DECIDE_NON_INTERACTIVE', 'college');
    expect((await service.api.event(id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).status).toBe(200);
    expect((await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: today, publishedIn: 'Gemeenteblad 2026, 80001' })).status).toBe(201);
    slug = (await manager().patch(`/api/projects/${id}`, { public: true, description: 'Aan de Lindelaan worden zes zieke bomen gekapt en vervangen.', publicContact: 'Anna de Vries, telefoon 14 0481' })).body.slug;
  });

  it('says on the page what a resident can do, until when, and whom to contact', async () => {
    const page = (await service.t.http().get(`/openbaar/${slug}`)).text;
    expect(page).toContain('Aan de Lindelaan worden zes zieke bomen gekapt en vervangen.');
    expect(page).toContain('Wat kunt u nu doen?');
    expect(page).toContain('Reageer online');
    expect(page).toContain('Neem contact op met Anna de Vries, telefoon 14 0481.');
    expect(page).toContain('Blijf op de hoogte');
    expect(page).toContain(`Het college van B&amp;W besloot op ${formatDay(today, 'nl')} dat de gemeente dit project voorbereidt zonder inbreng van inwoners.`);
  });

  it('takes a zienswijze with the form\'s CSRF token, gives its registration number, and keeps the resident out of the trail and the page', async () => {
    const refused = await react({ name: '', address: '', text: '' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#zienswijze-name">Uw naam: vul dit in.</a>');
    expect(refused.text).toContain('href="#zienswijze-text">Uw zienswijze: vul dit in.</a>');

    const receipt = await react({ name: 'Karel Kastanje', address: 'Lindelaan 4, Elst', email: 'karel@example.nl', text: 'Spaar de oude linde bij nummer 4.' });
    expect(receipt.status).toBe(201);
    expect(receipt.text).toContain(`De gemeente heeft uw zienswijze ontvangen op ${formatDay(today, 'nl')}. Uw registratienummer is 1.`);
    const inspection = (await manager().get(`/api/projects/${id}/inspection`)).body;
    expect(inspection.reactions).toEqual([expect.objectContaining({ number: 1, channel: 'web', receivedOn: today, sender: 'Karel Kastanje', summary: 'Spaar de oude linde bij nummer 4.', late: false })]);
    const trail = (await service.api.audit(id)).body as Array<{ type: string; actor: { name: string }; payload: Record<string, unknown> }>;
    const received = trail.find((e) => e.type === 'reaction-received')!;
    expect(received.actor.name).toBe('zienswijzeformulier');
    expect(JSON.stringify(received)).not.toMatch(/Karel|Lindelaan 4|karel@/);
    expect(received.payload.contact).toEqual({ personalDataId: expect.any(String), digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const page = (await service.t.http().get(`/openbaar/${slug}`)).text;
    expect(page).not.toMatch(/Karel|Lindelaan 4/);
    // Nor in the logs (issue 22).
    expect(service.t.output()).not.toMatch(/Karel|Lindelaan 4|karel@/);

    // A post without the form's token is refused.
    const forged = await service.t.http().post(`/openbaar/${slug}/zienswijze`).type('form').send({ name: 'X', address: 'Y', text: 'Z' });
    expect(forged.status).toBe(403);
  });

  it('takes at most five an hour from one address for one project', async () => {
    // Two attempts above already counted (the refused one too); three more are taken, the next is refused.
    for (let i = 0; i < 3; i++) expect((await react({ name: `Bewoner ${i}`, address: 'Lindelaan 1', text: 'Eens.' })).status).toBe(201);
    const limited = await react({ name: 'Bewoner 9', address: 'Lindelaan 1', text: 'Nog een.' });
    expect(limited.status).toBe(429);
    expect((await manager().get(`/api/projects/${id}/inspection`)).body.reactions).toHaveLength(4);
  });
});
