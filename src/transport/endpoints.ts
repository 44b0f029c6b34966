/** The harness's CSMS endpoints: one per security profile (A00.FR.006), all feeding one station session, with the station's current Basic-auth password and a log of handshakes and upgrade attempts cases can wait on. */
import { EventEmitter } from 'node:events';
import type { RunConfig } from '../engine/config';
import type { OcppConnection } from '../ocpp/connection';
import { SecurityMaterial } from './profiles';
import type { SecurityProfile, TlsHandshake } from './security';
import { OcppServer, type Refusal, type StationConnectionInfo, type UpgradeFacts } from './server';

/** One upgrade request the endpoints saw. */
export interface UpgradeAttempt extends UpgradeFacts {
  readonly stationId?: string;
  readonly refusal?: Refusal;
  readonly profile: SecurityProfile;
  /** The base URL of the endpoint the attempt came to (the endpoint of its profile, or the alternative one). */
  readonly url: string;
}

/** Something that happened on the endpoints, in order. */
export type EndpointEvent = { readonly kind: 'tls'; readonly handshake: TlsHandshake; readonly profile: SecurityProfile; readonly url: string } | { readonly kind: 'attempt'; readonly attempt: UpgradeAttempt };

/** Collects endpoint events from the moment it is made; cases wait on it instead of sleeping. */
export class EndpointWatch {
  private readonly events: EndpointEvent[] = [];
  /** How many events `next*` has looked at. */
  private taken = 0;
  private readonly waiters = new Set<() => void>();
  private readonly listener = (event: EndpointEvent) => {
    this.events.push(event);
    for (const wake of [...this.waiters]) wake();
  };

  constructor(private readonly source: EventEmitter) {
    source.on('event', this.listener);
  }

  /** Every event seen so far. */
  get seen(): readonly EndpointEvent[] {
    return this.events;
  }

  /** The next TLS handshake (matching `where`, which also gets the base URL of the endpoint that saw it) not yet taken, or undefined after `timeoutMs`. */
  nextHandshake(timeoutMs: number, where: (handshake: TlsHandshake, url: string) => boolean = () => true): Promise<TlsHandshake | undefined> {
    return this.next(timeoutMs, (e) => (e.kind === 'tls' && where(e.handshake, e.url) ? e.handshake : undefined));
  }

  /** The next upgrade attempt (matching `where`) not yet taken, or undefined after `timeoutMs`. */
  nextAttempt(timeoutMs: number, where: (attempt: UpgradeAttempt) => boolean = () => true): Promise<UpgradeAttempt | undefined> {
    return this.next(timeoutMs, (e) => (e.kind === 'attempt' && where(e.attempt) ? e.attempt : undefined));
  }

  /** Stops collecting. */
  stop(): void {
    this.source.off('event', this.listener);
    for (const wake of [...this.waiters]) wake();
  }

  private next<T>(timeoutMs: number, pick: (event: EndpointEvent) => T | undefined): Promise<T | undefined> {
    return new Promise((resolve) => {
      const scan = (): boolean => {
        while (this.taken < this.events.length) {
          const found = pick(this.events[this.taken++]);
          if (found !== undefined) {
            finish(found);
            return true;
          }
        }
        return false;
      };
      const finish = (value: T | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      const wake = () => void scan();
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      if (!scan()) this.waiters.add(wake);
    });
  }
}

/**
 * Events: `connection`, `refused` (as OcppServer, from every endpoint), `tls` (TlsHandshake), and `event` (EndpointEvent)
 * for handshakes and upgrade attempts.
 */
export class CsmsEndpoints extends EventEmitter {
  private readonly servers = new Map<SecurityProfile, Promise<OcppServer>>();
  private readonly alternatives = new Map<SecurityProfile, Promise<OcppServer>>();
  /** The base URL of the endpoint the station's latest connection was accepted on. */
  connectedUrl: string | undefined;
  /** The profile the station is expected to use now (the configured one until a case moves it). */
  profile: SecurityProfile;

  private constructor(
    readonly config: RunConfig,
    readonly material: SecurityMaterial,
    readonly primary: OcppServer,
    private readonly credentials: { password: string | undefined },
  ) {
    super();
    this.profile = config.security.securityProfile;
    this.servers.set(this.profile, Promise.resolve(primary));
    this.wire(primary, this.profile);
  }

