/** TC_D_02_CS: a differential update adds an idToken to the installed list and moves the list to the update's version. */
import { defineTestCase } from '../../../src/engine/testcase';
import { ifImplemented, listEntry, LOCAL_LIST_ENABLED, localListSent, localListVersionIs, withLocalList } from '../states';

export default defineTestCase({
  id: 'TC_D_02_CS',
  name: 'Send Local Authorization List - Differential Update',
  sut: 'CS',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.16'],
  detects: ['localList.versionNotUpdated', 'localList.differentialRejected'],
  configuration: [ifImplemented(LOCAL_LIST_ENABLED)],
  notes:
    'The update adds <Configured valid_idtoken2> (configured.idTokens.valid2) with idTokenInfo.status Accepted, one entry, so it is ' +
    'within ItemsPerMessage and BytesPerMessage of any station. <Configured versionNumber> is configured.localListVersion.',
  async run(ctx) {
    const { configured } = ctx.config;
    const next = configured.localListVersion + 1;
    await withLocalList(ctx, [listEntry(configured.idTokens.valid)], async () => {
      await localListSent(ctx, `1-2. harness sends a differential update adding the second valid idToken, versionNumber ${next}; station accepts it`, {
        updateType: 'Differential',
        versionNumber: next,
        localAuthorizationList: [listEntry(configured.idTokens.valid2)],
      });
      await localListVersionIs(ctx, '3-4. harness asks for the list version: the station names the version of the update', next);
    });
  },
});
