// Checks the certification report: what it states (identity, tool, specification, PICS, verdict per profile and per case), that SUT text is escaped, and that the evidence hashes hold.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult, RunResult } from '../../src/engine/results';
import type { TestCase } from '../../src/engine/testcase';
import { catalogCaseInfo, part6Case, type Part6Case } from '../../src/profiles/part6';
import { checkPics } from '../../src/profiles/pics';
import { planProfileRun } from '../../src/profiles/plan';
import { profilesNamed } from '../../src/profiles/profiles';
import { combineReporters, createReporters } from '../../src/report';
import { type CertificationContext, type CertificationReport, createCertificationReporter, escapeHtml, toolCommit } from '../../src/report/certification';
import { examplePicsJson } from '../profiles/helpers';
import { CASES, HOSTILE, tempOutDir } from './fixture';

const COMMIT = 'c0ffee'.padEnd(40, '0');
const HOSTILE_VENDOR = '<script>alert("v")</script>';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A Core run of the example station PICS with a hostile vendor: TC_B_01_CS passed (its station reports another vendor), TC_B_02_CS failed. */
function coreRun(outDir: string): { run: RunResult; context: CertificationContext } {
  const json = examplePicsJson();
  const pics = checkPics({ ...json, claimedProfiles: ['core'], sut: { ...json.sut, vendor: HOSTILE_VENDOR } }, 'hostile.json');
  const profiles = profilesNamed('core');
  const implemented = ['TC_B_01_CS', 'TC_B_02_CS'].map((id): TestCase => {
    const c = part6Case(id) as Part6Case;
    return { id, name: c.name, sut: 'CS', useCases: c.useCases, requirements: c.requirements, detects: [], info: catalogCaseInfo(c), run: async () => undefined };
  });
  const plan = planProfileRun({ sut: 'CS', profiles, pics, implemented, filter: () => true });
  const boot = `[2,"b1","BootNotification",{"reason":"PowerUp","chargingStation":{"vendorName":"Other Vendor","model":"RefStation","serialNumber":"REF-0001"}}]`;
  const [passed, failed] = CASES;
  const ran: CaseResult[] = [
    { ...passed, info: implemented[0].info, frames: [{ at: passed.startedAt, direction: 'in', raw: boot, messageType: 2, messageId: 'b1', action: 'BootNotification', connection: 'c1' }, ...passed.frames] },
    { ...failed, info: implemented[1].info },
  ];
  const run: RunResult = {
    info: { runId: 'cert-1', toolVersion: '0.1.0', sut: 'CS', target: 'reference', profiles: ['core'], startedAt: '2024-05-01T10:00:00.000Z', outDir },
    cases: [...plan.notRun, ...ran].sort((a, b) => a.info.id.localeCompare(b.info.id, 'en', { numeric: true })),
    durationMs: 1234,
  };
  return { run, context: { pics, picsFile: 'hostile.json', profiles, selection: plan.selection } };
}

