// Writes the certification report of a profile run (HTML to read and print, JSON for tools) with a SHA-256 manifest of the evidence, so a lab can show nothing was altered.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult, RunInfo, RunResult, Verdict } from '../engine/results';
import { feature, features } from '../profiles/features';
import { type Specification, specification } from '../profiles/part6';
import { featureValue, type Pics } from '../profiles/pics';
import type { Profile } from '../profiles/profiles';
import type { CaseSelection, ProfileRequirement } from '../profiles/selection';
import { type ProfileCaseVerdict, type ProfileOutcome, profileOutcomes, type ProfileVerdict } from '../profiles/verdicts';
import { type NamedReporter, writeTextFile } from './common';
import { safeFileName } from './messages';
import { signManifest, type SigningIdentity } from './signature';

/** What the certification report needs besides the run: the PICS, the profiles run and the selection made from them. */
export interface CertificationContext {
  readonly pics: Pics;
  /** The PICS file as the user named it. */
  readonly picsFile: string;
  readonly profiles: readonly Profile[];
  readonly selection: readonly CaseSelection[];
  /** Who ran the tests (reports.lab and reports.operator of the run config). */
  readonly lab?: { readonly name?: string; readonly operator?: string };
  /** When given, the evidence manifest is signed with it (a detached signature `ocpp-ct verify` checks). */
  readonly signing?: SigningIdentity;
}

