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

/** How the console shows a run, as Playwright's and Vitest's reporters do. */
export type ConsoleStyle = 'list' | 'dot' | 'json';

/** Options of the console reporter. */
export interface ConsoleOptions {
  /** list (default): a line per case; dot: a character per case; json: one JSON object per line, for tools. */
  readonly style?: ConsoleStyle;
  /** A live status line (counter, failures, ETA, the case and step in progress); default: on a TTY outside CI. */
  readonly live?: boolean;
}

/** The character a case gets in the dot style. */
const DOT: Readonly<Record<Verdict, string>> = { passed: '.', failed: 'F', inconclusive: '?', error: '!', notApplicable: '-', notImplemented: 'o', notRun: '_' };

/** `1 m 10 s`, `12 s`. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} m ${s % 60} s` : `${s} s`;
}

/** What the live line shows, kept from the events of the run. */
export class Progress {
  private planned = 0;
  private done = 0;
  private failed = 0;
  private startedAt = Date.now();
  /** Cases in progress and the number of their latest top-level step. */
  private readonly running = new Map<string, number>();
  private latest: string | undefined;

  begin(planned: number, now = Date.now()): void {
    this.planned = planned;
    this.startedAt = now;
  }

  caseBegin(id: string): void {
    this.running.set(id, 0);
    this.latest = id;
  }

  stepBegin(id: string, depth: number): void {
    if (depth === 0 && this.running.has(id)) this.running.set(id, (this.running.get(id) ?? 0) + 1);
    this.latest = id;
  }

  caseEnd(result: CaseResult): void {
    this.running.delete(result.info.id);
    this.done++;
    if (result.verdict !== 'passed' && result.verdict !== 'notApplicable') this.failed++;
    if (this.latest === result.info.id) this.latest = [...this.running.keys()].at(-1);
  }

  /** `[37/184] 20 % · 1 not passed · ETA 1 m 10 s · TC_E_04_CS step 3` */
  line(now = Date.now()): string {
    const total = Math.max(this.planned, this.done);
    const percent = total === 0 ? 100 : Math.floor((this.done / total) * 100);
    const elapsed = now - this.startedAt;
    const eta = this.done > 0 && this.done < total ? ` · ETA ${duration((elapsed / this.done) * (total - this.done))}` : '';
    const current = this.latest ? ` · ${this.latest} step ${this.running.get(this.latest) ?? 0}${this.running.size > 1 ? ` (+${this.running.size - 1} running)` : ''}` : '';
    return `[${this.done}/${total}] ${percent} % · ${this.failed} not passed${eta}${current}`;
  }
}

/**
 * Reporter printing a header when the run begins, each case as it ends (a line, a dot, or a JSON object), and a
 * verdict table with counts at the end. On a TTY outside CI a live status line sits below the output and is redrawn
 * on each event (never on a timer, so an operator prompt stays as it was printed). Colours only on a TTY without NO_COLOR.
 */
export function createConsoleReporter(stream: NodeJS.WritableStream = process.stdout, options: ConsoleOptions = {}): NamedReporter {
  const style = options.style ?? 'list';
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  const live = options.live ?? (tty && !process.env.CI && style !== 'json');
  const format = new ConsoleFormat(style !== 'json' && wantsColor(stream));
  const progress = new Progress();
  let shownWidth = 0;
  let dots = 0;
  // Cleared with spaces, not an escape sequence, so NO_COLOR and dumb terminals see plain text.
  const clearStatus = (): string => {
    if (shownWidth === 0) return '';
    const blank = `\r${' '.repeat(shownWidth)}\r`;
    shownWidth = 0;
    return blank;
  };
  const status = (): string => {
    if (!live) return '';
    const line = truncate(progress.line(), ((stream as { columns?: number }).columns ?? 120) - 1);
    shownWidth = line.length;
    return line;
  };
  const print = (lines: readonly string[], raw = ''): void => {
    stream.write(`${clearStatus()}${raw}${lines.map((l) => `${l}\n`).join('')}${status()}`);
  };
  const json = (event: Record<string, unknown>): void => void stream.write(`${JSON.stringify(event)}\n`);
  return {
    name: 'console',
    onRunBegin: (info, planned) => {
      progress.begin(planned.length);
      if (style === 'json') return json({ event: 'runBegin', runId: info.runId, sut: info.sut, target: info.target, planned: planned.map((c) => c.id) });
      print(format.runBegin(info, planned));
    },
    onCaseBegin: (info) => {
      progress.caseBegin(info.id);
      if (live) print([]);
    },
    onStepBegin: (caseId, _title, depth) => {
      progress.stepBegin(caseId, depth);
      if (live && depth === 0) print([]);
    },
    onCaseEnd: (result) => {
      progress.caseEnd(result);
      if (style === 'json') return json({ event: 'caseEnd', id: result.info.id, verdict: result.verdict, reason: result.reason, durationMs: result.durationMs, ...(result.warnings ? { warnings: result.warnings } : {}) });
      if (style === 'dot') {
        dots++;
        return print([], `${DOT[result.verdict]}${dots % 80 === 0 ? '\n' : ''}`);
      }
      print(format.caseEnd(result));
    },
    onRunEnd: (run) => {
      if (style === 'json') return json({ event: 'runEnd', runId: run.info.runId, interrupted: run.interrupted === true, durationMs: run.durationMs, counts: countVerdicts(run.cases) });
      stream.write(clearStatus());
      if (style === 'dot' && dots % 80 !== 0) stream.write('\n');
      const lines = format.runEnd(run);
      stream.write(lines.map((l) => `${l}\n`).join(''));
    },
  };
}
