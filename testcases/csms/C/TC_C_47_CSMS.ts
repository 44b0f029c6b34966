/** TC_C_47_CSMS: the CSMS recognizes the master pass, with which a station with a UI stops all of its transactions. */
import { defineTestCase } from '../../../src/engine/testcase';
import { masterPassStops, needsTwoEvses } from '../states';

export default defineTestCase({
  id: 'TC_C_47_CSMS',
  name: 'Stop Transaction with a Master Pass - With UI - All transactions',
  sut: 'CSMS',
  useCases: ['C16'],
  requirements: ['C16.FR.01'],
  detects: ['masterPass.noGroupId', 'transaction.endedUnanswered'],
  applicable: needsTwoEvses,
  notes:
    'Our copy of Part 6 shows no tool validations for this case; the harness applies those of TC_C_48_CSMS, which exchanges ' +
    'the same messages: Accepted with <Configured masterPassGroupId> in the AuthorizeResponse and in each TransactionEventResponse.',
  run: (ctx) =>
    masterPassStops(
      ctx,
      '3-4. the user chooses to stop all: harness ends both transactions with the master pass (stoppedReason MasterPass)',
      'all',
    ),
});
