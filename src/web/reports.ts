// Reads the runs in the reports folder and resolves report files, so that no path outside that folder can be reached through the UI.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { sutIdentity, type SutIdentity } from '../report/run-history';
import { HttpError } from './http-error';
import type { ReportLinks } from './live';

/** One path segment under reports/: no leading dot (so no `.`, `..` or hidden files), no separators, no `%` (double encoding). */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.@+=-]{0,199}$/;

/** A run id: the run's folder under reports/, one or two segments (`<run>` or `<demo>/<side>`). */
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$/;

/** Deepest report file path accepted, in segments. */
const MAX_SEGMENTS = 8;

/** The report files the run page links to, by kind, relative to the run's folder. */
const REPORT_FILES: Readonly<Record<keyof ReportLinks, string>> = {
  allure: 'allure-report/index.html',
  certification: 'certification-report.html',
};

/** A run as the runs list shows it; counts are by verdict, unknown verdicts included. */
export interface RunListing {
  readonly id: string;
  readonly sut: string;
  readonly target: string;
  readonly fault?: string;
  readonly profiles: readonly string[];
  readonly startedAt: string;
  readonly durationMs?: number;
  readonly counts: Readonly<Record<string, number>>;
  /** `running` while cases are still going (or the process running it died: its summary.json says so), then `finished`, `interrupted` (stopped early: the rest are notRun) or `failed` (could not go on). */
  readonly state: 'running' | 'finished' | 'interrupted' | 'failed';
  /** The product the run tested: runs with the same identity key form its history. */
  readonly identity: SutIdentity;
  /** The run's HTML reports that exist (on disk runs only). */
  readonly reports?: ReportLinks;
}

/** One case of a finished run. */
export interface CaseListing {
  readonly id: string;
  readonly name: string;
  readonly verdict: string;
  readonly durationMs: number;
  readonly reason: string;
}

/** A run with its verdict table and report links. */
export interface RunDetail extends RunListing {
  readonly cases: readonly CaseListing[];
  readonly reports: ReportLinks;
  /** The run whose failed cases this run ran again (the UI's "Re-run failed"). */
  readonly rerunOf?: string;
}

/** The file a re-run started by the UI writes in its folder: which run it re-ran, and its cases. */
export const RERUN_OF_FILE = 'rerun-of.json';

/** Returns `id` when it is a well-formed run id; otherwise a 400 saying why. */
export function checkRunId(id: unknown): string {
  if (typeof id !== 'string' || !RUN_ID.test(id)) throw new HttpError(400, 'not a run id: a run id is the name of a folder under reports/ (letters, digits, _ . -), optionally followed by / and a sub-folder');
  return id;
}

/**
 * The real path of the file `segments` names under `root`. 400 when a segment is not allowed (`..`, an encoded or
 * double-encoded separator, a hidden name); 404 when there is no such file or it resolves (through a symlink) outside `root`.
 */
export async function resolveReportFile(root: string, segments: readonly string[]): Promise<string> {
  if (segments.length === 0 || segments.length > MAX_SEGMENTS) throw new HttpError(400, `a report path has 1 to ${MAX_SEGMENTS} segments`);
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) throw new HttpError(400, `path segment not allowed: ${JSON.stringify(bad.slice(0, 100))} (no '..', no separators, no encoded characters, no leading dot)`);
  const base = resolve(root);
  const path = join(base, ...segments);
  if (!path.startsWith(base + sep)) throw new HttpError(400, 'the path leaves the reports folder');
  await refuseLinks(base, segments);
  const [realBase, realFile] = await Promise.all([realpath(base), realpath(path).catch(() => undefined)]);
  if (realFile === undefined) throw new HttpError(404, 'no such report file');
  if (!realFile.startsWith(realBase + sep)) throw new HttpError(404, 'no such report file inside the reports folder');
  if (!(await stat(realFile)).isFile()) throw new HttpError(404, 'not a file');
  return realFile;
}

