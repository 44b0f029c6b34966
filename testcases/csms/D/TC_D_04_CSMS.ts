/** TC_D_04_CSMS: the CSMS clears a station's local list with a full update that has no entries. */
import { defineTestCase } from '../../../src/engine/testcase';
import { localListSent } from '../states';

export default defineTestCase({
  id: 'TC_D_04_CSMS',
  name: 'Send Local Authorization List - Full with empy list',
  sut: 'CSMS',
  useCases: ['D01'],
  requirements: ['D01.FR.01', 'D01.FR.06', 'D01.FR.18'],
  detects: ['localList.clearAsDifferential'],
  notes:
    'The operator action of Part 6 is a driver action. The schema does not allow an empty localAuthorizationList array, so ' +
    'an empty list is one without the field (an empty array, which breaks the schema, fails the case anyway). A ' +
    'GetLocalListVersionRequest sent first is answered with <Configured versionNumber>.',
  async run(ctx) {
    const { check, config } = ctx;
    await localListSent(ctx, 'emptyFull', {
      reportedVersion: config.configured.localListVersion,
      sendTitle: '1-2. the CSMS sends SendLocalListRequest without entries; harness accepts it',
      validate: (request) => {
        const entries = request.localAuthorizationList?.length ?? 0;
        check.equal('SendLocalListRequest.updateType', request.updateType, 'Full');
        check.that('SendLocalListRequest.localAuthorizationList', entries === 0, 'empty (no entries)', `${entries} entries`);
      },
    });
  },
});
