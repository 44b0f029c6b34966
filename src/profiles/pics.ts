/** The PICS: what a vendor states about the SUT. Read, checked (schema, then what a schema cannot say), turned into feature values and into a layer of the run config. */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picsSchema from '../../schemas/pics.schema.json';
import runConfigSchema from '../../schemas/run-config.schema.json';
import { ConfigError, type EvseLayout, type RunConfigFile } from '../engine/config';
import type { SutRole } from '../engine/results';
import { feature, subFeatures } from './features';
import { loadProfiles } from './profiles';
import { describeSchemaErrors } from './schema-errors';

/** Where the PICS schema lives, for editors and `pics init`. */
export const PICS_SCHEMA_PATH = join(__dirname, '..', '..', 'schemas', 'pics.schema.json');

/** An answer to a feature id: yes / no, the supported values, or text. */
export type FeatureAnswer = boolean | string | readonly string[];

/** A checked PICS. */
export interface Pics {
  readonly sut: {
    readonly role: SutRole;
    readonly vendor: string;
    readonly model: string;
    readonly firmwareVersion: string;
    readonly serialNumber?: string;
  };
  readonly claimedProfiles: readonly string[];
  readonly securityProfile: 1 | 2 | 3;
  readonly layout?: { readonly evses: readonly EvseLayout[] };
  readonly features: Readonly<Record<string, FeatureAnswer>>;
  readonly configured?: RunConfigFile['configured'];
}

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(runConfigSchema);
const validate: ValidateFunction = ajv.compile(picsSchema);

/** Words a schema error about a feature id the way a vendor needs to read it. */
function explainFeatureError(error: ErrorObject): string | undefined {
  if (error.instancePath !== '/features' || error.keyword !== 'additionalProperties') return undefined;
  const id = String(error.params.additionalProperty);
  const known = feature(id);
  if (!known) return `/features/${id}: is not a Part 5 feature id (see catalog/part5-features.json)`;
  return `/features/${id}: is not stated in a PICS: it follows from ${known.derivedFrom}`;
}

/** What the schema cannot check: each feature belongs to the PICS's side, EVSE and connector ids are unique. */
function semanticProblems(pics: Pics): string[] {
  const problems: string[] = [];
  for (const id of Object.keys(pics.features)) {
    const roles = feature(id)?.roles ?? [];
    if (!roles.includes(pics.sut.role)) problems.push(`/features/${id}: applies to a ${roles.join(' or ')}, but sut.role is ${pics.sut.role}`);
  }
  const seen = new Set<number>();
  pics.layout?.evses.forEach((evse, index) => {
    if (seen.has(evse.id)) problems.push(`/layout/evses/${index}/id: EVSE id ${evse.id} appears more than once`);
    seen.add(evse.id);
    if (new Set(evse.connectors).size !== evse.connectors.length) problems.push(`/layout/evses/${index}/connectors: a connector id appears more than once`);
  });
  return problems;
}

/** Checks a parsed PICS; throws ConfigError naming each bad field (JSON path) and the reason. */
export function checkPics(value: unknown, source: string): Pics {
  const problems = validate(value) ? semanticProblems(value as Pics) : describeSchemaErrors(validate.errors, explainFeatureError);
  if (problems.length > 0) throw new ConfigError(`${source} is not a valid PICS:\n  ${problems.join('\n  ')}`);
  return value as Pics;
}

/** Reads and checks a PICS file. */
export function readPics(path: string): Pics {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read PICS ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`PICS ${path} is not JSON: ${(error as Error).message}`);
  }
  return checkPics(value, path);
}

/** The value of a feature for this PICS: stated answers, derived values (profile flags, HFS-8, groups), and false when not stated. */
export function featureValue(pics: Pics, id: string): boolean | number {
  if (id.startsWith('profile:')) return pics.claimedProfiles.includes(id.slice('profile:'.length));
  if (id === 'HFS-8') return pics.layout?.evses.length ?? 0;
  const answer = pics.features[id];
  if (answer === undefined) {
    const subs = subFeatures(id);
    return subs.length > 0 && subs.some((s) => featureValue(pics, s.id) === true);
  }
  return Array.isArray(answer) ? answer.length > 0 : answer !== false;
}

/** A feature and its value for this PICS, for reasons: `C-49 (Authorization Cache): no`; profile flags say whether the profile is claimed. */
export function describeFeatureValue(pics: Pics, id: string): string {
  const value = featureValue(pics, id);
  if (id.startsWith('profile:')) {
    const profile = id.slice('profile:'.length);
    return `${id}: the PICS ${value ? 'claims' : 'does not claim'} ${loadProfiles().find((p) => p.id === profile)?.name ?? profile}`;
  }
  const shown = typeof value === 'number' ? String(value) : value ? 'yes' : 'no';
  const stated = id in pics.features || feature(id)?.answer === 'derived';
  return `${id} (${feature(id)?.name ?? 'unknown feature'}): ${shown}${stated ? '' : ', not stated in the PICS'}`;
}

