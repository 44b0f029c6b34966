/** TC_O_05_CSMS: the CSMS asks to remove a display message the station does not hold, and copes with Unknown. */
import { defineTestCase } from '../../../src/engine/testcase';
import { DISPLAY_MESSAGE, displayMessageCleared } from '../states';

export default defineTestCase({
  id: 'TC_O_05_CSMS',
  name: 'Clear Display Message - Unknown Key',
  sut: 'CSMS',
  useCases: ['O05'],
  requirements: ['O05.FR.02'],
  detects: ['displayMessages.clearNotSent'],
  notes:
    'Part 6 has no tool validation: the CSMS passes by sending a schema-valid ClearDisplayMessageRequest when asked (driver action clearDisplayMessage for an id the station does not hold), which the harness answers Unknown, and staying connected. Prerequisite: the CSMS can send a ClearDisplayMessageRequest for an unknown id; an operator who cannot makes the case inconclusive.',
  async run(ctx) {
    await displayMessageCleared(ctx, '1-2. the CSMS, asked to remove a message the station does not hold, sends ClearDisplayMessageRequest; harness answers Unknown', DISPLAY_MESSAGE.id, 'Unknown', []);
  },
});
