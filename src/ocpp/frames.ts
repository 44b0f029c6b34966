/** OCPP-J framing (Part 4): parse a WebSocket text into CALL / CALLRESULT / CALLERROR, or say why it is not one. */
import { randomUUID } from 'node:crypto';
import { isRpcErrorCode, type RpcErrorCode } from './errors';

export const CALL = 2;
export const CALLRESULT = 3;
export const CALLERROR = 4;

/** A request: `[2, messageId, action, payload]`. */
export interface CallFrame {
  readonly type: typeof CALL;
  readonly messageId: string;
  readonly action: string;
  readonly payload: Record<string, unknown>;
}

/** A successful answer: `[3, messageId, payload]`. */
export interface CallResultFrame {
  readonly type: typeof CALLRESULT;
  readonly messageId: string;
  readonly payload: Record<string, unknown>;
}

/** An error answer: `[4, messageId, errorCode, errorDescription, errorDetails]`. */
export interface CallErrorFrame {
  readonly type: typeof CALLERROR;
  readonly messageId: string;
  readonly errorCode: RpcErrorCode;
  readonly errorDescription: string;
  readonly errorDetails: Record<string, unknown>;
}

export type Frame = CallFrame | CallResultFrame | CallErrorFrame;

/** Why a text is not a usable OCPP-J frame; `messageId` is set when it could still be read (Part 4 answers "-1" otherwise). */
export interface FrameDefect {
  readonly type: 'defect';
  readonly code: 'RpcFrameworkError' | 'MessageTypeNotSupported' | 'FormatViolation' | 'ProtocolError';
  readonly reason: string;
  readonly messageId?: string;
  readonly messageType?: number;
}

/** Part 4: message ids are strings of at most 36 characters. */
export const MAX_MESSAGE_ID_LENGTH = 36;

/** A fresh message id (a UUID: 36 characters, as Part 4 allows). */
export function newMessageId(): string {
  return randomUUID();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses one WebSocket text message. Never throws: a bad frame comes back as a FrameDefect saying why. */
export function parseFrame(text: string): Frame | FrameDefect {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { type: 'defect', code: 'RpcFrameworkError', reason: `not JSON: ${(e as Error).message}` };
  }
  if (!Array.isArray(value)) return { type: 'defect', code: 'RpcFrameworkError', reason: 'not a JSON array' };
  const [messageType, messageId] = value;
  if (typeof messageId !== 'string' || messageId.length === 0 || messageId.length > MAX_MESSAGE_ID_LENGTH) {
    return { type: 'defect', code: 'RpcFrameworkError', reason: `message id is not a string of 1 to ${MAX_MESSAGE_ID_LENGTH} characters`, messageType: typeof messageType === 'number' ? messageType : undefined };
  }
  switch (messageType) {
    case CALL:
      return parseCall(value, messageId);
    case CALLRESULT:
      if (value.length !== 3) return defect('ProtocolError', `a CALLRESULT has 3 elements, this one has ${value.length}`, messageId, CALLRESULT);
      if (!isObject(value[2])) return defect('FormatViolation', 'the CALLRESULT payload is not a JSON object', messageId, CALLRESULT);
      return { type: CALLRESULT, messageId, payload: value[2] };
    case CALLERROR:
      return parseCallError(value, messageId);
    default:
      return defect('MessageTypeNotSupported', `message type ${JSON.stringify(messageType)} is not 2, 3 or 4`, messageId);
  }
}

function defect(code: FrameDefect['code'], reason: string, messageId: string, messageType?: number): FrameDefect {
  return { type: 'defect', code, reason, messageId, messageType };
}

function parseCall(value: unknown[], messageId: string): CallFrame | FrameDefect {
  if (value.length !== 4) return defect('ProtocolError', `a CALL has 4 elements, this one has ${value.length}`, messageId, CALL);
  const [, , action, payload] = value;
  if (typeof action !== 'string' || action.length === 0) return defect('ProtocolError', 'the CALL action is not a non-empty string', messageId, CALL);
  if (!isObject(payload)) return defect('FormatViolation', 'the CALL payload is not a JSON object', messageId, CALL);
  return { type: CALL, messageId, action, payload };
}

function parseCallError(value: unknown[], messageId: string): CallErrorFrame | FrameDefect {
  if (value.length !== 5) return defect('ProtocolError', `a CALLERROR has 5 elements, this one has ${value.length}`, messageId, CALLERROR);
  const [, , errorCode, errorDescription, errorDetails] = value;
  if (!isRpcErrorCode(errorCode)) return defect('ProtocolError', `CALLERROR code ${JSON.stringify(errorCode)} is not one of Part 4`, messageId, CALLERROR);
  if (typeof errorDescription !== 'string') return defect('ProtocolError', 'the CALLERROR description is not a string', messageId, CALLERROR);
  if (!isObject(errorDetails)) return defect('ProtocolError', 'the CALLERROR details are not a JSON object', messageId, CALLERROR);
  return { type: CALLERROR, messageId, errorCode, errorDescription, errorDetails };
}

/** Serialises a frame to its wire text. */
export function serializeFrame(frame: Frame): string {
  switch (frame.type) {
    case CALL:
      return JSON.stringify([CALL, frame.messageId, frame.action, frame.payload]);
    case CALLRESULT:
      return JSON.stringify([CALLRESULT, frame.messageId, frame.payload]);
    case CALLERROR:
      return JSON.stringify([CALLERROR, frame.messageId, frame.errorCode, frame.errorDescription, frame.errorDetails]);
  }
}
