/** TC_D_05_CS: a differential update without entries changes no entry, yet the list takes the update's version. */
import { defineTestCase } from '../../../src/engine/testcase';
import { ifImplemented, listEntry, LOCAL_LIST_ENABLED, localListSent, localListVersionIs, withLocalList } from '../states';

export default defineTestCase({
  id: 'TC_D_05_CS',
  name: 'Send Local Authorization List - Differential with empty list',
  sut: 'CS',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.05'],
  detects: ['localList.emptyUpdateRejected', 'localList.differentialRejected', 'localList.versionNotUpdated'],
  configuration: [ifImplemented(LOCAL_LIST_ENABLED)],
  notes: 'The schema does not allow an empty localAuthorizationList array, so the empty differential update is a SendLocalListRequest without that field.',
  async run(ctx) {
    const { configured } = ctx.config;
    const next = configured.localListVersion + 1;
    await withLocalList(ctx, [listEntry(configured.idTokens.valid)], async () => {
      await localListSent(ctx, `1-2. harness sends a differential update without entries, versionNumber ${next}; station accepts it`, { updateType: 'Differential', versionNumber: next });
      await localListVersionIs(ctx, '3-4. harness asks for the list version: the station names the version of the empty update', next);
    });
  },
});
