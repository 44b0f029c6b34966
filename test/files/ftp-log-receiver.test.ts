// The FTP log receiver: a station that uploads only over FTP gets the same evidence (file, size, SHA-256) as over HTTP, and the receiver can refuse on purpose.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'basic-ftp';
import { FtpLogReceiver } from '../../src/files/ftp-log-receiver';
import { loadCases } from '../../src/engine/catalog';
import { runAgainstReference } from '../../src/engine/selftest';

jest.setTimeout(30_000);

/** Uploads `content` as `name` to the folder of `location` (an ftp:// URL with user and password). */
async function upload(location: string, name: string, content: Buffer): Promise<void> {
  const url = new URL(name, location);
  const client = new Client(5_000);
  try {
    await client.access({ host: url.hostname, port: Number(url.port), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
    await client.uploadFrom(Readable.from([content]), decodeURIComponent(url.pathname));
  } finally {
    client.close();
  }
}

describe('FtpLogReceiver', () => {
  let dir: string;
  let receiver: FtpLogReceiver;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocppct-ftp-test-'));
    receiver = await FtpLogReceiver.start({ saveDir: dir });
  });
  afterEach(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('takes a STOR at its location and records file name, size and SHA-256, keeping the file', async () => {
    const content = Buffer.from('2026-12-07 diagnostics of the station\n'.repeat(100));
    const next = receiver.nextUpload(5_000);
    await upload(receiver.location, 'station.log', content);
    const taken = await next;
    expect(taken).toMatchObject({ method: 'STOR', fileName: 'station.log', size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    expect(readFileSync(taken?.savedAs as string)).toEqual(content);
  });

  test('refuses (530 at login) the missing location, a wrong password, and every upload in refuse mode', async () => {
    await expect(upload(receiver.missingLocation, 'station.log', Buffer.from('x'))).rejects.toThrow(/530/);
    await expect(upload(receiver.location.replace(/:[^:@/]+@/, ':wrong@'), 'station.log', Buffer.from('x'))).rejects.toThrow(/530/);
    receiver.setMode({ kind: 'refuse', status: 550 });
    await expect(upload(receiver.location, 'station.log', Buffer.from('x'))).rejects.toThrow(/530/);
    expect(receiver.refusedRequests.map((r) => [r.method, r.status])).toEqual([['LOGIN', 530], ['LOGIN', 530], ['LOGIN', 530]]);
    expect(receiver.uploads).toEqual([]);
  });
});

test('TC_N_25_CS passes against the reference station uploading over FTP, and the upload is evidence with its hash', async () => {
  const testCase = loadCases('CS').find((c) => c.id === 'TC_N_25_CS');
  if (!testCase) throw new Error('TC_N_25_CS is missing');
  const saveDir = mkdtempSync(join(tmpdir(), 'ocppct-ftp-run-'));
  try {
    const result = await runAgainstReference(testCase, undefined, { logReceiver: { scheme: 'ftp', saveDir } });
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    const titles = JSON.stringify(result.steps);
    const evidence = /Evidence: STOR \S+ at [^"]*?: (\d+) bytes, sha256 ([0-9a-f]{64})[^"]*?kept as ([^"]+)"/.exec(titles);
    expect(evidence).not.toBeNull();
    const [, bytes, sha256, savedAs] = evidence as RegExpExecArray;
    const file = readFileSync(savedAs);
    expect(file.length).toBe(Number(bytes));
    expect(createHash('sha256').update(file).digest('hex')).toBe(sha256);
  } finally {
    rmSync(saveDir, { recursive: true, force: true });
  }
});
