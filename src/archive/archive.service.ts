import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { zipSync } from 'fflate';
import { dutchDay } from '../../machines/calendar/dutch-day';
import { isEndedState } from '../../machines/participation-project/project-snapshot';
import { selectionOf, type SelectionResult } from '../../machines/publication/archive';
import { reportPdf } from '../accountability/report-pdf';
import { AccountabilityService } from '../accountability/accountability.service';
import { AuditService } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DocumentKind } from '../database/interaction.entities';
import { DecisionsService } from '../decisions/decisions.service';
import { ProjectFileService } from '../project-file/project-file.service';
import type { ProjectView } from '../projects/project.view';
import { ProjectsService } from '../projects/projects.service';
import { Tenancy } from '../tenancy/tenancy.service';
import { slugOf } from '../common/slug';
import { nl } from '../web/i18n/nl';
import { accountDocument, notaDocument } from '../web/reports';
import { fileObjectXml, informationObjectXml, type ArchiveCreator, type Reference } from './mdto';

/** The documents of the file by their Dutch names, as an archivist reads them. */
const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  'quick-scan': 'Quickscan',
  commitment: 'Formeel commitment',
  plan: 'Plan van aanpak',
  evaluation: 'Evaluatie',
  'challenge-assessment': 'Beoordeling uitdaging (uitdaagrecht)',
  'applicant-account': 'Participatieverslag van de aanvrager',
  'raad-informed': 'Informatie aan de raad',
  'account-closing': 'Slottekst participatieparagraaf',
  'woo-publications': 'Actieve openbaarmaking (Woo)',
  'decision-notices': 'Bekendmakingen van besluiten',
  'challenge-agreement': 'Overeenkomst uitdaagrecht',
  'green-light-requests': 'Verzoeken om groen licht',
};

const FORMATS = {
  json: { label: 'JSON', pronom: 'fmt/817' },
  pdf: { label: 'PDF/A-2a', pronom: 'fmt/476' },
};

/** One archiefstuk of the package: its file and what MDTO says of it. */
interface Piece {
  path: string;
  name: string;
  bytes: Uint8Array;
  format: keyof typeof FORMATS;
  /** What happened to it, and when: created, adopted, exported. */
  events: Array<{ type: string; at: string; result?: string }>;
}

/** The archive package (zip) with its file name. */
export interface ArchivePackage {
  fileName: string;
  bytes: Buffer;
}

/**
 * The archive package of a closed or stopped project, for the municipality's e-depot: the file's
 * documents in every version (JSON), the participation account and the public nota van
 * beantwoording as PDF/A, the decisions, the signed trail export with its guide versions, MDTO
 * metadata for the dossier and for each archiefstuk and its bestand (with SHA-256), and a
 * sha256sums.txt over everything, for `sha256sum -c`.
 */
