/** The questions of `ocpp-ct pics init`, section by section, the combinations no product can have, and the PICS made from the answers; the terminal side is the CLI's. */
import type { SutRole } from '../engine/results';
import { type Feature, features, subFeatures } from './features';
import type { FeatureAnswer, Pics } from './pics';
import { loadProfiles } from './profiles';

/**
 * Asks one question and resolves with the parsed answer. `parse` throws an Error saying what is wrong with an answer
 * (the asker then asks again); `fallback` is taken for an empty answer.
 */
export type Ask = <T>(question: string, parse: (answer: string) => T, fallback?: string) => Promise<T>;

/** What an answer of `<` (or `back`) parses to: go to the previous question. */
export const BACK = Symbol('back');

/** A non-empty line of at most `max` characters. */
const text = (max: number) => (answer: string): string => {
  const value = answer.trim();
  if (value.length === 0) throw new Error('an answer is needed');
  if (value.length > max) throw new Error(`at most ${max} characters`);
  return value;
};

/** yes / no. */
function yesNo(answer: string): boolean {
  if (/^(y|yes)$/i.test(answer.trim())) return true;
  if (/^(n|no)$/i.test(answer.trim())) return false;
  throw new Error('answer y or n');
}

/** An integer from `min` to `max`. */
const integer = (min: number, max: number) => (answer: string): number => {
  const value = Number(answer.trim());
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`a whole number from ${min} to ${max}`);
  return value;
};

function profileList(answer: string): string[] {
  const known = loadProfiles().map((p) => p.id);
  const names = [...new Set(answer.split(',').map((n) => n.trim()).filter(Boolean))];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new Error(`unknown profile ${unknown.join(', ')}; known: ${known.join(', ')}`);
  if (!names.includes('core')) throw new Error('core is part of every certification: include it');
  return names;
}

/** The features a PICS for `role` claiming `profiles` answers: those of the side, of a claimed profile or of none (AQ, HFS, PST), not derived. */
export function featuresToAsk(role: SutRole, profiles: readonly string[]): Feature[] {
  return features().filter((f) => f.answer !== 'derived' && f.roles.includes(role) && (f.profile === undefined || profiles.includes(f.profile)));
}

/** One question of the interview: which section it is in, how it is asked and parsed, and where its answer goes. */
interface Question {
  readonly key: string;
  readonly section: string;
  readonly prompt: string;
  readonly parse: (answer: string) => unknown;
  /** The answer taken for an empty line (also how an existing PICS's answer is offered). */
  readonly fallback?: string;
}

/** The interview so far: every answer by question key. */
type Answers = Map<string, unknown>;

/** The section a feature is asked in: its profile, else its kind. */
function sectionOf(f: Feature): string {
  if (f.profile) return `Profile ${loadProfiles().find((p) => p.id === f.profile)?.name ?? f.profile}`;
  if (f.kind === 'hardwareFeature') return 'Hardware';
  if (f.kind === 'productSubtype') return 'Product subtype';
  return 'Additional questions';
}

