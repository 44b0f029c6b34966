/** The harness playing the CSMS: serves the OCPP endpoint, follows the station across reconnects, and knows whether it is accepted. */
import type { IncomingCall, OcppConnection } from '../ocpp/connection';
import type { CsmsEndpoints } from '../transport/endpoints';
import { describeHandshake, type TlsHandshake } from '../transport/security';
import type { OcppServer, Refusal, StationConnectionInfo } from '../transport/server';
import { sutFailed } from '../engine/verdict';
import { csmsDefaultAnswers, type TokenList } from './csms-defaults';
import { HarnessPeer } from './peer';

/** Options of a CsmsActor. */
export interface CsmsActorOptions {
  readonly stationId: string;
  readonly messageTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly heartbeatInterval: number;
  /** How long after a connection the harness waits for a BootNotification before it counts the station as already booted. */
  readonly bootGraceMs: number;
  /** The run's idTokens: background answers to Authorize and TransactionEvent give each the status its name promises. */
  readonly tokens?: TokenList;
  /** Block A: the endpoints per security profile (the server above is the first of them); their connections, refusals and TLS handshakes all count. */
  readonly endpoints?: CsmsEndpoints;
}

/** Where the station stands with the harness on its current connection. */
type BootState = 'awaiting' | 'accepted' | 'pending' | 'rejected';

/** The harness as CSMS, for Charging Station cases. */
export class CsmsActor extends HarnessPeer {
  private bootState: BootState = 'awaiting';
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly settledWaiters = new Set<() => void>();
  private lastConnection: StationConnectionInfo | undefined;
  /** When the station last sent a frame. */
  private lastInAt = 0;
  private readonly connectionWaiters = new Set<(connection: OcppConnection) => void>();

  constructor(
    readonly server: OcppServer,
    readonly options: CsmsActorOptions,
  ) {
    const defaults = csmsDefaultAnswers(options.heartbeatInterval, options.tokens);
    super('station', options.messageTimeoutMs, (call) => {
      // B03.FR.07: while the station is Rejected, anything but a BootNotification gets CALLERROR SecurityError.
      if (this.bootState === 'rejected' && call.action !== 'BootNotification') return call.respondError('SecurityError', 'the station was Rejected: only a BootNotificationRequest is taken (B03.FR.07)');
      // A station the harness told Pending (or Rejected) that boots again meanwhile hears the same, as from a real CSMS
      // that has not made up its mind: only a step (or the next case's ensureAccepted) accepts it.
      if (call.action === 'BootNotification' && (this.bootState === 'pending' || this.bootState === 'rejected')) {
        return this.answerBoot(call as IncomingCall<'BootNotification'>, this.bootState === 'pending' ? 'Pending' : 'Rejected');
      }
      defaults(call);
      if (call.action === 'BootNotification') this.setBootState('accepted');
    });
    const source = options.endpoints ?? server;
    source.on('connection', (connection: OcppConnection, info: StationConnectionInfo) => this.onConnection(connection, info));
    source.on('refused', (stationId: string | undefined, refusal: Refusal) => this.connectionEvent(stationId ?? '?', 'refused', `HTTP ${refusal.status}: ${refusal.reason}`));
    source.on('tls', (handshake: TlsHandshake) => this.connectionEvent(`TLS ${handshake.remote}`, handshake.ok ? 'opened' : 'refused', describeHandshake(handshake)));
  }

  /** Facts about the station's latest accepted connection: credentials sent, TLS handshake. */
  get connectionInfo(): StationConnectionInfo | undefined {
    return this.lastConnection;
  }

  /** Block A: the endpoints per security profile, when the lane opened them. */
  get endpoints(): CsmsEndpoints | undefined {
    return this.options.endpoints;
  }

  /**
   * True when the current connection is open and the station is accepted: its BootNotification on this connection was
   * accepted, or it sent none within the boot grace time (already booted: a reconnect, or a harness restart) or sent
   * another message first.
   */
  get isAccepted(): boolean {
    return this.bootState === 'accepted' && this.connection !== undefined;
  }

  /** Answers a BootNotification with `status` and the configured interval (or `interval`), keeping track of acceptance. */
  answerBoot(boot: IncomingCall<'BootNotification'>, status: 'Accepted' | 'Pending' | 'Rejected', interval = this.options.heartbeatInterval): void {
    boot.respond({ status, interval, currentTime: new Date().toISOString() });
    this.setBootState(status === 'Accepted' ? 'accepted' : status === 'Pending' ? 'pending' : 'rejected');
  }

  /**
   * Makes sure the station is connected and accepted; used before every case. A station that connects without a
   * BootNotification is usable once the boot grace time passes. A station a case left Pending or Rejected is rebooted
   * through `reboot` (the driver) rather than waited for.
   */
  async ensureAccepted(reboot?: () => Promise<void>): Promise<void> {
    if (this.isAccepted) return;
    if (!this.connection) await this.nextConnection();
    await this.bootSettled();
    // The boot that settled it belongs to this precondition, not to a later step that waits for a (new) boot.
    this.forget((call) => call.action === 'BootNotification');
    if (this.isAccepted) return;
    const boot = this.expect('BootNotification', { timeoutMs: this.options.connectTimeoutMs, acrossReconnect: true, description: 'a BootNotification to be accepted' });
    if (reboot && (this.bootState === 'pending' || this.bootState === 'rejected')) await reboot();
    this.answerBoot(await boot, 'Accepted');
  }

  /**
   * Resolves once the station has sent nothing for `quietMs` (at once when it has been quiet that long already), or after
   * `maxMs`: a case then starts after the station's start-up burst (connector reports, queued events), not inside it.
   */
  async untilQuiet(quietMs: number, maxMs: number): Promise<void> {
    const start = Date.now();
    for (;;) {
      const idle = Date.now() - this.lastInAt;
      if (idle >= quietMs || Date.now() - start >= maxMs) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(quietMs - idle, maxMs - (Date.now() - start))));
    }
  }

  /** Resolves once the current connection's boot state is known: a boot was answered, another message came, or the grace time passed. */
  private bootSettled(): Promise<void> {
    if (this.bootState !== 'awaiting') return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.add(resolve));
  }

  private setBootState(state: BootState): void {
    this.bootState = state;
    clearTimeout(this.graceTimer);
    if (state === 'awaiting') return;
    for (const settled of [...this.settledWaiters]) settled();
    this.settledWaiters.clear();
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
    this.setBootState('awaiting');
    // A first message other than a BootNotification means the station is already booted (it only reconnected).
    let firstCall = false;
    connection.once('call', (call: IncomingCall) => {
      firstCall = true;
      if (this.current !== connection || this.bootState !== 'awaiting') return;
      if (call.action === 'BootNotification') clearTimeout(this.graceTimer); // booting: the answer decides
      else this.setBootState('accepted');
    });
    this.graceTimer = setTimeout(() => {
      // One more turn of the event loop first: a BootNotification already waiting in the socket (the process was busy,
      // say compiling schemas) is read before the grace time is taken as "no boot".
      setImmediate(() => {
        if (this.current === connection && this.bootState === 'awaiting' && !firstCall) this.setBootState('accepted');
      });
    }, this.options.bootGraceMs);
    this.graceTimer.unref();
    connection.on('frame', (frame: { direction: string }) => {
      if (frame.direction === 'in') this.lastInAt = Date.now();
    });
    this.adopt(connection);
    if (previous?.isOpen) void previous.close(1001, 'replaced by a new connection');
    for (const waiter of [...this.connectionWaiters]) waiter(connection);
  }
}