@Injectable()
export class ArchiveService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly file: ProjectFileService,
    private readonly decisions: DecisionsService,
    private readonly accountability: AccountabilityService,
    private readonly audit: AuditService,
    private readonly tenancy: Tenancy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async package(projectId: string, now = new Date()): Promise<ArchivePackage> {
    const project = await this.projects.get(projectId);
    if (!isEndedState(project.state)) throw new ApiError(409, 'project-not-ended', 'Only a closed or stopped project goes to the archive; this one is still running.');
    const tenant = this.tenancy.current();
    const exportedAt = now.toISOString();
    const { pieces, closedAt, head } = await this.piecesOf(project, exportedAt);
    const creator: ArchiveCreator = { name: tenant.name, cbsCode: tenant.municipalityCode, source: `interactiewijzer, ${tenant.name}` };
    const selection = selectionOf(project.state, this.config.archive.selection);
    const dossier: Reference = { name: project.title, id: project.id };
    const files: Record<string, Uint8Array> = {};
    for (const piece of pieces) {
      const record: Reference = { name: piece.name, id: `${project.id}/${piece.path}` };
      const bestand: Reference = { name: piece.path.split('/').pop()!, id: `${project.id}/${piece.path}#bestand` };
      files[piece.path] = piece.bytes;
      files[`${piece.path}.mdto.xml`] = utf8(
        informationObjectXml({ ...record, level: 'Archiefstuk', description: piece.name, coverage: coverage(project.createdAt, closedAt), events: piece.events, selection, closedOn: dutchDay(new Date(closedAt)), partOf: dossier, representations: [bestand], creator }),
      );
      files[`${piece.path}.bestand.mdto.xml`] = utf8(
        fileObjectXml({ ...bestand, path: piece.path, size: piece.bytes.length, format: FORMATS[piece.format], sha256: sha256(piece.bytes), checkedAt: exportedAt, representationOf: record, creator }),
      );
    }
    files['dossier.mdto.xml'] = utf8(
      informationObjectXml({
        ...dossier,
        level: 'Dossier',
        description: dossierDescription(project.title, selection, head),
        coverage: coverage(project.createdAt, closedAt),
        events: [{ type: 'Aanmaak', at: project.createdAt }, { type: 'Afsluiting', at: closedAt, result: project.state === 'stopped' ? 'Gestopt' : 'Afgesloten' }],
        selection,
        closedOn: dutchDay(new Date(closedAt)),
        parts: pieces.map((p) => ({ name: p.name, id: `${project.id}/${p.path}` })),
        creator,
      }),
    );
    files['sha256sums.txt'] = utf8(`${Object.entries(files).map(([path, bytes]) => `${sha256(bytes)}  ${path}`).join('\n')}\n`);
    // Every file in the zip carries the moment the file closed, not the moment of the download.
    const mtime = new Date(closedAt);
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, [bytes, { mtime }]])));
    return { fileName: `archief-${slugOf(project.title)}.zip`, bytes: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) };
  }

  /** The archiefstukken of the file, and when it closed (the trail's step into closed or stopped). */
  private async piecesOf(project: ProjectView, exportedAt: string): Promise<{ pieces: Piece[]; closedAt: string; head: { seq: number; hash: string } }> {
    const municipality = this.tenancy.current().name;
    const [versions, decisions, account, nota, trail] = await Promise.all([
      this.file.everyVersion(project.id),
      this.decisions.list(project.id),
      this.accountability.account(project.id),
      this.accountability.nota(project.id, 'public'),
      this.audit.export(project.id, this.config.reminders.publicUrl),
    ]);
    const ended = [...trail.entries].reverse().find((e) => e.type === 'transition' && isEndedState((e.payload as { to: string }).to));
    const closedAt = ended?.occurredAt ?? project.updatedAt;
    const pieces: Piece[] = [
      ...versions.map((v) => ({
        path: `documenten/${v.kind}-v${v.version}.json`,
        name: `${DOCUMENT_NAMES[v.kind]}, versie ${v.version}`,
        bytes: json(v),
        format: 'json' as const,
        events: [{ type: 'Aanmaak', at: v.createdAt, result: `Vastgelegd door ${v.createdBy}` }, ...(v.adoptedAt ? [{ type: 'Vaststelling', at: v.adoptedAt }] : [])],
      })),
      { path: 'documenten/participatieparagraaf.pdf', name: `Participatieparagraaf ${project.title}`, bytes: await reportPdf(accountDocument(account, nl), municipality), format: 'pdf', events: [{ type: 'Aanmaak', at: exportedAt }] },
      { path: 'documenten/nota-van-beantwoording.pdf', name: `Nota van beantwoording ${project.title} (openbare versie)`, bytes: await reportPdf(notaDocument(nota, nl), municipality), format: 'pdf', events: [{ type: 'Aanmaak', at: exportedAt }] },
      { path: 'besluiten/besluiten.json', name: `Besluiten (groen licht) ${project.title}`, bytes: json(decisions), format: 'json', events: [{ type: 'Aanmaak', at: exportedAt }] },
      {
        path: 'verantwoording/audit-export.json',
        name: `Ondertekende audittrail ${project.title}, met de handleidingversies`,
        bytes: json(trail),
        format: 'json',
        events: [{ type: 'Ondertekening', at: trail.exportedAt, result: `Keten tot en met ${trail.head.seq}, hash ${trail.head.hash}` }],
      },
    ];
    return { pieces, closedAt, head: trail.head };
  }
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Days as the municipality counts them: on the Dutch clock, not UTC. */
const coverage = (from: string, until: string) => ({ from: dutchDay(new Date(from)), until: dutchDay(new Date(until)) });

function dossierDescription(title: string, selection: SelectionResult, head: { seq: number; hash: string }): string {
  return `Participatiedossier ${title}. Audittrail: ${head.seq} vermeldingen, laatste hash ${head.hash} (verantwoording/audit-export.json). Selectielijst ${selection.code}, ${selection.valuation}${selection.retention ? ` na ${selection.retention}` : ''}.`;
}
