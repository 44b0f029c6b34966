// `npm run bench`: how fast the harness validates and frames OCPP traffic, and how long each self-test case takes; it reports only and always exits 0.
import { performance } from 'node:perf_hooks';
import { loadCases } from '../src/engine/catalog';
import { REFERENCE_PRESET, resolveConfig } from '../src/engine/config';
import { runCases } from '../src/engine/runner';
import { CALL, newMessageId, parseFrame, serializeFrame } from '../src/ocpp/frames';
import type { TransactionEventRequest } from '../src/ocpp/generated';
import { describeViolations, schemaValidator } from '../src/ocpp/validator';
import { TOOL_VERSION } from '../src/version';

const VALIDATION_TARGET_PER_SECOND = 500_000;
const WARM_UP_ITERATIONS = 50_000;
const MEASURE_MS = 1_500;
/** Cases slower than this wait on a configured duration (a heartbeat interval, a retry back-off), not on the harness. */
const WAITING_CASE_MS = 900;

const AT = '2024-05-01T12:00:00.000Z';

/** A periodic meter-value update of a running transaction, as a station sends it every sample interval. */
const TRANSACTION_EVENT: TransactionEventRequest = {
  eventType: 'Updated',
  timestamp: AT,
  triggerReason: 'MeterValuePeriodic',
  seqNo: 7,
  transactionInfo: { transactionId: 'f3b9c1d2-7a4e-4f0b-9c8d-2e1a5b6c7d8e', chargingState: 'Charging', timeSpentCharging: 1_260 },
  evse: { id: 1, connectorId: 1 },
  idToken: { idToken: '04A2B3C4D5E6F7', type: 'ISO14443' },
  meterValue: [
    {
      timestamp: AT,
      sampledValue: [
        { value: 15_342.5, context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', location: 'Outlet', unitOfMeasure: { unit: 'Wh' } },
        { value: 7_245, context: 'Sample.Periodic', measurand: 'Power.Active.Import', location: 'Outlet', unitOfMeasure: { unit: 'W' } },
        { value: 231.4, context: 'Sample.Periodic', measurand: 'Voltage', phase: 'L1-N', unitOfMeasure: { unit: 'V' } },
        { value: 31.3, context: 'Sample.Periodic', measurand: 'Current.Import', phase: 'L1', unitOfMeasure: { unit: 'A' } },
        { value: 64, context: 'Sample.Periodic', measurand: 'SoC', location: 'EV', unitOfMeasure: { unit: 'Percent' } },
      ],
    },
  ],
};

/** Runs `work` until MEASURE_MS have passed (after a warm-up) and returns operations per second. */
function rate(work: () => boolean): number {
  for (let i = 0; i < WARM_UP_ITERATIONS; i++) if (!work()) throw new Error('the benchmark payload is not valid');
  let done = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let i = 0; i < 10_000; i++) if (work()) done++;
    elapsed = performance.now() - started;
  }
  return (done * 1_000) / elapsed;
}

const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const mean = (values: readonly number[]): number => (values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length);

function benchValidation(): void {
  const validator = schemaValidator();
  const outcome = validator.validate('TransactionEvent', 'request', TRANSACTION_EVENT);
  if (!outcome.valid) throw new Error(`the benchmark payload breaks its schema: ${describeViolations(outcome.violations)}`);

  const validations = rate(() => validator.validate('TransactionEvent', 'request', TRANSACTION_EVENT).valid);
  const verdict = validations >= VALIDATION_TARGET_PER_SECOND ? 'meets' : 'MISSES';
  console.log(`(a) TransactionEventRequest validations: ${perSecond(validations)} (${verdict} the target of ${perSecond(VALIDATION_TARGET_PER_SECOND)})`);

  const text = serializeFrame({ type: CALL, messageId: newMessageId(), action: 'TransactionEvent', payload: TRANSACTION_EVENT as unknown as Record<string, unknown> });
  const frames = rate(() => {
    const frame = parseFrame(text);
    return frame.type === CALL && validator.validate(frame.action, 'request', frame.payload).valid;
  });
  console.log(`(b) CALL frames parsed and validated:    ${perSecond(frames)} (${text.length} characters each)`);
}

async function benchSelfTest(): Promise<void> {
  const config = resolveConfig(REFERENCE_PRESET);
  const timings: { id: string; ms: number; verdict: string }[] = [];
  for (const testCase of loadCases()) {
    const started = performance.now();
    const result = await runCases({
      info: { runId: `bench-${testCase.id}`, toolVersion: TOOL_VERSION, sut: testCase.sut, target: 'reference', profiles: [], startedAt: new Date().toISOString(), outDir: '' },
      cases: [testCase],
      reporter: {},
      target: { kind: 'reference' },
      config,
    });
    timings.push({ id: testCase.id, ms: performance.now() - started, verdict: result.cases[0]?.verdict ?? 'no result' });
  }
  console.log(`(c) self-test against the reference SUTs, one lane per case (${timings.length} cases):`);
  for (const { id, ms, verdict } of timings) console.log(`    ${id.padEnd(16)} ${ms.toFixed(1).padStart(8)} ms  ${verdict}`);
  const waiting = timings.filter((t) => t.ms > WAITING_CASE_MS);
  const quick = timings.filter((t) => t.ms <= WAITING_CASE_MS);
  console.log(`    mean per case:                      ${mean(timings.map((t) => t.ms)).toFixed(1)} ms`);
  console.log(`    mean without configured-wait cases: ${mean(quick.map((t) => t.ms)).toFixed(1)} ms (${quick.length} cases)`);
  console.log(`    cases over ${WAITING_CASE_MS} ms (waiting on a configured duration): ${waiting.map((t) => t.id).join(', ') || 'none'}`);
}

async function main(): Promise<void> {
  console.log(`ocpp-ct ${TOOL_VERSION} benchmarks, Node ${process.version}`);
  benchValidation();
  await benchSelfTest();
  const memory = process.memoryUsage();
  console.log(`memory: rss ${mb(memory.rss)}, heapUsed ${mb(memory.heapUsed)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
