/** TC_E_45_CS: offline, a token of the same group (known locally) stops the transaction; the events are delivered afterwards, marked offline. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, energyTransferStarted, ifImplemented, listEntry, LOCAL_LIST_ENABLED, OFFLINE_RETRY, stoppedOffline, withLocalList, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_45_CS',
  name: 'Offline Behaviour - Stop transaction during offline period - Same GroupId',
  sut: 'CS',
  useCases: ['E08'],
  requirements: ['E08.FR.02', 'E08.FR.04', 'E08.FR.05', 'E08.FR.06', 'E08.FR.07', 'E08.FR.08'],
  detects: ['offline.flagMissing', 'offline.notQueued'],
  configuration: [...OFFLINE_RETRY, ifImplemented(LOCAL_LIST_ENABLED)],
  notes:
    'The memory state used is IdTokenLocalAuthList: <Configured valid idtoken fields2> in the local list with <Configured GroupIdToken> ' +
    '(errata 2025-09 6.2.121 enables the local list). The harness answers the authorization of <Configured valid idtoken fields> with the ' +
    'same GroupIdToken. The list is emptied afterwards.',
  async run(ctx) {
    const { config } = ctx;
    const { valid2, group } = config.configured.idTokens;
    await withLocalList(ctx, [listEntry(valid2, 'Accepted', group)], () =>
      withSession(ctx, async (session) => {
        await ctx.step('Before: reach state Authorized (with the GroupIdToken)', () => authorized(session));
        await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
        await stoppedOffline(session, valid2);
      }),
    );
  },
});
