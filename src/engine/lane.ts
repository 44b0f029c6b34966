/** A lane: one harness endpoint facing one SUT (reference or real), reused by the cases that run in it one after another. */
import { CsmsActor } from '../actors/csms-actor';
import { StationActor } from '../actors/station-actor';
import { simulatedStationAnswers } from '../actors/station-defaults';
import type { Driver } from '../drivers/driver';
import { referenceDriver } from '../drivers/reference';
import { ReferenceCsms } from '../reference/csms/csms';
import type { CsmsFault, StationFault } from '../reference/faults';
import { stationOptionsFrom } from '../reference/station/options';
import { ReferenceStation } from '../reference/station/station';
import { CsmsEndpoints } from '../transport/endpoints';
import { SecurityMaterial } from '../transport/profiles';
import { referenceCsmsEndpoint } from '../reference/csms/security';
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
  /** Demo / training: wraps the reference SUT's driver, e.g. so an operator confirms each action before the reference SUT performs it. */
  readonly wrapReferenceDriver?: (automatic: Driver) => Driver;
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
  /** Undoes what any case may have left in the lane's own endpoints (queued connection refusals). */
  resetAfterCase?(): Promise<void>;
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

function wrapReference(spec: LaneSpec, automatic: Driver): Driver {
  return spec.wrapReferenceDriver?.(automatic) ?? automatic;
}

async function openStationLane(spec: LaneSpec): Promise<Lane> {
  const { config } = spec;
  const reference = spec.target.kind === 'reference';
  // Block A: one endpoint per security profile, the configured one first; it checks Basic auth (profiles 1, 2) or the client certificate (3).
  const endpoints = await CsmsEndpoints.open(config, reference ? 0 : config.csms.port);
  const server = endpoints.primary;
  const csms = new CsmsActor(server, {
    stationId: config.station.id,
    messageTimeoutMs: config.timeouts.messageMs,
    connectTimeoutMs: config.timeouts.connectMs,
    heartbeatInterval: config.configured.heartbeatInterval,
    bootGraceMs: config.timeouts.bootGraceMs,
    tokens: config.configured,
    endpoints,
  });
  if (!reference) {
    return { sut: 'CS', csms, driver: needDriver(spec), listenUrl: `${server.baseUrl}/${config.station.id}`, resetAfterCase: () => endpoints.clearRefusals().then(() => undefined), close: () => endpoints.close() };
  }
  const station = new ReferenceStation({
    ...stationOptionsFrom(config),
    csmsUrl: server.baseUrl,
    faults: new Set(spec.fault ? [spec.fault as StationFault] : []),
    security: await endpoints.material.referenceStation(),
    log: spec.log,
  });
  await station.start();
  return {
    sut: 'CS',
    csms,
    driver: wrapReference(spec, referenceDriver({ station })),
    listenUrl: `${server.baseUrl}/${config.station.id}`,
    resetAfterCase: () => endpoints.clearRefusals().then(() => undefined),
    close: async () => {
      await station.stop();
      await endpoints.close();
    },
  };
}

async function openCsmsLane(spec: LaneSpec): Promise<Lane> {
  const { config } = spec;
  // Block A: the run's security profile and TLS material, for the reference CSMS and the harness station alike.
  const material = new SecurityMaterial(config);
  const profile = config.security.securityProfile;
  const reference = spec.target.kind === 'reference'
    ? await ReferenceCsms.start({
        port: 0,
        path: config.csms.path,
        passwords: config.station.basicAuthPassword === undefined ? undefined : new Map([[config.station.id, config.station.basicAuthPassword]]),
        heartbeatInterval: config.configured.heartbeatInterval,
        pendingInterval: config.configured.heartbeatInterval,
        idTokens: config.configured.idTokens,
        masterPassGroupId: config.configured.masterPassGroupId,
        emaid: config.configured.emaid,
        timeoutMs: config.timeouts.messageMs,
        faults: new Set(spec.fault ? [spec.fault as CsmsFault] : []),
        security: { profile, material },
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
    maxFrameBytes: config.limits.maxFrameBytes,
    maxMessagesPerSecond: config.limits.maxMessagesPerSecond,
    evses: config.station.evses,
    chargingStation: { model: config.station.model, vendorName: config.station.vendorName },
    defaultAnswer: simulatedStationAnswers(config),
    securityProfile: profile,
    tls: profile === 1 ? undefined : await material.clientTls(profile),
    security: { material, endpointUrl: async (p) => (reference ? referenceCsmsEndpoint(reference, p) : (config.security.csmsUrls[p] ?? (p === profile ? csmsUrl : undefined))) },
  });
  return {
    sut: 'CSMS',
    station,
    driver: reference ? wrapReference(spec, referenceDriver({ csms: reference })) : needDriver(spec),
    close: async () => {
      await station.disconnect();
      await reference?.stop();
    },
  };
}
