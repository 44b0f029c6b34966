// What the start form's PICS editor needs: the questions of a PICS for a side and its profiles, and a check that words every problem as the CLI does.
import { ConfigError } from '../engine/config';
import type { SutRole } from '../engine/results';
import { checkPics } from '../profiles/pics';
import { featuresToAsk, picsProblems } from '../profiles/pics-init';
import { loadProfiles } from '../profiles/profiles';
import { HttpError } from './http-error';

/** One feature the editor asks about. */
export interface EditorFeature {
  readonly id: string;
  readonly name: string;
  /** yes / no, a list of supported values, or free text. */
  readonly answer: 'boolean' | 'list' | 'text';
  /** The section it is asked in, as `pics init` groups them. */
  readonly section: string;
  readonly configVariable?: string;
}

/** The features a PICS for `role` claiming `profiles` answers, each with its section. */
export function editorFeatures(role: unknown, profiles: unknown): EditorFeature[] {
  if (role !== 'CS' && role !== 'CSMS') throw new HttpError(400, "'role' must be CS or CSMS");
  const known = loadProfiles();
  const claimed = typeof profiles === 'string' && profiles !== '' ? profiles.split(',') : ['core'];
  const unknown = claimed.find((p) => !known.some((k) => k.id === p));
  if (unknown !== undefined) throw new HttpError(400, `unknown profile ${JSON.stringify(unknown.slice(0, 50))}; known: ${known.map((p) => p.id).join(', ')}`);
  return featuresToAsk(role as SutRole, claimed).map((f) => ({
    id: f.id,
    name: f.name,
    answer: f.answer === 'list' || f.answer === 'text' ? f.answer : 'boolean',
    section: f.profile ? `Profile ${known.find((p) => p.id === f.profile)?.name ?? f.profile}` : f.kind === 'hardwareFeature' ? 'Hardware' : f.kind === 'productSubtype' ? 'Product subtype' : 'Additional questions',
    configVariable: f.configVariable,
  }));
}

/** The outcome of checking a PICS: what the schema refuses (as `ocpp-ct run --pics` words it) and the combinations no product can have (as `pics init` words them). */
export interface PicsCheck {
  readonly ok: boolean;
  /** The whole message the CLI prints for a malformed PICS, when it is one. */
  readonly message?: string;
  /** One line per bad field: `<JSON path>: <reason>`. */
  readonly problems: readonly string[];
  /** `Not possible: …` per impossible combination, with the features concerned. */
  readonly impossible: readonly { readonly message: string; readonly features: readonly string[] }[];
}

/** Checks a PICS against schemas/pics.schema.json and for impossible combinations; `source` names it in the message. */
export function checkPicsDocument(value: unknown, source = 'the PICS'): PicsCheck {
  try {
    const pics = checkPics(value, source);
    const impossible = picsProblems(pics).map((p) => ({ message: `Not possible: ${p.message}`, features: p.features }));
    return { ok: impossible.length === 0, problems: [], impossible };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const [, ...lines] = error.message.split('\n');
    return { ok: false, message: error.message, problems: lines.map((l) => l.trim()).filter(Boolean), impossible: [] };
  }
}
