// The home page: the "New run" form (fields follow the chosen side and target) with its PICS editor, the history of each SUT with a trend, and the runs (open one, compare two).
/* global document, window, Blob, URL, CSS, HTMLInputElement */
import { api, badge, comparePage, el, fill, localTime, okVerdict, runPage, svg } from './common.js';

const form = document.getElementById('new-run');
const field = (id) => document.getElementById(id);
let catalog = { profiles: [], cs: { cases: [], faults: {} }, csms: { cases: [], faults: {} } };

/** Shows the fields that apply to the chosen side and target. */
function updateFields() {
  const sut = field('sut').value;
  const kind = field('target-kind');
  kind.querySelector('option[value="listen"]').disabled = sut !== 'cs';
  kind.querySelector('option[value="url"]').disabled = sut !== 'csms';
  if (kind.selectedOptions[0].disabled) kind.value = 'reference';
  const reference = kind.value === 'reference';
  field('url-field').hidden = kind.value !== 'url';
  field('port-field').hidden = kind.value !== 'listen';
  field('fault-field').hidden = !reference;
  field('operator-field').hidden = !reference;
  const side = catalog[sut];
  fill(field('fault'), el('option', { value: '' }, 'none (conformant)'), Object.entries(side.faults).map(([name, description]) => el('option', { value: name, title: description }, `${name}: ${description}`)));
  fill(field('case-ids'), side.cases.map((c) => el('option', { value: c.id }, c.name)));
  fill(field('profile-ids'), catalog.profiles.map((p) => el('option', { value: p.id }, p.name)));
}

// ---------------------------------------------------------------------------------------------------------------
// PICS editor: the PICS is held as a JSON object; the fields edit it (what they do not show, e.g. configured values,
// is kept), and every change is checked by the UI with the CLI's own messages.

/** The PICS being edited, or undefined. */
let pics;
/** The check of the current PICS (from POST /api/pics/check). */
let picsCheck;
/** Settles when the PICS chosen in the file field has been read into the editor. */
let picsLoading = Promise.resolve();
let checkTimer;

function blankPics(role) {
  return { sut: { role, vendor: '', model: '', firmwareVersion: '', ...(role === 'CS' ? { serialNumber: '' } : {}) }, claimedProfiles: ['core'], securityProfile: 2, ...(role === 'CS' ? { layout: { evses: [{ id: 1, connectors: [1] }] } } : {}), features: {} };
}

/** Shows the PICS in the editor's fields. */
async function showPics() {
  field('pics-body').hidden = pics === undefined;
  field('pics-download').disabled = pics === undefined;
  if (pics === undefined) {
    field('pics-status').textContent = 'no PICS loaded';
    fill(field('pics-check'));
    return;
  }
  const sut = pics.sut || {};
  field('pics-role').value = sut.role === 'CSMS' ? 'CSMS' : 'CS';
  field('pics-vendor').value = sut.vendor ?? '';
  field('pics-model').value = sut.model ?? '';
  field('pics-firmware').value = sut.firmwareVersion ?? '';
  field('pics-serial').value = sut.serialNumber ?? '';
  field('pics-security').value = String(pics.securityProfile ?? 2);
  const station = field('pics-role').value === 'CS';
  field('pics-serial-field').hidden = !station;
  field('pics-layout-field').hidden = !station;
  field('pics-layout').value = Array.isArray(pics.layout?.evses) ? pics.layout.evses.map((e) => (Array.isArray(e.connectors) ? e.connectors.length : 1)).join(', ') : '';
  const claimed = Array.isArray(pics.claimedProfiles) ? pics.claimedProfiles : [];
  fill(
    field('pics-profiles'),
    catalog.profiles.map((p) => {
      const box = el('input', { type: 'checkbox', value: p.id, 'data-profile': p.id });
      box.checked = claimed.includes(p.id);
      box.addEventListener('change', () => {
        pics.claimedProfiles = [...field('pics-profiles').querySelectorAll('input:checked')].map((b) => b.value);
        showPics();
      });
      return el('label', { class: 'inline' }, box, p.name);
    }),
  );
  await showFeatures();
  scheduleCheck(0);
}

