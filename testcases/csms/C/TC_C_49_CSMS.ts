/** TC_C_49_CSMS: the CSMS recognizes the master pass, with which a station without a UI stops all of its transactions at once. */
import { defineTestCase } from '../../../src/engine/testcase';
import { masterPassStops, needsTwoEvses } from '../states';

export default defineTestCase({
  id: 'TC_C_49_CSMS',
  name: 'Stop Transaction with a Master Pass - Without UI',
  sut: 'CSMS',
  useCases: ['C16'],
  requirements: ['C16.FR.02'],
  detects: ['masterPass.noGroupId', 'transaction.endedUnanswered'],
  applicable: needsTwoEvses,
  notes:
    'Our copy of Part 6 shows no tool validations for this case; the harness applies those of TC_C_48_CSMS. Part 6 shows ' +
    'valid_idtoken in the Ended events of step 3, but without a UI it is the master pass itself that stops every transaction ' +
    '(C16.FR.02), so those events carry the master pass idToken, as in TC_C_47_CSMS.',
  run: (ctx) =>
    masterPassStops(
      ctx,
      '3-4. without a UI, harness ends both transactions with the master pass at once (stoppedReason MasterPass)',
      'all',
    ),
});
