/** The harness playing the CSMS: serves the OCPP endpoint, follows the station across reconnects, and knows whether it is accepted. */
import type { IncomingCall, OcppConnection } from '../ocpp/connection';
import type { CsmsEndpoints } from '../transport/endpoints';
import { describeHandshake, type TlsHandshake } from '../transport/security';
import type { OcppServer, Refusal, StationConnectionInfo } from '../transport/server';
import { sutFailed } from '../engine/verdict';
import { csmsDefaultAnswers } from './csms-defaults';
import { HarnessPeer } from './peer';

/** Options of a CsmsActor. */
export interface CsmsActorOptions {
  readonly stationId: string;
  readonly messageTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly heartbeatInterval: number;
  /** Block A: the endpoints per security profile (the server above is the first of them); their connections, refusals and TLS handshakes all count. */
  readonly endpoints?: CsmsEndpoints;
}

/** The harness as CSMS, for Charging Station cases. */
export class CsmsActor extends HarnessPeer {
  private accepted = false;
  private lastConnection: StationConnectionInfo | undefined;
  private readonly connectionWaiters = new Set<(connection: OcppConnection) => void>();

  constructor(
    readonly server: OcppServer,
    readonly options: CsmsActorOptions,
  ) {
    const defaults = csmsDefaultAnswers(options.heartbeatInterval);
    super('station', options.messageTimeoutMs, (call) => {
      defaults(call);
      if (call.action === 'BootNotification') this.accepted = true;
    });
    const source = options.endpoints ?? server;
    source.on('connection', (connection: OcppConnection, info: StationConnectionInfo) => this.onConnection(connection, info));
    source.on('refused', (stationId: string | undefined, refusal: Refusal) => this.activeRecorder?.connectionEvent(stationId ?? '?', 'refused', `HTTP ${refusal.status}: ${refusal.reason}`));
    source.on('tls', (handshake: TlsHandshake) => this.activeRecorder?.connectionEvent(`TLS ${handshake.remote}`, handshake.ok ? 'opened' : 'refused', describeHandshake(handshake)));
  }

  /** Facts about the station's latest accepted connection: credentials sent, TLS handshake. */
  get connectionInfo(): StationConnectionInfo | undefined {
    return this.lastConnection;
  }

  /** Block A: the endpoints per security profile, when the lane opened them. */
  get endpoints(): CsmsEndpoints | undefined {
    return this.options.endpoints;
  }

  /** True when the current connection is open and its last BootNotification was accepted. */
  get isAccepted(): boolean {
    return this.accepted && this.connection !== undefined;
  }

  /** Answers a BootNotification with `status` and the configured interval (or `interval`), keeping track of acceptance. */
  answerBoot(boot: IncomingCall<'BootNotification'>, status: 'Accepted' | 'Pending' | 'Rejected', interval = this.options.heartbeatInterval): void {
    boot.respond({ status, interval, currentTime: new Date().toISOString() });
    this.accepted = status === 'Accepted';
  }

  /** Waits until the station is connected, and (unless already) accepted by a BootNotification; used before every case. */
  async ensureAccepted(): Promise<void> {
    if (this.isAccepted) return;
    if (!this.connection) await this.nextConnection();
    if (this.isAccepted) return;
    const boot = await this.expect('BootNotification', { timeoutMs: this.options.connectTimeoutMs, acrossReconnect: true, description: 'a BootNotification to be accepted' });
    this.answerBoot(boot, 'Accepted');
  }

  /** Resolves with the next station connection, bounded by the connect timeout. */
  nextConnection(): Promise<OcppConnection> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.connectionWaiters.delete(done);
        reject(sutFailed('OCPPCT_NOT_CONNECTED', `station ${this.options.stationId} did not connect within ${this.options.connectTimeoutMs} ms`));
      }, this.options.connectTimeoutMs);
      const done = (connection: OcppConnection) => {
        clearTimeout(timer);
        this.connectionWaiters.delete(done);
        resolve(connection);
      };
      this.connectionWaiters.add(done);
    });
  }

  private onConnection(connection: OcppConnection, info: StationConnectionInfo): void {
    if (info.stationId !== this.options.stationId) {
      void connection.close(1008, `unknown station ${info.stationId}`);
      return;
    }
    const previous = this.current;
    this.lastConnection = info;
    this.accepted = false;
    this.adopt(connection);
    if (previous?.isOpen) void previous.close(1001, 'replaced by a new connection');
    for (const waiter of [...this.connectionWaiters]) waiter(connection);
  }
}
