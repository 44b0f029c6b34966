/** Bounds the size of a WebSocket message a peer can make the harness take: larger ones are refused at the socket (close 1009), with their size and first bytes kept as evidence. */
import type { Duplex } from 'node:stream';
import type WebSocket from 'ws';
import type { OcppConnection, ProtocolViolation, WireFrame } from '../ocpp/connection';

/** The default of `limits.maxFrameBytes`: 4 MiB, far above any OCPP 2.0.1 message a real peer sends. */
export const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** How many bytes of a refused message are kept. */
const FIRST_BYTES = 120;

/** What is known of a message over the limit. */
export interface OversizedMessage {
  /** Its length in bytes, as its frame header(s) announced it. */
  readonly size: number;
  readonly limit: number;
  /** Its first bytes (at most 120, unmasked), as far as they had arrived. */
  readonly firstBytes: Buffer;
}

/**
 * Follows the WebSocket frame headers on a socket's byte stream without holding any payload, so when a message goes
 * over the limit its announced size and first bytes are known (the `ws` library refuses it without saying either).
 */
export class FrameSizeWatch {
  private header = Buffer.alloc(0);
  private remaining = 0;
  private mask: Buffer | undefined;
  private payloadOffset = 0;
  private messageBytes = 0;
  private capture: { bytes: number[]; size: number } | undefined;
  private found: OversizedMessage | undefined;

  constructor(readonly limit: number) {}

  /** The first message over the limit, once its header has been seen. */
  get oversized(): OversizedMessage | undefined {
    if (this.capture && !this.found) return { size: this.capture.size, limit: this.limit, firstBytes: Buffer.from(this.capture.bytes) };
    return this.found;
  }

  /** Reads the next bytes of the stream. */
  feed(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.found) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        if (this.capture) this.keep(chunk.subarray(at, at + take));
        this.remaining -= take;
        this.payloadOffset += take;
        at += take;
        if (this.remaining === 0 && this.capture) this.finishCapture();
        continue;
      }
      const needed = this.headerLength();
      const take = Math.min(needed - this.header.length, chunk.length - at);
      this.header = Buffer.concat([this.header, chunk.subarray(at, at + take)]);
      at += take;
      if (this.header.length === this.headerLength()) this.frameBegins();
    }
  }

  /** Bytes the current header needs, as far as its first two bytes tell. */
  private headerLength(): number {
    if (this.header.length < 2) return 2;
    const length7 = this.header[1] & 0x7f;
    return 2 + (length7 === 126 ? 2 : length7 === 127 ? 8 : 0) + (this.header[1] & 0x80 ? 4 : 0);
  }

  private frameBegins(): void {
    const h = this.header;
    this.header = Buffer.alloc(0);
    const opcode = h[0] & 0x0f;
    const length7 = h[1] & 0x7f;
    const extended = length7 === 126 ? 2 : length7 === 127 ? 8 : 0;
    const length = length7 === 126 ? h.readUInt16BE(2) : length7 === 127 ? Number(h.readBigUInt64BE(2)) : length7;
    this.mask = h[1] & 0x80 ? h.subarray(2 + extended, 6 + extended) : undefined;
    this.remaining = length;
    this.payloadOffset = 0;
    if (opcode < 8) {
      // A data frame; opcode 0 continues the message of the frames before it.
      this.messageBytes = (opcode === 0 ? this.messageBytes : 0) + length;
      if (this.messageBytes > this.limit && !this.capture) this.capture = { bytes: [], size: this.messageBytes };
    }
    if (length === 0 && this.capture) this.finishCapture();
  }

  private keep(bytes: Buffer): void {
    const capture = this.capture as { bytes: number[] };
    for (let i = 0; i < bytes.length && capture.bytes.length < FIRST_BYTES; i++) {
      const offset = this.payloadOffset + i;
      capture.bytes.push(this.mask ? bytes[i] ^ this.mask[offset % 4] : bytes[i]);
    }
    if (capture.bytes.length >= FIRST_BYTES) this.finishCapture();
  }

  private finishCapture(): void {
    const capture = this.capture as { bytes: number[]; size: number };
    this.found = { size: capture.size, limit: this.limit, firstBytes: Buffer.from(capture.bytes) };
  }
}

