// Shared by the UI's pages: DOM built from data with createElement and text nodes only (never HTML parsing), JSON requests, verdict badges.
/* global document, fetch, Node */

/** Builds an element: `props` sets class, text, event handlers (onclick…) and attributes; children are nodes or text. */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'href') node.setAttribute('href', safeHref(value));
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  return node;
}

/** Only links inside this UI: anything else becomes a dead link. */
function safeHref(value) {
  const href = String(value);
  return href.startsWith('/') && !href.startsWith('//') ? href : '#';
}

/** Replaces the children of `node`. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

let csrfToken;

/** The CSRF token every state-changing request carries (fetched once from the UI). */
async function csrf() {
  if (csrfToken === undefined) {
    const response = await fetch('/api/session', { credentials: 'same-origin' });
    csrfToken = (await response.json()).csrfToken;
  }
  return csrfToken;
}

/** A JSON request to the UI's API; rejects with the server's reason on a non-2xx answer. A POST always sends a JSON body ({} when none is given) and the CSRF token. */
export async function api(method, path, body) {
  const changes = method !== 'GET' && method !== 'HEAD';
  const payload = body === undefined && changes ? {} : body;
  const response = await fetch(path, {
    method,
    headers: { ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }), ...(changes ? { 'X-CSRF-Token': await csrf() } : {}) },
    body: payload === undefined ? undefined : JSON.stringify(payload),
    credentials: 'same-origin',
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(typeof data.error === 'string' ? data.error : `${response.status} ${response.statusText}`);
  return data;
}

/** The verdicts with a colour of their own; any other verdict string gets a neutral badge. */
const KNOWN_VERDICTS = ['passed', 'failed', 'inconclusive', 'notApplicable', 'error', 'running', 'pending', 'finished', 'notImplemented', 'notRun', 'interrupted'];

/** A badge for a verdict or state. */
export function badge(verdict, count) {
  const name = String(verdict);
  const kind = KNOWN_VERDICTS.includes(name) ? name : 'other';
  return el('span', { class: `badge badge-${kind}`, title: name }, count === undefined ? name : `${name} ${count}`);
}

/** A duration in readable units. */
export function duration(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** An ISO time in the browser's local time. */
export function localTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}

/** The page address of a run. */
export function runPage(id) {
  return `/run.html?id=${encodeURIComponent(id)}`;
}

/** The API address of a run. */
export function runApi(id) {
  return `/api/runs/${encodeURIComponent(id)}`;
}

/** The verdicts that are not a problem. */
export function okVerdict(verdict) {
  return verdict === 'passed' || verdict === 'notApplicable';
}

/** The functional block of a case id (TC_E_04_CS → E). */
export function blockOf(caseId) {
  const match = /^TC_([A-Z])_/.exec(String(caseId));
  return match ? match[1] : '?';
}

/** The page of a case's sequence diagram (opened in a tab of its own). */
export function tracePage(runId, caseId) {
  return `${runApi(runId)}/cases/${encodeURIComponent(caseId)}/trace`;
}

/** The page comparing two runs. */
export function comparePage(base, head) {
  return `/compare.html?base=${encodeURIComponent(base)}&head=${encodeURIComponent(head)}`;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element (attributes only, never markup). */
export function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
  for (const child of children.flat()) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** A progress bar: one segment per verdict (widths set through the CSSOM, which the page's CSP allows), and its counts. */
export function progressBar(counts, total) {
  const order = ['passed', 'notApplicable', 'failed', 'inconclusive', 'error', 'notImplemented', 'notRun'];
  const known = Object.keys(counts).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const ended = known.reduce((n, v) => n + (counts[v] || 0), 0);
  const bar = el('div', { class: 'progressbar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': ended });
  for (const verdict of known) {
    if (!counts[verdict]) continue;
    const segment = el('span', { class: `segment seg-${order.includes(verdict) ? verdict : 'other'}`, title: `${verdict} ${counts[verdict]}` });
    segment.style.width = `${total > 0 ? (100 * counts[verdict]) / total : 0}%`;
    bar.append(segment);
  }
  return bar;
}
