import { DEFAULT_SELECTION, selectionOf, SELECTION_RESULTS } from '../machines/publication/archive';
import { fileObjectXml, informationObjectXml, type InformationObject } from '../src/archive/mdto';
import { schemaErrors } from './support/xml-schemas';

const creator = { name: 'Gemeente Lingewaard', cbsCode: '1705', source: 'interactiewijzer, Gemeente Lingewaard' };
const dossier = (state: string): InformationObject => ({
  id: 'p-1',
  name: 'Speeltuin Park Noord',
  level: 'Dossier',
  description: 'Participatiedossier',
  coverage: { from: '2026-01-05', until: '2026-11-30' },
  events: [{ type: 'Afsluiting', at: '2026-11-30T10:00:00.000Z', result: 'Gestopt' }],
  selection: selectionOf(state, DEFAULT_SELECTION),
  closedOn: '2026-11-30',
  parts: [{ name: 'Quickscan, versie 1', id: 'p-1/documenten/quick-scan-v1.json' }],
  creator,
});

/** Issue 23: MDTO 1.0.1 for the dossier of a closed and of a stopped project, and for a file, checked by the schema itself. */
describe('MDTO metadata of the archive package', () => {
  it('keeps a closed project for good, and gives a stopped one its term from the Selectielijst, both valid MDTO', async () => {
    const closed = informationObjectXml(dossier('closed'));
    expect(await schemaErrors(closed, 'mdto')).toEqual([]);
    expect(await schemaErrors(closed, 'mdto-1.0.2')).toEqual([]);
    expect(closed).toContain('<begripLabel>Blijvend te bewaren</begripLabel>');
    expect(closed).not.toContain('<bewaartermijn>');

    const stopped = informationObjectXml(dossier('stopped'));
    expect(await schemaErrors(stopped, 'mdto')).toEqual([]);
    expect(stopped).toMatch(/<termijnStartdatumLooptijd>2026-11-30<\/termijnStartdatumLooptijd>\s*<termijnLooptijd>P5Y<\/termijnLooptijd>/);
    expect(stopped).toContain('<begripCode>2.2</begripCode>');
  });

  it('describes a file by size, PRONOM format and SHA-256, and the schema refuses one without its checksum', async () => {
    const file = fileObjectXml({ id: 'p-1/a.pdf#bestand', name: 'a.pdf', path: 'documenten/a.pdf', size: 1234, format: { label: 'PDF/A-2a', pronom: 'fmt/476' }, sha256: 'ab'.repeat(32), checkedAt: '2026-12-06T10:00:00.000Z', representationOf: { name: 'A', id: 'p-1/a.pdf' }, creator });
    expect(await schemaErrors(file, 'mdto')).toEqual([]);
    const broken = file.replace(/<checksum>[\s\S]*<\/checksum>/, '');
    expect((await schemaErrors(broken, 'mdto')).join('\n')).toMatch(/checksum/);
    // 1.0.2 also refuses a required value left empty, which 1.0.1 lets pass.
    const empty = file.replace(/<naam>a\.pdf<\/naam>/, '<naam> </naam>');
    expect([await schemaErrors(empty, 'mdto'), (await schemaErrors(empty, 'mdto-1.0.2')).length]).toEqual([[], 1]);
  });

  it('knows only results of the Selectielijst it names, each with a valuation, and a term where it is destroyed', () => {
    for (const result of Object.values(SELECTION_RESULTS)) expect(result.retention === null).toBe(result.valuation === 'bewaren');
  });
});
