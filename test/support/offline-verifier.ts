import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const VERIFY = join(__dirname, '../../bin/interactiewijzer-verify.mjs');

/** The offline verifier as a user runs it: a separate process, no server, no database. */
export async function verifyOffline(document: unknown, ...args: string[]): Promise<{ code: number; output: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'iw-export-')), 'export.json');
  writeFileSync(file, JSON.stringify(document));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [VERIFY, file, ...args]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}
