// The run page: progress bar and filterable verdicts, reports and sequence diagrams, live progress over server-sent events (ended cases collapse, the page stays bounded), operator prompts, re-run failed.
/* global document, window, EventSource, URLSearchParams */
import { api, badge, blockOf, comparePage, duration, el, fill, localTime, okVerdict, progressBar, runApi, runPage, tracePage } from './common.js';

const runId = new URLSearchParams(window.location.search).get('id') || '';
const $ = (id) => document.getElementById(id);
/** Longest frame text shown in full; the rest is in messages/<case>.jsonl and the reports. */
const FRAME_CHARS = 4000;
/** Ended cases whose steps stay on the page (collapsed); older ones keep only their row and trace link, so a long run's page stays bounded. */
const KEEP_PASSED = 20;
const KEEP_NOT_PASSED = 60;
/** Per case: its row in the verdict table, its timeline, and the steps open at each depth. */
const cases = new Map();
/** Ended cases with a timeline still on the page, oldest first, per kind. */
const kept = { passed: [], notPassed: [] };
let droppedPassed = 0;
let runState = 'running';
/** When the run started (for the ETA while it goes on). */
let startedAt;
let operatorName = '';
let source;

function showError(message) {
  $('run-error').textContent = message;
  $('run-error').hidden = false;
}

function setState(state) {
  runState = state;
  fill($('run-state'), badge(state));
  $('run-state').dataset.state = state;
  $('stop').hidden = state !== 'running';
  updateRerun();
}

function renderRun(run) {
  $('run-title').textContent = `Run ${run.id}`;
  document.title = `ocpp-ct · ${run.id}`;
  const side = run.sut.toUpperCase() === 'CS' ? 'Charging Station' : 'CSMS';
  fill(
    $('run-meta'),
    `${side} under test · target ${run.target}`,
    run.fault ? ` · fault ${run.fault}` : '',
    run.profiles && run.profiles.length ? ` · profiles ${run.profiles.join(', ')}` : '',
    ` · started ${localTime(run.startedAt)}`,
    typeof run.durationMs === 'number' ? ` · took ${duration(run.durationMs)}` : '',
    run.identity ? ` · SUT ${run.identity.label}${run.identity.version ? ` (${run.identity.version})` : ''}` : '',
  );
  if (run.rerunOf) {
    fill($('rerun-of'), 'Re-run of the cases that did not pass in ', el('a', { href: runPage(run.rerunOf) }, run.rerunOf), ' · ', el('a', { href: comparePage(run.rerunOf, run.id), id: 'compare-rerun' }, 'compare with it'));
    $('rerun-of').hidden = false;
  }
  startedAt = Date.parse(run.startedAt);
  setState(run.state);
  renderReports(run.state, run.reports || {});
  for (const c of run.cases || []) setVerdict(c.id, c);
  updateProgress();
  linkPrevious(run).catch(() => undefined);
}

function renderReports(state, reports) {
  const link = (id, href, label) =>
    href ? el('a', { class: 'button', id, href, target: '_blank', rel: 'noopener' }, label) : el('span', { class: 'unavailable', id }, `${label}: ${state === 'running' ? 'when the run has finished' : 'not available'}`);
  fill($('reports'), link('report-certification', reports.certification, 'Certification report'), link('report-allure', reports.allure, 'Allure report'), el('span', { id: 'previous-run' }));
}

/** A link comparing this run with the run of the same SUT before it, when there is one. */
async function linkPrevious(run) {
  if (!run.identity) return;
  const { suts } = await api('GET', '/api/history');
  const mine = suts.find((s) => s.identity.key === run.identity.key);
  const index = mine ? mine.runs.findIndex((r) => r.id === run.id) : -1;
  if (index > 0) fill($('previous-run'), el('a', { class: 'button secondary', id: 'compare-previous', href: comparePage(mine.runs[index - 1].id, run.id) }, 'Compare with the previous run of this SUT'));
}

