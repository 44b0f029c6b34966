// Pins down OCPP-J framing (Part 4): what parseFrame accepts, which CALLERROR code each defect maps to, and stable serialisation.
import { CALL, CALLERROR, CALLRESULT, MAX_MESSAGE_ID_LENGTH, newMessageId, parseFrame, serializeFrame, type Frame, type FrameDefect } from '../../src/ocpp/frames';

const ID = 'msg-1';

describe('parseFrame on valid frames', () => {
  test('reads a CALL', () => {
    expect(parseFrame(`[2,"${ID}","BootNotification",{"reason":"PowerUp"}]`)).toEqual({ type: CALL, messageId: ID, action: 'BootNotification', payload: { reason: 'PowerUp' } });
  });

  test('reads a CALLRESULT', () => {
    expect(parseFrame(`[3,"${ID}",{"currentTime":"2024-01-01T00:00:00Z"}]`)).toEqual({ type: CALLRESULT, messageId: ID, payload: { currentTime: '2024-01-01T00:00:00Z' } });
  });

  test('reads a CALLERROR', () => {
    expect(parseFrame(`[4,"${ID}","NotImplemented","no such action",{"hint":1}]`)).toEqual({
      type: CALLERROR,
      messageId: ID,
      errorCode: 'NotImplemented',
      errorDescription: 'no such action',
      errorDetails: { hint: 1 },
    });
  });

  test(`accepts a message id of exactly ${MAX_MESSAGE_ID_LENGTH} characters`, () => {
    const id = 'x'.repeat(MAX_MESSAGE_ID_LENGTH);
    expect(parseFrame(`[3,"${id}",{}]`)).toEqual({ type: CALLRESULT, messageId: id, payload: {} });
  });
});

describe('parseFrame on defects', () => {
  const longId = 'x'.repeat(MAX_MESSAGE_ID_LENGTH + 1);
  test.each<[string, string, Omit<FrameDefect, 'type' | 'reason'>, RegExp]>([
    ['not JSON', '[2, "a", ', { code: 'RpcFrameworkError' }, /not JSON/],
    ['a JSON object', '{"type":2}', { code: 'RpcFrameworkError' }, /not a JSON array/],
    ['a JSON string', '"hello"', { code: 'RpcFrameworkError' }, /not a JSON array/],
    ['no message id', '[2]', { code: 'RpcFrameworkError', messageType: CALL }, /message id/],
    ['a numeric message id', '[2,17,"Heartbeat",{}]', { code: 'RpcFrameworkError', messageType: CALL }, /message id/],
    ['an empty message id', '[2,"","Heartbeat",{}]', { code: 'RpcFrameworkError', messageType: CALL }, /message id/],
    ['a message id over 36 characters', `[3,"${longId}",{}]`, { code: 'RpcFrameworkError', messageType: CALLRESULT }, /1 to 36 characters/],
    ['message type 5', `[5,"${ID}",{}]`, { code: 'MessageTypeNotSupported', messageId: ID }, /message type 5/],
    ['message type as a string', `["2","${ID}","Heartbeat",{}]`, { code: 'MessageTypeNotSupported', messageId: ID }, /message type "2"/],
    ['a CALL with 3 elements', `[2,"${ID}","Heartbeat"]`, { code: 'ProtocolError', messageId: ID, messageType: CALL }, /4 elements.*has 3/],
    ['a CALL with an empty action', `[2,"${ID}","",{}]`, { code: 'ProtocolError', messageId: ID, messageType: CALL }, /action/],
    ['a CALLRESULT with 4 elements', `[3,"${ID}",{},{}]`, { code: 'ProtocolError', messageId: ID, messageType: CALLRESULT }, /3 elements.*has 4/],
    ['a CALLERROR with 4 elements', `[4,"${ID}","GenericError",""]`, { code: 'ProtocolError', messageId: ID, messageType: CALLERROR }, /5 elements.*has 4/],
    ['a CALL payload that is an array', `[2,"${ID}","Heartbeat",[]]`, { code: 'FormatViolation', messageId: ID, messageType: CALL }, /payload is not a JSON object/],
    ['a CALL payload that is null', `[2,"${ID}","Heartbeat",null]`, { code: 'FormatViolation', messageId: ID, messageType: CALL }, /payload is not a JSON object/],
    ['a CALLRESULT payload that is a string', `[3,"${ID}","ok"]`, { code: 'FormatViolation', messageId: ID, messageType: CALLRESULT }, /payload is not a JSON object/],
    ['an unknown CALLERROR code', `[4,"${ID}","Oops","",{}]`, { code: 'ProtocolError', messageId: ID, messageType: CALLERROR }, /"Oops" is not one of Part 4/],
    ['a CALLERROR description that is not a string', `[4,"${ID}","GenericError",5,{}]`, { code: 'ProtocolError', messageId: ID, messageType: CALLERROR }, /description/],
    ['CALLERROR details that are not an object', `[4,"${ID}","GenericError","",[]]`, { code: 'ProtocolError', messageId: ID, messageType: CALLERROR }, /details/],
  ])('%s', (_name, text, expected, reason) => {
    const result = parseFrame(text);
    expect(result).toMatchObject({ type: 'defect', ...expected });
    expect((result as FrameDefect).reason).toMatch(reason);
    if (expected.messageId === undefined) expect((result as FrameDefect).messageId).toBeUndefined();
  });
});

describe('serializeFrame', () => {
  test.each<[string, Frame, string]>([
    ['CALL', { type: CALL, messageId: ID, action: 'Heartbeat', payload: {} }, `[2,"${ID}","Heartbeat",{}]`],
    ['CALLRESULT', { type: CALLRESULT, messageId: ID, payload: { currentTime: '2024-01-01T00:00:00Z' } }, `[3,"${ID}",{"currentTime":"2024-01-01T00:00:00Z"}]`],
    ['CALLERROR', { type: CALLERROR, messageId: ID, errorCode: 'FormatViolation', errorDescription: 'bad', errorDetails: {} }, `[4,"${ID}","FormatViolation","bad",{}]`],
  ])('writes a %s as its OCPP-J array and parses back to the same frame', (_name, frame, wire) => {
    expect(serializeFrame(frame)).toBe(wire);
    expect(parseFrame(serializeFrame(frame))).toEqual(frame);
  });
});

describe('newMessageId', () => {
  test('is at most 36 characters and unique', () => {
    const ids = Array.from({ length: 1_000 }, newMessageId);
    for (const id of ids) expect(id.length).toBeGreaterThan(0);
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(MAX_MESSAGE_ID_LENGTH);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
