// The harness's log upload receiver: PUT and POST, raw and multipart, evidence (size, SHA-256, file on disk), failing and holding on purpose.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogReceiver, multipartFile } from '../../src/files/log-receiver';

/** Sends one HTTP request and resolves with the status (0 when the request was dropped). */
function send(url: string, method: string, body: Buffer, headers: Record<string, string> = {}, abortAfterMs?: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method, headers: { 'content-length': String(body.length), ...headers } });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.end(body);
    if (abortAfterMs !== undefined) setTimeout(() => req.destroy(), abortAfterMs);
  });
}

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describe('LogReceiver', () => {
  let dir: string;
  let receiver: LogReceiver;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocppct-logs-'));
    receiver = await LogReceiver.start({ saveDir: dir });
  });
  afterEach(async () => {
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a raw PUT, names the file after the path and keeps it with its size and SHA-256', async () => {
    const body = Buffer.from('diagnostics line 1\n');
    expect(await send(`${receiver.location}station.log`, 'PUT', body)).toBe(201);
    const [upload] = receiver.uploads;
    expect(upload).toMatchObject({ method: 'PUT', fileName: 'station.log', size: body.length, sha256: sha(body), encoding: 'raw', status: 201, answered: true });
    expect(await readFile(upload.savedAs as string)).toEqual(body);
  });

  it('takes a multipart POST and keeps only the file part, by the name Content-Disposition gives', async () => {
    const file = Buffer.from('security event\n');
    const body = Buffer.concat([Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="uploadfile"; filename="sec_20260101.log"\r\nContent-Type: application/octet-stream\r\n\r\n'), file, Buffer.from('\r\n--XyZ--\r\n')]);
    expect(await send(receiver.location, 'POST', body, { 'content-type': 'multipart/form-data; boundary=XyZ' })).toBe(201);
    expect(receiver.uploads[0]).toMatchObject({ method: 'POST', fileName: 'sec_20260101.log', size: file.length, sha256: sha(file), encoding: 'multipart' });
  });

  it('answers 404 outside its location and 405 to other methods, and records both', async () => {
    expect(await send(`${receiver.missingLocation}x.log`, 'PUT', Buffer.from('x'))).toBe(404);
    expect(await send(receiver.location, 'GET', Buffer.alloc(0))).toBe(405);
    expect(receiver.uploads).toHaveLength(0);
    expect(receiver.refusedRequests.map((r) => r.status)).toEqual([404, 405]);
  });

  it('fails on purpose with the status it is given, storing nothing', async () => {
    receiver.setMode({ kind: 'refuse', status: 403 });
    expect(await send(`${receiver.location}a.log`, 'PUT', Buffer.from('a'))).toBe(403);
    expect(receiver.uploads[0]).toMatchObject({ status: 403 });
    expect(receiver.uploads[0].savedAs).toBeUndefined();
  });

  it('holds answers back until released; an upload given up meanwhile stays unanswered', async () => {
    receiver.setMode({ kind: 'holdUntilReleased' });
    const dropped = send(`${receiver.location}first.log`, 'PUT', Buffer.from('1'), {}, 100);
    expect(await dropped).toBe(0);
    const second = send(`${receiver.location}second.log`, 'PUT', Buffer.from('2'));
    await receiver.nextUpload(2000);
    receiver.release();
    expect(await second).toBe(201);
    expect(receiver.uploads.map((u) => [u.fileName, u.held, u.answered])).toEqual([
      ['first.log', true, false],
      ['second.log', true, true],
    ]);
  });

  it('reads the first file part of a multipart body', () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name="f"; filename="x.zip"\r\n\r\nZIP\r\n--b--\r\n');
    expect(multipartFile(body, 'multipart/form-data; boundary=b')).toMatchObject({ fileName: 'x.zip', content: Buffer.from('ZIP') });
  });
});
