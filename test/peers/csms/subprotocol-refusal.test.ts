// Scripted CSMS: agrees to no subprotocol the way Part 4 §3.2 says (a 101 without Sec-WebSocket-Protocol, then a close); TC_B_58_CSMS must pass against it.
import { outcome, runCsmsCases, ScriptedCsms, scriptedDriver, validationsOf } from '../scripted-csms';

/** Completes the handshake without Sec-WebSocket-Protocol when ocpp2.0.1 is not offered, and closes such a connection at once. */
function refusingByEmpty101(): Promise<ScriptedCsms> {
  return ScriptedCsms.start({
    handleProtocols: (offered) => (offered.has('ocpp2.0.1') ? 'ocpp2.0.1' : false),
    onConnection: (session) => {
      if (session.socket.protocol === '') session.socket.close(1002, 'no subprotocol agreed');
    },
  });
}

/** Names the unsupported version in its 101 answer, as a CSMS that does not check the offered subprotocol would. */
function echoingAnyVersion(): Promise<ScriptedCsms> {
  return ScriptedCsms.start({ handleProtocols: (offered) => (offered.has('ocpp2.0.1') ? 'ocpp2.0.1' : [...offered][0]) });
}

const noActions = scriptedDriver((action) => {
  throw new Error(`TC_B_58_CSMS asks for no CSMS action, got ${action.kind}`);
});

test('a 101 without Sec-WebSocket-Protocol, then a close, passes TC_B_58_CSMS', async () => {
  const csms = await refusingByEmpty101();
  try {
    const [result] = await runCsmsCases(csms.url, ['TC_B_58_CSMS'], noActions);
    expect(outcome(result)).toBe('passed: every step and validation passed');
    const validation = validationsOf(result).find((v) => v.label === 'CSMS answer to the upgrade request');
    expect(validation?.actual).toBe('HTTP 101 without Sec-WebSocket-Protocol');
  } finally {
    await csms.close();
  }
});

test('a 101 that names the unsupported version fails TC_B_58_CSMS, quoting it', async () => {
  const csms = await echoingAnyVersion();
  try {
    const [result] = await runCsmsCases(csms.url, ['TC_B_58_CSMS'], noActions);
    expect(outcome(result)).toMatch(/^failed: .*CSMS answer to the upgrade request.*HTTP 101 with Sec-WebSocket-Protocol ocpp0\.1/);
  } finally {
    await csms.close();
  }
});
