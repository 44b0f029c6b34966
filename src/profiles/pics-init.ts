/** The questions of `ocpp-ct pics init`, in order, and the PICS made from the answers; the terminal side is the CLI's. */
import type { SutRole } from '../engine/results';
import { type Feature, features } from './features';
import type { FeatureAnswer, Pics } from './pics';
import { loadProfiles } from './profiles';

/**
 * Asks one question and resolves with the parsed answer. `parse` throws an Error saying what is wrong with an answer
 * (the asker then asks again); `fallback` is taken for an empty answer.
 */
export type Ask = <T>(question: string, parse: (answer: string) => T, fallback?: string) => Promise<T>;

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

function askFeature(ask: Ask, f: Feature): Promise<FeatureAnswer> {
  const label = `${f.id} ${f.name}${f.configVariable ? ` [${f.configVariable}]` : ''}`;
  if (f.answer === 'list') return ask(`${label}: supported values, comma separated`, (a) => a.split(',').map((v) => v.trim()).filter(Boolean), '');
  if (f.answer === 'text') return ask(`${label}`, (a) => a.trim(), '');
  return ask(`${label}? (y/N)`, yesNo, 'n');
}

/** Asks every question of a PICS; resolves with the PICS the answers make (features left empty are not stated). */
export async function askPics(ask: Ask): Promise<Pics> {
  const role = await ask('Is the SUT a Charging Station or a CSMS? (cs/csms)', (a) => {
    if (!/^(cs|csms)$/i.test(a.trim())) throw new Error('answer cs or csms');
    return a.trim().toUpperCase() as SutRole;
  }, 'cs');
  const vendor = await ask('Vendor name', text(50));
  const model = await ask('Model', text(role === 'CS' ? 20 : 50));
  const firmwareVersion = await ask(role === 'CS' ? 'Firmware version' : 'Software version', text(50));
  const serialNumber = role === 'CS' ? await ask('Serial number of the unit tested', text(25)) : undefined;
  const claimedProfiles = await ask('Claimed profiles, comma separated', profileList, 'core');
  const securityProfile = (await ask('Security profile used for the tests (1, 2 or 3)', integer(1, 3), '2')) as 1 | 2 | 3;
  let layout: Pics['layout'];
  if (role === 'CS') {
    const count = await ask('Number of EVSEs', integer(1, 64), '1');
    const evses = [];
    for (let id = 1; id <= count; id++) {
      const connectors = await ask(`Connectors on EVSE ${id}`, integer(1, 16), '1');
      evses.push({ id, connectors: Array.from({ length: connectors }, (_, i) => i + 1) });
    }
    layout = { evses };
  }
  const answers: Record<string, FeatureAnswer> = {};
  for (const f of featuresToAsk(role, claimedProfiles)) {
    const answer = await askFeature(ask, f);
    if (answer !== '' && !(Array.isArray(answer) && answer.length === 0)) answers[f.id] = answer;
  }
  return { sut: { role, vendor, model, firmwareVersion, serialNumber }, claimedProfiles, securityProfile, layout, features: answers };
}
