// Assembles the reporters of a run and fans every hook out to them, so one broken reporter never costs the others.
import type { Reporter, RunResult } from '../engine/results';
import { picsEnvironment } from '../profiles/pics';
import { createAllureReporter } from './allure';
import { createAllureHtmlReporter } from './allure-html';
import { type CertificationContext, createCertificationReporter } from './certification';
import type { NamedReporter } from './common';
import { type ConsoleStyle, createConsoleReporter } from './console';
import { createJunitReporter } from './junit';
import { createMessagesReporter } from './messages';
import { createSummaryReporter } from './summary';

export type { NamedReporter } from './common';
export { createAllureReporter, allureResultsDir } from './allure';
export { createAllureHtmlReporter, generateAllureHtml, type AllureHtmlOptions } from './allure-html';
export { createCertificationReporter, type CertificationContext, type CertificationReport, CERTIFICATION_FILES } from './certification';
export { createConsoleReporter } from './console';
export { createJunitReporter, junitXml } from './junit';
export { createMessagesReporter, caseTimeline } from './messages';
export { createSummaryReporter, summarizeRun, type RunState, type RunSummary } from './summary';
export { RUN_FRAMES_FILE } from './messages';

/** Options of {@link createReporters}. */
export interface ReportersOptions {
  /** Folder all report files go to. */
  readonly outDir: string;
  /** Whether to generate the Allure HTML report (takes a second or more). */
  readonly html: boolean;
  /** Stream for live progress (default process.stdout); false for none. */
  readonly console?: NodeJS.WritableStream | false;
  /** How the console shows the run: list (default), dot or json (`--reporter`). */
  readonly consoleStyle?: ConsoleStyle;
  /** For a profile run: the PICS, profiles and selection, for the certification report and Allure's environment. */
  readonly certification?: CertificationContext;
  /** A resumed run (`--resume`): the message logs and Allure results of the cases it takes over stay. */
  readonly resume?: boolean;
  /** reports.requirementUrl of the run config: a URL with `{id}`, making each requirement an Allure link. */
  readonly requirementUrl?: string;
}

/**
 * The standard reporters of a run, in the order they must run: console, summary.json, junit.xml,
 * messages/, allure-results/, (for a profile run) the certification report that hashes those files,
 * then (if `html`) the Allure HTML report built from the results.
 */
export function createReporters(options: ReportersOptions): NamedReporter[] {
  const { outDir } = options;
  return [
    ...(options.console === false ? [] : [createConsoleReporter(options.console, { style: options.consoleStyle })]),
    createSummaryReporter(outDir),
    createJunitReporter(outDir),
    createMessagesReporter(outDir, { keepExisting: options.resume }),
    createAllureReporter(outDir, options.certification ? picsEnvironment(options.certification.pics) : undefined, { keepExisting: options.resume, requirementUrl: options.requirementUrl }),
    ...(options.certification ? [createCertificationReporter(outDir, options.certification)] : []),
    ...(options.html ? [createAllureHtmlReporter(outDir)] : []),
  ];
}

/** A hook call of one reporter that threw. */
export interface ReporterError {
  readonly reporter: string;
  readonly hook: string;
  readonly error: string;
}

/** One reporter standing for several; it never throws, and keeps the errors of the reporters it calls. */
export interface ReporterSet extends Required<Omit<Reporter, 'onRunEnd'>> {
  /** Calls every reporter's onRunEnd; resolves to the union of the paths they wrote. */
  onRunEnd(result: RunResult): Promise<readonly string[]>;
  /** Every error a reporter hook threw (or rejected with), in the order they happened. */
  readonly errors: readonly ReporterError[];
}

/** A hook name of a Reporter. */
type Hook = keyof Reporter;

/** The arguments of a hook. */
type HookArgs<H extends Hook> = Parameters<NonNullable<Reporter[H]>>;

/** The name a reporter is known by in warnings. */
function reporterName(reporter: Reporter, index: number): string {
  const { name } = reporter as Partial<NamedReporter>;
  return typeof name === 'string' ? name : `reporter #${index + 1}`;
}

/** An error as one line of text. */
function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Only string paths from what onRunEnd hooks returned. */
function writtenPaths(outcomes: readonly unknown[]): string[] {
  return outcomes.flatMap((o) => (Array.isArray(o) ? o.filter((p): p is string => typeof p === 'string') : []));
}

/**
 * Combines reporters into one that calls each in order, awaiting each hook before the next reporter.
 * A reporter that throws is recorded in `errors` and warned about on `warnings` (once per reporter and hook),
 * and the others still run. onRunEnd returns the union of the paths every reporter wrote.
 */
export function combineReporters(reporters: readonly Reporter[], warnings: NodeJS.WritableStream = process.stderr): ReporterSet {
  const errors: ReporterError[] = [];
  const warned = new Set<string>();

  const record = (failure: ReporterError): void => {
    errors.push(failure);
    const key = `${failure.reporter}\u0000${failure.hook}`;
    if (warned.has(key)) return;
    warned.add(key);
    warnings.write(`warning: reporter ${failure.reporter} failed in ${failure.hook}: ${failure.error}\n`);
  };

  const call = async <H extends Hook>(hook: H, ...args: HookArgs<H>): Promise<unknown[]> => {
    const outcomes: unknown[] = [];
    for (const [index, reporter] of reporters.entries()) {
      const fn = reporter[hook] as ((...a: HookArgs<H>) => unknown) | undefined;
      if (fn === undefined) continue;
      try {
        outcomes.push(await fn.apply(reporter, args));
      } catch (error) {
        record({ reporter: reporterName(reporter, index), hook, error: describeError(error) });
      }
    }
    return outcomes;
  };

  /** A hook called on every reporter at once, without awaiting: frames can come by the ten thousand, and each must cost no promise chain. */
  const callNow = <H extends 'onFrame' | 'onRunFrame' | 'onRunConnectionEvent'>(hook: H, ...args: HookArgs<H>): void => {
    for (const [index, reporter] of reporters.entries()) {
      const fn = reporter[hook] as ((...a: HookArgs<H>) => unknown) | undefined;
      if (fn === undefined) continue;
      const fail = (error: unknown) => record({ reporter: reporterName(reporter, index), hook, error: describeError(error) });
      try {
        const outcome = fn.apply(reporter, args);
        if (outcome instanceof Promise) outcome.catch(fail);
      } catch (error) {
        fail(error);
      }
    }
  };

  return {
    errors,
    onRunBegin: async (...args) => void (await call('onRunBegin', ...args)),
    onCaseBegin: async (...args) => void (await call('onCaseBegin', ...args)),
    onStepBegin: async (...args) => void (await call('onStepBegin', ...args)),
    onStepEnd: async (...args) => void (await call('onStepEnd', ...args)),
    onFrame: (...args) => callNow('onFrame', ...args),
    onRunFrame: (...args) => callNow('onRunFrame', ...args),
    onRunConnectionEvent: (...args) => callNow('onRunConnectionEvent', ...args),
    onPrompt: async (...args) => void (await call('onPrompt', ...args)),
    onCaseEnd: async (...args) => void (await call('onCaseEnd', ...args)),
    onRunEnd: async (...args) => [...new Set(writtenPaths(await call('onRunEnd', ...args)))],
  };
}
