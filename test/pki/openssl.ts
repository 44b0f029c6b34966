// Runs Debian's `openssl` for the PKI tests, so every certificate, CSR, hash and OCSP answer is checked by an independent implementation.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Upper bound of one openssl run. */
const OPENSSL_MS = 10_000;

/** What an openssl run printed and how it ended. */
export interface OpensslResult {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs `openssl …args` and returns stdout then stderr; never throws on a non-zero exit (the result says so), only when openssl cannot run or times out. */
export function openssl(...args: string[]): OpensslResult {
  const run = spawnSync('openssl', args, { timeout: OPENSSL_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error) throw run.error;
  if (run.status === null) throw new Error(`openssl ${args.join(' ')} ended by ${run.signal}`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** A scratch folder for files handed to openssl; `cleanup` removes every one made. */
export class Scratch {
  private readonly dirs: string[] = [];

  /** Writes `content` to a fresh file named `name` and returns its path. */
  file(name: string, content: string | Buffer): string {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-ct-pki-'));
    this.dirs.push(dir);
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  /** A fresh empty folder. */
  dir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-ct-pki-'));
    this.dirs.push(dir);
    return dir;
  }

  cleanup(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
