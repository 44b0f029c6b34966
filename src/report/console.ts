// Shows a run's progress live in a terminal, and a verdict table at the end.
import type { CaseInfo, CaseResult, RunInfo, RunResult, Verdict } from '../engine/results';
import { countVerdicts, type NamedReporter, sutSideName, VERDICTS } from './common';

/** How each verdict looks: a symbol and an ANSI colour code. */
const LOOK: Readonly<Record<Verdict, { readonly symbol: string; readonly color: number }>> = {
  passed: { symbol: '✔', color: 32 },
  failed: { symbol: '✘', color: 31 },
  inconclusive: { symbol: '?', color: 33 },
  error: { symbol: '!', color: 35 },
  notApplicable: { symbol: '–', color: 90 },
  notImplemented: { symbol: '○', color: 36 },
  notRun: { symbol: '·', color: 90 },
};

/** Width of the verdict column: the longest verdict name. */
const VERDICT_WIDTH = Math.max(...VERDICTS.map((v) => v.length));

/** Longest case name shown in a progress line. */
const NAME_CHARS = 60;

/** Longest reason shown in the final table. */
const REASON_CHARS = 80;

/** SUT-supplied text made safe for a terminal: one line, no control characters (no escape sequences). */
export function oneLine(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ').trim();
}

/** Text cut to `max` characters, marked with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Whether to colour output on this stream: a TTY, unless NO_COLOR is set. */
function wantsColor(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true && !process.env.NO_COLOR;
}

/** Formats lines for one stream, in colour or not. */
class ConsoleFormat {
  constructor(private readonly color: boolean) {}

  /** A verdict with its symbol, padded to the verdict column. */
  verdict(v: Verdict): string {
    return this.paint(v, `${LOOK[v].symbol} ${v.padEnd(VERDICT_WIDTH)}`);
  }

  /** The progress line of an ended case, plus its reason when it did not pass. */
  caseEnd(c: CaseResult): string[] {
    const line = `${this.verdict(c.verdict)}  ${c.info.id}  ${truncate(oneLine(c.info.name), NAME_CHARS)} (${c.durationMs} ms)`;
    // A notImplemented case always has the same kind of reason: the line says enough.
    const warnings = (c.warnings ?? []).map((w) => `    warning (clean-up, not the verdict): ${oneLine(w)}`);
    return c.verdict === 'passed' || c.verdict === 'notImplemented' || c.resumed ? [line, ...warnings] : [line, `    ${oneLine(c.reason)}`, ...warnings];
  }

  /** The header printed when a run begins. */
  runBegin(info: RunInfo, planned: readonly CaseInfo[]): string[] {
    const fault = info.fault ? ` (fault: ${info.fault})` : '';
    return [`ocpp-ct ${info.toolVersion}  run ${info.runId}: ${planned.length} case(s) against ${sutSideName(info.sut)} ${info.target}${fault}`];
  }

  /** The verdict table and the counts printed when a run ends (an interrupted run says so, and how many cases never ran). */
  runEnd(run: RunResult): string[] {
    const table = this.table(run);
    if (!run.interrupted) return table;
    const notRun = run.cases.filter((c) => c.verdict === 'notRun').length;
    return [...table, `Interrupted: ${notRun} case(s) did not run (listed as notRun); \`ocpp-ct run --resume ${run.info.outDir}\` runs them`];
  }

  /** The verdict table and the counts. */
  private table(run: RunResult): string[] {
    const rows = run.cases.map((c) => ({ id: c.info.id, verdict: c.verdict, ms: String(c.durationMs), reason: truncate(oneLine(c.reason), REASON_CHARS) }));
    const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
    const msWidth = Math.max(2, ...rows.map((r) => r.ms.length));
    const header = `${'ID'.padEnd(idWidth)}  ${'  VERDICT'.padEnd(VERDICT_WIDTH + 2)}  ${'MS'.padStart(msWidth)}  REASON`;
    const lines = rows.map((r) => `${r.id.padEnd(idWidth)}  ${this.verdict(r.verdict)}  ${r.ms.padStart(msWidth)}  ${r.reason}`);
    return ['', header, ...lines, '', this.counts(run)];
  }

  /** `N case(s): 1 passed, …` with the run's duration. */
  private counts(run: RunResult): string {
    const counts = countVerdicts(run.cases);
    // notRun is listed only when some case did not run (an interrupted run).
    const parts = VERDICTS.filter((v) => v !== 'notRun' || counts[v] > 0).map((v) => (counts[v] > 0 ? this.paint(v, `${counts[v]} ${v}`) : `0 ${v}`));
    return `${run.cases.length} case(s): ${parts.join(', ')} in ${(run.durationMs / 1000).toFixed(1)} s`;
  }

  /** Text in the colour of a verdict, when colouring. */
  private paint(v: Verdict, text: string): string {
    return this.color ? `\u001b[${LOOK[v].color}m${text}\u001b[0m` : text;
  }
}

/**
 * Reporter printing a header when the run begins, a line per case as it ends
 * (`✔ passed  TC_B_01_CS  Cold Boot… (42 ms)`), and a verdict table with counts at the end.
 * Colours only when `stream` is a TTY and NO_COLOR is not set.
 */
export function createConsoleReporter(stream: NodeJS.WritableStream = process.stdout): NamedReporter {
  const format = new ConsoleFormat(wantsColor(stream));
  const print = (lines: readonly string[]): void => {
    stream.write(lines.map((l) => `${l}\n`).join(''));
  };
  return {
    name: 'console',
    onRunBegin: (info, planned) => print(format.runBegin(info, planned)),
    onCaseEnd: (result) => print(format.caseEnd(result)),
    onRunEnd: (run) => print(format.runEnd(run)),
  };
}
