/** `ocpp-ct certs init|show`: writes the PKI a vendor needs for security profiles 2 and 3, and lists what a folder holds with expiry. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readConfigFile, resolveConfig } from '../engine/config';
import { GeneratedPki, loadCredential } from '../pki/pki';
import { listCertificates, writePki } from '../pki/store';
import { UsageError } from './common';

/** Adds `certs init` and `certs show` to the program. */
export function registerCertsCommands(program: Command): void {
  const certs = program.command('certs').description('generate and list the certificates for security profiles 2 and 3').exitOverride();
  certs
    .command('init')
    .description('generate the CSMS, station, firmware, ISO 15118 and negative-case certificates (RSA and EC P-256) into a folder')
    .option('--dir <dir>', 'output folder', 'certs')
    .option('--config <file>', 'run configuration (station.id, security.organization, security.csmsHosts)')
    .option('--station-id <id>', 'CN of the station certificate (overrides the config)')
    .option('--organization <name>', 'O of the station and CSMS certificates (overrides the config)')
    .option('--host <name...>', 'extra host names or addresses of the CSMS endpoint for the server certificate')
    .option('--force', 'overwrite a folder that already holds certificates')
    .exitOverride()
    .action(async (options: InitOptions) => certsInit(options));
  certs
    .command('show')
    .description('list the certificates in a folder: subject, issuer, validity and expiry')
    .option('--dir <dir>', 'folder', 'certs')
    .option('--json', 'as JSON')
    .exitOverride()
    .action(async (options: { dir: string; json?: boolean }) => certsShow(options));
}

interface InitOptions {
  readonly dir: string;
  readonly config?: string;
  readonly stationId?: string;
  readonly organization?: string;
  readonly host?: string[];
  readonly force?: boolean;
}

async function certsInit(options: InitOptions): Promise<void> {
  const config = resolveConfig(options.config ? readConfigFile(options.config) : undefined);
  const dir = resolve(options.dir);
  if (!options.force && existsSync(resolve(dir, 'manifest.json'))) throw new UsageError(`${options.dir} already holds certificates (manifest.json); use --force to replace them`);
  const ca = config.security.certificateAuthority;
  // With a configured CA, the station certificate (and its bad variants) are signed by it instead of the CSMS root.
  const stationCa = ca === 'generated' ? undefined : await loadCredential('certificate-authority', ca.certificate, ca.privateKey);
  const pki = new GeneratedPki(
    { stationId: options.stationId ?? config.station.id, organization: options.organization ?? config.security.organization, hosts: [...config.security.csmsHosts, ...(options.host ?? [])] },
    { stationCa },
  );
  const written = await writePki(pki, dir);
  const count = (kind: (typeof written)[number]['kind']) => written.filter((f) => f.kind === kind).length;
  process.stdout.write(`Wrote ${count('certificate')} certificate(s), ${count('chain')} chain file(s) and ${count('privateKey')} private key(s) (mode 0600) to ${relative(process.cwd(), dir) || '.'}\n`);
  process.stdout.write(`Station certificate CN: ${pki.options.stationId}; organisation: ${pki.options.organization}; CSMS hosts: ${['localhost', '127.0.0.1', ...(pki.options.hosts ?? [])].join(', ')}\n`);
  process.stdout.write(`See \`ocpp-ct certs show --dir ${options.dir}\` and the README section "Security profiles 2 and 3" for which file goes where.\n`);
}

async function certsShow(options: { dir: string; json?: boolean }): Promise<void> {
  const dir = resolve(options.dir);
  if (!existsSync(dir)) throw new UsageError(`${options.dir} does not exist; create it with \`ocpp-ct certs init --dir ${options.dir}\``);
  const listed = await listCertificates(dir);
  if (options.json) return void process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
  if (listed.length === 0) return void process.stdout.write(`${options.dir} holds no certificates\n`);
  for (const c of listed) {
    const days = Math.round((new Date(c.validTo).getTime() - Date.now()) / 86_400_000);
    const expiry = c.state === 'expired' ? `EXPIRED ${c.validTo.slice(0, 10)}` : c.state === 'not yet valid' ? `NOT YET VALID (from ${c.validFrom.slice(0, 10)})` : `expires ${c.validTo.slice(0, 10)} (${days} days)`;
    process.stdout.write(`${c.file}\n    ${c.subject}\n    issuer ${c.issuer}; ${c.key}; ${expiry}${c.hasPrivateKey ? '; private key present' : ''}\n${c.description ? `    ${c.description}\n` : ''}`);
  }
  process.stdout.write(`${listed.length} certificate(s)\n`);
}
