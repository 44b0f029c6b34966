/** What the harness knows about one charging session of a CS case: which EVSE and token, what it has done physically, and the station's transaction settings. */
import type { ConfiguredIdToken, RunConfig } from '../../../src/engine/config';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import type { ConnectorRef, StationAction } from '../../../src/drivers/station-actions';
import { monitorOf, type StationMonitor } from './monitor';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';

/** The values of TxCtrlr.TxStartPoint and TxStopPoint. */
export type TxPoint = 'ParkingBayOccupancy' | 'EVConnected' | 'Authorized' | 'DataSigned' | 'PowerPathClosed' | 'EnergyTransfer';

/** The station settings the reusable states depend on, read once per session. */
export interface SessionSettings {
  readonly startPoints: ReadonlySet<TxPoint>;
  readonly stopPoints: ReadonlySet<TxPoint>;
  /** AuthCtrlr.Enabled (true when the station does not implement it). */
  readonly authEnabled: boolean;
  /** AuthCtrlr.AuthorizeRemoteStart (false when not implemented). */
  readonly authorizeRemoteStart: boolean;
}

/** Stop points whose condition ends when the authorization ends (the transaction ends with the stop authorization). */
export const AUTHORIZATION_STOPS: readonly TxPoint[] = ['Authorized', 'PowerPathClosed', 'EnergyTransfer'];

/** Options of a session: which connector and token it uses (defaults: the configured evseId, connectorId and valid token). */
export interface SessionOptions {
  readonly evse?: ConnectorRef;
  readonly idToken?: ConfiguredIdToken;
}

/**
 * One charging session as the harness drives it. The reusable states read and update it, so a case composes them in
 * any order Part 6 gives and each state knows what happened before (is the EV connected, is a transaction open, how
 * was it authorized).
 */
export class ChargingSession {
  readonly monitor: StationMonitor;
  readonly evse: ConnectorRef;
  /** The token that authorized the session (and stops it locally). */
  idToken: ConfiguredIdToken;
  bayOccupied = false;
  evConnected = false;
  /** The cable was pulled out of the EV only and may still be in the station's socket. */
  cableInStation = false;
  authorized = false;
  /** EnergyTransferStarted has run (and energy has not been stopped since). */
  energyStarted = false;
  /** The TransactionEventRequest that reported the last Authorized state, if one was expected. */
  authorizationEvent: TransactionEventRequest | undefined;
  /** The EV was told to suspend or not to be ready; the clean-up makes it ready again. */
  evHeld = false;
  /** Extra clean-up a case registers (e.g. emptying a local list it filled), run by returnToIdle. */
  readonly afterwards: (() => Promise<unknown>)[] = [];
  /** How the session was authorized and (once) stopped. */
  authorizedVia: 'local' | 'remote' | undefined;
  stoppedVia: 'local' | 'remote' | undefined;
  /** The station already reported chargingState EVConnected after the stop (StopAuthorized step 3). */
  evConnectedReported = false;
  /** When the harness last asked for a driver action (ms since epoch): reports of its effect come after it. */
  lastActionAt = 0;
  private settingsRead: SessionSettings | undefined;

  constructor(
    readonly ctx: CsCaseContext,
    options: SessionOptions = {},
  ) {
    this.evse = options.evse ?? { evseId: ctx.config.configured.evseId, connectorId: ctx.config.configured.connectorId };
    this.monitor = monitorOf(ctx).forEvse(this.evse);
    this.idToken = options.idToken ?? ctx.config.configured.idTokens.valid;
  }

  /** Runs a driver action as a step of its own (a Part 6 manual action) and remembers when it was asked for. */
  async act(title: string, action: StationAction): Promise<void> {
    await this.ctx.step(title, () => {
      this.lastActionAt = Date.now();
      return this.ctx.perform(action);
    });
  }

  /** The id of the session's transaction (the most recent one the station reported). */
  get transactionId(): string | undefined {
    return this.monitor.current?.id;
  }

  /** True while the session's transaction is open. */
  get transactionOpen(): boolean {
    return this.monitor.transactionOpen;
  }

  /** The transaction settings, read from the station with GetVariables on first use (after the case's Before configuration). */
  async settings(): Promise<SessionSettings> {
    if (this.settingsRead) return this.settingsRead;
    const { csms, step } = this.ctx;
    const read = await step('Before: read TxStartPoint, TxStopPoint and the authorization settings the states depend on', () =>
      csms.call('GetVariables', {
        getVariableData: [
          { component: { name: 'TxCtrlr' }, variable: { name: 'TxStartPoint' } },
          { component: { name: 'TxCtrlr' }, variable: { name: 'TxStopPoint' } },
          { component: { name: 'AuthCtrlr' }, variable: { name: 'Enabled' } },
          { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' } },
        ],
      }),
    );
    const value = (index: number): string | undefined => {
      const result = read.getVariableResult[index];
      return result?.attributeStatus === 'Accepted' ? result.attributeValue : undefined;
    };
    const points = (index: number): Set<TxPoint> => {
      const text = value(index);
      if (text === undefined) throw inconclusive('OCPPCT_PRECONDITION', `the station did not report ${index === 0 ? 'TxStartPoint' : 'TxStopPoint'}, which the transaction states need`);
      return new Set(text.split(',').map((p) => p.trim()).filter(Boolean) as TxPoint[]);
    };
    this.settingsRead = { startPoints: points(0), stopPoints: points(1), authEnabled: value(2) !== 'false', authorizeRemoteStart: value(3) === 'true' };
    return this.settingsRead;
  }

  /** Whether the session's connector has a permanently attached cable (Connector.ConnectorType c…); read with GetVariables. */
  async fixedCable(): Promise<boolean> {
    const { evseId, connectorId } = this.evse;
    const read = await this.ctx.step('Before: read the ConnectorType of the connector (fixed cable or socket)', () =>
      this.ctx.csms.call('GetVariables', { getVariableData: [{ component: { name: 'Connector', evse: { id: evseId, connectorId } }, variable: { name: 'ConnectorType' } }] }),
    );
    return /^c/.test(read.getVariableResult[0]?.attributeValue ?? '');
  }

  /** Whether the stop authorization ends the transaction (a TxStopPoint tied to authorization, energy or power path). */
  async stopEndsTransaction(): Promise<boolean> {
    const { stopPoints } = await this.settings();
    return AUTHORIZATION_STOPS.some((point) => stopPoints.has(point));
  }
}

/** <Configured second Connector>: the first connector of the first EVSE other than the configured one (undefined on a station with one EVSE). */
export function secondConnector(config: RunConfig): ConnectorRef | undefined {
  const evse = config.station.evses.find((e) => e.id !== config.configured.evseId && e.connectors.length > 0);
  return evse ? { evseId: evse.id, connectorId: evse.connectors[0] } : undefined;
}

const sessions = new WeakMap<CsCaseContext, ChargingSession>();

/**
 * The charging session of a case: made on first use with `options`, then shared by every state the case runs (a case
 * with two sessions makes the second with `new ChargingSession`; once they are on two EVSEs, each sees the
 * transactions of its own).
 */
export function sessionOf(ctx: CsCaseContext, options?: SessionOptions): ChargingSession {
  let session = sessions.get(ctx);
  if (!session) {
    session = new ChargingSession(ctx, options);
    sessions.set(ctx, session);
  }
  return session;
}
