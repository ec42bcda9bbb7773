import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import canonicalize from 'canonicalize';
import { parse } from 'yaml';
import type { InspraakForm, Level, Phase, Text } from '../interaction/catalogue';
import { compileGate, type CompiledGate } from '../participation-project/gate-rules';
import type { GatedEventType } from '../participation-project/gates';
import { stepsOf } from './guide-steps';
import type { GuideDocument, GuideGate, GuideRef } from './guide.types';

/** The guide every project stored before guides became data runs under (issue 20). */
export const DEFAULT_GUIDE_ID = 'overbetuwe-2018';

/** SHA-256 over the guide's canonical JSON (RFC 8785, as the trail's entries): a version's fingerprint. */
export function guideHash(document: GuideDocument): string {
  return createHash('sha256').update(canonicalize(document) ?? '').digest('hex');
}

export const refOf = (document: GuideDocument): GuideRef => ({ id: document.id, version: document.version, sha256: guideHash(document) });

/**
 * The guide versions this process knows, by hash. A version never changes (its hash is its
 * name), so a project pinned to it finds the same rules in every process that registered it.
 */
const BY_HASH = new Map<string, GuideDocument>();

export function registerGuide(document: GuideDocument): GuideRef {
  const ref = refOf(document);
  if (!BY_HASH.has(ref.sha256)) BY_HASH.set(ref.sha256, document);
  return ref;
}

export function registeredGuide(sha256: string): GuideDocument | undefined {
  return BY_HASH.get(sha256);
}

/** The folder of the guides shipped with the product: `guides/` at the root, from the sources or from `dist/`. */
export function shippedGuidesDirectory(): string {
  const candidates = [resolve(__dirname, '..', '..', 'guides'), resolve(__dirname, '..', '..', '..', 'guides')];
  const found = candidates.find((dir) => existsSync(join(dir, `${DEFAULT_GUIDE_ID}.yaml`)));
  if (!found) throw new Error(`The guides folder with ${DEFAULT_GUIDE_ID}.yaml was not found (looked in ${candidates.join(', ')})`);
  return found;
}

const READ = new Map<string, Array<{ file: string; document: unknown }>>();

/** Every guide file in a folder, parsed once (read them, never change them), not yet checked: the caller validates before it registers. */
export function readGuideFiles(dir: string = shippedGuidesDirectory()): Array<{ file: string; document: unknown }> {
  let files = READ.get(dir);
  if (!files) {
    files = readdirSync(dir)
      .filter((file) => /\.ya?ml$/.test(file))
      .sort()
      .map((file) => ({ file, document: parse(readFileSync(join(dir, file), 'utf8')) as unknown }));
    READ.set(dir, files);
  }
  return files;
}

let defaultDocument: GuideDocument | undefined;

/**
 * The default guide's first version, read once from the shipped files: the guide of every project
 * stored before projects were pinned. Later versions ship as files of their own (`<id>.v2.yaml`).
 */
export function defaultGuide(): GuideDocument {
  if (!defaultDocument) {
    const found = readGuideFiles().map(({ document }) => document as GuideDocument).find((d) => d?.id === DEFAULT_GUIDE_ID && d.version === 1);
    if (!found) throw new Error(`guides/ holds no version 1 of ${DEFAULT_GUIDE_ID}`);
    defaultDocument = found;
    registerGuide(defaultDocument);
  }
  return defaultDocument;
}

/** The guide version a project runs under: the one it is pinned to, or the default guide's first. */
export const guideRefOf = (context: { guide?: GuideRef | null }): GuideRef => context.guide ?? refOf(defaultGuide());

/** A project runs under a guide version this process has not loaded yet (another instance just published it). */
export class GuideNotLoaded extends Error {
  constructor(readonly ref: GuideRef) {
    super(`Guide ${ref.id} version ${ref.version} (${ref.sha256.slice(0, 12)}) is not loaded in this process yet`);
    this.name = 'GuideNotLoaded';
  }
}

/** The guide a project runs under: the version it is pinned to, or the default for a project stored before pinning. */
export function guideOf(context: { guide?: GuideRef | null }): GuideDocument {
  if (!context.guide) return defaultDocument ?? defaultGuide();
  const document = BY_HASH.get(context.guide.sha256);
  if (!document) throw new GuideNotLoaded(context.guide);
  return document;
}

const COMPILED = new WeakMap<GuideDocument, Partial<Record<GatedEventType, CompiledGate>>>();

/** The gate of a step under the project's guide, worked out once per guide version (a transition asks it several times). */
export function gateOf(context: { guide?: GuideRef | null }, gate: GatedEventType): CompiledGate | undefined {
  const guide = guideOf(context);
  // A transition asks for its gate several times: the last guide's gates are at hand without a lookup.
  if (guide !== lastGuide) {
    let gates = COMPILED.get(guide);
    if (!gates) {
      gates = Object.fromEntries(Object.entries(guide.gates).map(([event, definition]) => [event, compileGate(definition as GuideGate)]));
      COMPILED.set(guide, gates);
    }
    lastGuide = guide;
    lastGates = gates;
  }
  return lastGates[gate];
}
let lastGuide: GuideDocument | undefined;
let lastGates: Partial<Record<GatedEventType, CompiledGate>> = {};

/** §1.3 per guide: the phases whose planned level the guide does not offer there. */
export function levelsNotOffered(guide: GuideDocument, levels: Partial<Record<Phase, Level>> | undefined): Array<{ phase: Phase; level: Level }> {
  return (Object.entries(levels ?? {}) as Array<[Phase, Level]>).filter(([phase, level]) => !!level && !guide.levels[phase]?.includes(level)).map(([phase, level]) => ({ phase, level }));
}

/** §1.4 per guide: whether it uses this form of inspraak. */
export const inspraakFormOffered = (guide: GuideDocument, form: InspraakForm): boolean => guide.inspraak.forms.includes(form);

/** A guide's words for its steps (by their dotted path in the machine) and for its gates, in both languages. */
export function guideLabels(guide: GuideDocument): { states: Record<string, Text>; events: Partial<Record<GatedEventType, Text>> } {
  const states: Record<string, Text> = Object.fromEntries([...stepsOf(guide.steps)].map(({ step, path }) => [path, step.label]));
  const events = Object.fromEntries(Object.entries(guide.gates).flatMap(([event, gate]) => (gate?.label ? [[event, gate.label]] : [])));
  return { states, events };
}
