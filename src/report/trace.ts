// The OCPP trace of one case as a self-contained HTML page: a sequence diagram of the frames, the Part 6 steps as bands, the failing check marked at its frame.
import type { CaseResult, FrameRecord, StepRecord, ValidationRecord } from '../engine/results';

/** Text made safe for HTML content and attribute values (SUT text is shown here). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON that can sit inside a <script> element whatever the SUT sent. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A step with where it sits in the tree. */
interface PlacedStep {
  readonly step: StepRecord;
  readonly path: readonly string[];
  /** Validations of this step that failed (not advisory). */
  readonly failed: readonly ValidationRecord[];
}

/** Every step of the tree, depth first, and which step each frame was exchanged in. */
function placeSteps(steps: readonly StepRecord[]): { placed: PlacedStep[]; stepOfFrame: Map<number, PlacedStep> } {
  const placed: PlacedStep[] = [];
  const stepOfFrame = new Map<number, PlacedStep>();
  const walk = (list: readonly StepRecord[], path: readonly string[]) => {
    for (const step of list) {
      const here: PlacedStep = { step, path: [...path, step.title], failed: step.validations.filter((v) => !v.ok && !v.advisory) };
      placed.push(here);
      for (const id of step.frameIds) stepOfFrame.set(id, here);
      walk(step.steps, here.path);
    }
  };
  walk(steps, []);
  return { placed, stepOfFrame };
}

/** What a frame is, in a few words: `CALL Reset`, `CALLRESULT Reset`, `CALLERROR Reset (SecurityError)`, or its problem. */
export function frameLabel(frame: FrameRecord): string {
  const kind = frame.messageType === 2 ? 'CALL' : frame.messageType === 3 ? 'CALLRESULT' : frame.messageType === 4 ? 'CALLERROR' : 'frame';
  let code = '';
  if (frame.messageType === 4) {
    try {
      code = ` (${String((JSON.parse(frame.raw) as unknown[])[2])})`;
    } catch {
      code = '';
    }
  }
  return `${kind} ${frame.action ?? '?'}${code}`;
}

/**
 * The frames the failure is about: each frame with a problem, and for every step whose check failed (or that failed
 * without a check, e.g. a wait that ran out) the last frame the SUT sent in it, if any.
 */
