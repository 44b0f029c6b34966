/** Block B (provisioning) and P (data transfer) of the reference CSMS: boot answers, the Pending set-up, status and data transfer. */
import type { StationSession, CsmsFeature, CsmsRuntime } from './feature';

/** Boot answers (with the Pending set-up and its faults), StatusNotification and DataTransfer faults. */
export function provisioningFeature(csms: CsmsRuntime, markAccepted: (session: StationSession, accepted: boolean) => void): CsmsFeature {
  const pendingNext = new Set<string>();
  const { heartbeatInterval, pendingInterval } = csms.options;
  return {
    handlers: {
      BootNotification: (call, session) => {
        const currentTime = new Date().toISOString();
        if (csms.has('boot.invalidResponse')) {
          markAccepted(session, true);
          return { status: 'Accepted', interval: heartbeatInterval } as never;
        }
        if (csms.has('boot.rejectsStation')) return { status: 'Rejected', currentTime, interval: heartbeatInterval };
        const pendingAgain = call.payload.reason === 'Triggered' && !session.accepted && csms.has('boot.pendingAfterTrigger');
        if ((pendingNext.delete(session.stationId) && !csms.has('boot.ignoresPendingSetup')) || pendingAgain) {
          markAccepted(session, false);
          return { status: 'Pending', currentTime, interval: pendingInterval };
        }
        markAccepted(session, true);
        return { status: 'Accepted', currentTime, interval: heartbeatInterval };
      },
      DataTransfer: () => ({ status: csms.has('dataTransfer.acceptsUnknownVendor') ? 'Accepted' : 'UnknownVendorId' }),
    },
    perform(action) {
      if (action.kind !== 'answerNextBootWithPending') return false;
      pendingNext.add(action.stationId);
      return true;
    },
  };
}
