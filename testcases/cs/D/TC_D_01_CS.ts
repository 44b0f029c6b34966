/** TC_D_01_CS: a full local list replaces whatever list the station had, and the station then reports the version that came with it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { ifImplemented, listEntry, LOCAL_LIST_ENABLED, localListSent, localListVersionIs, withLocalList } from '../states';

export default defineTestCase({
  id: 'TC_D_01_CS',
  name: 'Send Local Authorization List - Full',
  sut: 'CS',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.15'],
  detects: ['localList.versionNotUpdated'],
  configuration: [ifImplemented(LOCAL_LIST_ENABLED)],
  notes:
    '<Configured versionNumber> is configured.localListVersion. The entry of the valid idToken carries idTokenInfo.status ' +
    'Accepted (a full list without idTokenInfo would install nothing usable). A station that already held a list of the same ' +
    'version cannot show a version it failed to store; the clean-up afterwards leaves an empty list of that version.',
  async run(ctx) {
    const { configured } = ctx.config;
    await withLocalList(ctx, undefined, async () => {
      await localListSent(ctx, `1-2. harness sends a full list of the valid idToken, versionNumber ${configured.localListVersion}; station accepts it`, {
        updateType: 'Full',
        versionNumber: configured.localListVersion,
        localAuthorizationList: [listEntry(configured.idTokens.valid)],
      });
      await localListVersionIs(ctx, '3-4. harness asks for the list version: the station names the version of the full list', configured.localListVersion);
    });
  },
});
