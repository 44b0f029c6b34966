/** Reusable states of the CSMS cases (Part 6 section 3.18), composed by the cases as nested steps. */
import type { CsmsCaseContext } from '../../../src/engine/testcase';

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

/** The harness reports every configured connector as Available: a StatusNotification each, then one NotifyEvent for all. */
export async function reportConnectorsAvailable(ctx: CsmsCaseContext, title: string): Promise<void> {
  const { step, station, config } = ctx;
  await step(title, async () => {
    const timestamp = new Date().toISOString();
    const connectors = config.station.evses.flatMap((evse) => evse.connectors.map((connectorId) => ({ evseId: evse.id, connectorId })));
    for (const { evseId, connectorId } of connectors) {
      await station.call('StatusNotification', { timestamp, connectorStatus: 'Available', evseId, connectorId });
    }
    await station.call('NotifyEvent', {
      generatedAt: timestamp,
      seqNo: 0,
      eventData: connectors.map(({ evseId, connectorId }, index) => ({
        eventId: index + 1,
        timestamp,
        trigger: 'Delta' as const,
        actualValue: 'Available',
        eventNotificationType: 'HardWiredNotification' as const,
        component: { name: 'Connector', evse: { id: evseId, connectorId } },
        variable: { name: 'AvailabilityState' },
      })),
    });
  });
}

/** Booted: the harness power-cycles its simulated station, is accepted, and reports its connectors. */
export function booted(ctx: CsmsCaseContext): Promise<void> {
  return ctx.step('Reusable State Booted', async () => {
    await powerUp(ctx, '1-2. harness connects and sends BootNotificationRequest (PowerUp)', 'Accepted');
    await reportConnectorsAvailable(ctx, '3-4. harness reports every connector as Available');
  });
}
