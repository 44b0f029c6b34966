// The frame size watch reads WebSocket headers without holding payloads (masked, 64-bit lengths, fragmented messages), and the harness as a station refuses a CSMS's oversized message like the server does.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ProtocolViolation, WireFrame } from '../../src/ocpp/connection';
import { connectOcpp } from '../../src/transport/client';
import { FrameSizeWatch } from '../../src/transport/frame-limit';
import { OCPP_SUBPROTOCOL } from '../../src/transport/security';

/** A WebSocket frame: FIN + opcode, length (7, 16 or 64 bit), optional mask applied to the payload. */
function frame(opcode: number, payload: Buffer, { fin = true, mask }: { fin?: boolean; mask?: Buffer } = {}): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0, length]) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = (fin ? 0x80 : 0) | opcode;
  if (length >= 126 && length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else if (length >= 65_536) {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  header[1] |= 0x80;
  return Buffer.concat([header, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]))]);
}

/** Feeds `bytes` in chunks of `size`, as a socket would. */
function feed(watch: FrameSizeWatch, bytes: Buffer, size: number): void {
  for (let at = 0; at < bytes.length; at += size) watch.feed(bytes.subarray(at, at + size));
}

describe('FrameSizeWatch', () => {
  test.each([1, 3, 7, 4096])('a masked 100 kB message over a 64 kB limit, in chunks of %i bytes: its size and unmasked first bytes', (chunk) => {
    const watch = new FrameSizeWatch(65_536);
    const small = frame(1, Buffer.from('[2,"1","Heartbeat",{}]'), { mask: Buffer.from([1, 2, 3, 4]) });
    const big = frame(1, Buffer.from(`[2,"2","DataTransfer",{"data":"${'x'.repeat(100_000)}"}]`), { mask: Buffer.from([9, 8, 7, 6]) });
    feed(watch, Buffer.concat([small, small, big]), chunk);
    expect(watch.oversized?.size).toBe(100_000 + 34);
    expect(watch.oversized?.firstBytes.toString()).toBe(`[2,"2","DataTransfer",{"data":"${'x'.repeat(120 - 31)}`);
  });

  test('a message fragmented into frames under the limit is judged by its whole length; control frames in between do not count', () => {
    const watch = new FrameSizeWatch(1_000);
    feed(watch, frame(1, Buffer.alloc(600, 'a'), { fin: false }), 512);
    feed(watch, frame(9, Buffer.from('ping')), 512);
    expect(watch.oversized).toBeUndefined();
    feed(watch, frame(0, Buffer.alloc(600, 'b')), 512);
    expect(watch.oversized?.size).toBe(1_200);
    expect(watch.oversized?.firstBytes.toString()).toBe('b'.repeat(120));
  });

  test('messages under the limit, one after another, are never reported', () => {
    const watch = new FrameSizeWatch(70_000);
    for (let i = 0; i < 20; i++) feed(watch, frame(1, Buffer.alloc(65_000 + i, 'z')), 16_384);
    expect(watch.oversized).toBeUndefined();
  });
});

test('the harness as a station refuses a 10 MB message from the CSMS: close 1009, a frame record and a violation with its size', async () => {
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true, handleProtocols: () => OCPP_SUBPROTOCOL });
  server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => ws.send(`[2,"big","Reset",{"type":"${'R'.repeat(10 * 1024 * 1024)}"}]`)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  try {
    const frames: WireFrame[] = [];
    const violations: ProtocolViolation[] = [];
    const connection = await connectOcpp({ csmsUrl: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ocpp`, stationId: 'CS1', connectTimeoutMs: 5_000, callTimeoutMs: 5_000 });
    connection.on('frame', (f: WireFrame) => frames.push(f));
    connection.on('violation', (v: ProtocolViolation) => violations.push(v));
    const code = await new Promise<number>((resolve) => connection.on('close', ({ code: closed }: { code: number }) => resolve(closed)));
    expect([1009, 1006]).toContain(code);
    expect(violations[0]?.description).toMatch(/^a WebSocket message of 10485789 bytes is over limits\.maxFrameBytes \(4194304 bytes\): refused at the socket with close code 1009; it began "\[2,\\"big\\",\\"Reset\\",\{\\"type\\":\\"RRR/);
    expect(frames[0]).toMatchObject({ direction: 'in', raw: expect.stringMatching(/^\[2,"big","Reset",\{"type":"R+$/), problem: expect.stringContaining('a message of 10485789 bytes') });
  } finally {
    wss.close();
    server.close();
  }
});
