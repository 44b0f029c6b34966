// The profile features of the real `ocpp-ct` CLI: a Core run with a PICS ends in a certification report listing every Core CS case, bad input is refused with exit 2, coverage and pics init work.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCases } from '../../src/engine/catalog';
import { checkPics } from '../../src/profiles/pics';
import { featuresToAsk } from '../../src/profiles/pics-init';
import { profilesNamed } from '../../src/profiles/profiles';
import type { CertificationReport } from '../../src/report/certification';
import type { Coverage } from '../../src/profiles/coverage';
import { freshOutDir, removeOutDirs, runCli, startCli, stopAll, type CliExit } from '../cli/cli-process';
import { examplePicsJson } from './helpers';

const RUN_MS = 60_000;
/** Every Core CS case in one run, in sequence on shared lanes. */
const CORE_RUN_MS = 240_000;

afterEach(stopAll);
afterAll(removeOutDirs);

function expectExit(exit: CliExit, code: number): void {
  if (exit.code !== code) throw new Error(`expected exit ${code}, got ${exit.code ?? exit.signal}\n--- stdout ---\n${exit.stdout}\n--- stderr ---\n${exit.stderr}`);
}

function writePics(value: unknown): string {
  const file = join(freshOutDir(), 'pics.json');
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('ocpp-ct run --profile core --pics', () => {
  it('ends with a certification report listing every Core CS case: its verdict, notApplicable with the reason, or notImplemented', async () => {
    const out = freshOutDir();
    const exit = await runCli(['run', '--sut', 'cs', '--target', 'reference', '--profile', 'core', '--pics', 'examples/pics-station.json', '--out', out, '--no-html'], CORE_RUN_MS);
    const report = JSON.parse(readFileSync(join(out, 'certification-report.json'), 'utf8')) as CertificationReport;
    expectExit(exit, report.cases.every((c) => c.verdict === 'passed' || c.verdict === 'notApplicable') ? 0 : 1);
    expect(exit.stdout).toContain(`Certification report: ${join(relative(process.cwd(), out), 'certification-report.html')}`);

    const coreIds = profilesNamed('core')[0].testCases.CS.map((e) => e.id);
    const [core] = report.profiles;
    expect(core.cases.map((c) => c.id).sort()).toEqual([...coreIds].sort());
    const implemented = new Set(loadCases('CS').map((c) => c.id));
    for (const c of core.cases) {
      if (!c.required) expect([c.id, c.verdict, c.reason]).toEqual([c.id, 'notApplicable', expect.stringMatching(/^condition ".+" does not hold \(.+\)$/)]);
      else if (!implemented.has(c.id)) expect([c.id, c.verdict]).toEqual([c.id, 'notImplemented']);
      else expect([c.id, c.verdict]).toEqual([c.id, 'passed']);
    }
    const localList = core.cases.filter((c) => c.condition?.includes('profile:local-auth-list'));
    expect(localList.length).toBeGreaterThan(0);
    for (const c of localList) expect(c.reason).toContain('profile:local-auth-list: the PICS does not claim Local Authorization List Management');
    expect(readFileSync(join(out, 'certification-report.html'), 'utf8')).toContain('OCPP 2.0.1 certification test report');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { profiles: string[]; cases: unknown[] };
    expect(summary).toMatchObject({ profiles: ['core'] });
    expect(summary.cases).toHaveLength(coreIds.length);
  }, CORE_RUN_MS);

  it('refuses a malformed PICS with the field and the reason (exit 2)', async () => {
    const pics = writePics({ ...examplePicsJson(), features: { 'C-49': 'yes', 'C-44': true } });
    const exit = await runCli(['run', '--sut', 'cs', '--target', 'reference', '--profile', 'core', '--pics', pics, '--no-html'], RUN_MS);
    expectExit(exit, 2);
    expect(exit.stderr).toContain(`ocpp-ct: ${pics} is not a valid PICS:\n  /features/C-49: must be boolean`);
  });

  it.each([
    [['--profile', 'core'], '--profile needs --pics'],
    [['--profile', 'core,smart-charging', '--pics', 'examples/pics-station.json'], 'the PICS does not claim smart-charging (claimedProfiles: core, reservation)'],
    [['--profile', 'turbo', '--pics', 'examples/pics-station.json'], "--profile: unknown profile 'turbo'; known: core,"],
    [['--profile', 'core', '--pics', 'examples/pics-csms.json'], 'examples/pics-csms.json describes a CSMS (sut.role), but --sut is cs'],
  ])('refuses %j (exit 2)', async (args, message) => {
    const exit = await runCli(['run', '--sut', 'cs', '--target', 'reference', ...args, '--no-html'], RUN_MS);
    expectExit(exit, 2);
    expect(exit.stderr).toContain(message);
  });
});

describe('ocpp-ct coverage', () => {
  it('counts, per side and block, the case files under testcases/ as implemented (text and --json)', async () => {
    const [json, text] = await Promise.all([runCli(['coverage', '--json'], RUN_MS), runCli(['coverage'], RUN_MS)]);
    expectExit(json, 0);
    expectExit(text, 0);
    const result = JSON.parse(json.stdout) as Coverage & { specification: { errata: string } };
    expect(result.specification.errata).toBe('2025-09');
    for (const side of result.sides) {
      const sideDir = join(__dirname, '..', '..', 'testcases', side.sut.toLowerCase());
      for (const b of side.blocks) {
        const files = existsSync(join(sideDir, b.block)) ? readdirSync(join(sideDir, b.block)).filter((f) => /^TC_.*\.ts$/.test(f)) : [];
        expect([side.sut, b.block, b.implemented]).toEqual([side.sut, b.block, files.length]);
      }
      expect(text.stdout).toMatch(new RegExp(`^${side.sut}\\s+all\\s+${side.total.part6}\\s+${side.total.implemented}\\s`, 'm'));
    }
  });
});

describe('ocpp-ct pics init', () => {
  it('writes a valid PICS from the answers typed in, and will not overwrite it without --force', async () => {
    const file = join(freshOutDir(), 'new-pics.json');
    const cli = startCli('pics', 'init', '--out', file);
    // One line per question in the order asked: C-11 yes, and one FullInventory option (C-50 needs at least one), the rest Enter.
    const featureLines = featuresToAsk('CSMS', ['core']).map((f) => (f.id === 'C-11' || f.id === 'C-50.1' ? 'y' : ''));
    cli.child.stdin.end(['csms', 'ACME', 'Central', '2.0', '', '3', ...featureLines].map((l) => `${l}\n`).join(''));
    expectExit(await cli.waitForExit(RUN_MS), 0);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(() => checkPics(written, file)).not.toThrow();
    expect(written).toMatchObject({ sut: { role: 'CSMS', vendor: 'ACME' }, claimedProfiles: ['core'], securityProfile: 3, features: { 'C-11': true } });
    expect(written.$schema).toMatch(/schemas\/pics\.schema\.json$/);

    const again = await runCli(['pics', 'init', '--out', file], RUN_MS);
    expectExit(again, 2);
    expect(again.stderr).toContain('exists; use --force to overwrite it');

    // --edit: Enter keeps each answer; only the software version changes, and the file is written back.
    const edit = startCli('pics', 'init', '--edit', file);
    edit.child.stdin.end(['', '', '', '2.1', '', '', ...featureLines.map(() => '')].map((l) => `${l}\n`).join(''));
    expectExit(await edit.waitForExit(RUN_MS), 0);
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    expect(edited).toEqual({ ...written, sut: { ...written.sut, firmwareVersion: '2.1' } });
  });
});
