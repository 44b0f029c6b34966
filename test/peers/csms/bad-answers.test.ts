// Scripted CSMS: answers a station CALL with a CALLERROR code only OCPP 1.6 knows, or with a frame that is not JSON; the case must fail at once, its reason quoting that frame.
import { outcome, plainAnswer, runCsmsCases, ScriptedCsms, scriptedDriver, type ScriptedReply } from '../scripted-csms';
import { REFERENCE_PRESET, resolveConfig } from '../../../src/engine/config';

/** The run's message timeout: "at once" means well before it has run. */
const { messageMs } = resolveConfig(REFERENCE_PRESET).timeouts;

/** A CSMS that answers StatusNotification with `reply` and everything else as a plain CSMS does. */
const answeringStatusWith = (reply: ScriptedReply) => ScriptedCsms.start({ answer: (action, payload) => (action === 'StatusNotification' ? reply : plainAnswer(action, payload)) });

const noActions = scriptedDriver((action) => {
  throw new Error(`TC_B_01_CSMS asks for no CSMS action, got ${action.kind}`);
});

test.each<[string, ScriptedReply, RegExp]>([
  ['a 1.6-only CALLERROR code (OccurenceConstraintViolation)', { error: 'OccurenceConstraintViolation', description: 'seen in 1.6' }, /\[4,"[^"]+","OccurenceConstraintViolation","seen in 1.6",\{\}\]/],
  ['a 1.6-only CALLERROR code (FormationViolation)', { error: 'FormationViolation', description: 'bad frame' }, /\[4,"[^"]+","FormationViolation","bad frame",\{\}\]/],
  ['a non-JSON answer', { raw: 'this is not json {' }, /this is not json \{/],
])('%s fails TC_B_01_CSMS at once, quoting the frame', async (_what, reply, quoted) => {
  const csms = await answeringStatusWith(reply);
  try {
    const [result] = await runCsmsCases(csms.url, ['TC_B_01_CSMS'], noActions);
    expect(outcome(result)).toMatch(/^failed: /);
    expect(result.reason).toMatch(/StatusNotification/);
    expect(result.reason).toMatch(quoted);
    // At once: the case ended well before the message timeout had run from the StatusNotification the CSMS answered badly.
    const sent = result.frames.find((f) => f.direction === 'out' && f.messageType === 2 && f.action === 'StatusNotification');
    const endedAt = Date.parse(result.startedAt) + result.durationMs;
    expect(endedAt - Date.parse(sent?.at ?? result.startedAt)).toBeLessThan(messageMs / 2);
  } finally {
    await csms.close();
  }
});