/** The case's row in the verdict table and its section in the progress timeline, made on first use. */
function caseView(caseId, name) {
  let view = cases.get(caseId);
  if (!view) {
    const cells = { name: el('td', {}), verdict: el('td', {}, badge('pending')), duration: el('td', { class: 'nowrap' }), reason: el('td', { class: 'reason' }), trace: el('td', { class: 'nowrap' }) };
    const row = el('tr', { 'data-case': caseId, 'data-block': blockOf(caseId) }, el('td', { class: 'nowrap' }, caseId), cells.name, cells.verdict, cells.duration, cells.reason, cells.trace);
    $('verdicts').append(row);
    const heading = el('summary', {}, el('span', { class: 'case-id' }, caseId), ' ', el('span', { class: 'case-name' }), ' ', el('span', { class: 'case-verdict' }));
    const timeline = el('ol', { class: 'timeline' });
    const details = el('details', { open: true }, heading, timeline);
    view = { id: caseId, row, cells, heading, details, timeline, section: el('section', { class: 'case', 'data-case': caseId }, details), steps: [], shown: false, verdict: 'pending', name: '', reason: '' };
    cases.set(caseId, view);
    updateBlocks(blockOf(caseId));
  }
  if (name) {
    view.name = name;
    view.cells.name.textContent = name;
    view.heading.querySelector('.case-name').textContent = name;
  }
  return view;
}

function setVerdict(caseId, c) {
  const view = caseView(caseId, c.name);
  view.verdict = c.verdict;
  view.reason = c.reason || '';
  fill(view.cells.verdict, badge(c.verdict));
  view.cells.duration.textContent = duration(c.durationMs);
  view.cells.reason.textContent = view.reason;
  view.row.dataset.verdict = c.verdict;
  view.section.dataset.verdict = c.verdict;
  fill(view.heading.querySelector('.case-verdict'), badge(c.verdict));
  const ended = !['running', 'pending', 'notRun'].includes(c.verdict);
  fill(view.cells.trace, ended ? el('a', { class: 'trace', href: tracePage(runId, caseId), target: '_blank', rel: 'noopener', title: 'the sequence diagram of this case' }, 'diagram') : null);
  updateVerdictOptions(c.verdict);
  applyFilter(view);
}

/** The case's timeline, put on the page (at the top: newest first) when the case begins. */
function timeline(caseId) {
  const view = caseView(caseId);
  if (!view.shown) {
    $('progress').prepend(view.section);
    view.shown = true;
  }
  return view;
}

/** An ended case collapses to its summary line; beyond the last few, its steps leave the page (its row and diagram stay). */
function collapse(view) {
  if (!view.shown) return;
  view.details.open = false;
  view.steps.length = 0;
  const list = okVerdict(view.verdict) ? kept.passed : kept.notPassed;
  list.push(view);
  const limit = okVerdict(view.verdict) ? KEEP_PASSED : KEEP_NOT_PASSED;
  while (list.length > limit) {
    const old = list.shift();
    old.section.remove();
    old.shown = 'dropped';
    if (okVerdict(old.verdict)) droppedPassed++;
  }
  $('collapsed-count').textContent = droppedPassed > 0 ? `${droppedPassed} earlier passed case(s) left this list: their rows and diagrams are in the verdict table.` : '';
}

/** Counts of the verdicts so far (pending and running left out), the bar and its line. */
function updateProgress() {
  const counts = {};
  let running = 0;
  for (const view of cases.values()) {
    if (view.verdict === 'running') running++;
    else if (view.verdict !== 'pending') counts[view.verdict] = (counts[view.verdict] || 0) + 1;
  }
  const total = cases.size;
  const ended = Object.values(counts).reduce((n, v) => n + v, 0);
  const notOk = Object.entries(counts).filter(([v]) => !okVerdict(v));
  // The time left, from the mean time per ended case so far (cases run side by side in lanes, so this is what the run really takes per case).
  const elapsed = Date.now() - startedAt;
  const eta = runState === 'running' && ended > 0 && ended < total && Number.isFinite(elapsed) ? `ETA ${duration((elapsed / ended) * (total - ended))}` : '';
  const line = [`${ended}/${total}`, total > 0 ? `${Math.floor((100 * ended) / total)} %` : '', ...Object.entries(counts).map(([v, n]) => `${n} ${v}`), running > 0 ? `${running} running` : '', eta].filter(Boolean).join(' · ');
  fill($('progress-summary'), progressBar(counts, total), el('span', { class: 'progress-line', id: 'progress-line' }, line));
  $('progress-summary').dataset.ended = String(ended);
  $('progress-summary').dataset.notPassed = String(notOk.reduce((n, [, c]) => n + c, 0));
  updateRerun();
}

function updateRerun() {
  const failed = [...cases.values()].filter((v) => !okVerdict(v.verdict) && v.verdict !== 'pending' && v.verdict !== 'running').length;
  $('rerun-failed').hidden = runState === 'running' || failed === 0;
  $('rerun-failed').textContent = `Re-run failed (${failed})`;
}

// Filters: by verdict, block and text, over the verdict table and the case timelines.
function filterValues() {
  return { verdict: $('filter-verdict').value, block: $('filter-block').value, text: $('filter-text').value.trim().toLowerCase() };
}

