import { convert } from 'xmlbuilder2';
import type { Role } from '../src/auth/roles';
import { describeEachDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp, webSessionToken, type TestApp } from './support/test-app';
import { schemaErrors } from './support/xml-schemas';

const DEFAULT = 'default';
const OVERBETUWE = 'overbetuwe';
const OVERBETUWE_HOST = 'participatie.overbetuwe.test';
const CHECKED = { exceptionsChecked: true, personalDataRemoved: true };

type Tree = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Issue 23: the Woo-index harvests a municipality the way the DiWoo sitemap protocol has it,
 * from /robots.txt through the sitemap index to each category's sitemap, and every document it
 * reads there is valid against the vendored DiWoo 0.9.8 schema.
 */
describeEachDatabase('publication the Woo-index can harvest (issue 23)', (createDatabase) => {
  let database: TestDatabase;
  let t: TestApp;
  const of: Record<string, ProjectClient> = {};
  /** What each municipality published, by document address: its category and whether it was withdrawn. */
  const published: Record<string, Map<string, { category: string; withdrawn: boolean }>> = { [DEFAULT]: new Map(), [OVERBETUWE]: new Map() };

  beforeAll(async () => {
    database = await createDatabase();
    // One more royal decree than the release knows: category 3.3.2c in force from 1 January 2026.
    t = await startTestApp(database, { MUNICIPALITY_CODE: '1705', MUNICIPALITY_NAME: 'Gemeente Lingewaard', TENANT_HOSTS: `${OVERBETUWE_HOST}=${OVERBETUWE}`, WOO_CATEGORIES_IN_FORCE: '3.3.2c=2026-01-01' });
    const operator = await t.token('operator' as Role, 'O. Perator');
    const added = await t.http().post('/api/tenants').set('authorization', `Bearer ${operator}`).send({ id: OVERBETUWE, name: 'Gemeente Overbetuwe', municipalityCode: '1734', guide: 'overbetuwe-2018' });
    expect(added.status).toBe(201);
    of[DEFAULT] = await ProjectClient.for(t, DEFAULT);
    of[OVERBETUWE] = await ProjectClient.for(t, OVERBETUWE);

    for (const tenant of [DEFAULT, OVERBETUWE]) {
      for (const title of ['Herinrichting Dorpsplein', 'Speeltuin Park Noord']) {
        const project = await of[tenant].create({ title: `${title} (${tenant})`, origin: 'municipality', politicalSensitivity: 'low' });
        expect(project.status).toBe(201);
        for (const [category, name, withdraw] of [['3.3.2c', 'verslag', false], ['3.3.1d', 'werkwijze', false], ['3.1', 'participatieverslag', false], ['3.3.2j', 'onderzoek', false], ['3.3.2c', 'brief', true]] as const) {
          const documentUrl = `https://www.${tenant}.example/${project.body.id}/${name}.pdf`;
          const item = await of[tenant].as(of[tenant].manager).post(`/api/projects/${project.body.id}/woo-publications`, { ...CHECKED, category, title: `${name} ${title}`, documentUrl, documentDate: '2026-09-05', documentType: 'vergaderverslag', handling: 'ontvangst' });
          expect(item.status).toBe(201);
          if (withdraw) expect((await of[tenant].as(of[tenant].manager).post(`/api/projects/${project.body.id}/woo-publications/${item.body.id}/withdrawal`, { reason: 'Bevat een naam' })).status).toBe(201);
          published[tenant].set(documentUrl, { category, withdrawn: withdraw });
        }
      }
    }
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** The documents a harvester finds from one robots.txt: per sitemap index, every url with its DiWoo metadata. */
  async function harvest(host?: string): Promise<Map<string, Tree[]>> {
    const get = (path: string) => (host ? t.http().get(path).set('host', host) : t.http().get(path));
    const robots = await get('/robots.txt');
    expect([robots.status, robots.headers['content-type']]).toEqual([200, 'text/plain; charset=utf-8']);
    expect(robots.text).toMatch(/^User-agent: \*\nAllow: \/openbaar\/\n/);
    const found = new Map<string, Tree[]>();
    for (const [, index] of robots.text.matchAll(/^Sitemap: (\S+)$/gm)) {
      const indexAnswer = await get(new URL(index).pathname);
      expect([indexAnswer.status, indexAnswer.headers['content-type']]).toEqual([200, 'application/xml; charset=utf-8']);
      expect(await schemaErrors(indexAnswer.text, 'sitemap-index')).toEqual([]);
      const urls: Tree[] = [];
      for (const sitemap of list((convert(indexAnswer.text, { format: 'object' }) as Tree).sitemapindex.sitemap) as Tree[]) {
        // The sitemaps protocol: a sitemap lies on the index's host.
        expect(new URL(sitemap.loc).origin).toBe(new URL(index).origin);
        expect(sitemap.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        const answer = await get(new URL(sitemap.loc).pathname);
        expect(answer.status).toBe(200);
        expect(await schemaErrors(answer.text, 'diwoo-sitemap')).toEqual([]);
        const entries = list((convert(answer.text, { format: 'object' }) as Tree).urlset.url) as Tree[];
        // One category per sitemap, named in its address.
        const category = /\/woo\/(.+)-1\.xml$/.exec(sitemap.loc)![1];
        expect(entries.every((u) => published[tenantOf(index)].get(u.loc)?.category === category)).toBe(true);
        urls.push(...entries);
      }
      found.set(tenantOf(index), urls);
    }
    return found;
  }
  const tenantOf = (index: string) => /\/openbaar\/([^/]+)\/woo\/sitemapindex\.xml$/.exec(index)![1];

  it('leads a harvester from /robots.txt to every published document of every municipality, each with DiWoo metadata valid against the XSD', async () => {
    const found = await harvest();
    expect([...found.keys()].sort()).toEqual([DEFAULT, OVERBETUWE]);
    for (const tenant of [DEFAULT, OVERBETUWE]) {
      const expected = [...published[tenant]].filter(([, p]) => !p.withdrawn).map(([url]) => url);
      expect(found.get(tenant)!.map((u) => u.loc).sort()).toEqual(expected.sort());
      const code = tenant === DEFAULT ? '1705' : '1734';
      expect(found.get(tenant)!.every((u) => u['diwoo:Document']['diwoo:DiWoo']['diwoo:publisher']['@resource'] === `https://identifier.overheid.nl/tooi/id/gemeente/gm${code}`)).toBe(true);
    }
  });

  it('says per document whether publishing it was mandatory (its category in force that day) or voluntary', async () => {
    const found = (await harvest()).get(DEFAULT)!;
    const basis = (u: Tree) => Object.fromEntries(list(u['diwoo:Document']['diwoo:extraMetadata']['diwoo:extraMetadatavelden']['diwoo:extraMetadataveld'] as Tree[]).map((f) => [f['diwoo:key'], f['diwoo:values']['diwoo:value']]));
    const byName = (name: string) => found.filter((u) => u.loc.endsWith(`/${name}.pdf`)).map(basis);
    // 3.3.2c by WOO_CATEGORIES_IN_FORCE, 3.3.1d by the decree of 1 November 2024; 3.3.2j not yet in force; 3.1 by its nature.
    expect(byName('verslag')).toEqual([{ openbaarmaking: 'verplicht', grondslag: 'Woo art. 3.3, in werking sinds 2026-01-01' }, { openbaarmaking: 'verplicht', grondslag: 'Woo art. 3.3, in werking sinds 2026-01-01' }]);
    expect(byName('werkwijze')[0]).toEqual({ openbaarmaking: 'verplicht', grondslag: 'Woo art. 3.3, in werking sinds 2024-11-01' });
    expect(byName('onderzoek')[0]).toEqual({ openbaarmaking: 'vrijwillig', grondslag: 'Woo art. 3.1' });
    const voluntary = found.find((u) => u.loc.endsWith('/participatieverslag.pdf'))!;
    expect(basis(voluntary)).toEqual({ openbaarmaking: 'vrijwillig', grondslag: 'Woo art. 3.1' });
    expect(voluntary['diwoo:Document']['diwoo:DiWoo']['diwoo:classificatiecollectie']['diwoo:informatiecategorieen']['diwoo:informatiecategorie']).toEqual({ '@resource': 'https://identifier.overheid.nl/tooi/def/thes/kern/c_816e508d', '#': 'inspanningsverplichting art 3.1 Woo' });

    // The Besluiten page says the same to whoever publishes, in words.
    const projectId = /^https:\/\/www\.default\.example\/([^/]+)\//.exec(voluntary.loc)![1];
    const page = (await t.http().get(`/projecten/${projectId}/besluiten`).set('cookie', `iw_session=${await webSessionToken('S. Secretaris', ['college-secretary'])}`)).text;
    expect(page).toContain('Verplicht: deze categorie moet actief openbaar sinds 1 januari 2026 (artikel 3.3 Woo)');
    expect(page).toContain('Verplicht: deze categorie moet actief openbaar sinds 1 november 2024 (artikel 3.3 Woo)');
    expect(page).toContain('Uit eigen beweging (artikel 3.1 Woo)');
  });

  it('serves a municipality’s own host name only its own harvest, and refuses what does not exist', async () => {
    const found = await harvest(OVERBETUWE_HOST);
    expect([...found.keys()]).toEqual([OVERBETUWE]);
    expect(found.get(OVERBETUWE)!.every((u) => u.loc.startsWith(`https://www.${OVERBETUWE}.example/`))).toBe(true);

    expect((await t.http().get(`/openbaar/${OVERBETUWE}/woo/3.3.2z-1.xml`)).status).toBe(404);
    expect((await t.http().get(`/openbaar/${OVERBETUWE}/woo/3.3.2c-2.xml`)).status).toBe(404);
    expect((await t.http().get(`/openbaar/${OVERBETUWE}/woo/3.3.2a-1.xml`)).status).toBe(404);
    expect((await t.http().get('/openbaar/onbekend/woo/sitemapindex.xml')).status).toBe(404);
  });

  it('exports one project’s publications in the same valid shape', async () => {
    const projects = (await of[OVERBETUWE].as(of[OVERBETUWE].manager).get('/api/projects')).body as Array<{ id: string }> | { items: Array<{ id: string }> };
    const id = (Array.isArray(projects) ? projects : projects.items)[0].id;
    const xml = await of[OVERBETUWE].as(of[OVERBETUWE].manager).get(`/api/projects/${id}/woo-publications/diwoo.xml`);
    expect(xml.status).toBe(200);
    expect(await schemaErrors(xml.text, 'diwoo-sitemap')).toEqual([]);
    expect(list((convert(xml.text, { format: 'object' }) as Tree).urlset.url)).toHaveLength(4);
  });
});
