// The run page: the verdicts and reports of a run, its live progress over server-sent events, and its operator prompts.
/* global document, window, EventSource, URLSearchParams */
import { api, badge, duration, el, fill, localTime, runApi } from './common.js';

const runId = new URLSearchParams(window.location.search).get('id') || '';
const $ = (id) => document.getElementById(id);
/** Longest frame text shown in full; the rest is in messages/<case>.jsonl and the reports. */
const FRAME_CHARS = 4000;
/** Per case: its row in the verdict table, its timeline, and the steps open at each depth. */
const cases = new Map();
let operatorName = '';
let source;

function showError(message) {
  $('run-error').textContent = message;
  $('run-error').hidden = false;
}

function setState(state) {
  fill($('run-state'), badge(state));
  $('run-state').dataset.state = state;
  $('stop').hidden = state !== 'running';
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
  );
  setState(run.state);
  renderReports(run.state, run.reports || {});
  for (const c of run.cases || []) setVerdict(c.id, c);
}

function renderReports(state, reports) {
  const link = (id, href, label) =>
    href ? el('a', { class: 'button', id, href, target: '_blank', rel: 'noopener' }, label) : el('span', { class: 'unavailable', id }, `${label}: ${state === 'running' ? 'when the run has finished' : 'not available'}`);
  fill($('reports'), link('report-allure', reports.allure, 'Allure report'), link('report-certification', reports.certification, 'Certification report'));
}

/** The case's row in the verdict table and its section in the progress timeline, made on first use. */
function caseView(caseId, name) {
  let view = cases.get(caseId);
  if (!view) {
    const cells = { name: el('td', {}), verdict: el('td', {}, badge('pending')), duration: el('td', { class: 'nowrap' }), reason: el('td', { class: 'reason' }) };
    const row = el('tr', { 'data-case': caseId }, el('td', { class: 'nowrap' }, caseId), cells.name, cells.verdict, cells.duration, cells.reason);
    $('verdicts').append(row);
    const heading = el('h3', {}, el('span', { class: 'case-id' }, caseId), ' ', el('span', { class: 'case-name' }), ' ', el('span', { class: 'case-verdict' }));
    const timeline = el('ol', { class: 'timeline' });
    view = { row, cells, heading, timeline, section: el('section', { class: 'case', 'data-case': caseId }, heading, timeline), steps: [], shown: false };
    cases.set(caseId, view);
  }
  if (name) {
    view.cells.name.textContent = name;
    view.heading.querySelector('.case-name').textContent = name;
  }
  return view;
}

function setVerdict(caseId, c) {
  const view = caseView(caseId, c.name);
  fill(view.cells.verdict, badge(c.verdict));
  view.cells.duration.textContent = duration(c.durationMs);
  view.cells.reason.textContent = c.reason || '';
  view.row.dataset.verdict = c.verdict;
  fill(view.heading.querySelector('.case-verdict'), badge(c.verdict));
}

/** The case's timeline, put on the page when the case begins. */
function timeline(caseId) {
  const view = caseView(caseId);
  if (!view.shown) {
    $('progress').append(view.section);
    view.shown = true;
  }
  return view;
}

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
}

/** What each live event does to the page. */
const HANDLERS = {
  run: (e) => e.cases.forEach((c) => caseView(c.id, c.name)),
  note: (e) => $('notes').append(el('p', { class: 'note' }, e.text)),
  caseBegin: (e) => {
    setVerdict(e.caseId, { name: e.name, verdict: 'running' });
    timeline(e.caseId);
  },
  stepBegin: (e) => {
    const view = timeline(e.caseId);
    const step = stepItem(e.title);
    container(view).append(step.item);
    view.steps[e.depth] = step;
    view.steps.length = e.depth + 1;
  },
  stepEnd: onStepEnd,
  frame: (e) => inCurrentStep(e.caseId, frameItem(e.frame)),
  prompt: (e) =>
    inCurrentStep(
      e.caseId,
      el('li', { class: `prompt-record answer-${e.prompt.answer}` }, `Operator: ${e.prompt.answer} (by ${e.prompt.answeredBy}, after ${duration(e.prompt.waitedMs)}): ${e.prompt.instruction}`),
    ),
  promptOpen: (e) => $('prompts').append(promptCard(e.prompt)),
  promptClosed: (e) => [...$('prompts').children].filter((card) => card.dataset.prompt === e.promptId).forEach((card) => card.remove()),
  caseEnd: (e) => setVerdict(e.caseId, e),
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

async function main() {
  if (!runId) return showError('No run id in the address (run.html?id=…).');
  try {
    const run = await api('GET', runApi(runId));
    renderRun(run);
    if (run.live) follow();
  } catch (failure) {
    showError(failure.message);
  }
}

main();
