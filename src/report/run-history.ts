// Which product a run tested (its SUT identity) and the earlier runs of the same product, so history, trends and Allure's graphs follow one SUT across runs.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { sutSideName } from './common';

/** The product a run tested, as far as its folder tells. */
export interface SutIdentity {
  /** Runs with the same key tested the same product. */
  readonly key: string;
  /** How the product is named to people: `Charging Station · OpenOcppCt RefStation`. */
  readonly label: string;
  /** What changed between runs of the product: the firmware version of its PICS, or the reference SUT's fault. */
  readonly version?: string;
}

/** What the identity is made from: the run's side and target (summary.json), its fault, and the PICS it ran with, if any. */
export interface IdentitySource {
  readonly sut: string;
  readonly target: string;
  readonly fault?: string;
  readonly pics?: { readonly sut?: { readonly vendor?: unknown; readonly model?: unknown; readonly firmwareVersion?: unknown } };
}

/**
 * The SUT identity of a run: with a PICS, its side, vendor and model (the firmware version is what changes between
 * runs); without one, its side and target (the reference SUT, a listening harness, or the CSMS URL), the reference
 * SUT's fault counting as its version.
 */
export function sutIdentity(source: IdentitySource): SutIdentity {
  const side = source.sut === 'CS' || source.sut === 'CSMS' ? sutSideName(source.sut) : source.sut;
  const vendor = source.pics?.sut?.vendor;
  const model = source.pics?.sut?.model;
  if (typeof vendor === 'string' && typeof model === 'string') {
    const firmware = source.pics?.sut?.firmwareVersion;
    return { key: JSON.stringify([source.sut, 'pics', vendor, model]), label: `${side} · ${vendor} ${model}`, version: typeof firmware === 'string' ? `firmware ${firmware}` : undefined };
  }
  const target = source.target === 'reference' ? 'reference SUT' : source.target === 'listen' ? 'a station connecting to the harness' : source.target;
  return { key: JSON.stringify([source.sut, 'target', source.target]), label: `${side} · ${target}`, version: source.fault ? `fault ${source.fault}` : source.fault === undefined && source.target === 'reference' ? 'conformant' : undefined };
}

/** A run folder as the history sees it. */
export interface RunFolder {
  /** Absolute path of the folder. */
  readonly dir: string;
  readonly startedAt: string;
  readonly identity: SutIdentity;
}

/** Reads a JSON object, or undefined when the file is missing, a symbolic link, or not a JSON object. */
export async function readJsonObject(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    if ((await lstat(path)).isSymbolicLink()) return undefined;
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The identity and start of the run in `dir` (its summary.json and pics.json), or undefined when it holds no run. */
export async function readRunFolder(dir: string): Promise<RunFolder | undefined> {
  const summary = await readJsonObject(join(dir, 'summary.json'));
  if (!summary || typeof summary.sut !== 'string' || typeof summary.startedAt !== 'string') return undefined;
  const pics = await readJsonObject(join(dir, 'pics.json'));
  const identity = sutIdentity({ sut: summary.sut, target: typeof summary.target === 'string' ? summary.target : '', fault: typeof summary.fault === 'string' ? summary.fault : undefined, pics: pics as IdentitySource['pics'] });
  return { dir, startedAt: summary.startedAt, identity };
}

async function subfolders(dir: string): Promise<string[]> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true }).catch(() => []);
  // Dirent.isDirectory() is false for a symbolic link: a link never brings another folder's history in.
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(dir, e.name));
}

/** The side folders a demo run holds (`reports/demo-<time>/cs`, `…/csms`). */
const SIDE_FOLDERS = ['cs', 'csms'];

/** Most folders looked at for earlier runs (a run written into a crowded folder such as /tmp stays quick). */
const MAX_FOLDERS = 2_000;

/**
 * The runs next to `outDir` that tested the same SUT as the run in `outDir` and started before it, newest first: its
 * sibling folders and their cs/ and csms/ (the folders of a demo), and for a run in a demo's cs/ or csms/ also the
 * side folders of the demos next to it. At most {@link MAX_FOLDERS} folders are looked at.
 */
export async function earlierRunsOfSameSut(outDir: string): Promise<RunFolder[]> {
  const own = resolve(outDir);
  const me = await readRunFolder(own);
  if (!me) return [];
  const parent = dirname(own);
  const candidates = (await subfolders(parent)).flatMap((dir) => [dir, ...SIDE_FOLDERS.map((side) => join(dir, side))]);
  if (SIDE_FOLDERS.includes(basename(own))) {
    for (const demo of await subfolders(dirname(parent))) if (demo !== parent) candidates.push(...SIDE_FOLDERS.map((side) => join(demo, side)));
  }
  const found: RunFolder[] = [];
  for (const dir of [...new Set(candidates)].filter((d) => d !== own).slice(0, MAX_FOLDERS)) {
    // A side folder that is a symbolic link is not followed either.
    if ((await lstat(dir).catch(() => undefined))?.isDirectory() !== true) continue;
    const run = await readRunFolder(dir);
    if (run && run.identity.key === me.identity.key && run.startedAt < me.startedAt) found.push(run);
  }
  return found.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