export function failingFrames(result: CaseResult): Set<number> {
  const marked = new Set<number>();
  result.frames.forEach((f, i) => f.problem && marked.add(i));
  if (result.verdict !== 'failed') return marked;
  const { placed } = placeSteps(result.steps);
  for (const p of placed) {
    if (p.failed.length === 0 && !(p.step.status === 'failed' && p.step.steps.length === 0)) continue;
    const incoming = p.step.frameIds.filter((id) => result.frames[id]?.direction === 'in');
    if (incoming.length > 0) marked.add(incoming[incoming.length - 1]);
  }
  return marked;
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d2330;display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);height:100vh}
header{grid-column:1/3;padding:10px 16px;border-bottom:1px solid #d5d9e0;background:#f6f7f9}
h1{font-size:17px;margin:0 0 4px}.verdict{font-weight:600}.v-passed{color:#18794e}.v-failed{color:#c2231f}.v-inconclusive,.v-error{color:#a15c00}
main{overflow:auto;padding:8px 16px}aside{overflow:auto;border-left:1px solid #d5d9e0;padding:8px 16px;background:#fbfbfc}
.lanes{display:grid;grid-template-columns:70px 1fr 1fr;position:sticky;top:0;background:#fff;font-weight:600;padding:4px 0;border-bottom:2px solid #8891a0;z-index:1}
.lanes span:nth-child(2){text-align:left}.lanes span:nth-child(3){text-align:right}
.band{margin:6px 0 2px;padding:3px 6px;background:#eef1f6;border-left:4px solid #8891a0;font-weight:600}
.band.failed{border-left-color:#c2231f;background:#fdeeee}.band.broken{border-left-color:#a15c00;background:#fff5e6}
.check{font-weight:400;color:#c2231f;margin-left:8px}
.frame{display:grid;grid-template-columns:70px 1fr;cursor:pointer;padding:2px 0;border-radius:3px}
.frame:hover,.frame:focus{background:#eef4ff;outline:none}.frame.selected{background:#dde8ff}
.t{color:#6b7383;font-variant-numeric:tabular-nums;font-size:12px;padding-top:3px}
.arrow{position:relative;border-bottom:2px solid #3b66c4;margin:0 8px 8px;padding:0 6px 1px;font-size:13px}
.in .arrow{border-color:#7b4bb7;text-align:right}.out .arrow{text-align:left}
.arrow::after{content:'';position:absolute;bottom:-6px;border:5px solid transparent}
.out .arrow::after{right:-4px;border-left:8px solid #3b66c4}.in .arrow::after{left:-4px;border-right:8px solid #7b4bb7}
.frame.failing .arrow{border-color:#c2231f;color:#c2231f;font-weight:700}.frame.failing .arrow::after{border-left-color:#c2231f;border-right-color:#c2231f}
.frame.failing .arrow::before{content:'✘ failing check';position:absolute;top:-2px;font-size:11px;background:#c2231f;color:#fff;padding:0 4px;border-radius:3px}
.in.failing .arrow::before{left:0}.out.failing .arrow::before{right:0}
.event{color:#6b7383;font-size:12px;margin-left:70px;font-style:italic}
pre{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#fff;border:1px solid #d5d9e0;padding:8px}
.problem{color:#c2231f}
@media print{body{display:block;height:auto}aside{display:none}}
`;

const SCRIPT = `
const frames = JSON.parse(document.getElementById('frames').textContent);
const detail = document.getElementById('detail');
function show(i){
  document.querySelectorAll('.frame.selected').forEach(e=>e.classList.remove('selected'));
  const row=document.querySelector('.frame[data-index="'+i+'"]'); if(row) row.classList.add('selected');
  const f=frames[i]; let body;
  try { body = JSON.stringify(JSON.parse(f.raw), null, 2); } catch { body = f.raw; }
  detail.replaceChildren();
  const h=document.createElement('h2'); h.textContent=(f.direction==='out'?'harness → SUT':'SUT → harness')+' · '+f.at+' · '+f.connection; detail.append(h);
  if(f.problem){const p=document.createElement('p'); p.className='problem'; p.textContent=f.problem; detail.append(p);}
  const pre=document.createElement('pre'); pre.textContent=body; detail.append(pre);
}
document.querySelectorAll('.frame').forEach(e=>{e.addEventListener('click',()=>show(e.dataset.index));e.addEventListener('keydown',k=>{if(k.key==='Enter')show(e.dataset.index)})});
const first=document.querySelector('.frame.failing')||document.querySelector('.frame'); if(first){show(first.dataset.index); first.scrollIntoView({block:'center'});}
`;

/** The sequence diagram of one case as a standalone HTML page (no network, no external files). */
export function renderTrace(result: CaseResult): string {
  const { stepOfFrame } = placeSteps(result.steps);
  const failing = failingFrames(result);
  const start = Date.parse(result.startedAt);
  const sutName = result.info.sut === 'CS' ? 'Charging Station (SUT)' : 'CSMS (SUT)';
  const harnessName = result.info.sut === 'CS' ? 'Harness (as CSMS)' : 'Harness (as station)';
  const rows: string[] = [];
  let currentBand: PlacedStep | undefined;
  let bandOpened = false;
  const events = [...result.connectionEvents];
  const eventsUntil = (at: number) => {
    while (events.length > 0 && Date.parse(events[0].at) <= at) {
      const e = events.shift() as (typeof events)[number];
      rows.push(`<div class="event">${escapeHtml(`${e.connection}: ${e.event} — ${e.detail}`)}</div>`);
    }
  };
  result.frames.forEach((frame, index) => {
    const at = Date.parse(frame.at);
    eventsUntil(at);
    const band = stepOfFrame.get(index);
    if (!bandOpened || band !== currentBand) {
      currentBand = band;
      bandOpened = true;
      const title = band ? band.path.join(' › ') : '(outside any step)';
      const status = band?.step.status ?? 'passed';
      const checks = band?.failed.map((v) => `<span class="check">✘ ${escapeHtml(`${v.label}: expected ${v.expected}, got ${v.actual}`)}</span>`).join('') ?? '';
      rows.push(`<div class="band ${status}">${escapeHtml(title)}${checks}</div>`);
    }
    const classes = ['frame', frame.direction, failing.has(index) ? 'failing' : ''].filter(Boolean).join(' ');
    const label = `${frameLabel(frame)}${frame.problem ? ` — ${frame.problem}` : ''}`;
    const arrow = `<div class="arrow">${escapeHtml(label)}</div>`;
    rows.push(`<div class="${classes}" data-index="${index}" tabindex="0"><span class="t">+${at - start} ms</span>${arrow}</div>`);
  });
  eventsUntil(Number.POSITIVE_INFINITY);
  if (result.frames.length === 0) rows.push('<p>No frame was exchanged in this case.</p>');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`${result.info.id} — trace`)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>${STYLE}</style></head>
<body>
<header><h1>${escapeHtml(`${result.info.id} · ${result.info.name}`)}</h1>
<div class="verdict v-${escapeHtml(result.verdict)}">${escapeHtml(`${result.verdict}: ${result.reason}`)}</div></header>
<main><div class="lanes"><span>time</span><span>${escapeHtml(harnessName)}</span><span>${escapeHtml(sutName)}</span></div>
${rows.join('\n')}
</main>
<aside id="detail"><p>Click a frame to see it.</p></aside>
<script type="application/json" id="frames">${scriptJson(result.frames)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
