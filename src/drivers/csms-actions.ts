/** The actions a CSMS case can ask of the CSMS side (set-ups and operations OCPP cannot trigger), and how an operator is told to do them. */

/** Something done to a CSMS under test. */
export type CsmsAction = { readonly kind: 'answerNextBootWithPending'; readonly stationId: string };

/** Every CSMS action kind (a Record, so the compiler insists each kind of the union is listed). */
export const CSMS_ACTION_KINDS: Readonly<Record<CsmsAction['kind'], true>> = { answerNextBootWithPending: true };

/** The operator's instruction for a CSMS action, in plain words. */
export function describeCsmsAction(action: CsmsAction): string {
  switch (action.kind) {
    case 'answerNextBootWithPending':
      return `Set up the CSMS so that it answers the next BootNotification of station '${action.stationId}' with status Pending.`;
  }
}
