// Writes allure-results/ through the Allure SDK, so the rich HTML report (and any Allure tooling) can read a run.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentType, type Label, LabelName, Stage, Status } from 'allure-js-commons';
import { FileSystemWriter, ReporterRuntime } from 'allure-js-commons/sdk/reporter';
import type { CaseInfo, CaseResult, FrameRecord, RunInfo, StepRecord, ValidationRecord, Verdict } from '../engine/results';
import { specification } from '../profiles/part6';
import { profileNamesOf } from '../profiles/profiles';
import { BLOCK_NAMES, caseTitle, type NamedReporter, sutSideName } from './common';
import { caseTimelineJsonl, safeFileName } from './messages';

/** Frames a step's frames.json attachment holds at most (every frame is in the case's frames.jsonl). */
const STEP_MAX_FRAMES = 500;

/** Frames a sequence diagram is drawn for at most (a flood would make a page no browser can show). */
const TRACE_MAX_FRAMES = 2_000;
import { renderTrace } from './trace';

/** The Allure status each verdict is shown with. */
const STATUS: Readonly<Record<Verdict, Status>> = {
  passed: Status.PASSED,
  failed: Status.FAILED,
  inconclusive: Status.BROKEN,
  error: Status.BROKEN,
  notApplicable: Status.SKIPPED,
  // Never "skipped": an incomplete certification run must not look green.
  notImplemented: Status.BROKEN,
  notRun: Status.BROKEN,
};

/** How each non-passed verdict is labelled at the head of its Allure message, so categories and readers tell them apart. */
const MESSAGE_LABEL: Readonly<Partial<Record<Verdict, string>>> = {
  inconclusive: '[inconclusive]',
  error: '[harness error]',
  notImplemented: '[not implemented]',
  notRun: '[not run]',
};

/** Allure categories (categories.json): why each case did not pass, most telling first. */
export const ALLURE_CATEGORIES = [
  { name: 'The SUT broke a requirement', matchedStatuses: ['failed'] },
  { name: 'Inconclusive (operator, driver or precondition)', matchedStatuses: ['broken'], messageRegex: '\\[inconclusive\\][\\s\\S]*' },
  { name: 'Not implemented (a mandatory case has no script yet)', matchedStatuses: ['broken'], messageRegex: '\\[not implemented\\][\\s\\S]*' },
  { name: 'Not run (the run was interrupted)', matchedStatuses: ['broken'], messageRegex: '\\[not run\\][\\s\\S]*' },
  { name: 'Harness error (a bug of ours)', matchedStatuses: ['broken'], messageRegex: '\\[harness error\\][\\s\\S]*' },
] as const;

/** The Allure status of a step. */
const STEP_STATUS: Readonly<Record<StepRecord['status'], Status>> = {
  passed: Status.PASSED,
  failed: Status.FAILED,
  broken: Status.BROKEN,
};

/** Where the Allure results of a run go. */
export function allureResultsDir(outDir: string): string {
  return join(outDir, 'allure-results');
}

/** The epic of a case no Part 5 profile lists. */
export const NO_PROFILE_EPIC = 'No Part 5 profile';

/** The Part 5 profiles a case is shown under: those of the run that list it (all that list it when the run names none). */
export function caseEpics(info: CaseInfo, runProfiles: readonly string[]): string[] {
  const names = profileNamesOf(info.id, info.sut, runProfiles);
  return names.length > 0 ? names : [NO_PROFILE_EPIC];
}

/**
 * The Allure labels of a case: profiles as epics, block as feature, use cases as stories, requirement ids as tags
 * (`verdict` keeps inconclusive and error apart, as both are `broken`, and notApplicable and notImplemented, both `skipped`).
 */
export function allureLabels(info: CaseInfo, verdict: Verdict, epics: readonly string[] = []): Label[] {
  return [
    ...epics.map((value) => ({ name: LabelName.EPIC, value })),
    { name: LabelName.PARENT_SUITE, value: 'OCPP 2.0.1 Part 6' },
    { name: LabelName.SUITE, value: sutSideName(info.sut) },
    { name: LabelName.FEATURE, value: `${info.block} ${BLOCK_NAMES[info.block] ?? ''}`.trimEnd() },
    ...info.useCases.map((value) => ({ name: LabelName.STORY, value })),
    ...info.requirements.map((value) => ({ name: LabelName.TAG, value })),
    // One label per requirement id, whole, so results can be grouped and searched by requirement.
    ...info.requirements.map((value) => ({ name: 'requirement', value })),
    { name: 'sut', value: info.sut },
    { name: 'verdict', value: verdict },
  ];
}

/** The environment.properties entries of a run, then `extra` (the PICS of a certification run). */
function environmentInfo(info: RunInfo, extra: Readonly<Record<string, string>>): Record<string, string | undefined> {
  const profiles = info.profiles.length > 0 ? info.profiles.join(', ') : undefined;
  const spec = specification();
  const specText = `OCPP ${spec.ocppVersion}: ${spec.part5}; ${spec.part6}; errata to ${spec.errata}`;
  return { toolVersion: info.toolVersion, runId: info.runId, sut: info.sut, target: info.target, fault: info.fault, profiles, specification: specText, ...extra };
}

