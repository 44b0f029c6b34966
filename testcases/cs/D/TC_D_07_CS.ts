/** TC_D_07_CS: the local list and its version survive a power cycle of the station (non-volatile memory). */
import { defineTestCase } from '../../../src/engine/testcase';
import { booted, ifImplemented, listEntry, LOCAL_LIST_ENABLED, localListVersionIs, withLocalList } from '../states';

export default defineTestCase({
  id: 'TC_D_07_CS',
  name: 'Send Local Authorization List - Persistent over reboot',
  sut: 'CS',
  useCases: ['D01'],
  requirements: ['D01.FR.10'],
  detects: ['localList.notPersistent'],
  configuration: [ifImplemented(LOCAL_LIST_ENABLED)],
  notes:
    'Part 6 leaves open whether the Booted state resets or power cycles the station; a power cycle (driver action reboot) is ' +
    'used, since D01.FR.10 speaks of reboots and power outages and a power cycle is the harder of the two.',
  async run(ctx) {
    const { configured } = ctx.config;
    await withLocalList(ctx, [listEntry(configured.idTokens.valid)], async () => {
      await ctx.step('Before: the station restarts (Booted)', () => booted(ctx, 'powerCycle'));
      await localListVersionIs(ctx, '1-2. harness asks for the list version after the restart: still <Configured versionNumber>', configured.localListVersion);
    });
  },
});
