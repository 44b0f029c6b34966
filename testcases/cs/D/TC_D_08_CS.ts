/** TC_D_08_CS: asked for its list version, the station names the version of the list it holds. */
import { defineTestCase } from '../../../src/engine/testcase';
import { ifImplemented, listEntry, LOCAL_LIST_ENABLED, localListVersionIs, withLocalList } from '../states';

export default defineTestCase({
  id: 'TC_D_08_CS',
  name: 'Get Local List Version - Success',
  sut: 'CS',
  useCases: ['D02'],
  requirements: ['D02.FR.01'],
  detects: ['localList.versionNotUpdated'],
  configuration: [ifImplemented(LOCAL_LIST_ENABLED)],
  notes: 'The memory state installs a full list numbered <Configured versionNumber> (configured.localListVersion).',
  async run(ctx) {
    const { configured } = ctx.config;
    await withLocalList(ctx, [listEntry(configured.idTokens.valid)], () =>
      localListVersionIs(ctx, `1-2. harness asks for the list version: <Configured versionNumber> (${configured.localListVersion})`, configured.localListVersion),
    );
  },
});
