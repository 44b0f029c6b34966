/** The Part 5 feature ids (catalog/part5-features.json): what a PICS may answer, for which side, and how each answer is given. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SutRole } from '../engine/results';
import { CATALOG_DIR } from './part6';

/** One Part 5 feature id. */
export interface Feature {
  readonly id: string;
  readonly name: string;
  /** optionalFeature, additionalQuestion (AQ-*), hardwareFeature (HFS-*), productSubtype (PST-*), profileFlag (profile:*). */
  readonly kind: string;
  /** The profile the feature belongs to, when it belongs to one. */
  readonly profile?: string;
  /** Which kinds of SUT answer it. */
  readonly roles: readonly SutRole[];
  /** How a PICS answers it: yes / no, a list of supported values, free text, or not at all (derived from other answers). */
  readonly answer: 'boolean' | 'list' | 'text' | 'derived';
  /** For derived features: what the value follows from. */
  readonly derivedFrom?: string;
  /** The device-model variable the feature corresponds to, when there is one. */
  readonly configVariable?: string;
}

let byId: ReadonlyMap<string, Feature> | undefined;

function catalog(): ReadonlyMap<string, Feature> {
  byId ??= new Map((JSON.parse(readFileSync(join(CATALOG_DIR, 'part5-features.json'), 'utf8')) as { features: Feature[] }).features.map((f) => [f.id, f]));
  return byId;
}

/** Every Part 5 feature id, in catalogue order. */
export function features(): readonly Feature[] {
  return [...catalog().values()];
}

/** The feature with this id, if it exists. */
export function feature(id: string): Feature | undefined {
  return catalog().get(id);
}

/** Whether a feature id exists (for the condition parser). */
export function isFeatureId(id: string): boolean {
  return catalog().has(id);
}

/** The features grouped under `id` (C-09 → C-09.1 … C-09.6). */
export function subFeatures(id: string): readonly Feature[] {
  return features().filter((f) => f.id.startsWith(`${id}.`));
}
