import { sqliteDatabase } from './support/databases';
import { POLICY_CYCLE, useRunningService } from './support/project-client';
import { webSessionToken } from './support/test-app';


/** Web forms posted as a browser without JavaScript would: the page's CSRF token and cookie, a urlencoded body, a 303 back. */
describe('the web interface’s forms over HTTP', () => {
  const service = useRunningService(() => sqliteDatabase());

  async function postForm(path: string, pagePath: string, fields: Record<string, string>) {
    const session = `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`;
    const page = await service.t.http().get(pagePath).set('cookie', session);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const cookies = [session, ...(page.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0])].join('; ');
    return service.t.http().post(path).set('cookie', cookies).type('form').send({ _csrf: csrf, ...fields });
  }

  it('records the evaluation in the evaluation phase, with a verdict per goal of the plan, and then the project can close', async () => {
    const { body: project } = await service.api.create({ title: 'Evalueren in de browser', origin: 'municipality', politicalSensitivity: 'low' });
    const id = project.id as string;
    await service.api.step(id, 'START_INTERACTIVE', 'college');
    await service.api.step(id, 'COMMIT', 'college');
    await service.api.step(id, 'ADOPT_PLAN', 'college');
    for (const event of POLICY_CYCLE) await service.api.step(id, event, 'college');

    const page = await service.t.http().get(`/projecten/${id}/dossier`).set('cookie', `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`);
    expect(page.text).toContain('Evaluatie (§2.4)');
    const posted = await postForm(`/projecten/${id}/evaluatie`, `/projecten/${id}/dossier`, {
      'goal.0': 'support-for-process',
      'achieved.0': 'ja',
      'explanation.0': 'De omwonenden steunden de aanpak.',
      participantsJudgement: 'Tevreden over de informatie.',
    });
    expect([posted.status, posted.headers.location]).toEqual([303, `/projecten/${id}/dossier?opgeslagen=1#evaluatie`]);
    const evaluation = (await service.t.http().get(`/api/projects/${id}/evaluation`).set('authorization', `Bearer ${service.api.manager}`)).body;
    expect(evaluation).toMatchObject({ version: 1, missing: [], data: { goals: [{ goal: 'support-for-process', achieved: true }], participantsJudgement: 'Tevreden over de informatie.' } });
    await service.api.decide(id, 'CLOSE', 'college');
    expect((await service.api.event(id, { type: 'CLOSE' }, { fileAsIs: true })).body.state).toBe('closed');
  });

  it('names a fault by the label of its field and links the summary to it, never by a path (issue 19)', async () => {
    const { body: project } = await service.api.create({ title: 'Foutmeldingen', origin: 'municipality', politicalSensitivity: 'low' });
    // Row 1 left empty, row 2 named without a role: the second row is named, as its label says.
    const refused = await postForm(`/projecten/${project.id}/quick-scan`, `/projecten/${project.id}/dossier`, { 'participantName.0': '', 'participantRole.0': '', 'participantName.1': 'B. Bakker', 'participantRole.1': 'nobody' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<a class="utrecht-link" href="#quick-scan-participantRole-1">Rol deelnemer 2: kies een van de mogelijkheden.</a>');
    expect(refused.text).toContain('id="quick-scan-participantRole-1"');
    expect(refused.text).not.toContain('participants.0.role');
  });

  it('comes back with every fault of a decision at once: the fields, a date in the future and a missing reason (issue 19)', async () => {
    const { body: project } = await service.api.create({ title: 'Alle fouten tegelijk', origin: 'municipality', politicalSensitivity: 'low' });
    const session = `iw_session=${await webSessionToken('S. Secretaris', ['college-secretary'])}`;
    const page = await service.t.http().get(`/projecten/${project.id}/besluiten`).set('cookie', session);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const cookies = [session, ...(page.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0])].join('; ');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const refused = await service.t.http().post(`/projecten/${project.id}/besluit`).set('cookie', cookies).type('form').send({ _csrf: csrf, event: 'START_INTERACTIVE', outcome: 'deferred', decidedOn: tomorrow, reference: '' });
    expect(refused.status).toBe(400);
    const summary = /<div class="utrecht-alert utrecht-alert--error iw-error-summary"[\s\S]*?<\/div>/.exec(refused.text)![0];
    expect(summary).toContain('href="#besluit-reference"');
    expect(summary).toContain('href="#besluit-decidedOn"');
    expect(summary).toContain('ligt in de toekomst.');
    expect(summary).toContain('href="#besluit-note">Toelichting of reden: geef de reden.');
  });

  it('takes a day as a Dutch person writes it, "1 maart 2027" beside 01-03-2027 (issue 19)', async () => {
    const { body: project } = await service.api.create({ title: 'Datum in woorden', origin: 'municipality', politicalSensitivity: 'low' });
    const year = new Date().getUTCFullYear() + 1;
    const posted = await postForm(`/projecten/${project.id}/groen-licht`, `/projecten/${project.id}/besluiten`, { event: 'START_INTERACTIVE', proposal: 'Collegevoorstel', desiredOn: `1 maart ${year}` });
    expect([posted.status, posted.headers.location]).toEqual([303, `/projecten/${project.id}/besluiten?opgeslagen=1#aanvragen`]);
    const requests = (await service.api.as(service.api.manager).get(`/api/projects/${project.id}/green-light-requests`)).body;
    expect(requests.map((r: { desiredOn: string }) => r.desiredOn)).toEqual([`${year}-03-01`]);
  });
});