describe('certification report', () => {
  let outDir: string;
  let report: CertificationReport;
  let page: string;
  let written: readonly string[];

  beforeAll(async () => {
    outDir = await tempOutDir();
    const { run, context } = coreRun(outDir);
    // The standard reporters, with the certification reporter given a fixed commit instead of asking git.
    const reporters = [...createReporters({ outDir, html: false, console: false }), createCertificationReporter(outDir, context, async () => COMMIT)];
    const set = combineReporters(reporters);
    written = await set.onRunEnd(run);
    expect(set.errors).toEqual([]);
    report = JSON.parse(await readFile(join(outDir, 'certification-report.json'), 'utf8')) as CertificationReport;
    page = await readFile(join(outDir, 'certification-report.html'), 'utf8');
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('is written as HTML, JSON, a copy of the PICS and a SHA-256 manifest, after the files it hashes', () => {
    const names = createReporters({ outDir, html: true, certification: coreRun(outDir).context }).map((r) => r.name);
    expect(names).toEqual(['console', 'summary', 'junit', 'messages', 'allure', 'certification', 'allure-html']);
    expect(written).toEqual(expect.arrayContaining(['pics.json', 'certification-report.json', 'certification-report.html', 'certification-report.sha256'].map((f) => join(outDir, f))));
  });

  it('states the SUT identity (as the PICS states it and as the station reported it), the tool, its commit, the specification and the run', () => {
    expect(report.sut).toMatchObject({ role: 'CS', vendor: HOSTILE_VENDOR, model: 'RefStation', firmwareVersion: '0.1.0', serialNumber: 'REF-0001', reported: { vendor: 'Other Vendor', model: 'RefStation' } });
    expect(report.tool).toEqual({ name: 'ocpp-ct', version: '0.1.0', commit: COMMIT });
    expect(report.specification).toEqual({ ocppVersion: '2.0.1', part5: expect.stringContaining('Part 5'), part6: expect.stringContaining('Part 6'), errata: '2025-09' });
    expect(report.run).toMatchObject({ runId: 'cert-1', sut: 'CS', target: 'reference', profiles: ['core'], durationMs: 1234 });
    expect(report.pics).toMatchObject({ file: 'hostile.json', copy: 'pics.json', content: { claimedProfiles: ['core'] } });
  });

  it('gives every Core CS case its verdict and reason, and the profile the verdict of its required cases', () => {
    const [core] = report.profiles;
    expect(core.cases.map((c) => c.id).sort()).toEqual(profilesNamed('core')[0].testCases.CS.map((e) => e.id).sort());
    expect(core.cases.find((c) => c.id === 'TC_B_01_CS')).toMatchObject({ requirement: 'M', required: true, verdict: 'passed' });
    expect(core.cases.find((c) => c.id === 'TC_B_02_CS')).toMatchObject({ verdict: 'failed', reason: `status was ${HOSTILE}` });
    expect(core.cases.find((c) => c.id === 'TC_A_01_CS')).toMatchObject({ verdict: 'notImplemented', reason: expect.stringContaining('no script yet') });
    expect(core.cases.find((c) => c.id === 'TC_E_45_CS')).toMatchObject({ required: false, verdict: 'notApplicable', reason: expect.stringContaining('profile:local-auth-list: the PICS does not claim') });
    expect(core).toMatchObject({ verdict: 'failed', counts: { listed: core.cases.length, passed: 1, failed: 1 } });
    expect(report.verdict).toBe('failed');
    expect(report.cases).toHaveLength(core.cases.length);
    expect(report.cases.find((c) => c.id === 'TC_B_01_CS')).toMatchObject({ verdict: 'passed', messages: 'messages/TC_B_01_CS.jsonl', requiredBy: [{ profile: 'core', requirement: 'M', applies: true }] });
  });

  it('hashes the evidence: each file on disk matches its SHA-256, and the manifest covers the report files too', async () => {
    const paths = report.evidence.files.map((f) => f.path);
    expect(paths.slice(0, 3)).toEqual(['pics.json', 'summary.json', 'junit.xml']);
    expect(paths).toContain('messages/TC_B_02_CS.jsonl');
    for (const f of report.evidence.files) expect([f.path, sha256(await readFile(join(outDir, f.path)))]).toEqual([f.path, f.sha256]);
    const manifest = (await readFile(join(outDir, 'certification-report.sha256'), 'utf8')).split('\n').filter(Boolean);
    expect(manifest).toHaveLength(report.evidence.files.length + 2);
    expect(sha256(manifest.slice(0, -2).map((l) => `${l}\n`).join(''))).toBe(report.evidence.sha256);
    for (const line of manifest) {
      const [hash, path] = line.split('  ');
      expect([path, sha256(await readFile(join(outDir, path)))]).toEqual([path, hash]);
    }
  });

  it('escapes every SUT-supplied text in the HTML, which carries no script and forbids any', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;v&quot;)&lt;/script&gt;');
    expect(page).toContain('status was &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; \\u{1}\\u{1b}[31m');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(escapeHtml(`a&b<c>"d"'e'\u0000`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;\\u{0}');
  });

  it('shows the verdicts, identity mismatch, specification and evidence, and prints each profile on its own pages', () => {
    expect(page).toContain('<span class="badge v-failed">failed</span>');
    expect(page).toContain('<td class="mismatch">Other Vendor (differs from the PICS)</td>');
    expect(page).toContain('<tr><th>Errata level</th><td>2025-09</td></tr>');
    expect(page).toContain(COMMIT);
    expect(page).toContain(report.evidence.sha256);
    expect(page).toContain('<a href="messages/TC_B_02_CS.jsonl">TC_B_02_CS</a>');
    expect(page.slice(page.indexOf('@media print'))).toContain('section.profile { break-before: page; }');
    for (const c of report.profiles[0].cases) expect(page).toContain(`>${c.id}<`);
  });
});

describe('toolCommit', () => {
  it('is the checkout’s commit or nothing, and answers within its bound', async () => {
    const started = Date.now();
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(await toolCommit()).toBe(head.status === 0 ? head.stdout.trim() : undefined);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