/** The feature rows for the PICS's side and claimed profiles, grouped by section as `pics init` asks them. */
async function showFeatures() {
  const role = field('pics-role').value;
  const claimed = (Array.isArray(pics.claimedProfiles) ? pics.claimedProfiles : []).filter((p) => catalog.profiles.some((k) => k.id === p));
  const { features } = await api('GET', `/api/pics/features?role=${encodeURIComponent(role)}&profiles=${encodeURIComponent(claimed.join(',') || 'core')}`);
  const answers = pics.features && typeof pics.features === 'object' ? pics.features : (pics.features = {});
  const sections = new Map();
  for (const f of features) sections.set(f.section, [...(sections.get(f.section) || []), f]);
  fill(
    field('pics-features'),
    [...sections].map(([section, list]) =>
      el(
        'div',
        { class: 'pics-section' },
        el('h4', {}, `${section} (${list.length})`),
        list.map((f) => {
          let input;
          if (f.answer === 'boolean') {
            input = el('select', { 'data-feature': f.id }, el('option', { value: '' }, 'not stated'), el('option', { value: 'yes' }, 'yes'), el('option', { value: 'no' }, 'no'));
            input.value = answers[f.id] === true ? 'yes' : answers[f.id] === false ? 'no' : '';
            input.addEventListener('change', () => {
              if (input.value === '') delete answers[f.id];
              else answers[f.id] = input.value === 'yes';
              scheduleCheck();
            });
          } else {
            input = el('input', { 'data-feature': f.id, placeholder: f.answer === 'list' ? 'values, comma separated' : 'text', autocomplete: 'off' });
            input.value = Array.isArray(answers[f.id]) ? answers[f.id].join(', ') : typeof answers[f.id] === 'string' ? answers[f.id] : '';
            input.addEventListener('input', () => {
              const text = input.value.trim();
              if (text === '') delete answers[f.id];
              else answers[f.id] = f.answer === 'list' ? text.split(',').map((v) => v.trim()).filter(Boolean) : text;
              scheduleCheck();
            });
          }
          return el('div', { class: 'feature-row', 'data-feature-row': f.id }, el('span', { class: 'feature-id' }, f.id), el('span', {}, f.name, f.configVariable ? el('span', { class: 'hint' }, ` [${f.configVariable}]`) : null), input);
        }),
      ),
    ),
  );
}

/** Copies the identity fields into the PICS. */
function readIdentity() {
  const role = field('pics-role').value;
  const sut = { ...(pics.sut || {}), role, vendor: field('pics-vendor').value, model: field('pics-model').value, firmwareVersion: field('pics-firmware').value };
  if (role === 'CS') sut.serialNumber = field('pics-serial').value;
  else delete sut.serialNumber;
  if (sut.serialNumber === '') delete sut.serialNumber;
  pics.sut = sut;
  pics.securityProfile = Number(field('pics-security').value);
  if (role === 'CS') {
    const counts = field('pics-layout').value.split(',').map((v) => v.trim()).filter(Boolean);
    pics.layout = { evses: counts.map((n, i) => ({ id: i + 1, connectors: Array.from({ length: Math.max(0, Math.min(16, Number.parseInt(n, 10) || 0)) }, (_, c) => c + 1) })) };
  } else delete pics.layout;
}

function scheduleCheck(delayMs = 250) {
  window.clearTimeout(checkTimer);
  checkTimer = window.setTimeout(() => checkPics().catch((failure) => fill(field('pics-check'), el('p', { class: 'error' }, failure.message))), delayMs);
}

/** Asks the UI to check the PICS (schema, then impossible combinations) and shows what it says. */
async function checkPics() {
  if (pics === undefined) return;
  picsCheck = await api('POST', '/api/pics/check', { pics });
  const lines = [...picsCheck.problems, ...picsCheck.impossible.map((p) => p.message)];
  const flagged = new Set(picsCheck.impossible.flatMap((p) => p.features));
  for (const row of field('pics-features').querySelectorAll('[data-feature-row]')) row.classList.toggle('impossible', flagged.has(row.dataset.featureRow));
  field('pics-status').textContent = picsCheck.ok ? `${pics.sut?.vendor ?? ''} ${pics.sut?.model ?? ''}: valid` : `${lines.length} problem(s)`;
  fill(
    field('pics-check'),
    picsCheck.ok ? el('p', { class: 'pics-ok', id: 'pics-valid' }, '✔ The PICS is valid (schemas/pics.schema.json) and possible.') : el('ul', { class: 'pics-problems', id: 'pics-problems' }, lines.map((line) => el('li', {}, line))),
  );
}