/** Markdown description of a case: what it detects and the notes of its definition; undefined when neither. */
function description(info: CaseInfo): string | undefined {
  const detects = info.detects.map((d) => `- ${d}`).join('\n');
  return [detects && `**Detects**\n\n${detects}`, info.notes].filter(Boolean).join('\n\n') || undefined;
}

/** Writes the Allure result (and attachments) of cases with one SDK runtime. */
class CaseWriter {
  constructor(
    private readonly runtime: ReporterRuntime,
    private readonly runProfiles: readonly string[],
    /** A URL with `{id}` where a requirement id goes (reports.requirementUrl of the run config). */
    private readonly requirementUrl?: string,
    /** Where the messages reporter writes each case's log (copied as the frames.jsonl attachment when it is there). */
    private readonly messagesDir?: string,
  ) {}

  /** Writes one case as one Allure test result. */
  writeCase(c: CaseResult): void {
    const template = this.requirementUrl;
    const start = Date.parse(c.startedAt);
    const uuid = this.runtime.startTest({
      name: caseTitle(c.info),
      fullName: c.info.id,
      labels: allureLabels(c.info, c.verdict, caseEpics(c.info, this.runProfiles)),
      status: STATUS[c.verdict],
      statusDetails: { message: `${MESSAGE_LABEL[c.verdict] ? `${MESSAGE_LABEL[c.verdict]} ` : ''}${c.reason}${c.warnings?.length ? `\n\nWarnings (clean-up after the case, not the verdict):\n${c.warnings.map((w) => `- ${w}`).join('\n')}` : ''}` },
      stage: Stage.FINISHED,
      description: description(c.info),
      // Each requirement id as a link of its own, when the run says where requirements can be read.
      links: template ? c.info.requirements.map((id) => ({ type: 'requirement', name: id, url: template.replace(/\{id\}/g, encodeURIComponent(id)) })) : [],
      start,
    });
    for (const step of c.steps) this.writeStep(uuid, null, step, c.frames);
    // The message log the messages reporter already wrote is copied, not rebuilt (a flood of frames is not held twice).
    const log = this.messagesDir && join(this.messagesDir, `${safeFileName(c.info.id)}.jsonl`);
    if (log && c.frames.length > 0 && existsSync(log)) this.runtime.writeAttachment(uuid, null, 'frames.jsonl', log, { contentType: ContentType.TEXT, fileExtension: '.jsonl' });
    else {
      const timeline = caseTimelineJsonl(c);
      if (timeline) this.attach(uuid, null, 'frames.jsonl', timeline, ContentType.TEXT, '.jsonl');
    }
    // The sequence diagram (harness ↔ SUT, steps as bands, the failing frame marked): one self-contained page, works offline.
    if (c.frames.length > TRACE_MAX_FRAMES) this.attach(uuid, null, 'sequence diagram (left out)', `${c.frames.length} frames are more than a diagram can show (${TRACE_MAX_FRAMES}); every frame is in frames.jsonl\n`, ContentType.TEXT, '.txt');
    else if (c.frames.length > 0) this.attach(uuid, null, 'sequence diagram', renderTrace(c), ContentType.HTML, '.html');
    if (c.prompts.length > 0) this.attachJson(uuid, null, 'prompts.json', c.prompts);
    this.runtime.stopTest(uuid, { stop: start + c.durationMs });
    this.runtime.writeTest(uuid);
  }

  /** Writes a step, its validations as sub-steps, its own sub-steps and its frames as an attachment. */
  private writeStep(root: string, parent: string | null, step: StepRecord, frames: readonly FrameRecord[]): void {
    const start = Date.parse(step.startedAt);
    const uuid = this.startStep(root, parent, {
      name: step.title,
      status: STEP_STATUS[step.status],
      statusDetails: step.error === undefined ? {} : { message: step.error },
      start,
    });
    for (const v of step.validations) this.writeValidation(root, uuid, v, start);
    for (const child of step.steps) this.writeStep(root, uuid, child, frames);
    const ids = step.frameIds.filter((i) => frames[i] !== undefined);
    const stepFrames = ids.slice(0, STEP_MAX_FRAMES).map((index) => ({ index, ...frames[index] }));
    if (ids.length > STEP_MAX_FRAMES) this.attach(root, uuid, `frames.json (the first ${STEP_MAX_FRAMES} of ${ids.length}; all in frames.jsonl)`, JSON.stringify(stepFrames), ContentType.JSON, '.json');
    else if (stepFrames.length > 0) this.attachJson(root, uuid, 'frames.json', stepFrames);
    this.runtime.stopStep(uuid, { stop: start + step.durationMs });
  }

