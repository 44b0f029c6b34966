/** TC_D_03_CS: a differential update whose entries have no idTokenInfo removes those idTokens, and the list takes the update's version. */
import { defineTestCase } from '../../../src/engine/testcase';
import { ifImplemented, listEntry, LOCAL_LIST_ENABLED, localListSent, localListVersionIs, withLocalList } from '../states';

export default defineTestCase({
  id: 'TC_D_03_CS',
  name: 'Send Local Authorization List - Differential Remove',
  sut: 'CS',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.17'],
  detects: ['localList.removalRejected', 'localList.versionNotUpdated'],
  configuration: [ifImplemented(LOCAL_LIST_ENABLED)],
  notes:
    'The removal names the idToken the memory state installed (configured.idTokens.valid), without idTokenInfo. Part 6 numbers ' +
    'the version validation "Step 3"; it is the GetLocalListVersionResponse, step 4 here.',
  async run(ctx) {
    const { configured } = ctx.config;
    const { valid } = configured.idTokens;
    const next = configured.localListVersion + 1;
    await withLocalList(ctx, [listEntry(valid)], async () => {
      await localListSent(ctx, `1-2. harness sends a differential update with the valid idToken and no idTokenInfo (a removal), versionNumber ${next}; station accepts it`, {
        updateType: 'Differential',
        versionNumber: next,
        localAuthorizationList: [{ idToken: { idToken: valid.idToken, type: valid.type } }],
      });
      await localListVersionIs(ctx, '3-4. harness asks for the list version: the station names the version of the removal', next);
    });
  },
});