/** How a previous answer is offered again as the default. */
function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'y' : 'n';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The questions for the answers so far (later ones depend on the role, the profiles and the layout). */
function questionsFor(answers: Answers, existing: Pics | undefined): Question[] {
  const previous = (key: string, otherwise?: string): string | undefined => shown(answers.get(key)) ?? otherwise;
  const role = (answers.get('role') as SutRole | undefined) ?? 'CS';
  const known = loadProfiles().map((p) => p.id);
  const list: Question[] = [
    { key: 'role', section: 'The SUT', prompt: 'Is the SUT a Charging Station or a CSMS? (cs/csms)', fallback: previous('role', existing?.sut.role ?? 'cs')?.toLowerCase(), parse: (a) => {
      if (!/^(cs|csms)$/i.test(a.trim())) throw new Error('answer cs or csms');
      return a.trim().toUpperCase() as SutRole;
    } },
    { key: 'vendor', section: 'The SUT', prompt: 'Vendor name (at most 50 characters)', fallback: previous('vendor', existing?.sut.vendor), parse: text(50) },
    { key: 'model', section: 'The SUT', prompt: `Model (at most ${role === 'CS' ? 20 : 50} characters)`, fallback: previous('model', existing?.sut.model), parse: text(role === 'CS' ? 20 : 50) },
    { key: 'firmwareVersion', section: 'The SUT', prompt: role === 'CS' ? 'Firmware version' : 'Software version', fallback: previous('firmwareVersion', existing?.sut.firmwareVersion), parse: text(50) },
  ];
  if (role === 'CS') list.push({ key: 'serialNumber', section: 'The SUT', prompt: 'Serial number of the unit tested (at most 25 characters)', fallback: previous('serialNumber', existing?.sut.serialNumber), parse: text(25) });
  list.push(
    { key: 'claimedProfiles', section: 'Profiles and security', prompt: `Claimed profiles, comma separated (of: ${known.join(', ')})`, fallback: previous('claimedProfiles', existing?.claimedProfiles.join(',') ?? 'core'), parse: profileList },
    { key: 'securityProfile', section: 'Profiles and security', prompt: 'Security profile used for the tests (1, 2 or 3)', fallback: previous('securityProfile', String(existing?.securityProfile ?? 2)), parse: integer(1, 3) },
  );
  if (role === 'CS') {
    list.push({ key: 'evseCount', section: 'Layout', prompt: 'Number of EVSEs (1 to 64)', fallback: previous('evseCount', String(existing?.layout?.evses.length ?? 1)), parse: integer(1, 64) });
    const count = (answers.get('evseCount') as number | undefined) ?? 1;
    for (let id = 1; id <= count; id++) {
      const had = existing?.layout?.evses.find((e) => e.id === id)?.connectors.length;
      list.push({ key: `connectors:${id}`, section: 'Layout', prompt: `Connectors on EVSE ${id} (1 to 16)`, fallback: previous(`connectors:${id}`, String(had ?? 1)), parse: integer(1, 16) });
    }
  }
  const profiles = (answers.get('claimedProfiles') as string[] | undefined) ?? ['core'];
  for (const f of featuresToAsk(role, profiles)) {
    const label = `${f.id} ${f.name}${f.configVariable ? ` [${f.configVariable}]` : ''}`;
    const had = shown(existing?.features[f.id]);
    const key = `feature:${f.id}`;
    if (f.answer === 'list') list.push({ key, section: sectionOf(f), prompt: `${label}: supported values, comma separated (empty: not stated)`, fallback: previous(key, had ?? ''), parse: (a) => a.split(',').map((v) => v.trim()).filter(Boolean) });
    else if (f.answer === 'text') list.push({ key, section: sectionOf(f), prompt: `${label} (free text; empty: not stated)`, fallback: previous(key, had ?? ''), parse: (a) => a.trim() });
    else list.push({ key, section: sectionOf(f), prompt: `${label}? (y/n)`, fallback: previous(key, had ?? 'n'), parse: yesNo });
  }
  return list;
}

/** The PICS the answers make (features left empty are not stated). */
function picsOf(answers: Answers): Pics {
  const role = answers.get('role') as SutRole;
  const evses = role === 'CS' ? Array.from({ length: (answers.get('evseCount') as number) ?? 1 }, (_, i) => ({ id: i + 1, connectors: Array.from({ length: (answers.get(`connectors:${i + 1}`) as number) ?? 1 }, (_, c) => c + 1) })) : undefined;
  const stated: Record<string, FeatureAnswer> = {};
  for (const [key, value] of answers) {
    if (!key.startsWith('feature:')) continue;
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    stated[key.slice('feature:'.length)] = value as FeatureAnswer;
  }
  return {
    sut: { role, vendor: answers.get('vendor') as string, model: answers.get('model') as string, firmwareVersion: answers.get('firmwareVersion') as string, serialNumber: role === 'CS' ? (answers.get('serialNumber') as string) : undefined },
    claimedProfiles: answers.get('claimedProfiles') as string[],
    securityProfile: answers.get('securityProfile') as 1 | 2 | 3,
    layout: evses ? { evses } : undefined,
    features: stated,
  };
}

/** A combination of answers no product can have: why, and the features to ask again. */
export interface PicsProblem {
  readonly message: string;
  readonly features: readonly string[];
}

/** Groups whose Part 5 name asks for at least one sub-option (C-09: at least one TxStartPoint value, …). */
function atLeastOneGroups(): Feature[] {
  return features().filter((f) => f.answer === 'derived' && /at least one/i.test(f.name) && subFeatures(f.id).length > 0);
}

