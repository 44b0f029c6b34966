// Checks the certification profiles and the Part 6 catalogue: valid files, only Part 6 ids, known features in every condition, agreement with the reference data and the Part 5 text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCatalog, REFERENCE_DIR, staleFiles } from '../../scripts/generate-catalog';
import { features } from '../../src/profiles/features';
import { part6Case, part6Cases } from '../../src/profiles/part6';
import { checkProfile, loadProfiles, profileNamesOf, profilesNamed, type Profile } from '../../src/profiles/profiles';
import { ROOT } from './helpers';

const profiles = loadProfiles();
const profileJson = (id: string) => JSON.parse(readFileSync(join(ROOT, 'certification-profiles', `${id}.json`), 'utf8')) as Record<string, unknown> & { testCases: Profile['testCases'] };

describe('the Part 6 catalogue', () => {
  it('holds every Part 6 case once, plus the case the errata add, each on the side and in the block its id says', () => {
    const cases = part6Cases();
    expect(cases).toHaveLength(675);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.id).toMatch(new RegExp(`^TC_${c.block}_\\d{2,3}_${c.sut}$`));
    expect(cases.filter((c) => c.sut === 'CS')).toHaveLength(424);
    expect(part6Case('TC_B_58_CSMS')).toMatchObject({ sut: 'CSMS', block: 'B', errata: expect.stringContaining('2025-04') });
  });
});

describe('the certification profiles', () => {
  it('are the eight Part 5 profiles, Core first, each valid against schemas/profile.schema.json', () => {
    expect(profiles.map((p) => p.name)).toEqual([
      'Core',
      'Advanced Security',
      'Local Authorization List Management',
      'Smart Charging',
      'Advanced Device Management',
      'Reservation',
      'Advanced User Interface',
      'ISO 15118 Support',
    ]);
    expect(profiles.filter((p) => p.requiredForCertification).map((p) => p.id)).toEqual(['core']);
    for (const p of profiles) expect(p.specification).toEqual({ ocppVersion: '2.0.1', part5: expect.stringContaining('Edition 3'), part6: expect.stringContaining('Edition 3'), errata: '2025-09' });
  });

  it('name only Part 6 case ids, on the side of the list they are in', () => {
    for (const p of profiles) {
      for (const side of ['CS', 'CSMS'] as const) {
        for (const entry of p.testCases[side]) {
          expect(part6Case(entry.id)?.sut).toBe(side);
        }
      }
    }
  });

  it('list what Part 5 names but no run can select, with a reason, and those ids are indeed not Part 6 cases', () => {
    const notSelectable = profiles.flatMap((p) => p.notSelectable.map((n) => `${p.id}:${n.id}`));
    expect(notSelectable).toEqual(['advanced-device-management:TC_N_21_CSMS', 'reservation:TC_H_05']);
    for (const p of profiles) for (const n of p.notSelectable) expect(part6Case(n.id)).toBeUndefined();
  });

  it('give each conditional case a condition over known feature ids, and no mandatory case one', () => {
    const known = new Set(features().map((f) => f.id));
    for (const p of profiles) {
      for (const entry of [...p.testCases.CS, ...p.testCases.CSMS]) {
        expect(entry.condition !== undefined).toBe(entry.requirement === 'C');
        for (const id of entry.condition?.match(/[A-Za-z][\w.:-]*/g)?.filter((t) => !/^(and|or|not)$/i.test(t)) ?? []) expect(known).toContain(id);
      }
    }
  });

  it('count the mandatory and conditional cases of Part 5 Edition 3 with its errata', () => {
    const counts = (p: Profile, side: 'CS' | 'CSMS') => ['M', 'C'].map((r) => p.testCases[side].filter((e) => e.requirement === r).length);
    const core = profiles[0];
    expect(counts(core, 'CS')).toEqual([104, 119]);
    expect(counts(core, 'CSMS')).toEqual([105, 27]);
    expect(core.testCases.CS.find((e) => e.id === 'TC_B_14_CS')).toMatchObject({ id: 'TC_B_14_CS', requirement: 'C', condition: 'C-56', errata: expect.stringContaining('2025-09'), addedByErrata: true });
    expect(counts(profiles.find((p) => p.id === 'advanced-device-management') as Profile, 'CSMS')).toEqual([17, 0]);
  });

  it('refuse a case id that is not a Part 6 id, and a condition over an unknown feature id', () => {
    const core = profileJson('core');
    const withCase = (entry: object) => ({ ...core, testCases: { ...core.testCases, CS: [entry] } });
    expect(() => checkProfile(withCase({ id: 'TC_B_99_CS', requirement: 'M' }), 'core.json')).toThrow('core.json: TC_B_99_CS is not a Part 6 case id');
    expect(() => checkProfile(withCase({ id: 'TC_B_14_CS', requirement: 'C', condition: 'C-56 or X-1' }), 'core.json')).toThrow(`core.json: TC_B_14_CS: condition "C-56 or X-1": unknown feature id 'X-1'`);
    expect(() => checkProfile(withCase({ id: 'TC_B_14_CS', requirement: 'C' }), 'core.json')).toThrow(`/testCases/CS/0: must have required property 'condition'`);
  });

  it('are found by a comma list of ids; an unknown one is refused with the known ones', () => {
    expect(profilesNamed('core, smart-charging').map((p) => p.name)).toEqual(['Core', 'Smart Charging']);
    expect(() => profilesNamed('core,fast-charging')).toThrow("unknown profile 'fast-charging'; known: core, advanced-security, local-auth-list");
  });

  it('tell which profiles list a case', () => {
    expect(profileNamesOf('TC_K_01_CS', 'CS')).toEqual(['Smart Charging', 'ISO 15118 Support']);
    expect(profileNamesOf('TC_K_01_CS', 'CS', ['iso15118'])).toEqual(['ISO 15118 Support']);
    expect(profileNamesOf('TC_B_19_CS', 'CS')).toEqual([]);
  });
});

const withReference = existsSync(join(REFERENCE_DIR, 'part5-profiles.json')) ? describe : describe.skip;

withReference('against the shared reference data', () => {
  it('catalog/, certification-profiles/ and the PICS feature list are what scripts/generate-catalog.ts makes now', () => {
    expect(staleFiles(generateCatalog())).toEqual([]);
  });

  it('agree with the test case tables of the Part 5 text, except where an erratum changed them', () => {
    const text = readFileSync(join(REFERENCE_DIR, 'ocpp-2.0.1', 'OCPP-2.0.1_edition3_part5_certification_profiles.txt'), 'utf8').split('\n');
    const start = text.findIndex((l) => l.startsWith('4.2. Test Cases Core'));
    const baseId = (id: string) => id.replace(/_(CS|CSMS)$/, '');
    for (const p of profiles) {
      const from = text.findIndex((l, i) => i >= start && l.startsWith(`${p.part5Section}. Test Cases`));
      const to = text.findIndex((l, i) => i > from && /^(4\.\d+\. Test Cases|5\. )/.test(l));
      const inText = new Set(text.slice(from, to).flatMap((l) => /^(TC_[A-P]_\d+)\s/.exec(l)?.[1] ?? []));
      const entries = [...p.testCases.CS, ...p.testCases.CSMS];
      const inFile = new Set([...entries.filter((e) => !e.addedByErrata), ...p.removedByErrata, ...p.notSelectable].map((e) => baseId(e.id)));
      expect([p.id, [...inFile].sort()]).toEqual([p.id, [...inText].sort()]);
    }
  });
});
