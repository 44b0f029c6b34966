/** The harness playing a Charging Station: connects to the CSMS under test, boots, and reports its connectors. */
import type { OcppResponses } from '../ocpp/generated';
import { ConnectError, connectOcpp, type ConnectOptions } from '../transport/client';
import type { SecurityMaterial } from '../transport/profiles';
import { describeHandshake, type SecurityProfile, type TlsHandshake, type TlsOptions } from '../transport/security';
import type { EvseLayout } from '../engine/config';
import { sutFailed } from '../engine/verdict';
import { HarnessPeer, type DefaultAnswer } from './peer';
import { SimulatedStation, type StationHost } from './simulated-station';

/** Options of a StationActor. */
export interface StationActorOptions {
  readonly csmsUrl: string;
  readonly stationId: string;
  readonly password?: string;
  readonly tls?: TlsOptions;
  readonly messageTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** limits.maxFrameBytes and limits.maxMessagesPerSecond of the run: what a hostile CSMS can make the harness station hold. */
  readonly maxFrameBytes?: number;
  readonly maxMessagesPerSecond?: number;
  readonly evses: readonly EvseLayout[];
  /** What the simulated station says it is in its BootNotification. */
  readonly chargingStation: { readonly model: string; readonly vendorName: string };
  /**
   * Answers the CSMS's CALLs that no step waits for: the simulated station (which the actor then carries: it may send
   * CALLs after its answers and reboot after a reset), or a plain answer function.
   */
  readonly defaultAnswer: SimulatedStation | DefaultAnswer;
  /** Block A: the security profile `csmsUrl`, `password` and `tls` make up (1 when absent). */
  readonly securityProfile?: SecurityProfile;
  /** Block A: the run's TLS material, and where the CSMS serves each security profile (undefined: it does not, or it is not configured). */
  readonly security?: { readonly material: SecurityMaterial; endpointUrl(profile: SecurityProfile): Promise<string | undefined> };
}

/** How the harness station connects; the cases change it when the CSMS gives a new password, certificate or network profile. */
export interface StationCredentials {
  readonly csmsUrl: string;
  readonly password?: string;
  /** Basic-auth user name when it must differ from the station id (only to test a CSMS that must refuse it). */
  readonly user?: string;
  readonly tls?: TlsOptions;
  readonly securityProfile: SecurityProfile;
}

/** The harness as a Charging Station, for CSMS cases. */
export class StationActor extends HarnessPeer implements StationHost {
  private connections = 0;
  private accepted = false;
  private credentials: StationCredentials;
  private handshake: TlsHandshake | undefined;
  /** How many times the connection was closed on purpose (a restart checks that nobody else did so while it was away). */
  private disconnects = 0;
  /** When the last frame went either way with the CSMS (for the settle time before the next CSMS action). */
  private lastFrameAt = 0;
  /** The harness's own station behind the CSMS cases, when the actor carries one. */
  readonly simulated: SimulatedStation | undefined;

  constructor(readonly options: StationActorOptions) {
    const simulated = options.defaultAnswer instanceof SimulatedStation ? options.defaultAnswer : undefined;
    const answer: DefaultAnswer = simulated ? (call) => simulated.answer(call) : (options.defaultAnswer as DefaultAnswer);
    super('CSMS', options.messageTimeoutMs, answer);
    this.simulated = simulated;
    simulated?.bind(this);
    this.credentials = { csmsUrl: options.csmsUrl, password: options.password, tls: options.tls, securityProfile: options.securityProfile ?? 1 };
  }

  /** How long the station is away after a reset before it connects again (config station.reconnectDelayMs; 0 without a simulated station). */
  get reconnectDelayMs(): number {
    return this.simulated?.settings.reconnectDelayMs ?? 0;
  }

  /**
   * How much of `settleMs` is still to pass since the last frame exchanged with the CSMS: a CSMS may store what it just
   * got or sent only after it answered, so the next request to it waits for that much.
   */
  settleRemainingMs(settleMs: number): number {
    return Math.max(0, this.lastFrameAt + settleMs - Date.now());
  }

  /** How the next connection is made. */
  get connectionSettings(): StationCredentials {
    return this.credentials;
  }

  /** The TLS handshake of the latest wss:// attempt, succeeded or failed. */
  get lastHandshake(): TlsHandshake | undefined {
    return this.handshake;
  }

  /** Keeps `update` for every following connection (a new password, certificate, URL or security profile). */
  useCredentials(update: Partial<StationCredentials>): void {
    this.credentials = { ...this.credentials, ...update };
  }

  /** True when connected and the last BootNotification on this connection was accepted. */
  get isAccepted(): boolean {
    return this.accepted && this.connection !== undefined;
  }