/** The config flags of optional station hardware and behaviour, and the Part 5 feature that claims each. */
const FEATURE_FLAGS = [
  ['masterPassUi', 'C-07'],
  ['resetPerEvse', 'C-13'],
  ['summaryInventory', 'C-56'],
  ['centralContractValidation', 'ISO-5'],
  ['iso15118Pnc', 'profile:iso15118'],
  ['smartCharging', 'profile:smart-charging'],
  ['reservationNonEvseSpecific', 'R-2'],
  ['reservationConnectorType', 'R-1'],
  ['signCombinedCertificate', 'AQ-11'],
  ['additionalRootCertificateCheck', 'AS-2'],
] as const;

/**
 * What the PICS says about the run config: a station's identity and layout, the optional features it claims (a claimed
 * Part 5 feature switches its flag on, one the PICS answers no switches it off), and the <Configured …> values, which
 * win over both.
 */
export function picsConfigLayer(pics: Pics): RunConfigFile {
  const station = pics.sut.role === 'CS' ? { vendorName: pics.sut.vendor, model: pics.sut.model, evses: pics.layout?.evses } : undefined;
  const flags: Record<string, boolean> = {};
  if (pics.sut.role === 'CS') {
    for (const [flag, id] of FEATURE_FLAGS) if (id.startsWith('profile:') || id in pics.features) flags[flag] = featureValue(pics, id) === true;
  }
  // Firmware (Part 5 C-60, C-20, C-43, AQ-7): cancelling an update under way, and what an update may do during a transaction.
  const firmware: Record<string, unknown> = {};
  if (pics.sut.role === 'CS') {
    if ('C-60' in pics.features) firmware.canCancel = featureValue(pics, 'C-60') === true;
    if ('C-20' in pics.features) firmware.allowNewSessions = featureValue(pics, 'C-20') === true;
    if ('C-43' in pics.features || 'AQ-7' in pics.features) firmware.duringTransaction = featureValue(pics, 'C-43') === true ? 'everything' : featureValue(pics, 'AQ-7') === true ? 'downloadOnly' : 'nothing';
  }
  // Display messages (Part 5 UI-1.x priorities, UI-2.x formats): those the PICS answers no are the ones the station does not support.
  const display: Record<string, string[]> = {};
  if (pics.sut.role === 'CS') {
    const answeredNo = (ids: Record<string, string>) => Object.entries(ids).filter(([id]) => id in pics.features && featureValue(pics, id) !== true).map(([, value]) => value);
    const priorities = answeredNo({ 'UI-1.1': 'AlwaysFront', 'UI-1.2': 'InFront', 'UI-1.3': 'NormalCycle' });
    const formats = answeredNo({ 'UI-2.1': 'ASCII', 'UI-2.2': 'HTML', 'UI-2.3': 'URI', 'UI-2.4': 'UTF8' });
    if (priorities.length > 0) display.unsupportedPriorities = priorities;
    if (formats.length > 0) display.unsupportedFormats = formats;
  }
  const stated = pics.configured as Record<string, unknown> | undefined;
  const firmwareLayer = Object.keys(firmware).length > 0 ? { firmware: { ...firmware, ...((stated?.firmware as object | undefined) ?? {}) } } : {};
  const displayLayer = Object.keys(display).length > 0 ? { displayMessage: { ...display, ...((stated?.displayMessage as object | undefined) ?? {}) } } : {};
  return { station, configured: { ...flags, ...pics.configured, ...firmwareLayer, ...displayLayer } as RunConfigFile['configured'] };
}

/** The PICS as name = value pairs, for the environment section of reports. */
export function picsEnvironment(pics: Pics): Record<string, string> {
  const { sut } = pics;
  const stated = Object.entries(pics.features);
  return {
    'sut.role': sut.role,
    'sut.vendor': sut.vendor,
    'sut.model': sut.model,
    'sut.firmwareVersion': sut.firmwareVersion,
    ...(sut.serialNumber === undefined ? {} : { 'sut.serialNumber': sut.serialNumber }),
    'pics.claimedProfiles': pics.claimedProfiles.join(', '),
    'pics.securityProfile': String(pics.securityProfile),
    ...(pics.layout ? { 'pics.evses': pics.layout.evses.map((e) => `EVSE ${e.id}: connector ${e.connectors.join(', ')}`).join('; ') } : {}),
    'pics.supported': stated.filter(([, a]) => a !== false && !(Array.isArray(a) && a.length === 0)).map(([id]) => id).join(', ') || '(none)',
    'pics.notSupported': stated.filter(([, a]) => a === false).map(([id]) => id).join(', ') || '(none)',
  };
}
