// Checks `coverage`: its implemented counts are the files under testcases/ (counted here, as other cases land all the time), its Part 6 and mandatory counts the catalogue and profiles.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { coverageTable } from '../../src/cli/profiles';
import { loadCases, TESTCASES_DIR } from '../../src/engine/catalog';
import { coverage } from '../../src/profiles/coverage';
import { part6Cases } from '../../src/profiles/part6';
import { loadProfiles } from '../../src/profiles/profiles';

/** Case files per "<side>/<block>", counted from the folder itself. */
function caseFiles(): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const side of ['cs', 'csms']) {
    for (const block of readdirSync(join(TESTCASES_DIR, side)).filter((b) => /^[A-P]$/.test(b))) {
      files.set(`${side.toUpperCase()}/${block}`, readdirSync(join(TESTCASES_DIR, side, block)).filter((f) => /^TC_.*\.ts$/.test(f)));
    }
  }
  return files;
}

describe('coverage', () => {
  const files = caseFiles();
  const result = coverage(loadCases().map((c) => c.id));

  it('counts as implemented exactly the case files under testcases/, per side and block and in total', () => {
    for (const side of result.sides) {
      for (const b of side.blocks) expect([side.sut, b.block, b.implemented]).toEqual([side.sut, b.block, files.get(`${side.sut}/${b.block}`)?.length ?? 0]);
      const total = [...files].filter(([key]) => key.startsWith(`${side.sut}/`)).reduce((n, [, list]) => n + list.length, 0);
      expect([side.sut, side.total.implemented]).toEqual([side.sut, total]);
    }
    expect(result.notInPart6).toEqual([]);
  });

  it('counts the Part 6 cases and each profile’s mandatory cases per block', () => {
    expect(result.sides.map((s) => s.total.part6)).toEqual([424, 251]);
    expect(result.sides.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.part6, 0), 0)).toBe(part6Cases().length);
    for (const profile of loadProfiles()) {
      for (const side of result.sides) {
        const mandatory = profile.testCases[side.sut].filter((e) => e.requirement === 'M').length;
        expect([profile.id, side.sut, side.total.profiles[profile.id].mandatory]).toEqual([profile.id, side.sut, mandatory]);
        expect(side.blocks.reduce((n, b) => n + b.profiles[profile.id].mandatory, 0)).toBe(mandatory);
      }
    }
  });

  it('prints one row per side and block, totals, and a legend for the profile columns', () => {
    const lines = coverageTable(result).split('\n');
    expect(lines[0]).toMatch(/^SIDE\s+BLOCK\s+PART6\s+IMPL\s+core\s+AS\s+LAL\s+SC\s+ADM\s+reservation\s+AUI\s+iso15118$/);
    const csTotal = result.sides[0].total;
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^CS\\s+all\\s+424\\s+${csTotal.implemented}\\s+${csTotal.profiles.core.implemented}/104\\s`)));
    expect(lines).toContain('Profile columns: implemented / mandatory cases of the profile. AS = advanced-security, LAL = local-auth-list, SC = smart-charging, ADM = advanced-device-management, AUI = advanced-user-interface.');
  });
});
