// Checks the console reporter's progress lines, final table and colour handling.
import { createConsoleReporter, oneLine, Progress, truncate } from '../../src/report/console';
import { CaptureStream, CASES, sampleRun } from './fixture';

/** Runs the console reporter through a whole sample run; returns what it printed. */
async function printRun(stream: CaptureStream): Promise<string> {
  const reporter = createConsoleReporter(stream);
  const run = sampleRun('/unused');
  await reporter.onRunBegin?.(run.info, CASES.map((c) => c.info));
  for (const c of CASES) await reporter.onCaseEnd?.(c);
  await reporter.onRunEnd?.(run);
  return stream.text;
}

describe('console reporter', () => {
  const noColor = process.env.NO_COLOR;
  afterEach(() => {
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  });

  it('prints a header, a line per case and a verdict table with counts, without colours off a TTY', async () => {
    const lines = (await printRun(new CaptureStream())).split('\n');
    expect(lines[0]).toBe('ocpp-ct 0.1.0  run run-1: 4 case(s) against Charging Station ws://127.0.0.1:9000 (fault: reject-boot)');
    expect(lines[1]).toBe('✔ passed          TC_B_01_CS  Cold Boot Charging Station - Accepted (42 ms)');
    expect(lines[2]).toBe('✘ failed          TC_B_02_CS  Cold Boot - Pending (1500 ms)');
    expect(lines[3]).toBe('    status was <script>alert(1)</script> ]]>  [31m');
    expect(lines).toContain('? inconclusive    TC_B_03_CS  Offline boot (5 ms)');
    expect(lines).toContain('– notApplicable   TC_C_01_CS  Local authorization (0 ms)');
    expect(lines).toContain('ID            VERDICT           MS  REASON');
    expect(lines).toContain('TC_B_02_CS  ✘ failed          1500  status was <script>alert(1)</script> ]]>  [31m');
    expect(lines).toContain('4 case(s): 1 passed, 1 failed, 1 inconclusive, 1 notApplicable, 0 error, 0 notImplemented in 31.0 s');
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  it('colours verdicts on a TTY, unless NO_COLOR is set', async () => {
    delete process.env.NO_COLOR;
    const text = await printRun(new CaptureStream(true));
    expect(text).toContain('\u001b[32m✔ passed');
    expect(text).toContain('\u001b[31m✘ failed');
    process.env.NO_COLOR = '1';
    expect(await printRun(new CaptureStream(true))).not.toContain('\u001b[');
  });

  it('flattens and truncates SUT text', () => {
    expect(oneLine('a\r\n\u001b[2Jb ')).toBe('a [2Jb');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcd', 4)).toBe('abcd');
  });
});

describe('console progress and styles', () => {
  it('the live line counts, names failures, estimates the time left and shows the case and step in progress', () => {
    const progress = new Progress();
    progress.begin(4, 0);
    progress.caseBegin('TC_B_01_CS');
    progress.stepBegin('TC_B_01_CS', 0);
    progress.caseEnd(CASES[0]);
    progress.caseBegin('TC_B_02_CS');
    progress.stepBegin('TC_B_02_CS', 0);
    progress.stepBegin('TC_B_02_CS', 1); // a nested step does not count
    progress.stepBegin('TC_B_02_CS', 0);
    expect(progress.line(10_000)).toBe('[1/4] 25 % · 0 not passed · ETA 30 s · TC_B_02_CS step 2');
    progress.caseEnd(CASES[1]);
    expect(progress.line(70_000)).toBe('[2/4] 50 % · 1 not passed · ETA 1 m 10 s');
  });

  it('on a TTY draws the live line below the output and clears it before each new line and at the end', async () => {
    const stream = new CaptureStream(true);
    const reporter = createConsoleReporter(stream, { live: true });
    const run = sampleRun('/unused');
    await reporter.onRunBegin?.(run.info, CASES.map((c) => c.info));
    await reporter.onCaseBegin?.(CASES[0].info);
    expect(stream.text.endsWith('[0/4] 0 % · 0 not passed · TC_B_01_CS step 0')).toBe(true);
    await reporter.onCaseEnd?.(CASES[0]);
    expect(stream.text).toContain(`\r${' '.repeat('[0/4] 0 % · 0 not passed · TC_B_01_CS step 0'.length)}\r`);
    await reporter.onRunEnd?.(run);
    expect(stream.text.split('\n').at(-1)).toBe(''); // the table ends the output: no status line left behind
  });

  it('off a TTY (CI) prints plain lines only', async () => {
    const text = await printRun(new CaptureStream(false));
    expect(text).not.toContain('\r');
    expect(text).not.toContain('not passed ·');
  });

  it('the dot style prints a character per case, then the table', async () => {
    const stream = new CaptureStream();
    const reporter = createConsoleReporter(stream, { style: 'dot' });
    const run = sampleRun('/unused');
    await reporter.onRunBegin?.(run.info, CASES.map((c) => c.info));
    for (const c of CASES) await reporter.onCaseEnd?.(c);
    await reporter.onRunEnd?.(run);
    expect(stream.text.split('\n')[1]).toBe('.F?-');
    expect(stream.text).toContain('ID ');
  });

  it('the json style prints one JSON object per line', async () => {
    const stream = new CaptureStream();
    const reporter = createConsoleReporter(stream, { style: 'json' });
    const run = sampleRun('/unused');
    await reporter.onRunBegin?.(run.info, CASES.map((c) => c.info));
    for (const c of CASES) await reporter.onCaseEnd?.(c);
    await reporter.onRunEnd?.(run);
    const events = stream.text.trim().split('\n').map((l) => JSON.parse(l) as { event: string; id?: string; verdict?: string });
    expect(events.map((e) => e.event)).toEqual(['runBegin', 'caseEnd', 'caseEnd', 'caseEnd', 'caseEnd', 'runEnd']);
    expect(events[2]).toMatchObject({ id: 'TC_B_02_CS', verdict: 'failed' });
  });
});
