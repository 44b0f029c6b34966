/** The SUT-side actions that OCPP itself cannot cause, as data: what a driver backend performs and what an operator is asked to do. */

/** Something done to a Charging Station under test. */
export type StationAction = { readonly kind: 'reboot' };

/** Something done to a CSMS under test. */
export type CsmsAction = { readonly kind: 'answerNextBootWithPending'; readonly stationId: string };

/** Any action a case can ask of a driver. */
export type DriverAction = StationAction | CsmsAction;

/** The instruction an operator reads for `action`, in plain words. */
export function describeAction(action: DriverAction): string {
  switch (action.kind) {
    case 'reboot':
      return 'Reboot the Charging Station (power cycle it), so that it connects again and sends a BootNotification.';
    case 'answerNextBootWithPending':
      return `Set up the CSMS so that it answers the next BootNotification of station '${action.stationId}' with status Pending.`;
  }
}
