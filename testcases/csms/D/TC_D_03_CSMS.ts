/** TC_D_03_CSMS: the CSMS removes idTokens from a station's local list with a differential update of bare entries. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkVersionAbove, localListSent } from '../states';

export default defineTestCase({
  id: 'TC_D_03_CSMS',
  name: 'Send Local Authorization List - Differential Remove',
  sut: 'CSMS',
  useCases: ['D01'],
  requirements: ['D01.FR.01', 'D01.FR.06', 'D01.FR.17', 'D01.FR.18'],
  detects: ['localList.staleVersion', 'localList.removalKeepsIdTokenInfo'],
  notes:
    'The operator action of Part 6 is a driver action. Part 6 shows no GetLocalListVersion exchange here; one sent before the ' +
    'SendLocalListRequest is answered with <Configured versionNumber> (configured.localListVersion), which is also the version ' +
    'the update must exceed. Part 6 lists the validations under step 1, the SendLocalListRequest.',
  async run(ctx) {
    const { check, config } = ctx;
    const current = config.configured.localListVersion;
    await localListSent(ctx, 'differentialRemove', {
      reportedVersion: current,
      sendTitle: '1-2. the CSMS sends SendLocalListRequest removing idTokens; harness accepts it',
      validate: (request) => {
        const entries = request.localAuthorizationList ?? [];
        check.equal('SendLocalListRequest.updateType', request.updateType, 'Differential');
        checkVersionAbove(ctx, request, current);
        const withInfo = entries.filter((e) => e.idTokenInfo !== undefined).length;
        check.that('SendLocalListRequest.localAuthorizationList', entries.length > 0 && withInfo === 0, 'entries without idTokenInfo', `${entries.length} entries, ${withInfo} with idTokenInfo`);
      },
    });
  },
});