/** The first bytes of a refused message as text for the evidence (JSON-escaped by whoever writes it). */
export function firstBytesText(message: OversizedMessage): string {
  return message.firstBytes.toString('utf8').replace(/\uFFFD+$/, '');
}

/** The reason a refused message fails the case. */
export function oversizedDescription(message: OversizedMessage): string {
  const start = firstBytesText(message).slice(0, 80);
  return `a WebSocket message of ${message.size} bytes is over limits.maxFrameBytes (${message.limit} bytes): refused at the socket with close code 1009; it began ${JSON.stringify(start)}`;
}

/**
 * Watches `ws` (whose raw socket is `raw`) for a message over `limit`: when `ws` refuses one (it closes with 1009),
 * the connection `connectionOf()` gets a frame record with the size and first bytes, and a protocol violation saying
 * why, before its own (less precise) report of the error. Call before the OcppConnection is made on `ws`.
 */
export function guardFrameSize(ws: WebSocket, raw: Duplex | undefined, limit: number, connectionOf: () => OcppConnection | undefined): void {
  const watch = new FrameSizeWatch(limit);
  // First in line, so the chunk that makes ws refuse the message has been read here before ws reports it.
  raw?.prependListener('data', (chunk: Buffer) => watch.feed(chunk));
  ws.on('error', (error: Error & { code?: string }) => {
    if (error.code !== 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return;
    const connection = connectionOf();
    if (!connection) return;
    const at = new Date();
    const message = watch.oversized ?? { size: limit + 1, limit, firstBytes: Buffer.alloc(0) };
    const sizeText = watch.oversized ? `${message.size} bytes` : `more than ${limit} bytes`;
    connection.emit('frame', { at, direction: 'in', raw: firstBytesText(message), problem: `refused: a message of ${sizeText}, over limits.maxFrameBytes (${limit}); only its first ${message.firstBytes.length} bytes are kept; closed with 1009` } satisfies WireFrame);
    connection.emit('violation', { at, description: watch.oversized ? oversizedDescription(message) : `a WebSocket message of more than ${limit} bytes (limits.maxFrameBytes) was refused at the socket with close code 1009` } satisfies ProtocolViolation);
  });
}

/** The raw socket under a `ws` WebSocket (not part of its typed API, stable across ws 8). */
export function rawSocketOf(ws: WebSocket): Duplex | undefined {
  return (ws as unknown as { _socket?: Duplex })._socket;
}

/** The default of `limits.maxMessagesPerSecond`: far above what any OCPP peer sends (each waits for its answers). */
export const DEFAULT_MAX_MESSAGES_PER_SECOND = 1_000;

/**
 * Stops a flood: when `ws` brings more than `perSecond` messages within one second, the connection `connectionOf()`
 * gets a protocol violation saying so (the case fails with that reason) and the connection is closed with 1008, so a
 * peer that sends faster than the harness can record costs bounded memory instead of all of it. Call before the
 * OcppConnection is made on `ws`, so the count sees each message before it is handled.
 */
export function guardFloods(ws: WebSocket, perSecond: number, connectionOf: () => OcppConnection | undefined): void {
  let windowStart = 0;
  let count = 0;
  let tripped = false;
  ws.on('message', () => {
    if (tripped) return;
    const now = Date.now();
    if (now - windowStart >= 1_000) {
      windowStart = now;
      count = 0;
    }
    if (++count <= perSecond) return;
    tripped = true;
    const description = `the peer sent more than ${perSecond} WebSocket messages within one second (limits.maxMessagesPerSecond), faster than the harness records them: the harness stopped reading and closed the connection with code 1008`;
    connectionOf()?.emit('violation', { at: new Date(), description } satisfies ProtocolViolation);
    ws.pause();
    ws.close(1008, 'message flood');
    // A peer that does not finish the close handshake is cut off.
    setTimeout(() => ws.terminate(), 1_000).unref();
  });
}