function matches(view, f) {
  if (f.verdict === '!ok' && (okVerdict(view.verdict) || view.verdict === 'pending' || view.verdict === 'running')) return false;
  if (f.verdict && f.verdict !== '!ok' && view.verdict !== f.verdict) return false;
  if (f.block && blockOf(view.id) !== f.block) return false;
  if (f.text && !`${view.id} ${view.name} ${view.reason}`.toLowerCase().includes(f.text)) return false;
  return true;
}

function applyFilter(view, f = filterValues()) {
  const show = matches(view, f);
  view.row.hidden = !show;
  view.section.hidden = !show;
  return show;
}

function applyFilters() {
  const f = filterValues();
  let shown = 0;
  for (const view of cases.values()) if (applyFilter(view, f)) shown++;
  $('filter-count').textContent = f.verdict || f.block || f.text ? `showing ${shown} of ${cases.size}` : '';
}

function addOption(select, value, label) {
  if ([...select.options].some((o) => o.value === value)) return;
  select.append(el('option', { value }, label));
}

function updateVerdictOptions(verdict) {
  if (verdict !== 'pending' && verdict !== 'running') addOption($('filter-verdict'), verdict, verdict);
}

function updateBlocks(block) {
  addOption($('filter-block'), block, block);
}

for (const id of ['filter-verdict', 'filter-block', 'filter-text']) $(id).addEventListener('input', applyFilters);

const STEP_ICONS = { running: '…', passed: '✔', failed: '✘', broken: '!' };

/** A step of the timeline: a header line, then (nested) what happens inside it, then its outcome. */
function stepItem(title) {
  const header = el('div', { class: 'step-header' }, el('span', { class: 'icon' }, STEP_ICONS.running), el('span', { class: 'title' }, title), el('span', { class: 'took' }));
  const inside = el('ol', { class: 'inside' });
  return { item: el('li', { class: 'step step-running' }, header, inside), inside };
}

/** Where entries of the case go now: inside its innermost open step, or at the top of its timeline. */
function container(view) {
  return view.steps.length > 0 ? view.steps[view.steps.length - 1].inside : view.timeline;
}

/** A case whose timeline already left the page gets no more entries (a late frame of an ended case). */
function live(caseId) {
  const view = cases.get(caseId);
  return !(view && view.shown === 'dropped');
}

function onStepEnd(e) {
  const view = timeline(e.caseId);
  let step = view.steps[e.depth];
  if (!step) {
    // A validation made outside any step is a step of its own, ended without a beginning.
    step = stepItem(e.title);
    container(view).append(step.item);
  }
  view.steps.length = e.depth;
  const { item } = step;
  item.className = `step step-${e.status}`;
  item.querySelector('.icon').textContent = STEP_ICONS[e.status] || '?';
  item.querySelector('.took').textContent = duration(e.durationMs);
  if (e.validations.length > 0) {
    item.append(
      el(
        'ul',
        { class: 'validations' },
        e.validations.map((v) => el('li', { class: v.ok ? 'ok' : v.advisory ? 'advisory' : 'not-ok' }, `${v.ok ? '✔' : v.advisory ? '⚠' : '✘'} ${v.label}${v.advisory ? ' (advisory)' : ''}: expected ${v.expected}, got ${v.actual}`)),
      ),
    );
  }
  if (e.error) item.append(el('div', { class: 'step-error' }, e.error));
}

/** Adds a frame or prompt record to the timeline, inside the step it happened in. */
function inCurrentStep(caseId, item) {
  container(timeline(caseId)).append(item);
}

const MESSAGE_TYPES = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR' };

function frameItem(frame) {
  const raw = frame.raw.length > FRAME_CHARS ? `${frame.raw.slice(0, FRAME_CHARS)} … (${frame.raw.length - FRAME_CHARS} more characters)` : frame.raw;
  const time = frame.at.slice(11, 23);
  return el(
    'li',
    { class: `frame frame-${frame.direction === 'out' ? 'out' : 'in'}` },
    el('span', { class: 'direction' }, frame.direction === 'out' ? 'harness → SUT' : 'SUT → harness'),
    el('span', { class: 'at' }, time),
    el('span', { class: 'action' }, [frame.action, MESSAGE_TYPES[frame.messageType]].filter(Boolean).join(' ')),
    el('code', { class: 'raw' }, raw),
    frame.problem ? el('span', { class: 'problem' }, frame.problem) : null,
  );
}

