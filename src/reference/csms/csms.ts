/** The reference CSMS: a small, conformant CSMS used as the default SUT of CSMS cases, the self-test target and the host of faults. */
import { csmsDefaultAnswers } from '../../actors/csms-defaults';
import type { CsmsAction } from '../../drivers/actions';
import type { IncomingCall, OcppConnection } from '../../ocpp/connection';
import type { OcppAction, OcppRequests, OcppResponses } from '../../ocpp/generated';
import { OcppServer, type StationConnectionInfo } from '../../transport/server';
import { carriesCustomData, type CsmsFault } from '../faults';
import type { CsmsCallHandler, CsmsFeature, CsmsRuntime, StationSession } from './feature';
import type { ReferenceCsmsOptions } from './options';
import { provisioningFeature } from './provisioning';
import { authorizationFeature } from './authorization';
import { transactionsFeature } from './transactions';
import { remoteControlFeature } from './remote-control';
import { reservationFeature } from './reservation';
import { meterValuesFeature } from './meter-values';
import { localListFeature } from './local-list';
import { deviceManagementFeature } from './device-management';
import { firmwareFeature } from './firmware';
import { certificatesFeature } from './certificates';
import { diagnosticsFeature } from './diagnostics';
import { csmsMonitoringFeature } from './monitoring';
import { displayMessagesFeature } from './display-messages';
import { smartChargingFeature } from './smart-charging';
import { csmsAuthenticator, csmsSecurityFeature, csmsServerTls } from './security';
import { tariffCostFeature } from './tariff-cost';

export type { ReferenceCsmsOptions } from './options';

interface MutableSession {
  readonly stationId: string;
  readonly connection: OcppConnection;
  accepted: boolean;
  /** Settles when the last CALL this CSMS sent on the connection is answered (or failed): the next one waits for it. */
  outgoing: Promise<unknown>;
}

/** A conformant CSMS: connections and the boot gate here, each functional block in a feature of its own. */
export class ReferenceCsms implements CsmsRuntime {
  private readonly sessions = new Map<string, MutableSession>();
  private readonly defaults: (call: IncomingCall) => void;
  private readonly features: readonly CsmsFeature[];
  private readonly handlers: { [A in OcppAction]?: CsmsCallHandler<A> };

  private constructor(
    readonly server: OcppServer,
    readonly options: ReferenceCsmsOptions,
  ) {
    this.defaults = csmsDefaultAnswers(options.heartbeatInterval);
    this.features = [
      provisioningFeature(this, (session, accepted) => ((session as MutableSession).accepted = accepted)),
      authorizationFeature(this),
      transactionsFeature(this),
      remoteControlFeature(this),
      reservationFeature(this),
      meterValuesFeature(this),
      localListFeature(this),
      deviceManagementFeature(this),
      firmwareFeature(this),
      certificatesFeature(this),
      diagnosticsFeature(this),
      csmsMonitoringFeature(this),
      displayMessagesFeature(this),
      smartChargingFeature(this),
      csmsSecurityFeature(this, server),
      tariffCostFeature(this),
    ];
    this.handlers = Object.assign({}, ...this.features.map((f) => f.handlers ?? {}));
    server.on('connection', (connection: OcppConnection, info: StationConnectionInfo) => this.onConnection(connection, info));
  }

  /** Starts listening. */
  static async start(options: ReferenceCsmsOptions): Promise<ReferenceCsms> {
    const server = await OcppServer.listen({
      port: options.port,
      host: options.host,
      path: options.path,
      tls: await csmsServerTls(options),
      callTimeoutMs: options.timeoutMs,
      // Block A: Basic auth with the passwords as they change (A01), refusal of a lower profile after an upgrade (A05.FR.07).
      authenticate: csmsAuthenticator(options),
      ...(options.faults?.has('websocket.firstSubprotocol') ? { chooseSubprotocol: (offered: readonly string[]) => offered[0] } : {}),
    });
    return new ReferenceCsms(server, options);
  }

  /** The URL stations connect to, without their id. */
  get url(): string {
    return this.server.baseUrl;
  }

  /** Performs a driver action (a set-up or an operation an operator would do on a real CSMS). */
  async perform(action: CsmsAction): Promise<void> {
    for (const feature of this.features) if (await feature.perform?.(action)) return;
    throw new Error(`the reference CSMS cannot perform ${action.kind}`);
  }

  /** Stops listening and drops every station. */
  stop(): Promise<void> {
    return this.server.close();
  }

  has(fault: CsmsFault): boolean {
    return this.options.faults?.has(fault) ?? false;
  }

  session(stationId: string): StationSession | undefined {
    const session = this.sessions.get(stationId);
    return session?.connection.isOpen ? session : undefined;
  }

  async call<A extends OcppAction>(stationId: string, action: A, payload: OcppRequests[A]): Promise<OcppResponses[A]> {
    const session = this.sessions.get(stationId);
    if (!session?.connection.isOpen) throw new Error(`station ${stationId} is not connected`);
    // OCPP-J allows one CALL of ours open at a time: a feature that calls while another's CALL waits (a CostUpdated
    // after an operator's request, say) takes its turn after it.
    const turn = session.outgoing.then(() => session.connection.call(action, payload));
    session.outgoing = turn.catch(() => undefined);
    return turn;
  }

  log(message: string): void {
    this.options.log?.(`[csms] ${message}`);
  }

  private onConnection(connection: OcppConnection, info: StationConnectionInfo): void {
    this.log(`station ${info.stationId} connected from ${info.remoteAddress}`);
    // A station that reconnects without rebooting stays accepted (OCPP asks for a BootNotification after a reboot, not after a reconnect).
    const session: MutableSession = { stationId: info.stationId, connection, accepted: this.sessions.get(info.stationId)?.accepted ?? false, outgoing: Promise.resolve() };
    this.sessions.set(info.stationId, session);
    connection.on('call', (call: IncomingCall) => void this.answer(session, call));
  }

  private async answer(session: MutableSession, call: IncomingCall): Promise<void> {
    if (this.has('customData.refused') && carriesCustomData(call.payload)) return call.respondError('FormatViolation', 'customData is not accepted');
    if (call.action !== 'BootNotification' && !session.accepted && !this.has('boot.pendingAcceptsMessages')) return call.respondError('SecurityError', `station ${session.stationId} has not been accepted on this connection`);
    if (call.action === 'StatusNotification' && this.has('statusNotification.silent')) return;
    const handler = this.handlers[call.action] as CsmsCallHandler<OcppAction> | undefined;
    if (!handler) return this.defaults(call);
    try {
      call.respond(await handler(call, session), { unchecked: this.has('boot.invalidResponse') && call.action === 'BootNotification' });
    } catch (error) {
      call.respondError('InternalError', (error as Error).message);
    }
  }
}
