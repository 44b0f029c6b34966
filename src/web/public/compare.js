// The compare page: what changed from one run to another (newly failing, fixed, changed reason, still failing, added, removed), each case with its verdicts and reasons and a link to its diagram.
/* global document, window, URLSearchParams */
import { api, badge, comparePage, el, fill, localTime, runPage, tracePage } from './common.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);

/** The sections of the comparison, in the order a lab reads them. */
const SECTIONS = [
  ['newlyFailing', 'newly-failing', 'Newly failing', 'passed before, not now'],
  ['fixed', 'fixed', 'Fixed', 'did not pass before, passes now'],
  ['changed', 'changed', 'Changed reason', 'did not pass in either run, but ended another way'],
  ['stillFailing', 'still-failing', 'Still failing', 'the same verdict and reason in both runs'],
  ['added', 'added', 'Only in the later run', ''],
  ['removed', 'removed', 'Only in the earlier run', ''],
];

function outcome(runId, caseId, side) {
  if (!side) return el('td', { class: 'was' }, '—');
  return el('td', {}, badge(side.verdict), ' ', el('a', { class: 'trace', href: tracePage(runId, caseId), target: '_blank', rel: 'noopener' }, 'diagram'), el('div', { class: 'reason' }, side.reason));
}

function section(comparison, [key, cls, title, hint]) {
  const list = comparison[key];
  if (list.length === 0 && (key === 'added' || key === 'removed' || key === 'stillFailing')) return null;
  return el(
    'section',
    { class: `card compare-section ${cls}`, 'data-section': key },
    el('h2', {}, `${title} `, el('span', { class: 'count' }, `(${list.length})`), hint ? el('span', { class: 'hint' }, ` ${hint}`) : null),
    list.length === 0
      ? el('p', { class: 'empty' }, 'none')
      : el(
          'table',
          {},
          el('thead', {}, el('tr', {}, el('th', {}, 'Case'), el('th', {}, 'Name'), el('th', {}, 'Before'), el('th', {}, 'After'))),
          el(
            'tbody',
            {},
            list.map((c) => el('tr', { 'data-case': c.id }, el('td', { class: 'nowrap' }, c.id), el('td', {}, c.name), outcome(comparison.base.id, c.id, c.base), outcome(comparison.head.id, c.id, c.head))),
          ),
        ),
  );
}

function describe(run) {
  return [el('a', { href: runPage(run.id) }, run.id), ` (${localTime(run.startedAt)}${run.identity && run.identity.version ? `, ${run.identity.version}` : ''})`];
}

async function main() {
  const base = params.get('base') || '';
  const head = params.get('head') || '';
  const { runs } = await api('GET', '/api/runs');
  const finished = runs.filter((r) => r.state !== 'running');
  for (const [id, chosen] of [['base', base], ['head', head]]) {
    fill($(id), finished.map((r) => el('option', { value: r.id }, `${r.id} · ${r.identity ? r.identity.label : r.sut}`)));
    $(id).value = chosen;
    $(id).addEventListener('change', () => window.location.assign(comparePage($('base').value, $('head').value)));
  }
  if (!base || !head) throw new Error('Choose the two runs to compare.');
  const comparison = await api('GET', `/api/compare?base=${encodeURIComponent(base)}&head=${encodeURIComponent(head)}`);
  document.title = `ocpp-ct · ${base} → ${head}`;
  fill($('compare-meta'), 'Before: ', ...describe(comparison.base), ' · after: ', ...describe(comparison.head), ` · SUT ${comparison.head.identity.label}`);
  if (!comparison.sameSut) {
    $('other-sut').textContent = `These runs tested different SUTs (${comparison.base.identity.label} / ${comparison.head.identity.label}).`;
    $('other-sut').hidden = false;
  }
  const count = (kind, label, n) => el('span', { class: `badge badge-${n > 0 ? kind : 'pending'}` }, `${label} ${n}`);
  fill(
    $('compare-counts'),
    count('failed', 'newly failing', comparison.newlyFailing.length),
    count('passed', 'fixed', comparison.fixed.length),
    count('inconclusive', 'changed reason', comparison.changed.length),
    count('other', 'still failing', comparison.stillFailing.length),
    count('notApplicable', 'unchanged passed', comparison.unchangedPassed),
  );
  fill($('sections'), SECTIONS.map((s) => section(comparison, s)));
}

main().catch((failure) => {
  $('compare-error').textContent = failure.message;
  $('compare-error').hidden = false;
});