/** The impossible combinations in a PICS (only answers the PICS states, for the groups of its side and claimed profiles). */
export function picsProblems(pics: Pics): PicsProblem[] {
  const problems: PicsProblem[] = [];
  const yes = (id: string) => pics.features[id] === true;
  const asked = (id: string) => id in pics.features;
  const role = pics.sut.role;
  if (role === 'CS') {
    if (asked('HFS-3') && asked('HFS-4') && !yes('HFS-3') && !yes('HFS-4')) problems.push({ message: 'a Charging Station supports AC (HFS-3), DC (HFS-4) or both', features: ['HFS-3', 'HFS-4'] });
    if (yes('HFS-3') && ['HFS-5', 'HFS-6', 'HFS-7'].every((id) => asked(id) && !yes(id))) problems.push({ message: 'an AC station supports 1, 2 or 3 phases (HFS-5, HFS-6, HFS-7)', features: ['HFS-5', 'HFS-6', 'HFS-7'] });
    if (yes('PST-Mode12Only') && yes('HFS-4')) problems.push({ message: 'a Mode 1/2-only station (PST-Mode12Only) cannot support DC (HFS-4)', features: ['PST-Mode12Only', 'HFS-4'] });
    const remoteStart = ['C-36', 'C-37', 'C-38', 'C-39'];
    if (remoteStart.every((id) => asked(id) && !yes(id))) problems.push({ message: 'a station supports at least one way to authorize a remote start (C-36 to C-39)', features: remoteStart });
  }
  for (const group of atLeastOneGroups()) {
    if (!group.roles.includes(role) || (group.profile !== undefined && !pics.claimedProfiles.includes(group.profile))) continue;
    const subs = subFeatures(group.id).filter((s) => s.roles.includes(role)).map((s) => s.id);
    if (subs.length > 0 && subs.every((id) => asked(id) && !yes(id))) problems.push({ message: `${group.id} ${group.name}: answer yes to at least one of ${subs.join(', ')}`, features: subs });
  }
  return problems;
}

/** How many times the interview goes back to impossible answers before it gives up. */
const MAX_CORRECTIONS = 3;

/** How the interview talks besides its questions. */
export interface AskOptions {
  /** An existing PICS whose answers are offered as the defaults (`pics init --edit`). */
  readonly existing?: Pics;
  /** Where remarks go (section headers, impossible combinations). */
  readonly say?: (line: string) => void;
}

/**
 * Asks every question of a PICS, section by section with a counter; `<` goes back one question. The answers are
 * checked for impossible combinations at the end: the interview then returns to the first question concerned.
 * Resolves with the PICS the answers make (features left empty are not stated).
 */
export async function askPics(ask: Ask, options: AskOptions = {}): Promise<Pics> {
  const answers: Answers = new Map();
  const say = options.say ?? (() => undefined);
  let index = 0;
  let lastSection = '';
  let rounds = 0;
  for (;;) {
    const questions = questionsFor(answers, options.existing);
    if (index >= questions.length) {
      const pics = picsOf(answers);
      const problems = picsProblems(pics);
      if (problems.length === 0) return pics;
      const again = new Set(problems.flatMap((p) => p.features.map((id) => `feature:${id}`)));
      const first = questions.findIndex((q) => again.has(q.key));
      // Answers that stay impossible (input that has ended keeps giving the same defaults) end the interview.
      if (first < 0 || ++rounds > MAX_CORRECTIONS) throw new Error(`the answers are not possible: ${problems.map((p) => p.message).join('; ')}`);
      for (const p of problems) say(`Not possible: ${p.message}. Asking again.`);
      index = first;
      lastSection = '';
      continue;
    }
    const question = questions[index];
    const sections = [...new Set(questions.map((q) => q.section))];
    if (question.section !== lastSection) {
      say(`\n== ${question.section} (section ${sections.indexOf(question.section) + 1} of ${sections.length}) ==`);
      lastSection = question.section;
    }
    const counter = `[${index + 1}/${questions.length}]`;
    const back = index > 0 ? ' ("<" goes back)' : '';
    const answer = await ask(`${counter} ${question.prompt}${back}`, (a) => (index > 0 && /^\s*(<|back)\s*$/i.test(a) ? BACK : question.parse(a)), question.fallback);
    if (answer === BACK) {
      index--;
      lastSection = '';
      continue;
    }
    answers.set(question.key, answer);
    index++;
  }
}
