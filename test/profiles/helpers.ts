// Shared test data: the example PICS files, copied and changed per test, so each test states only what it varies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPics, type Pics } from '../../src/profiles/pics';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');

/** The example PICS of a station (or CSMS) as parsed JSON, to be changed by a test. */
export function examplePicsJson(role: 'station' | 'csms' = 'station'): Record<string, unknown> & { features: Record<string, unknown>; sut: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(ROOT, 'examples', `pics-${role}.json`), 'utf8'));
}

/** The example station PICS, checked, with some feature answers and profile claims changed. */
export function stationPics(features: Record<string, unknown> = {}, claimedProfiles?: string[]): Pics {
  const json = examplePicsJson();
  return checkPics({ ...json, features: { ...json.features, ...features }, ...(claimedProfiles ? { claimedProfiles } : {}) }, 'test PICS');
}
