/** Reusable states of the CSMS cases (Part 6 section 3.18), composed by the cases as nested steps. */
import { availabilityEvent } from '../../../src/actors/simulated-station';
import type { RunConfig } from '../../../src/engine/config';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { OcppRequests } from '../../../src/ocpp/generated';
import { connectorReported } from './transaction';

/** Steps of a (re)boot: a fresh connection and a BootNotification with reason PowerUp, whose answer must have `expectedStatus`. */
export async function powerUp(ctx: CsmsCaseContext, title: string, expectedStatus: 'Accepted' | 'Pending') {
  const { step, station, check } = ctx;
  return step(title, async () => {
    await station.connect();
    const response = await station.boot('PowerUp');
    check.equal('BootNotificationResponse.status', response.status, expectedStatus);
    return response;
  });
}

/** The messages of a report of every configured connector: a StatusNotification each, then one NotifyEvent (AvailabilityState) for all. */
export interface ConnectorReports {
  readonly statusNotifications: readonly OcppRequests['StatusNotification'][];
  readonly notifyEvent: OcppRequests['NotifyEvent'];
}

/** Builds the connector report: every configured connector Available, except Occupied for the one `occupied` names (an EV still plugged in). */
export function connectorReports(config: RunConfig, occupied?: { readonly id: number; readonly connectorId: number }): ConnectorReports {
  const timestamp = new Date().toISOString();
  const connectors = config.station.evses.flatMap((evse) =>
    evse.connectors.map((connectorId) => ({ evseId: evse.id, connectorId, status: evse.id === occupied?.id && connectorId === occupied.connectorId ? ('Occupied' as const) : ('Available' as const) })),
  );
  return {
    statusNotifications: connectors.map(({ evseId, connectorId, status }) => ({ timestamp, connectorStatus: status, evseId, connectorId })),
    notifyEvent: {
      generatedAt: timestamp,
      seqNo: 0,
      // eventIds from the run's id source: a CSMS may refuse one it has seen before, in this run or an earlier one.
      eventData: connectors.map(({ evseId, connectorId, status }) => availabilityEvent(evseId, connectorId, status, timestamp)),
    },
  };
}

/**
 * The harness reports every configured connector as Available (or Occupied for the one `occupied` names, where an EV is
 * still plugged in): a StatusNotification each, then one NotifyEvent for all.
 */
export async function reportConnectorsAvailable(ctx: CsmsCaseContext, title: string, occupied?: { readonly id: number; readonly connectorId: number }): Promise<void> {
  const { step, station, config } = ctx;
  await step(title, async () => {
    const reports = connectorReports(config, occupied);
    for (const status of reports.statusNotifications) {
      connectorReported(ctx, { id: status.evseId, connectorId: status.connectorId }, status.connectorStatus === 'Occupied' ? 'Occupied' : 'Available');
      await station.call('StatusNotification', status);
    }
    await station.call('NotifyEvent', reports.notifyEvent);
  });
}

/** Booted: the harness power-cycles its simulated station, is accepted, and reports its connectors. */
export function booted(ctx: CsmsCaseContext): Promise<void> {
  return ctx.step('Reusable State Booted', async () => {
    await powerUp(ctx, '1-2. harness connects and sends BootNotificationRequest (PowerUp)', 'Accepted');
    await reportConnectorsAvailable(ctx, '3-4. harness reports every connector as Available');
  });
}
