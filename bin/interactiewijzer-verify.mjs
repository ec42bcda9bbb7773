#!/usr/bin/env node
/**
 * interactiewijzer-verify: checks an audit export without the server or its database.
 *
 *   npx interactiewijzer-verify export.json [--key jwks.json] [--root saved-root.json]
 *
 * - every entry's hash: SHA-256 over the previous hash and the entry's RFC 8785 canonical JSON;
 * - the links: seq 1, 2, 3, … and each prevHash the hash before it, up to the stated head;
 * - the signature: the detached Ed25519 JWS over the canonical JSON of the document without
 *   its signature, with the key in the export, or with the municipality's published key (--key);
 * - with --root: the chain still runs through the head a saved root recorded for this project,
 *   and that root is the hash of the heads saved with it (so a later rewrite of the whole
 *   database, hashes recomputed, is found).
 * - the guides: each guide version in the export hashes to its stated SHA-256 (RFC 8785), and
 *   every version the trail names (its creation, its migrations) is there;
 * Exit code 0 when all holds; 1 with the first place where it breaks; 2 for bad usage.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { compactVerify, importJWK } from 'jose';

const canonicalize = createRequire(import.meta.url)('canonicalize');
const GENESIS = '0'.repeat(64);
const sha256 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest('hex');
const base64url = (text) => Buffer.from(text, 'utf8').toString('base64url');

/** The first problem with an export, or null when it holds. */
async function verifyExport(document, options = {}) {
  const { signature, ...signed } = document;
  const entries = signed.entries ?? [];
  let prevHash = GENESIS;
  for (const [index, entry] of entries.entries()) {
    const where = `entry ${index + 1} (seq ${entry.seq}, ${entry.type})`;
    if (entry.seq !== index + 1) return `${where}: expected seq ${index + 1}; an entry was removed, added or reordered`;
    if (entry.prevHash !== prevHash) return `${where}: prevHash does not match the hash of the entry before it`;
    const link = { projectId: signed.project?.id, seq: entry.seq, occurredAt: entry.occurredAt, actorName: entry.actorName, actorRole: entry.actorRole, type: entry.type, payload: entry.payload };
    if (sha256(prevHash, canonicalize(link)) !== entry.hash) return `${where}: its content does not match its hash; the entry was edited`;
    prevHash = entry.hash;
  }
  if (signed.head?.seq !== entries.length || signed.head?.hash !== prevHash) return `head: the export states seq ${signed.head?.seq}, but the chain ends at seq ${entries.length}; entries are missing at the end`;

  // Issue 20: the guide versions the project ran under travel with the export; each is the one the trail names.
  const guides = signed.guides ?? [];
  for (const guide of guides) {
    if (sha256(canonicalize(guide.document)) !== guide.sha256) return `guide ${guide.id} version ${guide.version}: its definition does not hash to ${guide.sha256}; it was changed`;
  }
  for (const entry of entries) {
    const named = entry.type === 'project-created' ? [entry.payload.guide] : entry.type === 'guide-migrated' ? [entry.payload.from, entry.payload.to] : [];
    for (const ref of named.filter(Boolean)) {
      if (!guides.some((g) => g.sha256 === ref.sha256)) return `entry ${entry.seq} (${entry.type}): the export lacks guide ${ref.id} version ${ref.version} (${ref.sha256})`;
    }
  }

  if (!signature?.jws) return 'signature: the export is not signed';
  const jwk = options.jwks ? options.jwks.keys?.find((k) => k.kid === signature.kid) : signature.publicKey;
  if (!jwk) return `signature: no published key with kid ${signature.kid}`;
  const [header, , sig] = signature.jws.split('.');
  try {
    const key = await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA');
    await compactVerify(`${header}.${base64url(canonicalize(signed))}.${sig}`, key);
  } catch {
    return 'signature: does not match the document; something in the export was changed after signing';
  }

  if (options.root) {
    const { root, heads = [] } = options.root;
    if (sha256(canonicalize(heads)) !== root) return 'root: the saved heads do not hash to the saved root';
    const saved = heads.find((h) => h.projectId === signed.project.id);
    if (!saved) return `root: the saved root does not cover project ${signed.project.id}`;
    const entry = entries[saved.seq - 1];
    if (!entry || entry.hash !== saved.hash) return `root: entry seq ${saved.seq} has ${entry ? `hash ${entry.hash}` : 'gone'}, but the root saved at ${options.root.computedAt} recorded ${saved.hash}; the trail was rewritten after that root`;
  }
  return null;
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { key: { type: 'string' }, root: { type: 'string' } } });
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const [file] = parsed.positionals;
  if (!file) {
    console.error('usage: interactiewijzer-verify <export.json> [--key jwks.json] [--root saved-root.json]');
    process.exit(2);
  }
  const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
  const document = read(file);
  const problem = await verifyExport(document, { jwks: parsed.values.key && read(parsed.values.key), root: parsed.values.root && read(parsed.values.root) });
  if (problem) {
    console.log(`NOT VALID: ${problem}`);
    process.exit(1);
  }
  // Issue 18: personal data erased after its retention period; the entries keep the digests, so the chain still holds.
  for (const entry of document.entries.filter((e) => e.type === 'personal-data-erased')) {
    console.log(`erased: ${entry.payload.items.length} personal data items on ${entry.occurredAt} (entry ${entry.seq}): ${entry.payload.reason}`);
  }
  console.log(`valid: ${document.entries.length} entries of project ${document.project.id}, head ${document.head.hash}, signed with key ${document.signature.kid}${parsed.values.key ? ' (published key)' : ' (key in the export: compare it with the published one)'}${parsed.values.root ? ', through the saved root' : ''}`);
  // Issue 20: the guide versions the project ran under, each checked against the hash the trail names.
  for (const guide of document.guides ?? []) console.log(`guide: ${guide.id} version ${guide.version} (${guide.sha256})`);
}

await main();
