// A station the harness holds in Pending that boots again on its own (as B02 lets it after the interval) hears Pending again from the background answer, not Accepted: a real CSMS does not change its mind by itself.
import { defineTestCase } from '../../../src/engine/testcase';
import { scriptedDriver, scriptedRun, type ScriptedRun, type ScriptedStation } from '../scripted-station';

jest.setTimeout(30_000);

/** A probe case (not a Part 6 case): the station is rebooted and its boot answered Pending; then the harness reads a variable. */
const pendingProbe = defineTestCase({
  id: 'TC_P_99_CS',
  name: 'probe: a station held in Pending boots again',
  sut: 'CS',
  useCases: ['B02'],
  requirements: [],
  detects: [],
  precondition: 'none',
  async run(ctx) {
    const { csms, step } = ctx;
    const before = csms.connection;
    const booting = csms.expect('BootNotification', { acrossReconnect: true, where: (c) => c.connection !== before });
    await step('reboot the station', () => ctx.perform({ kind: 'reboot' }));
    await step('harness answers its boot Pending', async () => csms.answerBoot(await booting, 'Pending'));
  },
});

let run: ScriptedRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

test('the boot a Pending station sends again is answered Pending in the background', async () => {
  let answered: (answer: unknown) => void = () => undefined;
  const retried = new Promise<unknown>((resolve) => (answered = resolve));
  const script = {
    onOpen(station: ScriptedStation) {
      const last = [...station.sent].reverse().find((s) => s.action === 'BootNotification');
      // Held in Pending: boot again at once (a station whose interval has passed).
      if ((last?.answer as { status?: string } | undefined)?.status === 'Pending') void station.send('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Scripted', vendorName: 'Test' } }).then(answered);
    },
  };
  const target: { station?: ScriptedStation } = {};
  // The reboot is under way once asked for; its boot is answered by the case, after the action returns.
  const driver = scriptedDriver((action) => {
    if (action.kind === 'reboot') void target.station?.reboot();
  });
  run = await scriptedRun(script, driver);
  target.station = run.station;
  const result = await run.run(pendingProbe);
  expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
  expect(await retried).toMatchObject({ status: 'Pending' });
});
