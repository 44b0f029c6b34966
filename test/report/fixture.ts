// A synthetic run covering every shape reporters must handle: nested steps, failures, hostile SUT text.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CaseInfo, CaseResult, FrameRecord, RunResult, StepRecord } from '../../src/engine/results';

/** SUT text a report must never let through unescaped. */
export const HOSTILE = '<script>alert(1)</script> ]]> \u0001\u001b[31m';

/** Case facts with defaults. */
function info(id: string, name: string, extra: Partial<CaseInfo> = {}): CaseInfo {
  return { id, name, sut: 'CS', block: 'B', useCases: ['B01'], requirements: ['B01.FR.01'], detects: [], ...extra };
}

/** A frame at a given second of the run. */
function frame(second: number, direction: 'in' | 'out', raw: string, extra: Partial<FrameRecord> = {}): FrameRecord {
  return { at: `2024-05-01T10:00:${String(second).padStart(2, '0')}.000Z`, direction, raw, connection: 'c1', ...extra };
}

/** A step with defaults. */
function step(title: string, extra: Partial<StepRecord> = {}): StepRecord {
  return { title, startedAt: '2024-05-01T10:00:01.000Z', durationMs: 10, status: 'passed', validations: [], steps: [], frameIds: [], ...extra };
}

const passed: CaseResult = {
  info: info('TC_B_01_CS', 'Cold Boot Charging Station - Accepted', { useCases: ['B01', 'B02'], requirements: ['B01.FR.01', 'B01.FR.02'], detects: ['no BootNotification'] }),
  verdict: 'passed',
  reason: 'all validations held',
  startedAt: '2024-05-01T10:00:00.000Z',
  durationMs: 42,
  steps: [
    step('1. Boot', {
      frameIds: [0, 1],
      validations: [{ label: 'BootNotificationRequest.reason', expected: 'PowerUp', actual: 'PowerUp', ok: true }],
      steps: [
        step('1.1 StatusNotification', {
          frameIds: [2],
          validations: [{ label: 'connectorStatus', expected: 'Available', actual: 'Available', ok: true }],
        }),
      ],
    }),
  ],
  frames: [
    frame(1, 'in', '[2,"m1","BootNotification",{"reason":"PowerUp"}]', { messageType: 2, messageId: 'm1', action: 'BootNotification' }),
    frame(2, 'out', '[3,"m1",{"status":"Accepted"}]', { messageType: 3, messageId: 'm1', action: 'BootNotification' }),
    frame(3, 'in', `[2,"m2","StatusNotification",{"note":"<script>alert(1)</script> ]]>"}]`, { messageType: 2, messageId: 'm2', action: 'StatusNotification' }),
  ],
  connectionEvents: [
    { at: '2024-05-01T10:00:01.000Z', connection: 'c1', event: 'opened', detail: 'ws://cs' },
    { at: '2024-05-01T10:00:05.000Z', connection: 'c1', event: 'closed', detail: '1000' },
  ],
  prompts: [{ at: '2024-05-01T10:00:00.500Z', instruction: 'Power on the station', answer: 'done', answeredBy: 'terminal', waitedMs: 300 }],
};

const failed: CaseResult = {
  info: info('TC_B_02_CS', 'Cold Boot - Pending', { requirements: [] }),
  verdict: 'failed',
  reason: `status was ${HOSTILE}`,
  startedAt: '2024-05-01T10:00:10.000Z',
  durationMs: 1500,
  steps: [
    step('1. Boot', {
      status: 'failed',
      error: 'validation failed',
      frameIds: [0],
      validations: [{ label: 'status', expected: 'Pending', actual: HOSTILE, ok: false }],
    }),
  ],
  frames: [frame(11, 'in', HOSTILE, { problem: 'not JSON' })],
  connectionEvents: [],
  prompts: [],
};

const inconclusive: CaseResult = {
  info: info('TC_B_03_CS', 'Offline boot'),
  verdict: 'inconclusive',
  reason: 'operator could not unplug',
  startedAt: '2024-05-01T10:00:20.000Z',
  durationMs: 5,
  steps: [step('1. Unplug', { status: 'broken' })],
  frames: [],
  connectionEvents: [{ at: '2024-05-01T10:00:20.000Z', connection: 'c2', event: 'refused', detail: 'ECONNREFUSED' }],
  prompts: [{ at: '2024-05-01T10:00:20.000Z', instruction: 'Unplug', answer: 'cannot', answeredBy: 'terminal', waitedMs: 1 }],
};

const notApplicable: CaseResult = {
  info: info('TC_C_01_CS', 'Local authorization', { block: 'C', useCases: ['C01'] }),
  verdict: 'notApplicable',
  reason: 'station has no local list',
  startedAt: '2024-05-01T10:00:30.000Z',
  durationMs: 0,
  steps: [],
  frames: [],
  connectionEvents: [],
  prompts: [],
};

/** The four cases of the sample run, in run order. */
export const CASES: readonly CaseResult[] = [passed, failed, inconclusive, notApplicable];

/** A run of the sample cases, writing under `outDir`. */
export function sampleRun(outDir: string): RunResult {
  return {
    info: {
      runId: 'run-1',
      toolVersion: '0.1.0',
      sut: 'CS',
      target: 'ws://127.0.0.1:9000',
      fault: 'reject-boot',
      profiles: ['core'],
      startedAt: '2024-05-01T10:00:00.000Z',
      outDir,
    },
    cases: CASES,
    durationMs: 31000,
  };
}

/** A fresh empty folder under the OS temp dir for one test's outputs. */
export function tempOutDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ocpp-ct-report-'));
}

/** A stream that keeps what is written to it; `isTTY` pretends to be a terminal. */
export class CaptureStream extends Writable {
  text = '';

  constructor(readonly isTTY = false) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}
