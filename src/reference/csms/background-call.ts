/** Operator-triggered CALLs of the reference CSMS: sent without awaiting the answer, so the driver action returns while the station still decides. */
import type { OcppAction, OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { CsmsRuntime } from './feature';

/**
 * Sends `action` to the station and returns at once; the answer (or failure) is logged and handed to `then`.
 * A driver action must not wait for the station's answer: against the harness, that answer is given by the case only
 * after the action returned.
 */
export function callInBackground<A extends OcppAction>(
  csms: CsmsRuntime,
  stationId: string,
  action: A,
  payload: OcppRequests[A],
  then?: (response: OcppResponses[A]) => void | Promise<void>,
): void {
  void csms
    .call(stationId, action, payload)
    .then(async (response) => {
      csms.log(`${action} to ${stationId} answered ${JSON.stringify(response)}`);
      await then?.(response);
    })
    .catch((error: Error) => csms.log(`${action} to ${stationId} failed: ${error.message}`));
}
