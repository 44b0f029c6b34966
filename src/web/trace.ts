// The sequence diagram of one case of a run, for the UI: the one the run attached to its Allure results, or one drawn from its message log.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult, ConnectionEventRecord, FrameRecord, Verdict } from '../engine/results';
import { renderTrace } from '../report/trace';
import { HttpError } from './http-error';
import { readRun, refuseLinks, resolveReportFile } from './reports';

/** A case id as it may appear in a request (and as a file name under messages/). */
const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** Returns `id` when it is a well-formed case id; otherwise a 400. */
export function checkCaseId(id: unknown): string {
  if (typeof id !== 'string' || !CASE_ID.test(id)) throw new HttpError(400, 'not a case id (letters, digits, _ . -)');
  return id;
}

/** Frames a diagram is drawn for at most (as for the Allure attachment). */
const MAX_FRAMES = 2_000;

/** The name of the Allure attachment holding a case's sequence diagram. */
const TRACE_ATTACHMENT = 'sequence diagram';

/** The HTML of the sequence diagram Allure holds for case `caseId` of run `runId`, if it does. */
async function fromAllure(root: string, runId: string, caseId: string): Promise<string | undefined> {
  const segments = [...runId.split('/'), 'allure-results'];
  await refuseLinks(root, segments);
  const names = await readdir(join(root, ...segments)).catch(() => [] as string[]);
  const needle = `"fullName":${JSON.stringify(caseId)}`;
  for (const name of names.filter((n) => n.endsWith('-result.json'))) {
    const file = await resolveReportFile(root, [...segments, name]).catch(() => undefined);
    if (!file) continue;
    const text = await readFile(file, 'utf8');
    if (!text.includes(needle)) continue;
    const result = JSON.parse(text) as { fullName?: string; attachments?: { name?: string; source?: string; type?: string }[] };
    if (result.fullName !== caseId) continue;
    const attachment = result.attachments?.find((a) => a.name === TRACE_ATTACHMENT && a.type === 'text/html' && typeof a.source === 'string');
    if (!attachment) return undefined;
    const html = await resolveReportFile(root, [...segments, attachment.source as string]).catch(() => undefined);
    return html && readFile(html, 'utf8');
  }
  return undefined;
}

/** A diagram drawn from messages/<case>.jsonl and the summary's verdict (frames and connection events, without step bands). */
async function fromMessages(root: string, runId: string, caseId: string): Promise<string | undefined> {
  const run = await readRun(root, runId);
  const summaryCase = run?.cases.find((c) => c.id === caseId);
  if (!run || !summaryCase) return undefined;
  const file = await resolveReportFile(root, [...runId.split('/'), 'messages', `${caseId}.jsonl`]).catch(() => undefined);
  const frames: FrameRecord[] = [];
  const connectionEvents: ConnectionEventRecord[] = [];
  for (const line of file ? (await readFile(file, 'utf8')).split('\n') : []) {
    if (line.trim() === '') continue;
    const entry = JSON.parse(line) as { kind?: string; index?: number } & Record<string, unknown>;
    const kind = entry.kind;
    delete entry.kind;
    delete entry.index;
    if (kind === 'frame') frames.push(entry as unknown as FrameRecord);
    else if (kind === 'connection') connectionEvents.push(entry as unknown as ConnectionEventRecord);
  }
  if (frames.length > MAX_FRAMES) throw new HttpError(413, `${caseId} has ${frames.length} frames, more than a diagram can show (${MAX_FRAMES}); every frame is in messages/${caseId}.jsonl`);
  const startedAt = (frames[0]?.at ?? connectionEvents[0]?.at ?? run.startedAt) as string;
  const result: CaseResult = {
    info: { id: caseId, name: summaryCase.name, sut: run.sut === 'CSMS' ? 'CSMS' : 'CS', block: /^TC_([A-Z])_/.exec(caseId)?.[1] ?? '?', useCases: [], requirements: [], detects: [] },
    verdict: summaryCase.verdict as Verdict,
    reason: `${summaryCase.reason} (drawn from the message log: the run's Allure results hold no diagram of this case, so Part 6 steps are not shown)`,
    startedAt,
    durationMs: summaryCase.durationMs,
    steps: [],
    frames,
    connectionEvents,
    prompts: [],
  };
  return renderTrace(result);
}

/** The sequence diagram of a case of a run, as a standalone HTML page; 404 when the run or the case is unknown. */
export async function caseTrace(root: string, runId: string, caseId: string): Promise<string> {
  const html = (await fromAllure(root, runId, checkCaseId(caseId))) ?? (await fromMessages(root, runId, caseId));
  if (html === undefined) throw new HttpError(404, `no case ${caseId} in run ${runId}`);
  return html;
}
