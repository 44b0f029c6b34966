/** TC_C_48_CSMS: the CSMS recognizes the master pass, with which a station with a UI stops one chosen transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { masterPassStops, needsTwoEvses } from '../states';

export default defineTestCase({
  id: 'TC_C_48_CSMS',
  name: 'Stop Transaction with a Master Pass - With UI - With UI - Specific transactions',
  sut: 'CSMS',
  useCases: ['C16'],
  requirements: ['C16.FR.01'],
  detects: ['masterPass.noGroupId', 'transaction.endedUnanswered'],
  applicable: needsTwoEvses,
  notes:
    'Part 6 shows valid_idtoken in the AuthorizeRequest of step 1 but expects <Configured masterPassGroupId> in its answer, ' +
    'which only the master pass idToken has; the harness presents the master pass idToken (as in TC_C_47_CSMS and TC_C_49_CSMS). ' +
    'Charging on all EVSEs means, here, the configured EVSE with valid_idtoken and a second one with valid_idtoken2; the user ' +
    'chooses to stop the one on the configured EVSE.',
  run: (ctx) =>
    masterPassStops(
      ctx,
      '3-4. the user chooses one transaction: harness ends it with the master pass (stoppedReason MasterPass)',
      'first',
    ),
});
