/** `ocpp-ct reference station|csms`: the reference SUTs as processes of their own, for runs over the network. */
import { Option, type Command } from 'commander';
import { readConfigFile, resolveConfig, type RunConfig } from '../engine/config';
import { ReferenceCsms } from '../reference/csms/csms';
import { CSMS_FAULTS, STATION_FAULTS, type CsmsFault, type StationFault } from '../reference/faults';
import { ReferenceStation } from '../reference/station/station';
import { parsePort } from './common';

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
    .exitOverride()
    .action(async (options: { csmsUrl: string; config?: string; id?: string; password?: string; fault?: StationFault }) => referenceStationCommand(options));
  reference
    .command('csms')
    .description('the reference CSMS, serving stations at ws://<host>:<port>/ocpp/<stationId>')
    .requiredOption('--port <n>', 'port to listen on', parsePort)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--config <file>', 'run configuration (heartbeat interval, path, station password)')
    .addOption(new Option('--fault <name>', 'switch one fault on').choices(Object.keys(CSMS_FAULTS)))
    .exitOverride()
    .action(async (options: { port: number; host: string; config?: string; fault?: CsmsFault }) => referenceCsmsCommand(options));
}

function referenceConfig(file: string | undefined): RunConfig {
  return resolveConfig(file ? readConfigFile(file) : undefined);
}

async function referenceStationCommand(options: { csmsUrl: string; config?: string; id?: string; password?: string; fault?: StationFault }): Promise<void> {
  const config = referenceConfig(options.config);
  const station = new ReferenceStation({
    csmsUrl: options.csmsUrl,
    stationId: options.id ?? config.station.id,
    password: options.password ?? config.station.basicAuthPassword,
    evses: config.station.evses,
    vendorName: config.station.vendorName,
    model: config.station.model,
    timeoutMs: config.timeouts.messageMs,
    faults: new Set(options.fault ? [options.fault] : []),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  await station.start();
  process.stdout.write(`reference station ${options.id ?? config.station.id} connected to ${options.csmsUrl}${options.fault ? ` (fault ${options.fault})` : ''}; Ctrl-C stops it\n`);
  await untilSignal();
  await station.stop();
}

async function referenceCsmsCommand(options: { port: number; host: string; config?: string; fault?: CsmsFault }): Promise<void> {
  const config = referenceConfig(options.config);
  const csms = await ReferenceCsms.start({
    port: options.port,
    host: options.host,
    path: config.csms.path,
    passwords: config.station.basicAuthPassword === undefined ? undefined : new Map([[config.station.id, config.station.basicAuthPassword]]),
    heartbeatInterval: config.configured.heartbeatInterval,
    pendingInterval: config.configured.heartbeatInterval,
    timeoutMs: config.timeouts.messageMs,
    faults: new Set(options.fault ? [options.fault] : []),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  process.stdout.write(`reference CSMS listening at ${csms.url}/<stationId>${options.fault ? ` (fault ${options.fault})` : ''}; Ctrl-C stops it\n`);
  await untilSignal();
  await csms.stop();
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
