/** TC_D_04_CS: a full update without entries empties the station's list, which keeps the version of that update. */
import { defineTestCase } from '../../../src/engine/testcase';
import { idTokenLocalAuthList, ifImplemented, listEntry, LOCAL_LIST_ENABLED, localListSent, localListVersionIs } from '../states';

export default defineTestCase({
  id: 'TC_D_04_CS',
  name: 'Send Local Authorization List - Full with empy list',
  sut: 'CS',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.04'],
  detects: ['localList.emptyUpdateRejected'],
  configuration: [ifImplemented(LOCAL_LIST_ENABLED)],
  notes:
    'The schema does not allow an empty localAuthorizationList array, so the empty full list is a SendLocalListRequest without ' +
    'that field. It leaves the list empty, so no clean-up is needed afterwards.',
  async run(ctx) {
    const { configured } = ctx.config;
    await idTokenLocalAuthList(ctx, [listEntry(configured.idTokens.valid)]);
    await localListSent(ctx, `1-2. harness sends a full update without entries, versionNumber ${configured.localListVersion}; station accepts it`, {
      updateType: 'Full',
      versionNumber: configured.localListVersion,
    });
    await localListVersionIs(ctx, '3-4. harness asks for the list version: still <Configured versionNumber>', configured.localListVersion);
  },
});
