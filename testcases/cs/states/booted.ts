/** Reusable states of the Charging Station cases (Part 6 section 2.18), composed by the cases as nested steps. */
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { CsCaseContext } from '../../../src/engine/testcase';

/** How the Booted state restarts the station: an OCPP Reset, or a power cycle done by the driver. */
export type BootedVia = 'reset' | 'powerCycle';

/**
 * Booted: the station restarts, is accepted, reports every connector and raises its startup security event.
 * Against a station it restarts either with a ResetRequest or through the driver, as the calling case says.
 */
export function booted(ctx: CsCaseContext, via: BootedVia): Promise<void> {
  const { step, csms, check } = ctx;
  return step('Reusable State Booted', async () => {
    // Only a boot on the connection the restart opens counts (a late boot of the earlier connection, answered in the
    // background, is not it).
    const since = Date.now();
    const before = csms.connection;
    if (via === 'reset') {
      await step('1-2. harness sends ResetRequest, station answers', async () => {
        const reset = await csms.call('Reset', { type: 'Immediate' });
        check.equal('ResetResponse.status', reset.status, 'Accepted');
      });
    } else {
      await step('Manual action: power cycle the station', () => ctx.perform({ kind: 'reboot' }));
    }
    await step('3-4. station sends BootNotificationRequest, harness accepts it', async () => {
      const boot = await csms.expect('BootNotification', { acrossReconnect: true, timeoutMs: ctx.config.timeouts.connectMs, where: (c) => c.receivedAt.getTime() >= since && c.connection !== before, description: 'a BootNotification on the connection after the restart' });
      csms.answerBoot(boot, 'Accepted');
    });
    await connectorsAndSecurityEvent(ctx);
  });
}

/**
 * Steps 5-8 of Booted: every connector reported (Available unless `expected` says otherwise), and a
 * SecurityEventNotification of the startup, in any order. Also the boot after a reset (TC_B_21_CS), under its own `title`.
 */
export async function connectorsAndSecurityEvent(ctx: CsCaseContext, expected?: ExpectedStatus, title = '5-8. station reports its connectors and sends SecurityEventNotificationRequest'): Promise<void> {
  const { step, csms } = ctx;
  const reports = connectorReports(ctx, expected);
  let securityEvent: IncomingCall<'SecurityEventNotification'> | undefined;
  /** Security events about something else than the start (an InvalidCsmsCertificate of a failed attempt before it, say): answered, named if the startup event never comes. */
  const others: string[] = [];
  await step(title, async () => {
    while (!reports.complete || !securityEvent) {
      const call = await csms.expect(['StatusNotification', 'NotifyEvent', 'SecurityEventNotification'], { description: describeMissing(reports, securityEvent, others) });
      if (call.action === 'SecurityEventNotification') {
        const event = call as IncomingCall<'SecurityEventNotification'>;
        if (!event.isAnswered) event.respond({});
        if (!STARTUP_EVENTS.includes(event.payload.type)) {
          others.push(event.payload.type);
          continue;
        }
        // The type is the validation: a station that never sends one of these fails on the timeout, naming what it sent.
        securityEvent = event;
      } else {
        reports.take(call as IncomingCall<'StatusNotification' | 'NotifyEvent'>);
      }
    }
  });
}

/** The security events of a start (Part 2 appendix: the station started, or was reset or rebooted). */
const STARTUP_EVENTS: readonly string[] = ['StartupOfTheDevice', 'ResetOrReboot'];

function describeMissing(reports: ConnectorReports, securityEvent: unknown, others: readonly string[]): string {
  const event = `SecurityEventNotification StartupOfTheDevice or ResetOrReboot${others.length ? ` (received only ${others.join(', ')})` : ''}`;
  const missing = [...(reports.complete ? [] : [`a status report of connector(s) ${reports.missing.join(', ')}`]), ...(securityEvent ? [] : [event])];
  return missing.join(' and ');
}

/** The status a connector must report: by EVSE and connector id. */
export type ExpectedStatus = (evseId: number, connectorId: number) => string;

/** Tracks which connectors have reported their expected status, by StatusNotification or by NotifyEvent (AvailabilityState). */
export interface ConnectorReports {
  readonly complete: boolean;
  /** `evse/connector` of the connectors not yet reported. */
  readonly missing: readonly string[];
  /** Checks one StatusNotification or NotifyEvent as Part 6 asks, answers it, and marks the connector(s) it reports. */
  take(call: IncomingCall<'StatusNotification' | 'NotifyEvent'>): void;
}

/** Starts tracking the connector reports the configured layout calls for; each must report `expected` (default Available). */
export function connectorReports(ctx: CsCaseContext, expected: ExpectedStatus = () => 'Available'): ConnectorReports {
  const { check } = ctx;
  const configured = ctx.config.station.evses.flatMap((evse) => evse.connectors.map((c) => `${evse.id}/${c}`));
  const missing = new Set(configured);
  const mark = (evseId: number | undefined, connectorId: number | undefined) => {
    const key = `${evseId}/${connectorId}`;
    check.oneOf('reported connector (evse/connector)', key, configured);
    missing.delete(key);
  };
  return {
    get complete() {
      return missing.size === 0;
    },
    get missing() {
      return [...missing];
    },
    take(call) {
      if (call.action === 'StatusNotification') {
        const status = (call as IncomingCall<'StatusNotification'>).payload;
        check.equal(`StatusNotificationRequest.connectorStatus (EVSE ${status.evseId}, connector ${status.connectorId})`, status.connectorStatus, expected(status.evseId, status.connectorId));
        check.notEqual('StatusNotificationRequest.evseId', status.evseId, 0);
        check.notEqual('StatusNotificationRequest.connectorId', status.connectorId, 0);
        mark(status.evseId, status.connectorId);
        (call as IncomingCall<'StatusNotification'>).respond({});
        return;
      }
      const notify = call as IncomingCall<'NotifyEvent'>;
      const availability = notify.payload.eventData.filter((d) => d.component.name === 'Connector' && d.variable.name === 'AvailabilityState');
      for (const data of availability) {
        check.equal('NotifyEventRequest eventData.trigger', data.trigger, 'Delta');
        check.equal('NotifyEventRequest eventData.actualValue', data.actualValue, expected(data.component.evse?.id ?? 0, data.component.evse?.connectorId ?? 0));
        mark(data.component.evse?.id, data.component.evse?.connectorId);
      }
      notify.respond({});
    },
  };
}

/** Waits until every connector has reported Available, or what `expected` says (Post scenario validation of the boot cases). */
export async function allConnectorsReported(ctx: CsCaseContext, title: string, expected?: ExpectedStatus): Promise<void> {
  const reports = connectorReports(ctx, expected);
  await ctx.step(title, async () => {
    while (!reports.complete) {
      const call = await ctx.csms.expect(['StatusNotification', 'NotifyEvent'], { description: `a status report of connector(s) ${reports.missing.join(', ')}` });
      reports.take(call);
    }
  });
}