for (const id of ['pics-vendor', 'pics-model', 'pics-firmware', 'pics-serial', 'pics-layout']) field(id).addEventListener('input', () => pics && (readIdentity(), scheduleCheck()));
field('pics-security').addEventListener('change', () => pics && (readIdentity(), scheduleCheck()));
field('pics-role').addEventListener('change', () => {
  if (!pics) return;
  readIdentity();
  showPics();
});
field('pics-new').addEventListener('click', () => {
  pics = blankPics(field('sut').value === 'csms' ? 'CSMS' : 'CS');
  field('pics-editor').open = true;
  showPics();
});
field('pics-clear').addEventListener('click', () => {
  pics = undefined;
  field('pics').value = '';
  showPics();
});
field('pics-download').addEventListener('click', () => {
  if (!pics) return;
  const link = document.createElement('a');
  link.setAttribute('href', URL.createObjectURL(new Blob([`${JSON.stringify(pics, null, 2)}\n`], { type: 'application/json' })));
  link.setAttribute('download', 'pics.json');
  link.click();
});
// Enter in a PICS field edits the PICS; it does not start the run.
field('pics-editor').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
});
field('pics').addEventListener('change', () => {
  picsLoading = (async () => {
    const chosen = await jsonFile(field('pics').files[0]);
    if (chosen === undefined) return;
    pics = chosen;
    await showPics();
  })().catch((failure) => fill(field('pics-check'), el('p', { class: 'error' }, failure.message)));
});

// ---------------------------------------------------------------------------------------------------------------

/** The JSON body of the start request, from the form. */
async function startRequest() {
  const kind = field('target-kind').value;
  const body = { sut: field('sut').value, target: kind === 'url' ? field('url').value.trim() : kind, html: field('html').checked };
  const cases = field('cases').value.trim();
  if (cases) body.cases = cases;
  if (kind === 'reference' && field('fault').value) body.fault = field('fault').value;
  if (kind === 'reference' && field('operator-actions').checked) body.operatorActions = 'web';
  if (kind === 'listen' && field('port').value !== '') body.port = Number(field('port').value);
  const profile = field('profile').value.trim();
  if (profile) body.profile = profile;
  const config = await jsonFile(field('config').files[0]);
  if (config !== undefined) body.config = config;
  await picsLoading;
  if (pics !== undefined) body.pics = pics;
  return body;
}

/** The parsed content of a chosen JSON file, if one was chosen. */
async function jsonFile(file) {
  if (!file) return undefined;
  try {
    return JSON.parse(await file.text());
  } catch (error) {
    throw new Error(`${file.name} is not JSON: ${error.message}`, { cause: error });
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = field('start-error');
  error.hidden = true;
  field('start').disabled = true;
  try {
    const started = await api('POST', '/api/runs', await startRequest());
    window.location.assign(runPage(started.id));
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
    field('start').disabled = false;
  }
});
field('sut').addEventListener('change', updateFields);
field('target-kind').addEventListener('change', updateFields);

// ---------------------------------------------------------------------------------------------------------------
// Runs and their SUTs.

/** The runs ticked for comparison, in the order ticked (at most two). */
const ticked = [];
let runsById = new Map();

function updateCompare() {
  field('compare').disabled = ticked.length !== 2;
  field('compare-hint').textContent = ticked.length === 2 ? `${ticked[0]} ↔ ${ticked[1]}` : `tick ${2 - ticked.length} more run${ticked.length === 1 ? '' : 's'}`;
}

field('compare').addEventListener('click', () => {
  if (ticked.length !== 2) return;
  // The earlier run is the base, the later one what changed.
  const [a, b] = ticked.map((id) => runsById.get(id));
  const [base, head] = a.startedAt <= b.startedAt ? [a, b] : [b, a];
  window.location.assign(comparePage(base.id, head.id));
});

/** One row of the runs table. */
function runRow(run) {
  const counts = Object.entries(run.counts || {}).filter(([, n]) => n > 0);
  const box = el('input', { type: 'checkbox', class: 'pick', 'aria-label': `compare ${run.id}`, value: run.id });
  box.addEventListener('change', () => {
    const at = ticked.indexOf(run.id);
    if (box.checked && at < 0) ticked.push(run.id);
    if (!box.checked && at >= 0) ticked.splice(at, 1);
    while (ticked.length > 2) {
      const dropped = ticked.shift();
      const other = document.querySelector(`#runs tr[data-run="${CSS.escape(dropped)}"] input.pick`);
      if (other) other.checked = false;
    }
    updateCompare();
  });
  const reports = run.reports || {};
  return el(
    'tr',
    { 'data-run': run.id, 'data-sut': run.identity ? run.identity.key : '' },
    el('td', {}, run.state === 'running' ? null : box),
    el('td', { class: 'nowrap' }, localTime(run.startedAt)),
    el('td', {}, el('a', { href: runPage(run.id) }, run.id)),
    el('td', {}, run.identity ? run.identity.label : run.sut, run.identity && run.identity.version && !run.fault ? el('span', { class: 'hint' }, ` ${run.identity.version}`) : null),
    el('td', { class: 'target' }, run.target, run.fault ? el('span', { class: 'hint' }, ` fault ${run.fault}`) : null),
    el('td', {}, (run.profiles || []).join(', ')),
    el('td', { class: 'badges' }, run.state === 'finished' || run.state === 'interrupted' ? counts.map(([verdict, n]) => badge(verdict, n)) : badge(run.state)),
    el(
      'td',
      { class: 'nowrap' },
      reports.certification ? el('a', { class: 'certification', href: reports.certification, target: '_blank', rel: 'noopener' }, 'certification') : null,
      reports.certification && reports.allure ? ' · ' : null,
      reports.allure ? el('a', { class: 'allure', href: reports.allure, target: '_blank', rel: 'noopener' }, 'Allure') : null,
    ),
  );
}