function promptCard(prompt) {
  const name = el('input', { class: 'operator-name', placeholder: 'Your name (optional)', title: 'Recorded in the report as who answered', 'aria-label': 'Your name', maxlength: 64, autocomplete: 'name' });
  name.value = operatorName;
  name.addEventListener('input', () => (operatorName = name.value));
  const problem = el('p', { class: 'error', role: 'alert', hidden: true });
  const done = el('button', { type: 'button', class: 'primary done' }, 'Done');
  const cannot = el('button', { type: 'button', class: 'danger cannot' }, 'Cannot do');
  const answer = async (kind) => {
    done.disabled = cannot.disabled = true;
    try {
      await api('POST', `${runApi(runId)}/prompts/${encodeURIComponent(prompt.promptId)}`, { answer: kind, name: name.value.trim() || undefined });
    } catch (failure) {
      problem.textContent = failure.message;
      problem.hidden = false;
      done.disabled = cannot.disabled = false;
    }
  };
  done.addEventListener('click', () => answer('done'));
  cannot.addEventListener('click', () => answer('cannot'));
  return el(
    'div',
    { class: 'prompt', 'data-prompt': prompt.promptId },
    el('p', { class: 'prompt-label' }, `Operator action needed · ${prompt.caseId}`),
    el('p', { class: 'instruction' }, prompt.instruction),
    el('p', { class: 'hint' }, `Opened ${localTime(prompt.at)}. Unanswered after ${duration(prompt.timeoutMs)}, the case ends inconclusive.`),
    el('div', { class: 'actions' }, name, done, cannot),
    problem,
  );
}

async function finished(e) {
  source.close();
  setState('finished');
  try {
    renderRun(await api('GET', runApi(runId)));
  } catch {
    renderReports('finished', e.reports);
  }
  applyFilters();
}

/** What each live event does to the page. */
const HANDLERS = {
  run: (e) => {
    e.cases.forEach((c) => caseView(c.id, c.name));
    updateProgress();
  },
  note: (e) => $('notes').append(el('p', { class: 'note' }, e.text)),
  caseBegin: (e) => {
    setVerdict(e.caseId, { name: e.name, verdict: 'running' });
    timeline(e.caseId);
    updateProgress();
  },
  stepBegin: (e) => {
    if (!live(e.caseId)) return;
    const view = timeline(e.caseId);
    const step = stepItem(e.title);
    container(view).append(step.item);
    view.steps[e.depth] = step;
    view.steps.length = e.depth + 1;
  },
  stepEnd: (e) => live(e.caseId) && onStepEnd(e),
  frame: (e) => live(e.caseId) && inCurrentStep(e.caseId, frameItem(e.frame)),
  prompt: (e) =>
    live(e.caseId) &&
    inCurrentStep(
      e.caseId,
      el('li', { class: `prompt-record answer-${e.prompt.answer}` }, `Operator: ${e.prompt.answer} (by ${e.prompt.answeredBy}, after ${duration(e.prompt.waitedMs)}): ${e.prompt.instruction}`),
    ),
  promptOpen: (e) => $('prompts').append(promptCard(e.prompt)),
  promptClosed: (e) => [...$('prompts').children].filter((card) => card.dataset.prompt === e.promptId).forEach((card) => card.remove()),
  caseEnd: (e) => {
    setVerdict(e.caseId, e);
    collapse(cases.get(e.caseId));
    updateProgress();
  },
  finished,
  failed: (e) => {
    source.close();
    setState('failed');
    showError(`The run could not go on: ${e.message}`);
  },
};

function follow() {
  $('progress-card').hidden = false;
  source = new EventSource(`${runApi(runId)}/events`);
  source.addEventListener('message', (message) => {
    const event = JSON.parse(message.data);
    HANDLERS[event.type]?.(event);
  });
}

$('stop').addEventListener('click', async () => {
  $('stop').disabled = true;
  try {
    await api('POST', `${runApi(runId)}/stop`);
  } catch (failure) {
    showError(failure.message);
    $('stop').disabled = false;
  }
});

$('rerun-failed').addEventListener('click', async () => {
  $('rerun-failed').disabled = true;
  try {
    const started = await api('POST', `${runApi(runId)}/rerun-failed`);
    window.location.assign(started.page);
  } catch (failure) {
    showError(failure.message);
    $('rerun-failed').disabled = false;
  }
});

async function main() {
  if (!runId) return showError('No run id in the address (run.html?id=…).');
  try {
    const run = await api('GET', runApi(runId));
    renderRun(run);
    if (run.live) follow();
    applyFilters();
  } catch (failure) {
    showError(failure.message);
  }
}

main();
