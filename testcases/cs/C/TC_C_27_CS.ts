/** TC_C_27_CS: online, a token the local list accepts starts charging without an AuthorizeRequest (LocalPreAuthorize). */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorizedFromList, energyTransferStarted, evConnectedPreSession, listEntry, LOCAL_LIST_ON, withLocalList, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_27_CS',
  name: 'Online authorization through local authorization list - Accepted',
  sut: 'CS',
  useCases: ['C14'],
  requirements: ['C14.FR.02'],
  detects: ['localList.notUsedOnline', 'transaction.noIdToken'],
  configuration: LOCAL_LIST_ON,
  notes:
    'The token is always presented at the station (the case is about the list), whatever configured.startTransactionVia says. ' +
    'Besides the step 1 validations, an AuthorizeRequest for the listed token fails the case (C14.FR.02: charging starts ' +
    'without one). "Energy is transferred" is the chargingState Charging of EnergyTransferStarted.',
  async run(ctx) {
    await withLocalList(ctx, [listEntry(ctx.config.configured.idTokens.valid)], () =>
      withSession(ctx, async (session) => {
        await ctx.step('Manual action, 1-2: present the valid idToken, which is in the local list', () => authorizedFromList(session, '1-2'));
        await ctx.step('3. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
        await ctx.step('4. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      }),
    );
  },
});
