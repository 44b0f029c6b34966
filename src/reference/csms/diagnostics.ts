/** Block N of the reference CSMS: asks stations for logs (N01) and customer information (N09, N10) when its operator says so, and takes in what they report. */
import type { IdTokenType } from '../../ocpp/generated/definitions';
import { callInBackground } from './background-call';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** Where the reference CSMS tells stations to upload logs; it keeps no log server of its own, so uploads there go nowhere. */
export const REFERENCE_LOG_LOCATION = 'http://127.0.0.1:9/ocpp-ct-reference-csms/logs/';

/** The diagnostics feature of the reference CSMS. */
export function diagnosticsFeature(csms: CsmsRuntime): CsmsFeature {
  let requestId = 0;
  /** Clearing requests by idToken, by requestId: once the station has reported, the idToken leaves its local list (N10.FR.02). */
  const clearing = new Map<number, IdTokenType>();
  /** N10.FR.02: a differential update that removes `idToken` (an entry without idTokenInfo), numbered above the station's version. */
  const removeFromList = (stationId: string, idToken: IdTokenType) => {
    if (csms.has('customerInformation.localListKept')) return;
    callInBackground(csms, stationId, 'GetLocalListVersion', {}, (version) =>
      callInBackground(csms, stationId, 'SendLocalList', { updateType: 'Differential', versionNumber: version.versionNumber + 1, localAuthorizationList: [{ idToken: { idToken: idToken.idToken, type: idToken.type } }] }),
    );
  };
  /** A CSMS that does not handle the message: the CALL is answered with a CALLERROR. */
  const notSupported = (what: string): never => {
    throw new Error(`${what} is not handled`);
  };
  return {
    handlers: {
      LogStatusNotification: (call) => {
        if (csms.has('logStatus.refused')) notSupported('LogStatusNotification');
        csms.log(`log upload ${call.payload.requestId ?? '(no request)'}: ${call.payload.status}`);
        return {};
      },
      NotifyCustomerInformation: (call, session) => {
        if (csms.has('notifyCustomerInformation.refused')) notSupported('NotifyCustomerInformation');
        csms.log(`customer information ${call.payload.requestId} part ${call.payload.seqNo}${call.payload.tbc ? ' (more follows)' : ''}`);
        const cleared = clearing.get(call.payload.requestId);
        if (cleared && !call.payload.tbc) {
          clearing.delete(call.payload.requestId);
          removeFromList(session.stationId, cleared);
        }
        return {};
      },
    },
    async perform(action) {
      switch (action.kind) {
        case 'requestLog':
          if (csms.has('getLog.notSent')) return true;
          await csms.call(action.stationId, 'GetLog', {
            requestId: ++requestId,
            logType: csms.has('getLog.wrongLogType') ? 'DiagnosticsLog' : action.logType,
            log: { remoteLocation: REFERENCE_LOG_LOCATION },
          });
          return true;
        case 'requestCustomerInformation': {
          if (csms.has('customerInformation.notSent')) return true;
          const customer = 'idToken' in action.customer
            ? { idToken: csms.has('customerInformation.wrongTokenType') ? { ...action.customer.idToken, type: 'Central' as const } : action.customer.idToken, ...(csms.has('customerInformation.twoReferences') ? { customerIdentifier: action.customer.idToken.idToken } : {}) }
            : 'customerIdentifier' in action.customer
              ? { customerIdentifier: action.customer.customerIdentifier, ...(csms.has('customerInformation.twoReferences') && csms.options.idTokens ? { idToken: { ...csms.options.idTokens.valid } } : {}) }
              : { customerCertificate: action.customer.customerCertificate, ...(csms.has('customerInformation.twoReferences') && csms.options.idTokens ? { idToken: { ...csms.options.idTokens.valid } } : {}) };
          const id = ++requestId;
          if (action.clear && 'idToken' in action.customer) clearing.set(id, action.customer.idToken);
          await csms.call(action.stationId, 'CustomerInformation', {
            requestId: id,
            report: csms.has('customerInformation.reportDropped') ? false : action.report,
            clear: csms.has('customerInformation.clearDropped') ? false : action.clear,
            ...customer,
          });
          return true;
        }
        case 'removeFromLocalList':
          removeFromList(action.stationId, action.idToken);
          return true;
        default:
          return false;
      }
    },
  };
}
