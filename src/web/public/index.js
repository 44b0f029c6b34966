// The home page: the "New run" form (fields follow the chosen side and target) and the list of runs.
/* global document, window */
import { api, badge, el, fill, localTime, runPage } from './common.js';

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
  for (const name of ['config', 'pics']) {
    const content = await jsonFile(field(name).files[0]);
    if (content !== undefined) body[name] = content;
  }
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

/** One row of the runs table. */
function runRow(run) {
  const counts = Object.entries(run.counts || {}).filter(([, n]) => n > 0);
  return el(
    'tr',
    { 'data-run': run.id },
    el('td', { class: 'nowrap' }, localTime(run.startedAt)),
    el('td', {}, el('a', { href: runPage(run.id) }, run.id)),
    el('td', {}, run.sut),
    el('td', { class: 'target' }, run.target, run.fault ? el('span', { class: 'hint' }, ` fault ${run.fault}`) : null),
    el('td', {}, (run.profiles || []).join(', ')),
    el('td', { class: 'badges' }, run.state === 'finished' || run.state === 'interrupted' ? counts.map(([verdict, n]) => badge(verdict, n)) : badge(run.state)),
  );
}

async function loadRuns() {
  const { runs } = await api('GET', '/api/runs');
  fill(field('runs'), runs.map(runRow));
  field('no-runs').hidden = runs.length > 0;
}

api('GET', '/api/catalog')
  .then((loaded) => (catalog = loaded))
  .catch(() => undefined)
  .finally(updateFields);
loadRuns().catch((failure) => fill(field('runs'), el('tr', {}, el('td', { colspan: 6, class: 'error' }, failure.message))));
