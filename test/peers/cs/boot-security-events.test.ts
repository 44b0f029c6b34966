// A station whose boot brings another security event first (the InvalidCsmsCertificate of an attempt that failed before it): Booted answers it and waits for the startup event; a station that never sends one fails, naming what it sent.
import { defineTestCase } from '../../../src/engine/testcase';
import { booted } from '../../../testcases/cs/states';
import { scriptedDriver, scriptedRun, type ScriptedRun, type ScriptedStation } from '../scripted-station';

jest.setTimeout(30_000);

/** A probe case (not a Part 6 case): Reusable State Booted with a power cycle. */
const bootedProbe = defineTestCase({
  id: 'TC_P_88_CS',
  name: 'probe: Booted after a power cycle',
  sut: 'CS',
  useCases: ['B01'],
  requirements: [],
  detects: [],
  precondition: 'none',
  run: (ctx) => booted(ctx, 'powerCycle'),
});

const event = (type: string) => ({ type, timestamp: new Date().toISOString() });
const status = (evseId: number) => ({ timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId, connectorId: 1 });

/** After each boot but the first: the certificate event, both connectors, then (with `startup`) the startup event. */
function script(startup: boolean) {
  let connections = 0;
  return {
    async onOpen(station: ScriptedStation) {
      if (++connections === 1) return;
      await station.send('SecurityEventNotification', event('InvalidCsmsCertificate'));
      await station.send('StatusNotification', status(1));
      await station.send('StatusNotification', status(2));
      if (startup) await station.send('SecurityEventNotification', event('StartupOfTheDevice'));
    },
  };
}

let run: ScriptedRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

async function bootedAgainst(startup: boolean) {
  const target: { station?: ScriptedStation } = {};
  // The power cycle is under way once asked for; its boot is answered by the case, after the action returns.
  run = await scriptedRun(
    script(startup),
    scriptedDriver((action) => {
      if (action.kind === 'reboot') void target.station?.reboot();
    }),
  );
  target.station = run.station;
  return { result: await run.run(bootedProbe) };
}

test('an InvalidCsmsCertificate before the startup event is answered and passed over: the case passes', async () => {
  const { result } = await bootedAgainst(true);
  expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
  // Both events answered by the harness (its CALLRESULTs in the case's frames).
  expect(result.frames.filter((f) => f.direction === 'out' && f.messageType === 3 && f.action === 'SecurityEventNotification')).toHaveLength(2);
});

test('no startup event at all: the case fails, naming the event the station sent instead', async () => {
  const { result } = await bootedAgainst(false);
  expect(`${result.verdict}: ${result.reason}`).toMatch(/^failed: .*StartupOfTheDevice or ResetOrReboot \(received only InvalidCsmsCertificate\)/);
});
