/** The driver interface: how a case gets the SUT to do something OCPP cannot make it do. */
import type { CaseRecorder } from '../engine/recorder';
import type { DriverAction } from './actions';

/** A backend that performs driver actions (reference: in-process; prompt: an operator; http: a webhook). */
export interface Driver {
  /** A short name for reports ('reference', 'prompt', …). */
  readonly name: string;
  /** Performs the action; resolves when done, or throws a VerdictError (e.g. inconclusive when nobody acted). */
  perform(action: DriverAction, recorder: CaseRecorder): Promise<void>;
  /** Releases whatever the backend holds (terminal input, sockets). */
  close?(): void;
}
