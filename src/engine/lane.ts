/** A lane: one harness endpoint facing one SUT (reference or real), reused by the cases that run in it one after another. */
import { CsmsActor } from '../actors/csms-actor';
import { StationActor } from '../actors/station-actor';
import { simulatedStationAnswers } from '../actors/station-defaults';
import type { Driver } from '../drivers/driver';
import { referenceDriver } from '../drivers/reference';
import { ReferenceCsms } from '../reference/csms/csms';
import type { CsmsFault, StationFault } from '../reference/faults';
import { ReferenceStation } from '../reference/station/station';
import { OcppServer } from '../transport/server';
import type { RunConfig } from './config';
import type { SutRole } from './results';

/** Where the SUT is: the in-process reference, a station that connects to us, or a CSMS at a URL. */
export type Target = { readonly kind: 'reference' } | { readonly kind: 'listen' } | { readonly kind: 'url'; readonly url: string };

/** What a lane needs to open. */
export interface LaneSpec {
  readonly sut: SutRole;
  readonly target: Target;
  readonly config: RunConfig;
  readonly fault?: string;
  /** The driver for a real SUT (the reference SUT always gets the reference driver). */
  readonly driver?: Driver;
  readonly log?: (message: string) => void;
}

/** An open lane: the actor the cases talk through, the driver, and how to shut it all down. */
export interface Lane {
  readonly sut: SutRole;
  readonly csms?: CsmsActor;
  readonly station?: StationActor;
  readonly driver: Driver;
  /** Where the harness listens, for a station lane (so the operator can point the station at it). */
  readonly listenUrl?: string;
  close(): Promise<void>;
}

/** Opens a lane; for the reference SUT it also starts the reference station or CSMS, with the fault if one is given. */
export function openLane(spec: LaneSpec): Promise<Lane> {
  return spec.sut === 'CS' ? openStationLane(spec) : openCsmsLane(spec);
}

function needDriver(spec: LaneSpec): Driver {
  if (!spec.driver) throw new Error('a real SUT needs a driver (prompt or http)');
  return spec.driver;
}

async function openStationLane(spec: LaneSpec): Promise<Lane> {
  const { config } = spec;
  const reference = spec.target.kind === 'reference';
  const server = await OcppServer.listen({
    port: reference ? 0 : config.csms.port,
    host: config.csms.host,
    path: config.csms.path,
    callTimeoutMs: config.timeouts.messageMs,
    authenticate: (stationId, credentials) => {
      if (stationId !== config.station.id) return `unknown station ${stationId} (expected ${config.station.id})`;
      if (config.station.basicAuthPassword === undefined) return undefined;
      if (!credentials) return 'Basic authentication required';
      return credentials.user === stationId && credentials.password === config.station.basicAuthPassword ? undefined : 'wrong user or password';
    },
  });
  const csms = new CsmsActor(server, { stationId: config.station.id, messageTimeoutMs: config.timeouts.messageMs, connectTimeoutMs: config.timeouts.connectMs, heartbeatInterval: config.configured.heartbeatInterval });
  if (!reference) {
    return { sut: 'CS', csms, driver: needDriver(spec), listenUrl: `${server.baseUrl}/${config.station.id}`, close: () => server.close() };
  }
  const station = new ReferenceStation({
    csmsUrl: server.baseUrl,
    stationId: config.station.id,
    password: config.station.basicAuthPassword,
    evses: config.station.evses,
    vendorName: config.station.vendorName,
    model: config.station.model,
    timeoutMs: config.timeouts.messageMs,
    faults: new Set(spec.fault ? [spec.fault as StationFault] : []),
    log: spec.log,
  });
  await station.start();
  return {
    sut: 'CS',
    csms,
    driver: referenceDriver({ station }),
    listenUrl: `${server.baseUrl}/${config.station.id}`,
    close: async () => {
      await station.stop();
      await server.close();
    },
  };
}

async function openCsmsLane(spec: LaneSpec): Promise<Lane> {
  const { config } = spec;
  const reference = spec.target.kind === 'reference'
    ? await ReferenceCsms.start({
        port: 0,
        path: config.csms.path,
        passwords: config.station.basicAuthPassword === undefined ? undefined : new Map([[config.station.id, config.station.basicAuthPassword]]),
        heartbeatInterval: config.configured.heartbeatInterval,
        pendingInterval: config.configured.heartbeatInterval,
        timeoutMs: config.timeouts.messageMs,
        faults: new Set(spec.fault ? [spec.fault as CsmsFault] : []),
        log: spec.log,
      })
    : undefined;
  if (!reference && spec.target.kind !== 'url') throw new Error('a CSMS target is "reference" or the ws:// or wss:// URL of the CSMS');
  const csmsUrl = reference ? reference.url : (spec.target as { url: string }).url;
  const station = new StationActor({
    csmsUrl,
    stationId: config.station.id,
    password: config.station.basicAuthPassword,
    messageTimeoutMs: config.timeouts.messageMs,
    connectTimeoutMs: config.timeouts.connectMs,
    evses: config.station.evses,
    chargingStation: { model: config.station.model, vendorName: config.station.vendorName },
    defaultAnswer: simulatedStationAnswers(config.station.evses),
  });
  return {
    sut: 'CSMS',
    station,
    driver: reference ? referenceDriver({ csms: reference }) : needDriver(spec),
    close: async () => {
      await station.disconnect();
      await reference?.stop();
    },
  };
}