  /** Opens the endpoint of the configured security profile on `port` (0: any free port). */
  static async open(config: RunConfig, port: number): Promise<CsmsEndpoints> {
    const material = new SecurityMaterial(config);
    const credentials = { password: config.station.basicAuthPassword };
    const primary = await CsmsEndpoints.listen(config, material, config.security.securityProfile, port, () => credentials.password);
    return new CsmsEndpoints(config, material, primary, credentials);
  }

  /** The Basic-auth password the station must send (profiles 1 and 2); undefined requires none. */
  get password(): string | undefined {
    return this.credentials.password;
  }

  set password(password: string | undefined) {
    this.credentials.password = password;
  }

  /** The endpoint serving `profile`, opened on a free port on first use. */
  endpoint(profile: SecurityProfile): Promise<OcppServer> {
    let server = this.servers.get(profile);
    if (!server) {
      server = CsmsEndpoints.listen(this.config, this.material, profile, 0, () => this.password).then((s) => (this.wire(s, profile), s));
      this.servers.set(profile, server);
    }
    return server;
  }

  /**
   * A second endpoint serving `profile` on a port of its own (the "alternative" CSMS URL of the B10 migration cases),
   * opened on first use; it feeds the same station session as the others.
   */
  alternative(profile: SecurityProfile): Promise<OcppServer> {
    let server = this.alternatives.get(profile);
    if (!server) {
      server = CsmsEndpoints.listen(this.config, this.material, profile, 0, () => this.password).then((s) => (this.wire(s, profile), s));
      this.alternatives.set(profile, server);
    }
    return server;
  }

  /** Starts collecting handshakes and upgrade attempts. */
  watch(): EndpointWatch {
    return new EndpointWatch(this);
  }

  /** Drops the refusals a case queued on any endpoint (case isolation); returns how many there were. */
  async clearRefusals(): Promise<number> {
    const servers = await Promise.all([...this.servers.values(), ...this.alternatives.values()].map((s) => s.catch(() => undefined)));
    return servers.reduce((sum, s) => sum + (s?.clearRefusals() ?? 0), 0);
  }

  /** Closes every endpoint. */
  async close(): Promise<void> {
    const servers = await Promise.all([...this.servers.values(), ...this.alternatives.values()].map((s) => s.catch(() => undefined)));
    await Promise.all(servers.map((s) => s?.close()));
  }

  private wire(server: OcppServer, profile: SecurityProfile): void {
    server.on('connection', (connection: OcppConnection, info: StationConnectionInfo) => {
      this.connectedUrl = server.baseUrl;
      this.emit('connection', connection, info);
    });
    server.on('refused', (stationId: string | undefined, refusal: Refusal) => this.emit('refused', stationId, refusal));
    server.on('tls', (handshake: TlsHandshake) => {
      this.emit('tls', handshake);
      this.emit('event', { kind: 'tls', handshake, profile, url: server.baseUrl } satisfies EndpointEvent);
    });
    server.on('attempt', (stationId: string | undefined, facts: UpgradeFacts, refusal: Refusal | undefined) => this.emit('event', { kind: 'attempt', attempt: { ...facts, stationId, refusal, profile, url: server.baseUrl } } satisfies EndpointEvent));
  }

  private static async listen(config: RunConfig, material: SecurityMaterial, profile: SecurityProfile, port: number, password: () => string | undefined): Promise<OcppServer> {
    return OcppServer.listen({
      port,
      host: config.csms.host,
      path: config.csms.path,
      callTimeoutMs: config.timeouts.messageMs,
      maxFrameBytes: config.limits?.maxFrameBytes,
      maxMessagesPerSecond: config.limits?.maxMessagesPerSecond,
      tls: profile === 1 ? undefined : await material.serverTls(profile),
      authenticate: (stationId, credentials) => {
        if (stationId !== config.station.id) return `unknown station ${stationId} (expected ${config.station.id})`;
        const expected = password();
        if (profile === 3 || expected === undefined) return undefined; // profile 3: the client certificate identifies the station
        if (!credentials) return 'Basic authentication required';
        // The user name is not judged here: TC_A_01_CS checks it (A00.FR.204) and says so, instead of the whole run failing to connect.
        return credentials.password === expected ? undefined : 'wrong password';
      },
    });
  }
}
