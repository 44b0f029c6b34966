/** OCPP-J RPC errors (Part 4): one class per CALLERROR code, so callers can `instanceof` or switch on `code`. */

/** The CALLERROR error codes of OCPP-J 2.0.1, with what each one means (our wording). */
export const RPC_ERROR_CODES = {
  FormatViolation: 'the payload is not syntactically valid for the action',
  GenericError: 'an error that no more specific code covers',
  InternalError: 'the receiver failed internally while processing the action',
  MessageTypeNotSupported: 'the receiver does not support the message type number',
  NotImplemented: 'the receiver does not know the action',
  NotSupported: 'the receiver knows the action but does not support it',
  OccurrenceConstraintViolation: 'a field is missing or occurs too often',
  PropertyConstraintViolation: 'a field holds a value that is not allowed',
  ProtocolError: 'the payload does not follow the structure of the PDU',
  RpcFrameworkError: 'the frame is not a valid RPC request (e.g. no readable message id)',
  SecurityError: 'a security issue prevented the receiver from completing the action',
  TypeConstraintViolation: 'a field has the wrong data type',
} as const;

/** One of the CALLERROR codes of Part 4. */
export type RpcErrorCode = keyof typeof RPC_ERROR_CODES;

/** True when `code` is one of the CALLERROR codes Part 4 defines. */
export function isRpcErrorCode(code: unknown): code is RpcErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(RPC_ERROR_CODES, code);
}

/** A CALLERROR received from, or to be sent to, the peer. */
export class RpcError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string = RPC_ERROR_CODES[code],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = `Rpc${code}Error`;
  }
}

/** Declares a subclass of RpcError fixed to one code. */
function rpcErrorClass<C extends RpcErrorCode>(code: C) {
  return class extends RpcError {
    constructor(message?: string, details?: Record<string, unknown>) {
      super(code, message, details);
    }
  };
}

export const RpcFormatViolationError = rpcErrorClass('FormatViolation');
export const RpcGenericError = rpcErrorClass('GenericError');
export const RpcInternalError = rpcErrorClass('InternalError');
export const RpcMessageTypeNotSupportedError = rpcErrorClass('MessageTypeNotSupported');
export const RpcNotImplementedError = rpcErrorClass('NotImplemented');
export const RpcNotSupportedError = rpcErrorClass('NotSupported');
export const RpcOccurrenceConstraintViolationError = rpcErrorClass('OccurrenceConstraintViolation');
export const RpcPropertyConstraintViolationError = rpcErrorClass('PropertyConstraintViolation');
export const RpcProtocolError = rpcErrorClass('ProtocolError');
export const RpcFrameworkError = rpcErrorClass('RpcFrameworkError');
export const RpcSecurityError = rpcErrorClass('SecurityError');
export const RpcTypeConstraintViolationError = rpcErrorClass('TypeConstraintViolation');
