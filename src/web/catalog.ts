// What the "New run" form offers: the implemented cases and the faults of the reference SUTs per side, and the certification profiles.
import { loadCases } from '../engine/catalog';
import { loadProfiles } from '../profiles/profiles';
import { CSMS_FAULTS, STATION_FAULTS } from '../reference/faults';

/** Cases (id and name) and reference faults (name and description) for each side; the profiles (id and name). */
export interface Catalog {
  readonly profiles: readonly { id: string; name: string }[];
  readonly cs: { readonly cases: readonly { id: string; name: string }[]; readonly faults: Readonly<Record<string, string>> };
  readonly csms: { readonly cases: readonly { id: string; name: string }[]; readonly faults: Readonly<Record<string, string>> };
}

/** The catalogue as the form needs it. */
export function catalog(): Catalog {
  const cases = (sut: 'CS' | 'CSMS') => loadCases(sut).map(({ info }) => ({ id: info.id, name: info.name }));
  return { profiles: loadProfiles().map((p) => ({ id: p.id, name: p.name })), cs: { cases: cases('CS'), faults: STATION_FAULTS }, csms: { cases: cases('CSMS'), faults: CSMS_FAULTS } };
}
