// Checks the selection: every case of the claimed profiles ends up run, notApplicable (with the features that excluded it) or notImplemented, and the profile verdicts follow.
import { ConfigError } from '../../src/engine/config';
import type { CaseResult } from '../../src/engine/results';
import type { TestCase } from '../../src/engine/testcase';
import { catalogCaseInfo, part6Case, type Part6Case } from '../../src/profiles/part6';
import { planProfileRun } from '../../src/profiles/plan';
import { profilesNamed } from '../../src/profiles/profiles';
import { selectCases } from '../../src/profiles/selection';
import { profileOutcomes } from '../../src/profiles/verdicts';
import { stationPics } from './helpers';

const [core] = profilesNamed('core');
const coreCs = core.testCases.CS;
/** The Core CS cases whose condition refers to the Local Authorization List Management profile. */
const localListCases = coreCs.filter((e) => e.condition?.includes('profile:local-auth-list')).map((e) => e.id);
const select = (pics = stationPics(), implemented: readonly string[] = []) => selectCases({ sut: 'CS', profiles: [core], pics, implemented: new Set(implemented) });

describe('selectCases', () => {
  it('gives every Core CS case exactly one outcome, in id order', () => {
    const selection = select();
    expect(selection.map((s) => s.case.id).sort()).toEqual(coreCs.map((e) => e.id).sort());
    expect(selection.map((s) => s.case.id)).toEqual([...selection.map((s) => s.case.id)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it('never leaves out a mandatory case: without a script it is notImplemented, with one it is selected', () => {
    const selection = select(stationPics(), ['TC_B_01_CS']);
    for (const s of selection.filter((x) => x.requirements[0].requirement === 'M')) expect(s.outcome).not.toBe('notApplicable');
    expect(selection.find((s) => s.case.id === 'TC_B_01_CS')).toMatchObject({ outcome: 'selected', reason: '' });
    expect(selection.find((s) => s.case.id === 'TC_B_06_CS')).toMatchObject({ outcome: 'notImplemented', reason: 'no script yet (testcases/cs/B/TC_B_06_CS.ts); required by core: mandatory' });
  });

  it('makes the local-list cases notApplicable for a PICS without a local authorization list, saying which features excluded them', () => {
    expect(localListCases.length).toBeGreaterThanOrEqual(5);
    const selection = select(stationPics({ 'C-49': false }));
    for (const id of localListCases) {
      const s = selection.find((x) => x.case.id === id);
      expect(s?.outcome).toBe('notApplicable');
      expect(s?.reason).toMatch(/^core: condition ".*profile:local-auth-list.*" does not hold \(/);
      expect(s?.reason).toContain('profile:local-auth-list: the PICS does not claim Local Authorization List Management');
      expect(s?.reason).toContain('C-49 (Authorization Cache): no');
    }
  });

  it('requires them once the PICS claims the profile (with an RFID reader, and remote authorization that can be disabled for TC_E_52)', () => {
    const selection = select(stationPics({ 'C-30': true, 'C-58': true }, ['core', 'local-auth-list']));
    for (const id of localListCases) expect(selection.find((x) => x.case.id === id)?.outcome).toBe('notImplemented');
    const e45 = selection.find((x) => x.case.id === 'TC_E_45_CS');
    expect(e45?.reason).toMatch(/; required by core: condition ".+" holds \(C-30 \(Local start authorization: RFID ISO14443\): yes; profile:local-auth-list: the PICS claims /);
  });

  it('follows the number of EVSEs for HFS-8 conditions', () => {
    expect(select().find((s) => s.case.id === 'TC_B_41_CS')?.outcome).toBe('notImplemented');
    const one = stationPics();
    const single = { ...one, layout: { evses: [{ id: 1, connectors: [1] }] } };
    expect(select(single).find((s) => s.case.id === 'TC_B_41_CS')).toMatchObject({ outcome: 'notApplicable', reason: 'core: condition "HFS-8 > 1" does not hold (HFS-8 (Number of EVSEs (numeric)): 1)' });
  });

  it('lists a case two profiles share once, with both requirements', () => {
    const selection = selectCases({ sut: 'CS', profiles: profilesNamed('smart-charging,iso15118'), pics: stationPics({}, ['core', 'smart-charging', 'iso15118']), implemented: new Set() });
    expect(selection.filter((s) => s.case.id === 'TC_K_01_CS').map((s) => s.requirements.map((r) => r.profile))).toEqual([['smart-charging', 'iso15118']]);
  });
});

/** A stand-in for an implemented case. */
const fakeCase = (c: Part6Case): TestCase => ({ id: c.id, name: c.name, sut: c.sut, useCases: c.useCases, requirements: c.requirements, detects: [], info: catalogCaseInfo(c), run: async () => undefined });

describe('planProfileRun', () => {
  const implemented = ['TC_B_01_CS', 'TC_C_08_CS'].map((id) => fakeCase(part6Case(id) as Part6Case));

  it('runs the selected cases and turns every other case into a result with its verdict and reason', () => {
    const plan = planProfileRun({ sut: 'CS', profiles: [core], pics: stationPics(), implemented, filter: () => true });
    expect(plan.cases.map((c) => c.id)).toEqual(['TC_B_01_CS']);
    expect(plan.notRun).toHaveLength(coreCs.length - 1);
    expect(plan.notRun.find((r) => r.info.id === 'TC_C_08_CS')).toMatchObject({ verdict: 'notApplicable', reason: 'core: condition "C-49" does not hold (C-49 (Authorization Cache): no)', durationMs: 0, frames: [] });
    expect(plan.notRun.find((r) => r.info.id === 'TC_A_01_CS')).toMatchObject({ verdict: 'notImplemented', info: { name: 'Basic Authentication - Valid username/password combination', block: 'A' } });
  });

  it('narrows to --cases', () => {
    const plan = planProfileRun({ sut: 'CS', profiles: [core], pics: stationPics(), implemented, filter: (id) => id.startsWith('TC_B_0') });
    expect([...plan.cases, ...plan.notRun.map((r) => r.info)].map((c) => c.id).sort()).toEqual(coreCs.map((e) => e.id).filter((id) => id.startsWith('TC_B_0')).sort());
  });

  it('refuses a PICS of the other side and a profile the PICS does not claim', () => {
    expect(() => planProfileRun({ sut: 'CSMS', profiles: [core], pics: stationPics(), implemented: [], filter: () => true })).toThrow(new ConfigError('the PICS describes a CS (sut.role), but the run tests a CSMS'));
    expect(() => planProfileRun({ sut: 'CS', profiles: profilesNamed('core,reservation'), pics: stationPics({}, ['core']), implemented: [], filter: () => true })).toThrow('the PICS does not claim reservation (claimedProfiles: core)');
  });
});

describe('profileOutcomes', () => {
  const pics = stationPics();
  const selection = select(pics, coreCs.map((e) => e.id));
  const result = (id: string, verdict: CaseResult['verdict']): CaseResult => ({ info: catalogCaseInfo(part6Case(id) as Part6Case), verdict, reason: verdict, startedAt: '', durationMs: 1, steps: [], frames: [], connectionEvents: [], prompts: [] });
  const required = selection.filter((s) => s.outcome === 'selected').map((s) => s.case.id);
  const allPassed = required.map((id) => result(id, 'passed'));

  it('passes a profile only when every required case passed', () => {
    const [outcome] = profileOutcomes('CS', [core], selection, allPassed);
    expect(outcome).toMatchObject({ verdict: 'passed', counts: { listed: coreCs.length, required: required.length, passed: required.length, failed: 0 } });
    expect(outcome.cases.find((c) => c.id === 'TC_C_08_CS')).toMatchObject({ required: false, verdict: 'notApplicable' });
  });

  it('fails it when one required case failed, and leaves it incomplete when one was not implemented, inconclusive or not run', () => {
    const withVerdict = (verdict: CaseResult['verdict']) => [result(required[0], verdict), ...allPassed.slice(1)];
    expect(profileOutcomes('CS', [core], selection, withVerdict('failed'))[0].verdict).toBe('failed');
    expect(profileOutcomes('CS', [core], selection, withVerdict('notImplemented'))[0].verdict).toBe('incomplete');
    expect(profileOutcomes('CS', [core], selection, withVerdict('inconclusive'))[0].verdict).toBe('incomplete');
    const [notRun] = profileOutcomes('CS', [core], selection, allPassed.slice(1));
    expect(notRun).toMatchObject({ verdict: 'incomplete', counts: { undecided: 1 } });
    expect(notRun.cases.find((c) => c.id === required[0])?.verdict).toBe('notRun');
  });
});