/** The trend of a SUT: a bar per run (passed / failed / other, by share) and a line of the share passed. */
function trend(runs) {
  const shown = runs.slice(-30);
  const width = 340;
  const height = 60;
  const step = width / Math.max(shown.length, 1);
  const barWidth = Math.min(24, Math.max(2, step - 3));
  const bars = [];
  const points = [];
  shown.forEach((run, i) => {
    const counts = run.counts || {};
    const total = Object.values(counts).reduce((n, v) => n + v, 0);
    const passed = Object.entries(counts).filter(([v]) => okVerdict(v)).reduce((n, [, c]) => n + c, 0);
    const failed = counts.failed || 0;
    const other = total - passed - failed;
    const x = i * Math.min(step, 27) + 1;
    const title = svg('title', {}, `${localTime(run.startedAt)} · ${run.id}${run.identity && run.identity.version ? ` · ${run.identity.version}` : ''}: ${Object.entries(counts).filter(([, n]) => n > 0).map(([v, n]) => `${v} ${n}`).join(', ') || run.state}`);
    if (total === 0) {
      bars.push(svg('rect', { class: 'bar-empty', x, y: 0, width: barWidth, height }, title));
      return;
    }
    let y = height;
    const link = svg('a', { href: runPage(run.id) }, title);
    for (const [kind, n] of [['passed', passed], ['other', other], ['failed', failed]]) {
      if (n === 0) continue;
      const h = (height * n) / total;
      y -= h;
      link.append(svg('rect', { class: `bar-${kind}`, x, y, width: barWidth, height: h }));
    }
    bars.push(link);
    points.push(`${x + barWidth / 2},${height - (height * passed) / total}`);
  });
  return svg('svg', { class: 'trend', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'trend of the runs of this SUT' }, bars, points.length > 1 ? svg('polyline', { class: 'rate', points: points.join(' ') }) : null);
}

/** One SUT: its name, how many runs, the trend, its last run and a link comparing its last two runs. */
function sutCard(history) {
  const runs = history.runs;
  const last = runs[runs.length - 1];
  const ended = runs.filter((r) => r.state !== 'running');
  const [previous, latest] = ended.slice(-2);
  return el(
    'div',
    { class: 'sut', 'data-sut': history.identity.key },
    el('h3', {}, history.identity.label),
    el('div', { class: 'hint' }, `${runs.length} run${runs.length === 1 ? '' : 's'} · last ${localTime(last.startedAt)}${last.identity && last.identity.version ? ` · ${last.identity.version}` : ''}`),
    trend(runs),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', class: 'secondary only-sut', onclick: () => showOnly(history.identity) }, 'its runs only'),
      el('a', { href: runPage(last.id) }, 'last run'),
      latest ? el('a', { class: 'compare-last', href: comparePage(previous.id, latest.id) }, 'compare the last two runs') : null,
    ),
  );
}

/** Shows only the runs of one SUT in the runs table (or all again). */
function showOnly(identity) {
  for (const row of field('runs').querySelectorAll('tr[data-run]')) row.hidden = identity !== undefined && row.dataset.sut !== identity.key;
  const note = field('sut-filter');
  note.hidden = identity === undefined;
  fill(note, identity === undefined ? null : [`only the runs of ${identity.label} · `, el('a', { href: '#', onclick: (event) => (event.preventDefault(), showOnly(undefined)) }, 'show all')]);
}

async function loadRuns() {
  const [{ runs }, { suts }] = await Promise.all([api('GET', '/api/runs'), api('GET', '/api/history')]);
  runsById = new Map(runs.map((r) => [r.id, r]));
  fill(field('runs'), runs.map(runRow));
  field('no-runs').hidden = runs.length > 0;
  fill(field('suts'), suts.map(sutCard));
  field('no-suts').hidden = suts.length > 0;
  updateCompare();
}

api('GET', '/api/catalog')
  .then((loaded) => (catalog = loaded))
  .catch(() => undefined)
  .finally(updateFields);
loadRuns().catch((failure) => fill(field('runs'), el('tr', {}, el('td', { colspan: 8, class: 'error' }, failure.message))));
