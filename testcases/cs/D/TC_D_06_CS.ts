/** TC_D_06_CS: a differential update numbered below the installed list is refused with VersionMismatch and leaves the version alone. */
import { defineTestCase } from '../../../src/engine/testcase';
import { ifImplemented, listEntry, LOCAL_LIST_ENABLED, localListSent, localListVersionIs, withLocalList } from '../states';

export default defineTestCase({
  id: 'TC_D_06_CS',
  name: 'Send Local Authorization List - VersionMismatch',
  sut: 'CS',
  useCases: ['D01'],
  requirements: ['D01.FR.19'],
  detects: ['localList.versionNotChecked'],
  configuration: [ifImplemented(LOCAL_LIST_ENABLED)],
  applicable: (config) =>
    config.configured.localListVersion > 1 ? undefined : `Part 6 needs <Configured versionNumber> above 1 here; configured.localListVersion is ${config.configured.localListVersion}`,
  notes: 'The refused update adds configured.idTokens.valid2 (the list is not empty, as Part 6 asks), numbered configured.localListVersion - 1.',
  async run(ctx) {
    const { configured } = ctx.config;
    const stale = configured.localListVersion - 1;
    await withLocalList(ctx, [listEntry(configured.idTokens.valid)], async () => {
      await localListSent(
        ctx,
        `1-2. harness sends a differential update numbered ${stale}, below the installed list; station answers VersionMismatch`,
        { updateType: 'Differential', versionNumber: stale, localAuthorizationList: [listEntry(configured.idTokens.valid2)] },
        'VersionMismatch',
      );
      await localListVersionIs(ctx, '3-4. harness asks for the list version: still <Configured versionNumber>', configured.localListVersion);
    });
  },
});
