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
