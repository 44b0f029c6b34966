/** What the CLI commands share: exit statuses, usage errors and small option parsers. */
import { Option } from 'commander';
import type { SutRole } from '../engine/results';

/** Exit statuses of DESIGN.md. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Wrong usage: printed without a stack, exit 2. */
export class UsageError extends Error {}

/** The mandatory `--sut cs|csms` option. */
export const sutOption = (): Option => new Option('--sut <side>', 'which system is under test: cs (a Charging Station) or csms').choices(['cs', 'csms']).makeOptionMandatory();

/** `cs` → CS, `csms` → CSMS. */
export const toRole = (sut: string): SutRole => (sut === 'cs' ? 'CS' : 'CSMS');

/** Parses a TCP port option. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got '${value}'`);
  return port;
}

/** A compact UTC time stamp for run ids and folder names (20261123-212439). */
export function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** When `error` is a listen that found its port taken: "port 9000 on 127.0.0.1 is in use"; otherwise undefined. */
export function portInUse(error: unknown): string | undefined {
  const e = error as { code?: unknown; port?: unknown; address?: unknown; message?: unknown };
  if (e?.code !== 'EADDRINUSE') {
    // An error that wraps the listen failure keeps its text: "listen EADDRINUSE: address already in use 127.0.0.1:9000".
    const match = typeof e?.message === 'string' ? /EADDRINUSE\D*?(\[[^\]]+\]|[\w.:-]+?):(\d+)\b/.exec(e.message) : null;
    return match ? `port ${match[2]} on ${match[1]} is in use` : undefined;
  }
  return `port ${String(e.port ?? '?')} on ${String(e.address ?? 'this host')} is in use`;
}
