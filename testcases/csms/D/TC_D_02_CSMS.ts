/** TC_D_02_CSMS: the CSMS asks for the station's list version and sends a differential update numbered above it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkVersionAbove, localListSent } from '../states';

/** The version the harness reports (Part 6 gives 1). */
const REPORTED_VERSION = 1;

export default defineTestCase({
  id: 'TC_D_02_CSMS',
  name: 'Send Local Authorization List - Differential Update',
  sut: 'CSMS',
  useCases: ['D01'],
  requirements: ['D01.FR.01', 'D01.FR.06', 'D01.FR.18'],
  detects: ['localList.versionNotRequested', 'localList.staleVersion'],
  notes:
    'The operator action of Part 6 is a driver action. The version "currently configured in OCTT" is the one the harness ' +
    'reported in step 2. Part 6 lists the validations under step 1; they concern the SendLocalListRequest of step 3. Unlike ' +
    'TC_D_01_CSMS, Part 6 does not call the GetLocalListVersion exchange optional here, so the CSMS must ask before it sends.',
  async run(ctx) {
    const { check } = ctx;
    await localListSent(ctx, 'differentialUpdate', {
      reportedVersion: REPORTED_VERSION,
      versionStep: { title: `1-2. the CSMS asks for the list version; harness answers ${REPORTED_VERSION}`, required: true },
      sendTitle: '3-4. the CSMS sends SendLocalListRequest; harness accepts it',
      validate: (request) => {
        check.equal('SendLocalListRequest.updateType', request.updateType, 'Differential');
        checkVersionAbove(ctx, request, REPORTED_VERSION);
        const entries = request.localAuthorizationList?.length ?? 0;
        check.that('SendLocalListRequest.localAuthorizationList', entries > 0, 'not empty', `${entries} entries`);
      },
    });
  },
});
