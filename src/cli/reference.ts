/** `ocpp-ct reference station|csms`: the reference SUTs as processes of their own, for runs over the network. */
import { Option, type Command } from 'commander';
import { readConfigFile, resolveConfig, type RunConfig } from '../engine/config';
import { ReferenceCsms } from '../reference/csms/csms';
import { CSMS_FAULTS, STATION_FAULTS, type CsmsFault, type StationFault } from '../reference/faults';
import { stationOptionsFrom } from '../reference/station/options';
import { ReferenceStation } from '../reference/station/station';
import { serveStationActions } from '../drivers/http-receiver';
import { SecurityMaterial } from '../transport/profiles';
import type { TlsHandshake } from '../transport/security';
import type { OcppServer, Refusal } from '../transport/server';
import { parsePort, UsageError } from './common';

/** Adds `reference station` and `reference csms` to the program. */
export function registerReferenceCommands(program: Command): void {
  const reference = program.command('reference').description('run a reference SUT as its own process (Ctrl-C stops it)').exitOverride();
  reference
    .command('station')
    .description('the reference Charging Station, connecting to a CSMS')
    .requiredOption('--csms-url <url>', 'CSMS URL without the station id, e.g. ws://127.0.0.1:9000/ocpp')
    .option('--config <file>', 'run configuration (station id, password, EVSEs)')
    .option('--id <stationId>', 'station id (overrides the config)')
    .option('--password <password>', 'Basic-auth password (overrides the config)')
    .addOption(new Option('--fault <name>', 'switch one fault on').choices(Object.keys(STATION_FAULTS)))
    .option('--security-profile <n>', 'security profile 1, 2 or 3 (overrides security.securityProfile of the config; certificates from security.pkiDir or generated)', parseProfile)
    .option('--driver-port <n>', 'also accept driver actions over HTTP on this port, as `run --driver http` sends them (POST {"action": …} to http://127.0.0.1:<n>/actions/<kind>)', parsePort)
    .exitOverride()
    .action(async (options: StationCommandOptions) => referenceStationCommand(options));
  reference
    .command('csms')
    .description('the reference CSMS, serving stations at ws://<host>:<port>/ocpp/<stationId>')
    .requiredOption('--port <n>', 'port to listen on', parsePort)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--config <file>', 'run configuration (heartbeat interval, path, station password, security)')
    .option('--security-profile <n>', 'security profile 1, 2 or 3 of its endpoint (overrides security.securityProfile of the config)', parseProfile)
    .addOption(new Option('--fault <name>', 'switch one fault on').choices(Object.keys(CSMS_FAULTS)))
    .exitOverride()
    .action(async (options: CsmsCommandOptions) => referenceCsmsCommand(options));
}

function referenceConfig(file: string | undefined, securityProfile?: 1 | 2 | 3): RunConfig {
  return resolveConfig(file ? readConfigFile(file) : undefined, securityProfile === undefined ? undefined : { security: { securityProfile } });
}

/** Parses `--security-profile`. */
function parseProfile(value: string): 1 | 2 | 3 {
  if (value !== '1' && value !== '2' && value !== '3') throw new UsageError(`--security-profile must be 1, 2 or 3, got '${value}'`);
  return Number(value) as 1 | 2 | 3;
}

/** The options of `reference csms`. */
interface CsmsCommandOptions {
  readonly port: number;
  readonly host: string;
  readonly config?: string;
  readonly securityProfile?: 1 | 2 | 3;
  readonly fault?: CsmsFault;
}

/** The options of `reference station`. */
interface StationCommandOptions {
  readonly csmsUrl: string;
  readonly config?: string;
  readonly id?: string;
  readonly password?: string;
  readonly fault?: StationFault;
  readonly securityProfile?: 1 | 2 | 3;
  readonly driverPort?: number;
}

async function referenceStationCommand(options: StationCommandOptions): Promise<void> {
  const config = referenceConfig(options.config, options.securityProfile);
  if ((config.security.securityProfile > 1) !== options.csmsUrl.startsWith('wss:')) throw new UsageError(`security profile ${config.security.securityProfile} needs a ${config.security.securityProfile > 1 ? 'wss' : 'ws'}:// CSMS URL, got ${options.csmsUrl}`);
  const station = new ReferenceStation({
    ...stationOptionsFrom(config),
    csmsUrl: options.csmsUrl,
    stationId: options.id ?? config.station.id,
    password: options.password ?? config.station.basicAuthPassword,
    faults: new Set(options.fault ? [options.fault] : []),
    security: await new SecurityMaterial(config).referenceStation(),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  const receiver = options.driverPort === undefined ? undefined : await serveStationActions((action) => station.perform(action), { port: options.driverPort });
  if (receiver) process.stdout.write(`driver actions: POST {"action": …} to ${receiver.urlTemplate} (use it as drivers.http.url)\n`);
  await station.start();
  process.stdout.write(`reference station ${options.id ?? config.station.id} connected to ${options.csmsUrl}${options.fault ? ` (fault ${options.fault})` : ''}; Ctrl-C stops it\n`);
  await untilSignal();
  await receiver?.close();
  await station.stop();
}

async function referenceCsmsCommand(options: CsmsCommandOptions): Promise<void> {
  const config = referenceConfig(options.config, options.securityProfile);
  const csms = await ReferenceCsms.start({
    port: options.port,
    host: options.host,
    path: config.csms.path,
    passwords: config.station.basicAuthPassword === undefined ? undefined : new Map([[config.station.id, config.station.basicAuthPassword]]),
    heartbeatInterval: config.configured.heartbeatInterval,
    pendingInterval: config.configured.heartbeatInterval,
    idTokens: config.configured.idTokens,
    masterPassGroupId: config.configured.masterPassGroupId,
    emaid: config.configured.emaid,
    timeoutMs: config.timeouts.messageMs,
    faults: new Set(options.fault ? [options.fault] : []),
    security: { profile: config.security.securityProfile, material: new SecurityMaterial(config) },
    log: (message) => process.stderr.write(`${message}\n`),
  });
  printRefusals(csms);
  process.stdout.write(`reference CSMS listening at ${csms.url}/<stationId> (security profile ${config.security.securityProfile})${options.fault ? ` (fault ${options.fault})` : ''}; Ctrl-C stops it\n`);
  await untilSignal();
  await csms.stop();
}

/**
 * Prints each refused TLS handshake and each refused upgrade of the reference CSMS's endpoint with its reason, so
 * whoever points a station at it sees why the station cannot connect.
 */
function printRefusals(csms: ReferenceCsms): void {
  // The endpoint is the CSMS's own (not part of its API): its events are what a console wants.
  const server = (csms as unknown as { server?: OcppServer }).server;
  server?.on('tls', (handshake: TlsHandshake) => {
    if (handshake.ok) return;
    const certificate = handshake.peerChain[0] ? ` (client certificate CN=${handshake.peerChain[0].commonName ?? '?'})` : '';
    process.stderr.write(`[csms] TLS refused from ${handshake.remote}${certificate}: ${handshake.failure?.kind ?? 'failed'}: ${handshake.failure?.message ?? ''}\n`);
  });
  server?.on('refused', (stationId: string | undefined, refusal: Refusal) => process.stderr.write(`[csms] connection of ${stationId ?? 'an unknown station'} refused: HTTP ${refusal.status} ${refusal.reason}\n`));
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
