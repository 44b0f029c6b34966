/** The harness playing a Charging Station: connects to the CSMS under test, boots, and reports its connectors. */
import type { IncomingCall } from '../ocpp/connection';
import type { OcppResponses } from '../ocpp/generated';
import { ConnectError, connectOcpp } from '../transport/client';
import type { TlsOptions } from '../transport/security';
import type { EvseLayout } from '../engine/config';
import { sutFailed } from '../engine/verdict';
import { HarnessPeer } from './peer';

/** Options of a StationActor. */
export interface StationActorOptions {
  readonly csmsUrl: string;
  readonly stationId: string;
  readonly password?: string;
  readonly tls?: TlsOptions;
  readonly messageTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly evses: readonly EvseLayout[];
  /** What the simulated station says it is in its BootNotification. */
  readonly chargingStation: { readonly model: string; readonly vendorName: string };
  /** Answers the CSMS's CALLs that no step waits for (the simulated station's own behaviour). */
  readonly defaultAnswer: (call: IncomingCall) => void;
}

/** The harness as a Charging Station, for CSMS cases. */
export class StationActor extends HarnessPeer {
  private connections = 0;
  private accepted = false;

  constructor(readonly options: StationActorOptions) {
    super('CSMS', options.messageTimeoutMs, options.defaultAnswer);
  }

  /** True when connected and the last BootNotification on this connection was accepted. */
  get isAccepted(): boolean {
    return this.accepted && this.connection !== undefined;
  }

  /** Sends a BootNotification with the configured model and vendor, and remembers whether the CSMS accepted it. */
  async boot(reason: 'PowerUp' | 'RemoteReset' | 'Triggered' = 'PowerUp'): Promise<OcppResponses['BootNotification']> {
    const response = await this.call('BootNotification', { reason, chargingStation: { ...this.options.chargingStation } });
    this.accepted = response.status === 'Accepted';
    return response;
  }

  /** Opens a new connection to the CSMS (closing the current one first); a refusal or network error fails the case. */
  async connect(): Promise<void> {
    await this.disconnect();
    const name = `${this.options.stationId}#${++this.connections}`;
    try {
      const connection = await connectOcpp({ ...this.options, name, callTimeoutMs: this.options.messageTimeoutMs });
      this.accepted = false;
      this.adopt(connection);
    } catch (error) {
      if (error instanceof ConnectError) {
        this.activeRecorder?.connectionEvent(name, 'refused', error.message);
        throw sutFailed('OCPPCT_NOT_CONNECTED', `the CSMS did not take the connection: ${error.message}`);
      }
      throw error;
    }
  }

  /** Closes the current connection, if open. */
  async disconnect(): Promise<void> {
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
