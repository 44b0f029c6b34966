// A step that takes a SUT CALL and never answers it leaves the SUT waiting: the case ends with a warning naming the CALL, unless the step left it unanswered on purpose.
import { defineTestCase, type TestCase } from '../../src/engine/testcase';
import { scriptedRun, type ScriptedRun, type ScriptedStation } from '../peers/scripted-station';

jest.setTimeout(30_000);

/** A probe case (not a Part 6 case): the harness triggers a Heartbeat, takes it in a step and answers it, forgets it, or leaves it on purpose. */
const heartbeatProbe = (id: string, handling: 'answer' | 'forget' | 'onPurpose' | 'answererForgets'): TestCase =>
  defineTestCase({
    id,
    name: `probe: a step takes a Heartbeat and ${handling === 'answer' ? 'answers it' : handling === 'forget' ? 'forgets to answer it' : 'leaves it unanswered on purpose'}`,
    sut: 'CS',
    useCases: ['G02'],
    requirements: [],
    detects: [],
    async run({ csms, step, check }) {
      // An answerer that takes every Heartbeat for itself and never answers (a harness bug of its own kind).
      if (handling === 'answererForgets') csms.answerWith((call) => call.action === 'Heartbeat');
      if (handling === 'answererForgets') {
        const trigger = await csms.call('TriggerMessage', { requestedMessage: 'Heartbeat' });
        check.equal('TriggerMessageResponse.status', trigger.status, 'Accepted');
        await csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
        return;
      }
      await step('the station sends a Heartbeat on request; the step takes it', async () => {
        const heartbeat = csms.expect('Heartbeat');
        const trigger = await csms.call('TriggerMessage', { requestedMessage: 'Heartbeat' });
        check.equal('TriggerMessageResponse.status', trigger.status, 'Accepted');
        const call = await heartbeat;
        if (handling === 'answer') call.respond({ currentTime: new Date().toISOString() });
        if (handling === 'onPurpose') call.leaveUnanswered();
      });
    },
  });

const script = {
  answer(action: string, _payload: Record<string, unknown>, station: ScriptedStation) {
    if (action !== 'TriggerMessage') return undefined;
    setImmediate(() => void station.send('Heartbeat', {}));
    return { result: { status: 'Accepted' } };
  },
};

const forgotten = (warnings: readonly string[] | undefined) => (warnings ?? []).filter((w) => /did not answer it before the case ended/.test(w));

let run: ScriptedRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe('a CALL a step took', () => {
  test('answered by the step: no warning', async () => {
    run = await scriptedRun(script);
    const result = await run.run(heartbeatProbe('TC_P_94_CS', 'answer'));
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    expect(forgotten(result.warnings)).toEqual([]);
  });

  test('forgotten by the step: a warning names it', async () => {
    run = await scriptedRun(script);
    const result = await run.run(heartbeatProbe('TC_P_95_CS', 'forget'));
    expect(forgotten(result.warnings)).toEqual([expect.stringMatching(/^the harness took Heartbeat \(message \S+\) and did not answer it before the case ended/)]);
  });

  test('taken by an answerer that never answers: a warning names it', async () => {
    run = await scriptedRun(script);
    const result = await run.run(heartbeatProbe('TC_P_89_CS', 'answererForgets'));
    expect(forgotten(result.warnings)).toEqual([expect.stringMatching(/^the harness took Heartbeat \(message \S+\) and did not answer it before the case ended/)]);
  });

  test('left unanswered on purpose: no warning', async () => {
    run = await scriptedRun(script);
    const result = await run.run(heartbeatProbe('TC_P_96_CS', 'onPurpose'));
    expect(forgotten(result.warnings)).toEqual([]);
  });
});
