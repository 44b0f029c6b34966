// Writes junit.xml, the lowest common denominator every CI system can display.
import { join } from 'node:path';
import type { CaseResult, RunInfo, RunResult, SutRole, StepRecord, ValidationRecord } from '../engine/results';
import { blockSuiteName, caseTitle, countVerdicts, type NamedReporter, RunProgress, serially, sutSideName, writeFileAtomic } from './common';

/** Characters XML 1.0 cannot carry at all, not even as character references. */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replacements for characters with a meaning in markup, and for whitespace parsers would normalise. */
const MARKUP: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** What must be escaped where: attribute values also lose tabs and line breaks to normalisation. */
const SPECIAL = { text: /[&<>"'\r]/g, attribute: /[&<>"'\t\n\r]/g } as const;

/**
 * Escapes text for XML element content or attribute values.
 * Characters XML 1.0 cannot carry (most control characters) become a visible `\u{…}`.
 */
export function escapeXml(text: string, where: keyof typeof SPECIAL = 'attribute'): string {
  return text
    .replace(NOT_XML, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`)
    .replace(SPECIAL[where], (c) => MARKUP[c]);
}

/** Serialises attributes, leaving out undefined ones. */
function attributes(attrs: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

/** One element; `content` is already XML, and none makes it self-closing. */
function element(name: string, attrs: Readonly<Record<string, string | number | undefined>>, content?: string): string {
  const open = `<${name}${attributes(attrs)}`;
  return content === undefined ? `${open}/>` : `${open}>${content}</${name}>`;
}

/** Milliseconds as JUnit seconds. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** One validation as a line of text. */
function validationLine(v: ValidationRecord): string {
  const mark = v.advisory ? (v.ok ? 'advisory ok' : 'advisory NOT MET') : v.ok ? 'ok' : 'FAIL';
  return `[${mark}] ${v.label}: expected ${v.expected}, actual ${v.actual}`;
}

/** A step and its children as indented text lines. */
function stepLines(step: StepRecord, depth: number): string[] {
  const indent = '  '.repeat(depth);
  return [
    `${indent}${step.title} [${step.status}] (${step.durationMs} ms)${step.error ? `: ${step.error}` : ''}`,
    ...step.validations.map((v) => `${indent}  ${validationLine(v)}`),
    ...step.steps.flatMap((s) => stepLines(s, depth + 1)),
  ];
}

/** Every validation of a step tree that did not hold. */
function failedValidations(steps: readonly StepRecord[]): ValidationRecord[] {
  return steps.flatMap((s) => [...s.validations.filter((v) => !v.ok && !v.advisory), ...failedValidations(s.steps)]);
}

/** The `<failure>`, `<error>` or `<skipped>` child of a case, if its verdict needs one. */
function outcomeElement(c: CaseResult): string {
  const detail = escapeXml([c.reason, ...failedValidations(c.steps).map(validationLine)].join('\n'), 'text');
  switch (c.verdict) {
    case 'passed':
      return '';
    case 'failed':
      return element('failure', { message: c.reason, type: c.verdict }, detail);
    case 'inconclusive':
    case 'error':
      return element('error', { message: c.reason, type: c.verdict }, detail);
    case 'notImplemented':
      // A mandatory case with no script makes the run exit 1, so CI must show red too.
      return element('failure', { message: `not implemented: ${c.reason}`, type: 'notImplemented' }, detail);
    case 'notApplicable':
      return element('skipped', { message: c.reason });
    case 'notRun':
      return element('skipped', { message: `notRun: ${c.reason}`, type: 'notRun' });
  }
}

/** One `<testcase>`. */
function testcaseElement(c: CaseResult): string {
  const out = escapeXml(c.steps.flatMap((s) => stepLines(s, 0)).join('\n'), 'text');
  const warnings = c.warnings?.length ? element('system-err', {}, escapeXml(c.warnings.map((w) => `warning (clean-up, not the verdict): ${w}`).join('\n'), 'text')) : '';
  const content = `${outcomeElement(c)}${element('system-out', {}, out)}${warnings}`;
  return element('testcase', { classname: c.info.block, name: caseTitle(c.info), time: seconds(c.durationMs) }, content);
}

/** The run facts as `<properties>`. */
function propertiesElement(info: RunInfo, state?: string): string {
  const props = { toolVersion: info.toolVersion, runId: info.runId, target: info.target, fault: info.fault, profiles: info.profiles.join(','), ...(state ? { state } : {}) };
  const items = Object.entries(props)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => element('property', { name, value }));
  return element('properties', {}, items.join(''));
}

/** The JUnit tallies of some cases: failed and notImplemented are failures, inconclusive and error errors, notApplicable and notRun skipped. */
function tallies(cases: readonly CaseResult[]): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const counts = countVerdicts(cases);
  return { tests: cases.length, failures: counts.failed + counts.notImplemented, errors: counts.inconclusive + counts.error, skipped: counts.notApplicable + counts.notRun };
}

/** One `<testsuite>` for the cases of one SUT side and block, named like `CS · E Transactions`. */
function testsuiteElement(info: RunInfo, sut: SutRole, block: string, cases: readonly CaseResult[], state?: string): string {
  const attrs = {
    name: blockSuiteName(sut, block),
    ...tallies(cases),
    time: seconds(cases.reduce((sum, c) => sum + c.durationMs, 0)),
    timestamp: info.startedAt,
  };
  return element('testsuite', attrs, propertiesElement(info, state) + cases.map(testcaseElement).join(''));
}

/**
 * The whole junit.xml document for a run: one testsuite per SUT side. `state` (a property of each suite) says whether
 * the run was still going when the file was written, or was interrupted.
 */
export function junitXml(run: RunResult, state: string | undefined = run.interrupted ? 'interrupted' : undefined): string {
  const sides = [...new Set([run.info.sut, ...run.cases.map((c) => c.info.sut)])];
  const suites = sides.flatMap((sut) => {
    const ofSide = run.cases.filter((c) => c.info.sut === sut);
    const blocks = [...new Set(ofSide.map((c) => c.info.block))].sort();
    if (blocks.length === 0) return [element('testsuite', { name: sutSideName(sut), ...tallies([]), time: '0.000', timestamp: run.info.startedAt }, propertiesElement(run.info, state))];
    return blocks.map((block) => testsuiteElement(run.info, sut, block, ofSide.filter((c) => c.info.block === block), state));
  });
  const attrs = { name: `ocpp-ct ${run.info.runId}`, ...tallies(run.cases), time: seconds(run.durationMs) };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', attrs, suites.join(''))}\n`;
}

/** Reporter writing `<outDir>/junit.xml` after every case (atomically; cases not reached yet are `notRun`) and at the end. */
export function createJunitReporter(outDir: string): NamedReporter {
  const path = join(outDir, 'junit.xml');
  const progress = new RunProgress();
  const queue = serially();
  const write = (): Promise<void> =>
    queue(async () => {
      const run = progress.snapshot();
      if (run) await writeFileAtomic(path, junitXml(run, 'running'));
    });
  return {
    name: 'junit',
    async onRunBegin(info, planned) {
      progress.begin(info, planned);
      await write();
    },
    async onCaseEnd(result) {
      progress.end(result);
      await write();
    },
    async onRunEnd(run) {
      return [await queue(() => writeFileAtomic(path, junitXml(run)))];
    },
  };
}