  /** Sends a BootNotification with the configured model and vendor, and remembers whether the CSMS accepted it. */
  async boot(reason: 'PowerUp' | 'RemoteReset' | 'ScheduledReset' | 'Triggered' | 'FirmwareUpdate' = 'PowerUp'): Promise<OcppResponses['BootNotification']> {
    const response = await this.call('BootNotification', { reason, chargingStation: { ...this.options.chargingStation } });
    this.accepted = response.status === 'Accepted';
    return response;
  }

  /** Opens a new connection to the CSMS (closing the current one first); a refusal or network error fails the case. */
  async connect(overrides: Partial<StationCredentials> = {}): Promise<void> {
    const refused = await this.tryConnect(overrides);
    if (refused) throw sutFailed('OCPPCT_NOT_CONNECTED', `the CSMS did not take the connection: ${refused.message}`);
  }

  /**
   * Opens a new connection with the current settings changed by `overrides` (just for this attempt); returns why the CSMS
   * refused it, or undefined when it was taken. Every TLS handshake goes into the case's connection events.
   */
  async tryConnect(overrides: Partial<StationCredentials> = {}, handshake: Pick<ConnectOptions, 'subprotocols' | 'onResponse'> = {}): Promise<ConnectError | undefined> {
    await this.disconnect();
    const name = `${this.options.stationId}#${++this.connections}`;
    const onTls = (handshake: TlsHandshake) => {
      this.handshake = handshake;
      this.activeRecorder?.connectionEvent(name, handshake.ok ? 'opened' : 'refused', describeHandshake(handshake));
    };
    try {
      const settings = { ...this.credentials, ...overrides };
      // Security profile 3 authenticates with the client certificate: no Authorization header.
      const connection = await connectOcpp({ ...this.options, ...settings, password: settings.securityProfile === 3 ? undefined : settings.password, name, callTimeoutMs: this.options.messageTimeoutMs, onTls, ...handshake });
      this.accepted = false;
      this.adopt(connection);
      connection.on('frame', () => (this.lastFrameAt = Date.now()));
      return undefined;
    } catch (error) {
      if (error instanceof ConnectError) {
        this.activeRecorder?.connectionEvent(name, 'refused', error.message);
        return error;
      }
      throw error;
    }
  }

  /**
   * A restart as after a reset: the station closes its connection, stays away for the configured reconnect delay, then
   * connects again and boots with `reason`. Returns the CSMS's answer to that BootNotification.
   */
  async restart(reason: 'RemoteReset' | 'ScheduledReset'): Promise<OcppResponses['BootNotification']> {
    await this.goDownForRestart();
    await this.connect();
    return this.boot(reason);
  }

  /**
   * The first half of a restart: closes the connection and stays away for the configured reconnect delay. Throws when
   * the connection was closed or reopened by someone else meanwhile (the lane closed, a step connected): the restart is over.
   */
  async goDownForRestart(): Promise<void> {
    const closing = this.disconnect();
    const mark = this.disconnects;
    await closing;
    await new Promise<void>((resolve) => setTimeout(resolve, this.reconnectDelayMs));
    if (this.disconnects !== mark) throw new Error('the station was closed or connected again while it restarted');
  }

  /** Records what the simulated station did in the background, when it failed, in the case's connection events (never a verdict). */
  note(detail: string): void {
    this.activeRecorder?.connectionEvent(this.connection?.name ?? this.options.stationId, 'error', `simulated station: ${detail}`);
  }

  /** Closes the current connection, if open. */
  async disconnect(): Promise<void> {
    this.disconnects++;
    const connection = this.connection;
    this.accepted = false;
    if (connection) await connection.close(1000, 'station closes');
  }

  /**
   * Keeps serving the CSMS for `ms` milliseconds. Only for waits that Part 6 itself prescribes (e.g. the interval a
   * CSMS returned with a Pending BootNotificationResponse); a close by the CSMS meanwhile fails the case.
   */
  async serveFor(ms: number): Promise<void> {
    const connection = this.connection;
    if (!connection) throw sutFailed('OCPPCT_NOT_CONNECTED', 'the CSMS is not connected');
    await this.whileServing(() => new Promise<void>((resolve, reject) => {
      const onClose = ({ code }: { code: number }) => {
        clearTimeout(timer);
        reject(sutFailed('OCPPCT_DISCONNECTED', `the CSMS closed the connection (code ${code}) during the ${ms} ms wait`));
      };
      const timer = setTimeout(() => {
        connection.off('close', onClose);
        resolve();
      }, ms);
      connection.once('close', onClose);
    }));
  }
}
