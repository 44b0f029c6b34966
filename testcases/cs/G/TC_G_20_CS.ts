/** TC_G_20_CS: a cable that cannot lock keeps the station from charging, and the station reports the lock problem. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { TransactionEventRequest } from '../../../src/ocpp/generated';
import { authorized, evConnectedPreSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_G_20_CS',
  name: 'Connector status Notification - Lock Failure',
  sut: 'CS',
  useCases: ['G05'],
  requirements: ['G05.FR.01', 'G05.FR.02'],
  detects: ['lock.noProblemEvent', 'lock.chargesAnyway'],
  notes:
    'Prerequisites: the station has ConnectorPlugRetentionLock in its device model and reports its Problem (HardWiredNotification ' +
    'or a monitor at a suitable level). The driver action lockFails stands for the cable that is not fully plugged in. The post ' +
    'scenario validation waits the message timeout after the NotifyEvent: no TransactionEventRequest may report chargingState Charging.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await withSession(ctx, async (session) => {
      session.afterwards.push(() => ctx.perform({ kind: 'lockWorks', evseId, connectorId }));
      await ctx.step('Before: Manual action: the cable is plugged in so that it cannot lock', () => ctx.perform({ kind: 'lockFails', evseId, connectorId }));
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      const problem = ctx.csms.expect('NotifyEvent', {
        where: (call) => call.payload.eventData.some((d) => d.component.name === 'ConnectorPlugRetentionLock'),
        description: 'a NotifyEventRequest about ConnectorPlugRetentionLock',
      });
      problem.catch(() => undefined);
      await ctx.step('1. Reusable State Authorized', () => authorized(session));
      await ctx.step('2-3. station sends NotifyEventRequest (ConnectorPlugRetentionLock.Problem true), harness answers', async () => {
        const call: IncomingCall<'NotifyEvent'> = await problem;
        if (!call.isAnswered) call.respond({});
        const data = call.payload.eventData[0];
        ctx.check.equal('NotifyEventRequest.eventData[0].trigger', data?.trigger, 'Delta');
        ctx.check.equal('NotifyEventRequest.eventData[0].component.name', data?.component.name, 'ConnectorPlugRetentionLock');
        ctx.check.equal('NotifyEventRequest.eventData[0].variable.name', data?.variable.name, 'Problem');
        ctx.check.equal('NotifyEventRequest.eventData[0].actualValue', data?.actualValue, 'true');
      });
      const timeoutMs = ctx.config.timeouts.messageMs;
      await ctx.step(`Post scenario: the station does not start charging (watched for ${timeoutMs} ms)`, () =>
        session.monitor.watch(timeoutMs, (call) => {
          const event = call.payload as TransactionEventRequest;
          return call.action === 'TransactionEvent' && event.transactionInfo.chargingState === 'Charging' ? 'the station started charging although the connector failed to lock' : undefined;
        }),
      );
    });
  },
});
