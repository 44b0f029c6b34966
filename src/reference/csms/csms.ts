/** The reference CSMS: a small, conformant CSMS used as the default SUT of CSMS cases, the self-test target and the host of faults. */
import { csmsDefaultAnswers } from '../../actors/csms-defaults';
import type { IncomingCall, OcppConnection } from '../../ocpp/connection';
import { OcppServer, type StationConnectionInfo } from '../../transport/server';
import type { TlsOptions } from '../../transport/security';
import { carriesCustomData, type CsmsFault } from '../faults';

/** How the reference CSMS is set up. */
export interface ReferenceCsmsOptions {
  readonly port: number;
  readonly host?: string;
  readonly path: string;
  /** Required Basic-auth password per station id; a station not listed may connect with any password (or none). */
  readonly passwords?: ReadonlyMap<string, string>;
  readonly tls?: TlsOptions;
  readonly heartbeatInterval: number;
  /** The interval sent with a Pending BootNotificationResponse. */
  readonly pendingInterval: number;
  readonly timeoutMs: number;
  readonly faults?: ReadonlySet<CsmsFault>;
  readonly log?: (message: string) => void;
}

/** A conformant CSMS: accepts stations, answers their messages, and can be told to hold a station in Pending. */
export class ReferenceCsms {
  private readonly pendingNext = new Set<string>();
  private readonly accepted = new WeakSet<OcppConnection>();
  private readonly defaults: (call: IncomingCall) => void;

  private constructor(
    readonly server: OcppServer,
    readonly options: ReferenceCsmsOptions,
  ) {
    this.defaults = csmsDefaultAnswers(options.heartbeatInterval);
    server.on('connection', (connection: OcppConnection, info: StationConnectionInfo) => {
      options.log?.(`[csms] station ${info.stationId} connected from ${info.remoteAddress}`);
      connection.on('call', (call: IncomingCall) => this.answer(connection, info.stationId, call));
    });
  }

  /** Starts listening. */
  static async start(options: ReferenceCsmsOptions): Promise<ReferenceCsms> {
    const server = await OcppServer.listen({
      port: options.port,
      host: options.host,
      path: options.path,
      tls: options.tls,
      callTimeoutMs: options.timeoutMs,
      authenticate: (stationId, credentials) => {
        const required = options.passwords?.get(stationId);
        if (required === undefined) return undefined;
        if (!credentials) return 'Basic authentication required';
        return credentials.user === stationId && credentials.password === required ? undefined : 'wrong station id or password';
      },
    });
    return new ReferenceCsms(server, options);
  }

  /** The URL stations connect to, without their id. */
  get url(): string {
    return this.server.baseUrl;
  }

  /** The next BootNotification of `stationId` gets Pending (then Accepted after that). */
  answerNextBootWithPending(stationId: string): void {
    this.pendingNext.add(stationId);
  }

  /** Stops listening and drops every station. */
  stop(): Promise<void> {
    return this.server.close();
  }

  private has(fault: CsmsFault): boolean {
    return this.options.faults?.has(fault) ?? false;
  }

  private answer(connection: OcppConnection, stationId: string, call: IncomingCall): void {
    if (this.has('customData.refused') && carriesCustomData(call.payload)) return call.respondError('FormatViolation', 'customData is not accepted');
    if (call.action === 'BootNotification') return this.answerBoot(connection, stationId, call as IncomingCall<'BootNotification'>);
    if (!this.accepted.has(connection)) return call.respondError('SecurityError', `station ${stationId} has not been accepted on this connection`);
    if (call.action === 'StatusNotification' && this.has('statusNotification.silent')) return;
    if (call.action === 'DataTransfer' && this.has('dataTransfer.acceptsUnknownVendor')) return (call as IncomingCall<'DataTransfer'>).respond({ status: 'Accepted' });
    this.defaults(call);
  }

  private answerBoot(connection: OcppConnection, stationId: string, call: IncomingCall<'BootNotification'>): void {
    const currentTime = new Date().toISOString();
    if (this.has('boot.invalidResponse')) return call.respond({ status: 'Accepted', interval: this.options.heartbeatInterval } as never, { unchecked: true });
    if (this.has('boot.rejectsStation')) return call.respond({ status: 'Rejected', currentTime, interval: this.options.heartbeatInterval });
    if (this.pendingNext.delete(stationId) && !this.has('boot.ignoresPendingSetup')) {
      this.accepted.delete(connection);
      return call.respond({ status: 'Pending', currentTime, interval: this.options.pendingInterval });
    }
    this.accepted.add(connection);
    call.respond({ status: 'Accepted', currentTime, interval: this.options.heartbeatInterval });
  }
}
