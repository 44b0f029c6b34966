// Checks junit.xml is well-formed, escapes hostile SUT text, and maps verdicts to JUnit outcomes.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createJunitReporter, escapeXml, junitXml } from '../../src/report/junit';
import { HOSTILE, sampleRun, tempOutDir } from './fixture';
import { findAll, parseXml } from './xml';

describe('junit reporter', () => {
  let outDir: string;
  beforeEach(async () => {
    outDir = await tempOutDir();
  });
  afterEach(() => rm(outDir, { recursive: true, force: true }));

  it('writes one testsuite per SUT side and block, and one testcase per case', async () => {
    const written = await createJunitReporter(outDir).onRunEnd?.(sampleRun(outDir));
    expect(written).toEqual([join(outDir, 'junit.xml')]);
    const root = parseXml(await readFile(join(outDir, 'junit.xml'), 'utf8'));
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1', time: '31.000' });
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['CS · B Provisioning', 'CS · C Authorization']);
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => [c.attrs.classname, c.attrs.name, c.attrs.time])).toEqual([
      ['B', 'TC_B_01_CS Cold Boot Charging Station - Accepted', '0.042'],
      ['B', 'TC_B_02_CS Cold Boot - Pending', '1.500'],
      ['B', 'TC_B_03_CS Offline boot', '0.005'],
      ['C', 'TC_C_01_CS Local authorization', '0.000'],
    ]);
    const [passed, failed, inconclusive, notApplicable] = cases;
    expect(passed.children.map((c) => c.name)).toEqual(['system-out']);
    expect(failed.children.map((c) => c.name)).toEqual(['failure', 'system-out']);
    expect(inconclusive.children[0]).toMatchObject({ name: 'error', attrs: { type: 'inconclusive', message: 'operator could not unplug' } });
    expect(notApplicable.children[0]).toMatchObject({ name: 'skipped', attrs: { message: 'station has no local list' } });
  });

  it('puts steps and validations in system-out', () => {
    const root = parseXml(junitXml(sampleRun(outDir)));
    const out = findAll(findAll(root, 'testcase')[0], 'system-out')[0].text;
    expect(out.split('\n')).toEqual([
      '1. Boot [passed] (10 ms)',
      '  [ok] BootNotificationRequest.reason: expected PowerUp, actual PowerUp',
      '  1.1 StatusNotification [passed] (10 ms)',
      '    [ok] connectorStatus: expected Available, actual Available',
    ]);
  });

  it('escapes markup, "]]>" and control characters from the SUT', () => {
    const xml = junitXml(sampleRun(outDir));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain('\u001b');
    const failure = findAll(parseXml(xml), 'failure')[0];
    const visible = '<script>alert(1)</script> ]]> \\u{1}\\u{1b}[31m';
    expect(failure.attrs.message).toBe(`status was ${visible}`);
    expect(failure.text).toContain(`[FAIL] status: expected Pending, actual ${visible}`);
  });

  it('keeps line breaks in attributes as character references', () => {
    expect(escapeXml('a\nb\t"c"')).toBe('a&#10;b&#9;&quot;c&quot;');
    expect(escapeXml('a\nb', 'text')).toBe('a\nb');
    expect(escapeXml(`x${HOSTILE}`, 'text')).toBe('x&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; \\u{1}\\u{1b}[31m');
  });

  it('adds a testsuite for each SUT side and block present', () => {
    const run = sampleRun(outDir);
    const csms = { ...run.cases[0], info: { ...run.cases[0].info, id: 'TC_B_01_CSMS', sut: 'CSMS' as const } };
    const root = parseXml(junitXml({ ...run, cases: [...run.cases, csms] }));
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => [s.attrs.name, s.attrs.tests])).toEqual([
      ['CS · B Provisioning', '3'],
      ['CS · C Authorization', '1'],
      ['CSMS · B Provisioning', '1'],
    ]);
  });
});