/** Every run with a summary.json in `root`, one or two folders deep, newest first; unreadable summaries are skipped. */
export async function listRuns(root: string): Promise<RunListing[]> {
  const runs: RunListing[] = [];
  for (const top of await directories(root)) {
    const found = await readSummary(root, top);
    if (found) {
      runs.push(found);
      continue;
    }
    for (const sub of await directories(join(root, top))) {
      const nested = await readSummary(root, `${top}/${sub}`);
      if (nested) runs.push(nested);
    }
  }
  return runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/**
 * 404 when any of `segments` under `root` is a symbolic link: run folders and report files are served only from what
 * really is inside the reports folder, never through a link (wherever it leads).
 */
export async function refuseLinks(root: string, segments: readonly string[]): Promise<void> {
  for (let i = 1; i <= segments.length; i++) {
    const entry = await lstat(join(root, ...segments.slice(0, i))).catch(() => undefined);
    if (entry === undefined) return; // missing: the caller's own lookup says 404
    if (entry.isSymbolicLink()) throw new HttpError(404, `${segments.slice(0, i).join('/')} is a symbolic link: runs and report files are not served through links`);
  }
}

/** The run `id` from its folder (verdict table and report links), or undefined when it has no readable summary.json; 404 when reached through a symbolic link. */
export async function readRun(root: string, id: string): Promise<RunDetail | undefined> {
  await refuseLinks(resolve(root), [...checkRunId(id).split('/'), 'summary.json']);
  const summary = await readJson(join(root, ...checkRunId(id).split('/'), 'summary.json'));
  const listing = summary && toListing(id, summary, await readPics(root, id));
  if (!listing) return undefined;
  const cases = Array.isArray(summary.cases) ? summary.cases.filter(isRecord).map(toCase) : [];
  const rerunOf = (await readOwnJson(root, id, RERUN_OF_FILE))?.runId;
  return { ...listing, cases, reports: await reportLinks(root, id), ...(typeof rerunOf === 'string' && RUN_ID.test(rerunOf) ? { rerunOf } : {}) };
}

/** Links to the run's HTML reports that exist on disk. */
export async function reportLinks(root: string, id: string): Promise<ReportLinks> {
  const links: Record<string, string> = {};
  for (const [kind, file] of Object.entries(REPORT_FILES)) {
    const segments = [...id.split('/'), ...file.split('/')];
    if (await resolveReportFile(root, segments).then(() => true, () => false)) links[kind] = `/reports/${segments.map(encodeURIComponent).join('/')}`;
  }
  return links;
}

async function directories(dir: string): Promise<string[]> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true }).catch(() => []);
  // Dirent.isDirectory() is false for symlinks, so a link to a folder elsewhere is never listed.
  return entries.filter((e) => e.isDirectory() && RUN_ID.test(e.name)).map((e) => e.name);
}

async function readSummary(root: string, id: string): Promise<RunListing | undefined> {
  const summary = await readJson(join(root, ...id.split('/'), 'summary.json'));
  const listing = summary && toListing(id, summary, await readPics(root, id));
  return listing && { ...listing, reports: await reportLinks(root, id) };
}

/** The PICS a run was made with (pics.json in its folder), for its SUT identity; never through a link. */
function readPics(root: string, id: string): Promise<Record<string, unknown> | undefined> {
  return readOwnJson(root, id, 'pics.json');
}

/** A JSON object file of the run's folder, never through a link. */
async function readOwnJson(root: string, id: string, file: string): Promise<Record<string, unknown> | undefined> {
  const path = join(root, ...id.split('/'), file);
  const entry = await lstat(path).catch(() => undefined);
  return entry?.isFile() ? readJson(path) : undefined;
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function toListing(id: string, s: Record<string, unknown>, pics?: Record<string, unknown>): RunListing | undefined {
  if (typeof s.sut !== 'string' || typeof s.startedAt !== 'string') return undefined;
  const fault = typeof s.fault === 'string' ? s.fault : undefined;
  const counts = isRecord(s.counts) ? Object.fromEntries(Object.entries(s.counts).filter((e): e is [string, number] => typeof e[1] === 'number')) : {};
  return {
    id,
    sut: s.sut,
    target: text(s.target),
    fault,
    profiles: Array.isArray(s.profiles) ? s.profiles.map(text) : [],
    startedAt: s.startedAt,
    durationMs: typeof s.durationMs === 'number' ? s.durationMs : undefined,
    counts,
    state: s.state === 'running' || s.state === 'interrupted' ? s.state : 'finished',
    identity: sutIdentity({ sut: s.sut, target: text(s.target), fault, pics: isRecord(pics) ? (pics as { sut?: Record<string, unknown> }) : undefined }),
  };
}

function toCase(c: Record<string, unknown>): CaseListing {
  return { id: text(c.id), name: text(c.name), verdict: text(c.verdict), durationMs: typeof c.durationMs === 'number' ? c.durationMs : 0, reason: text(c.reason) };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
