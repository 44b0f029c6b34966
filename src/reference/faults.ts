/** The catalogue of faults the reference SUTs can be switched into: each breaks exactly one behaviour, so a case can prove it catches it. */

/** Faults of the reference Charging Station. */
export const STATION_FAULTS = {
  'boot.noConnectorStatus': 'after an accepted BootNotification, does not report the status of its connectors',
  'boot.noSecurityEvent': 'after booting, does not send the SecurityEventNotification of its startup or reset',
  'boot.retryTooEarly': 'after a Rejected BootNotification, sends the next one without waiting the interval',
  'boot.triggerIgnored': 'accepts TriggerMessage(BootNotification) but never sends the BootNotification',
  'boot.pendingStartsTransaction': 'accepts RequestStartTransaction while its boot is Pending',
  'boot.invalidPayload': 'sends a BootNotificationRequest without chargingStation.model (breaks the schema)',
  'reset.rejected': 'answers every ResetRequest with Rejected',
  'variables.setRejected': 'rejects every SetVariables entry',
  'variables.staleRead': 'accepts SetVariables but GetVariables keeps returning the old value',
  'dataTransfer.acceptsUnknownVendor': 'answers DataTransfer for any vendor with Accepted',
  'customData.refused': 'answers any CALL carrying customData with CALLERROR FormatViolation',
} as const;

/** Faults of the reference CSMS. */
export const CSMS_FAULTS = {
  'boot.rejectsStation': 'answers every BootNotification with Rejected',
  'boot.ignoresPendingSetup': 'answers Accepted even when it was set up to answer the next BootNotification with Pending',
  'boot.invalidResponse': 'answers BootNotification without currentTime (breaks the schema)',
  'statusNotification.silent': 'never answers StatusNotification',
  'dataTransfer.acceptsUnknownVendor': 'answers DataTransfer for any vendor with Accepted',
  'customData.refused': 'answers any CALL carrying customData with CALLERROR FormatViolation',
} as const;

export type StationFault = keyof typeof STATION_FAULTS;
export type CsmsFault = keyof typeof CSMS_FAULTS;

/** The fault catalogue of one side. */
export function faultsOf(sut: 'CS' | 'CSMS'): Readonly<Record<string, string>> {
  return sut === 'CS' ? STATION_FAULTS : CSMS_FAULTS;
}

/** True when `payload` (a request) carries customData at its root or anywhere below. */
export function carriesCustomData(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  return Object.entries(payload).some(([key, value]) => key === 'customData' || carriesCustomData(value));
}