  /** Writes a validation as an instant sub-step with `expected` and `actual` parameters. */
  private writeValidation(root: string, parent: string, v: ValidationRecord, at: number): void {
    const uuid = this.startStep(root, parent, {
      name: v.advisory ? `${v.label} (advisory: ${v.ok ? 'met' : 'NOT MET'}, never fails the case)` : v.label,
      status: v.ok || v.advisory ? Status.PASSED : Status.FAILED,
      statusDetails: v.ok ? {} : { message: `expected ${v.expected}, actual ${v.actual}`, expected: v.expected, actual: v.actual },
      parameters: [
        { name: 'expected', value: v.expected },
        { name: 'actual', value: v.actual },
      ],
      start: at,
    });
    this.runtime.stopStep(uuid, { stop: at });
  }

  /** Starts a step under `parent` (a step, or null for the test itself). */
  private startStep(root: string, parent: string | null, step: Parameters<ReporterRuntime['startStep']>[2]): string {
    const uuid = this.runtime.startStep(root, parent, step);
    if (uuid === undefined) throw new Error(`Allure SDK refused step "${step.name}"`);
    return uuid;
  }

  /** Attaches a value as pretty JSON. */
  private attachJson(root: string, step: string | null, name: string, value: unknown): void {
    this.attach(root, step, name, JSON.stringify(value, null, 2), ContentType.JSON, '.json');
  }

  /** Attaches text to the test (`step` null) or to a step. */
  private attach(root: string, step: string | null, name: string, text: string, contentType: ContentType, fileExtension: string): void {
    this.runtime.writeAttachment(root, step, name, Buffer.from(text, 'utf8'), { contentType, fileExtension });
  }
}

/** Options of {@link createAllureReporter}. */
export interface AllureReporterOptions {
  /** A resumed run keeps the results of the cases it takes over; only those of the cases it runs again are replaced. */
  readonly keepExisting?: boolean;
  /** A URL with `{id}` where a requirement id goes: each requirement becomes a link. */
  readonly requirementUrl?: string;
}

/** Removes the Allure results (and their attachments) of the cases `ids` from `dir`. */
async function removeResultsOf(dir: string, ids: ReadonlySet<string>): Promise<void> {
  const files = await readdir(dir).catch(() => [] as string[]);
  for (const file of files.filter((f) => f.endsWith('-result.json'))) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => '');
    let fullName: unknown;
    try {
      fullName = (JSON.parse(text) as { fullName?: unknown }).fullName;
    } catch {
      continue;
    }
    if (typeof fullName !== 'string' || !ids.has(fullName)) continue;
    const attachments = [...text.matchAll(/"source"\s*:\s*"([^"/\\]+)"/g)].map((m) => m[1]);
    await Promise.all([file, ...attachments].map((f) => rm(join(dir, f), { force: true })));
  }
}

/**
 * Reporter writing `<outDir>/allure-results/`: one `*-result.json` per case the moment it ends, its attachments,
 * and at the end the cases that did not run and `environment.properties` (the run facts, then `environment`: the PICS
 * of a certification run). The folder is emptied when the run begins so results of an earlier run never mix in
 * (except for a resumed run: `keepExisting`).
 */
export function createAllureReporter(outDir: string, environment: Readonly<Record<string, string>> = {}, options: AllureReporterOptions = {}): NamedReporter {
  const dir = allureResultsDir(outDir);
  let writer: CaseWriter | undefined;
  let runtime: ReporterRuntime | undefined;
  const writtenIds = new Set<string>();
  const start = async (info: RunInfo, planned: readonly CaseInfo[]): Promise<CaseWriter> => {
    if (options.keepExisting) await removeResultsOf(dir, new Set(planned.map((c) => c.id)));
    else await rm(dir, { recursive: true, force: true });
    runtime = new ReporterRuntime({ writer: new FileSystemWriter({ resultsDir: dir }), environmentInfo: environmentInfo(info, environment), categories: ALLURE_CATEGORIES.map((c) => ({ ...c, matchedStatuses: c.matchedStatuses.map((m) => m as Status) })) });
    return (writer = new CaseWriter(runtime, info.profiles, options.requirementUrl, join(outDir, 'messages')));
  };
  const write = (w: CaseWriter, c: CaseResult): void => {
    if (c.resumed || writtenIds.has(c.info.id)) return;
    writtenIds.add(c.info.id);
    w.writeCase(c);
  };
  return {
    name: 'allure',
    async onRunBegin(info, planned) {
      await start(info, planned);
    },
    onCaseEnd(result) {
      if (writer) write(writer, result);
    },
    async onRunEnd(run) {
      const w = writer ?? (await start(run.info, run.cases.filter((c) => !c.resumed).map((c) => c.info)));
      for (const c of run.cases) write(w, c);
      runtime?.writeEnvironmentInfo();
      runtime?.writeCategoriesDefinitions();
      return (await readdir(dir)).map((f) => join(dir, f));
    },
  };
}
