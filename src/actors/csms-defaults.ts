/** How the harness, playing the CSMS, answers station CALLs that no step is waiting for: the answers a plain, accepting CSMS gives. */
import type { IncomingCall } from '../ocpp/connection';
import type { OcppAction, OcppResponses } from '../ocpp/generated';

type Answers = { [A in OcppAction]?: (call: IncomingCall<A>) => OcppResponses[A] };

/** Builds the default answers; `heartbeatInterval` goes into BootNotificationResponse. */
export function csmsDefaultAnswers(heartbeatInterval: number): (call: IncomingCall) => void {
  const now = () => new Date().toISOString();
  const accepted = { status: 'Accepted' } as const;
  const answers: Answers = {
    BootNotification: () => ({ status: 'Accepted', currentTime: now(), interval: heartbeatInterval }),
    Heartbeat: () => ({ currentTime: now() }),
    StatusNotification: () => ({}),
    NotifyEvent: () => ({}),
    NotifyReport: () => ({}),
    NotifyMonitoringReport: () => ({}),
    SecurityEventNotification: () => ({}),
    MeterValues: () => ({}),
    FirmwareStatusNotification: () => ({}),
    LogStatusNotification: () => ({}),
    PublishFirmwareStatusNotification: () => ({}),
    NotifyChargingLimit: () => ({}),
    ClearedChargingLimit: () => ({}),
    NotifyCustomerInformation: () => ({}),
    NotifyDisplayMessages: () => ({}),
    ReservationStatusUpdate: () => ({}),
    NotifyEVChargingNeeds: () => accepted,
    NotifyEVChargingSchedule: () => accepted,
    ReportChargingProfiles: () => ({}),
    Authorize: () => ({ idTokenInfo: accepted }),
    TransactionEvent: (call) => (call.payload.idToken ? { idTokenInfo: accepted } : {}),
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
  };
  return (call) => {
    const answer = answers[call.action] as ((c: IncomingCall) => Record<string, unknown>) | undefined;
    if (answer) call.respond(answer(call) as never);
    else call.respondError('NotSupported', `the harness does not answer ${call.action} outside a step that expects it`);
  };
}