/** One file of the evidence and its SHA-256. */
export interface EvidenceFile {
  /** Path relative to the run's output folder. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The evidence of a run: each file's hash, and one hash over the list (the `sha256sum` manifest text). */
export interface Evidence {
  readonly algorithm: 'SHA-256';
  readonly files: readonly EvidenceFile[];
  readonly sha256: string;
  /** The file holding the manifest, the report files included; check it with `sha256sum -c` in the output folder. */
  readonly manifest: string;
}

/** Identity fields of a SUT. */
type IdentityField = 'vendor' | 'model' | 'firmwareVersion' | 'serialNumber';

/** One case of the run in the report. */
export interface CertificationCase {
  readonly id: string;
  readonly name: string;
  readonly block: string;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly durationMs: number;
  readonly requiredBy: readonly ProfileRequirement[];
  readonly messages: string;
}

/** The content of certification-report.json. */
export interface CertificationReport {
  readonly format: 'ocpp-ct-certification-report/1';
  readonly generatedAt: string;
  readonly tool: { readonly name: 'ocpp-ct'; readonly version: string; readonly commit?: string };
  /** The lab and the operator who ran the tests, as the run config names them. */
  readonly lab?: { readonly name?: string; readonly operator?: string };
  readonly specification: Specification;
  readonly run: Pick<RunInfo, 'runId' | 'sut' | 'target' | 'fault' | 'startedAt' | 'profiles'> & { readonly durationMs: number };
  /** Identity as the PICS states it, and (stations) as the SUT reported it in its first BootNotification. */
  readonly sut: Pics['sut'] & { readonly reported?: Partial<Record<IdentityField, string>> };
  readonly pics: { readonly file: string; readonly copy: string; readonly content: Pics };
  /** passed only when every profile run passed and every claimed profile was run. */
  readonly verdict: ProfileVerdict;
  readonly claimedButNotRun: readonly string[];
  readonly profiles: readonly ProfileOutcome[];
  readonly cases: readonly CertificationCase[];
  readonly evidence: Evidence;
}

/** The report files, relative to the output folder. */
export const CERTIFICATION_FILES = { json: 'certification-report.json', html: 'certification-report.html', manifest: 'certification-report.sha256', pics: 'pics.json' } as const;

const TOOL_ROOT = join(__dirname, '..', '..');

/** The commit the tool runs from, when it runs from a git checkout; undefined otherwise, or after 2 s. Never throws. */
export function toolCommit(): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['rev-parse', 'HEAD'], { cwd: TOOL_ROOT, timeout: 2_000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : /^[0-9a-f]{40}$/m.exec(String(stdout))?.[0]));
    } catch {
      resolve(undefined);
    }
  });
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The files below `dir` (relative to `root`), depth first and sorted; symbolic links are not followed. */
async function filesBelow(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await filesBelow(root, path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** The evidence files present in `outDir` (PICS copy, summary, JUnit, every message log, every uploaded log), hashed. */
async function hashEvidence(outDir: string): Promise<EvidenceFile[]> {
  const messages = await readdir(join(outDir, 'messages')).catch(() => [] as string[]);
  const paths = [CERTIFICATION_FILES.pics, 'summary.json', 'junit.xml', ...messages.sort().map((f) => `messages/${f}`), ...(await filesBelow(outDir, 'uploads'))];
  const files = await Promise.all(paths.map(async (path) => readFile(join(outDir, path)).then((data) => ({ path, sha256: sha256(data), bytes: data.length }), () => undefined)));
  return files.filter((f): f is EvidenceFile => f !== undefined);
}

/** `sha256sum` lines for files. */
const manifestLines = (files: readonly { path: string; sha256: string }[]): string => files.map((f) => `${f.sha256}  ${f.path}\n`).join('');

/** The station identity from the first BootNotification the SUT sent, if any. */
function reportedIdentity(cases: readonly CaseResult[]): Partial<Record<IdentityField, string>> | undefined {
  for (const frame of cases.flatMap((c) => c.frames)) {
    if (frame.direction !== 'in' || frame.messageType !== 2 || frame.action !== 'BootNotification' || frame.problem) continue;
    try {
      const station = (JSON.parse(frame.raw) as [number, string, string, { chargingStation: Record<string, string | undefined> }])[3].chargingStation;
      return { vendor: station.vendorName, model: station.model, firmwareVersion: station.firmwareVersion, serialNumber: station.serialNumber };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Builds the report of a run (without writing anything). */
export function certificationReport(run: RunResult, context: CertificationContext, evidence: Evidence, commit: string | undefined, generatedAt = new Date()): CertificationReport {
  const { info } = run;
  const profiles = profileOutcomes(info.sut, context.profiles, context.selection, run.cases);
  const claimedButNotRun = context.pics.claimedProfiles.filter((p) => !context.profiles.some((q) => q.id === p));
  const verdict: ProfileVerdict = profiles.some((p) => p.verdict === 'failed') ? 'failed' : profiles.every((p) => p.verdict === 'passed') && claimedButNotRun.length === 0 ? 'passed' : 'incomplete';
  const requiredBy = new Map(context.selection.map((s) => [s.case.id, s.requirements]));
  return {
    format: 'ocpp-ct-certification-report/1',
    generatedAt: generatedAt.toISOString(),
    tool: { name: 'ocpp-ct', version: info.toolVersion, commit },
    ...(context.lab ? { lab: context.lab } : {}),
    specification: specification(),
    run: { runId: info.runId, sut: info.sut, target: info.target, fault: info.fault, startedAt: info.startedAt, profiles: info.profiles, durationMs: run.durationMs },
    sut: { ...context.pics.sut, reported: info.sut === 'CS' ? reportedIdentity(run.cases) : undefined },
    pics: { file: context.picsFile, copy: CERTIFICATION_FILES.pics, content: context.pics },
    verdict,
    claimedButNotRun,
    profiles,
    cases: run.cases.map((c) => ({
      id: c.info.id,
      name: c.info.name,
      block: c.info.block,
      verdict: c.verdict,
      reason: c.reason,
      durationMs: c.durationMs,
      requiredBy: requiredBy.get(c.info.id) ?? [],
      messages: `messages/${safeFileName(c.info.id)}.jsonl`,
    })),
    evidence,
  };
}

// ---- HTML ---------------------------------------------------------------------------------------------------------

/** Markup that is already safe to insert. */
class Markup {
  constructor(readonly text: string) {}
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values; control characters become a visible `\u{…}`. */
export function escapeHtml(text: string): string {
  return text
    .replace(/(?![\t\n\r])\p{Cc}/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`)
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function render(value: unknown): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/** A template whose every interpolation is escaped, unless it is Markup (made by this same template). */
function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  return new Markup(strings.reduce((out, s, i) => out + render(values[i - 1]) + s));
}

const VERDICT_WORDS: Readonly<Record<ProfileCaseVerdict | ProfileVerdict, string>> = {
  passed: 'passed',
  failed: 'failed',
  inconclusive: 'inconclusive',
  notApplicable: 'not applicable',
  error: 'error',
  notImplemented: 'not implemented',
  notRun: 'not run',
  incomplete: 'incomplete',
};

const badge = (verdict: ProfileCaseVerdict | ProfileVerdict): Markup => html`<span class="badge v-${verdict}">${VERDICT_WORDS[verdict]}</span>`;

const STYLE = `
:root { --line: #d0d7de; --head: #f6f8fa; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; max-width: 1120px; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.55rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 1.8rem; }
p.lead { margin: .2rem 0 1rem; color: #57606a; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .22rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--head); } table.facts th { width: 15rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } td.reason { font-size: .88em; overflow-wrap: anywhere; }
table.fixed { table-layout: fixed; } col.id { width: 14%; } col.name { width: 26%; } col.req { width: 14%; } col.verdict { width: 14%; } td .badge { white-space: normal; }
col.path { width: 30%; } col.bytes { width: 8%; } table.hashes td { font-size: .8em; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .86em; } .hash { overflow-wrap: anywhere; }
pre { background: var(--head); border: 1px solid var(--line); padding: .5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .7rem; font-weight: 600; font-size: .85em; color: #fff; white-space: nowrap; }
.v-passed { background: #1a7f37; } .v-failed { background: #cf222e; } .v-error { background: #8250df; } .v-inconclusive, .v-incomplete { background: #9a6700; }
.v-notApplicable { background: #6e7781; } .v-notImplemented { background: #0969da; } .v-notRun { background: #57606a; }
.mismatch { color: #cf222e; font-weight: 600; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  section.profile { break-before: page; } h2 { break-after: avoid; } tr { break-inside: avoid; }
  .badge, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}`;

/** A feature's answer as the report shows it: stated, derived, or not stated (counts as no). */
function answerText(pics: Pics, id: string): string {
  const answer = pics.features[id];
  const value = featureValue(pics, id);
  if (feature(id)?.answer === 'derived') return `${typeof value === 'number' ? value : value ? 'yes' : 'no'} (derived)`;
  if (answer === undefined) return 'no (not stated)';
  if (Array.isArray(answer)) return answer.join(', ') || '(none)';
  return typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : String(answer);
}

function identitySection(report: CertificationReport): Markup {
  const { sut } = report;
  const row = (label: string, field: IdentityField) => {
    const stated = sut[field];
    const reported = sut.reported?.[field];
    const differs = reported !== undefined && stated !== undefined && reported !== stated;
    return html`<tr><th>${label}</th><td>${stated ?? '(not stated)'}</td>${sut.reported ? html`<td class="${differs ? 'mismatch' : ''}">${reported ?? '(not sent)'}${differs ? ' (differs from the PICS)' : ''}</td>` : ''}</tr>`;
  };
  const pics = report.pics.content;
  const layout = pics.layout?.evses.map((e) => `EVSE ${e.id}: connector${e.connectors.length > 1 ? 's' : ''} ${e.connectors.join(', ')}`).join('; ');
  return html`<section><h2>System under test</h2>
<table class="facts"><thead><tr><th></th><th>Stated in the PICS</th>${sut.reported ? html`<th>Reported by the SUT (BootNotification)</th>` : ''}</tr></thead><tbody>
<tr><th>Role</th><td>${sut.role === 'CS' ? 'Charging Station' : 'CSMS'}</td>${sut.reported ? html`<td></td>` : ''}</tr>
${row('Vendor', 'vendor')}${row('Model', 'model')}${row('Firmware / software version', 'firmwareVersion')}${row('Serial number', 'serialNumber')}
<tr><th>Security profile</th><td>${pics.securityProfile}</td>${sut.reported ? html`<td></td>` : ''}</tr>
${layout ? html`<tr><th>EVSEs and connectors</th><td>${layout}</td>${sut.reported ? html`<td></td>` : ''}</tr>` : ''}
<tr><th>Claimed profiles</th><td>${pics.claimedProfiles.join(', ')}</td>${sut.reported ? html`<td></td>` : ''}</tr>
</tbody></table></section>`;
}

function testSystemSection(report: CertificationReport): Markup {
  const { tool, specification: spec, run } = report;
  return html`<section><h2>Test system and run</h2><table class="facts"><tbody>
<tr><th>Lab</th><td>${report.lab?.name ?? '(not named: set reports.lab in the run config)'}</td></tr>
<tr><th>Operator</th><td>${report.lab?.operator ?? '(not named: set reports.operator in the run config)'}</td></tr>
<tr><th>Tool</th><td>${tool.name} ${tool.version}</td></tr>
<tr><th>Tool commit</th><td class="mono">${tool.commit ?? '(not from a git checkout)'}</td></tr>
<tr><th>Specification</th><td>OCPP ${spec.ocppVersion}: ${spec.part5}; ${spec.part6}</td></tr>
<tr><th>Errata level</th><td>${spec.errata}</td></tr>
<tr><th>Run</th><td class="mono">${run.runId}</td></tr>
<tr><th>Target</th><td>${run.target === 'reference' ? `the built-in reference ${run.sut === 'CS' ? 'Charging Station' : 'CSMS'} (a demonstration, not the product)` : run.target}${run.fault ? `, with fault ${run.fault} switched on` : ''}</td></tr>
<tr><th>Started</th><td>${run.startedAt} (${(run.durationMs / 1000).toFixed(1)} s)</td></tr>
<tr><th>PICS</th><td>${report.pics.file} (copy: <a href="${report.pics.copy}">${report.pics.copy}</a>)</td></tr>
</tbody></table></section>`;
}

function verdictsSection(report: CertificationReport): Markup {
  const rows = report.profiles.map(
    (p) => html`<tr><td><a href="#profile-${p.id}">${p.name}</a></td><td>${badge(p.verdict)}</td><td class="num">${p.counts.listed}</td><td class="num">${p.counts.required}</td><td class="num">${p.counts.passed}</td><td class="num">${p.counts.failed}</td><td class="num">${p.counts.notApplicable}</td><td class="num">${p.counts.notImplemented}</td><td class="num">${p.counts.undecided}</td></tr>`,
  );
  return html`<section><h2>Verdict per profile</h2>
<p class="lead">A profile passes only when every mandatory case and every conditional case whose condition holds for this PICS passed.
Required: mandatory, or conditional with a condition that holds. Undecided: required cases that ended inconclusive or in error, or were not run.</p>
<table><thead><tr><th>Profile</th><th>Verdict</th><th>Listed</th><th>Required</th><th>Passed</th><th>Failed</th><th>Not applicable</th><th>Not implemented</th><th>Undecided</th></tr></thead>
<tbody>${rows}</tbody></table>
${report.claimedButNotRun.length > 0 ? html`<p>Claimed in the PICS but not run here: ${report.claimedButNotRun.join(', ')}.</p>` : ''}</section>`;
}

/** Verdicts of cases that were run, and so have a message log worth linking. */
const RAN: readonly ProfileCaseVerdict[] = ['passed', 'failed', 'inconclusive', 'error'];

function profileSection(p: ProfileOutcome, byId: ReadonlyMap<string, CertificationCase>): Markup {
  const rows = p.cases.map((c) => {
    const log = RAN.includes(c.verdict) ? byId.get(c.id)?.messages : undefined;
    return html`<tr><td class="mono">${log ? html`<a href="${log}">${c.id}</a>` : c.id}</td><td>${c.name}</td><td>${c.requirement}${c.condition ? html`<br><code>${c.condition}</code>` : ''}</td><td>${badge(c.verdict)}</td><td class="reason">${c.reason}</td></tr>`;
  });
  const notes = [
    ...p.notSelectable.map((n) => html`<li><span class="mono">${n.id}</span>: ${n.reason}</li>`),
    ...p.removedByErrata.map((r) => html`<li><span class="mono">${r.id}</span>: removed from this profile by ${r.errata}</li>`),
  ];
  return html`<section class="profile" id="profile-${p.id}"><h2>${p.name}: ${badge(p.verdict)}</h2>
<table class="fixed"><colgroup><col class="id"><col class="name"><col class="req"><col class="verdict"><col></colgroup>
<thead><tr><th>Case</th><th>Name</th><th>M / C</th><th>Verdict</th><th>Reason</th></tr></thead><tbody>${rows}</tbody></table>
${notes.length > 0 ? html`<p>Part 5 rows of this profile that no run selects:</p><ul>${notes}</ul>` : ''}</section>`;
}

function picsSection(report: CertificationReport): Markup {
  const pics = report.pics.content;
  const rows = features()
    .filter((f) => f.roles.includes(pics.sut.role))
    .map((f) => html`<tr><td class="mono">${f.id}</td><td>${f.name}</td><td>${answerText(pics, f.id)}</td></tr>`);
  return html`<section class="profile"><h2>PICS: feature answers</h2>
<table><thead><tr><th>Feature</th><th>Name</th><th>Answer</th></tr></thead><tbody>${rows}</tbody></table>
<h2>PICS: configured values</h2><pre>${JSON.stringify(pics.configured ?? {}, null, 2)}</pre></section>`;
}

function evidenceSection(evidence: Evidence): Markup {
  const empty = evidence.files.filter((f) => f.bytes === 0).length;
  const rows = evidence.files.filter((f) => f.bytes > 0).map((f) => html`<tr><td class="mono">${f.path}</td><td class="num">${f.bytes}</td><td class="mono hash">${f.sha256}</td></tr>`);
  return html`<section><h2>Evidence</h2>
<p>SHA-256 over the list below (the text of <code>${evidence.manifest}</code> without its last two lines): <span class="mono hash">${evidence.sha256}</span></p>
<p class="lead">Check every file, the two report files included, with <code>sha256sum -c ${evidence.manifest}</code> in the report folder, or with <code>ocpp-ct verify &lt;folder&gt;</code>, which also checks the detached signature <code>${evidence.manifest}.sig</code> when the run was signed.</p>
<table class="fixed hashes"><colgroup><col class="path"><col class="bytes"><col></colgroup><thead><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table>
${empty > 0 ? html`<p>Not shown: ${empty} empty message logs (cases not run); the manifest lists them too.</p>` : ''}</section>`;
}

/** The report as one self-contained HTML page (no script; every SUT-supplied text escaped; printable). */
export function certificationHtml(report: CertificationReport): string {
  const byId = new Map(report.cases.map((c) => [c.id, c]));
  const { sut, run } = report;
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Certification test report: ${sut.vendor} ${sut.model} ${sut.firmwareVersion}</title><style>${new Markup(STYLE)}</style></head>
<body><header><h1>OCPP ${report.specification.ocppVersion} certification test report ${badge(report.verdict)}</h1>
<p class="lead">${sut.vendor} ${sut.model}, ${sut.role === 'CS' ? 'firmware' : 'version'} ${sut.firmwareVersion}: profiles ${run.profiles.join(', ')}; run ${run.runId}; report generated ${report.generatedAt}</p></header>
${identitySection(report)}${testSystemSection(report)}${verdictsSection(report)}
${report.profiles.map((p) => profileSection(p, byId))}
${picsSection(report)}${evidenceSection(report.evidence)}
</body></html>
`;
  return page.text;
}

/**
 * Reporter writing, into `outDir`: pics.json (the PICS used), certification-report.json, certification-report.html and
 * certification-report.sha256. It must run after the summary, JUnit and messages reporters, whose files it hashes.
 */
export function createCertificationReporter(outDir: string, context: CertificationContext, commit: () => Promise<string | undefined> = toolCommit): NamedReporter {
  return {
    name: 'certification',
    async onRunEnd(run) {
      const picsCopy = await writeTextFile(join(outDir, CERTIFICATION_FILES.pics), `${JSON.stringify(context.pics, null, 2)}\n`);
      const files = await hashEvidence(outDir);
      const evidence: Evidence = { algorithm: 'SHA-256', files, sha256: sha256(manifestLines(files)), manifest: CERTIFICATION_FILES.manifest };
      const report = certificationReport(run, context, evidence, await commit());
      const json = `${JSON.stringify(report, null, 2)}\n`;
      const page = certificationHtml(report);
      const written = [
        picsCopy,
        await writeTextFile(join(outDir, CERTIFICATION_FILES.json), json),
        await writeTextFile(join(outDir, CERTIFICATION_FILES.html), page),
      ];
      const reports = [
        { path: CERTIFICATION_FILES.json, sha256: sha256(json) },
        { path: CERTIFICATION_FILES.html, sha256: sha256(page) },
      ];
      written.push(await writeTextFile(join(outDir, CERTIFICATION_FILES.manifest), manifestLines([...files, ...reports])));
      if (context.signing) written.push(...(await signManifest(outDir, context.signing)));
      return written;
    },
  };
}
