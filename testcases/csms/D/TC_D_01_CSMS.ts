/** TC_D_01_CSMS: the CSMS sends a full local authorization list with a proper version and complete entries. */
import { defineTestCase } from '../../../src/engine/testcase';
import { localListSent } from '../states';

/** The version the harness reports when asked (Part 6 gives 1). */
const REPORTED_VERSION = 1;

export default defineTestCase({
  id: 'TC_D_01_CSMS',
  name: 'Send Local Authorization List - Full',
  sut: 'CSMS',
  useCases: ['D01'],
  requirements: ['D01.FR.01', 'D01.FR.06', 'D01.FR.18'],
  detects: ['localList.zeroVersion', 'localList.entriesWithoutIdTokenInfo'],
  notes:
    'Part 6 names no trigger: the harness asks the CSMS side through the driver for a full list. The GetLocalListVersion ' +
    'exchange is optional. Part 6 lists the validations under step 1; they concern the SendLocalListRequest of step 3. The ' +
    'validation that every entry carries idTokenInfo comes from the errata (2025-09, 6.3.10).',
  async run(ctx) {
    const { check } = ctx;
    await localListSent(ctx, 'full', {
      reportedVersion: REPORTED_VERSION,
      versionStep: { title: `1-2. the CSMS may ask for the list version first; harness answers ${REPORTED_VERSION}`, required: false },
      sendTitle: '3-4. the CSMS sends SendLocalListRequest; harness accepts it',
      validate: (request) => {
        const entries = request.localAuthorizationList ?? [];
        check.equal('SendLocalListRequest.updateType', request.updateType, 'Full');
        check.that('SendLocalListRequest.versionNumber', request.versionNumber > 0, 'bigger than 0', String(request.versionNumber));
        check.that('SendLocalListRequest.localAuthorizationList', entries.length > 0, 'not empty', `${entries.length} entries`);
        const bare = entries.filter((e) => e.idTokenInfo === undefined).length;
        check.that('SendLocalListRequest.localAuthorizationList[n].idTokenInfo', bare === 0, 'present in every entry', `missing in ${bare} of ${entries.length}`);
      },
    });
  },
});
