// What the web UI tests share: a UI on port 0 over a temp reports folder, raw HTTP requests (paths the fetch API would normalise), run fixtures and live-event readers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { createUiServer, type UiServer, type UiServerOptions } from '../../src/web/app';
import type { LiveEvent } from '../../src/web/live';

/** SUT text that must never run in the UI. */
export const HOSTILE = `<script>document.title='pwned'</script><img src=x onerror="document.title='pwned'">`;

const servers: UiServer[] = [];
const folders: string[] = [];

/** A fresh reports folder under the OS temp dir; {@link cleanUp} removes it. */
export function tempReportsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-ct-ui-'));
  folders.push(dir);
  return dir;
}

/** A UI on a free port; {@link cleanUp} closes it. */
export async function startUi(options: Partial<UiServerOptions> = {}): Promise<UiServer> {
  const ui = await createUiServer({ reportsDir: options.reportsDir ?? tempReportsDir(), port: 0, ...options });
  servers.push(ui);
  return ui;
}

/** Closes every UI and removes every folder the tests made: for afterAll / afterEach. */
export async function cleanUp(): Promise<void> {
  await Promise.all(servers.splice(0).map((ui) => ui.close()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A response as the raw requests see it. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Sends `path` exactly as written (no normalisation of `..` or percent escapes) to 127.0.0.1:`port`. */
export function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path} within 10 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes a finished run's summary.json (and optional report files) under `reportsDir/id`. */
export function seedRun(reportsDir: string, id: string, summary: Record<string, unknown> = {}, files: Record<string, string> = {}): void {
  const dir = join(reportsDir, ...id.split('/'));
  mkdirSync(dir, { recursive: true });
  const base = {
    toolVersion: '0.1.0',
    runId: id,
    sut: 'CS',
    target: 'reference',
    profiles: [],
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 1234,
    counts: { passed: 1, failed: 1 },
    cases: [
      { id: 'TC_B_01_CS', name: 'Cold Boot Charging Station - Accepted', verdict: 'passed', durationMs: 10, reason: 'every step and validation passed' },
      { id: 'TC_B_02_CS', name: 'Cold Boot Charging Station - Pending', verdict: 'failed', durationMs: 20, reason: 'wrong status' },
    ],
  };
  writeFileSync(join(dir, 'summary.json'), JSON.stringify({ ...base, ...summary }));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
}

/**
 * Follows the live events of run `id` over SSE, calling `onEvent` for each, until `until` returns true
 * (resolves with every event seen) or `timeoutMs` passes (rejects listing what was seen).
 */
export async function followEvents(ui: UiServer, id: string, until: (event: LiveEvent) => boolean, onEvent: (event: LiveEvent) => void | Promise<void> = () => undefined, timeoutMs = 20_000): Promise<LiveEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const seen: LiveEvent[] = [];
  try {
    const response = await fetch(`${ui.url}/api/runs/${encodeURIComponent(id)}/events`, { signal: abort.signal });
    if (!response.ok || !response.body) throw new Error(`events of ${id}: ${response.status} ${await response.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as LiveEvent;
        seen.push(event);
        await onEvent(event);
        if (until(event)) return seen;
      }
    }
    throw new Error('the event stream ended early');
  } catch (error) {
    throw new Error(`following run ${id}: ${(error as Error).message}; events seen: ${seen.map((e) => e.type).join(', ')}`, { cause: error });
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** The headers the UI's own pages send with a state-changing request: their Origin and the CSRF token of GET /api/session. */
export async function pageHeaders(ui: UiServer): Promise<Record<string, string>> {
  const session = (await (await fetch(`${ui.url}/api/session`)).json()) as { csrfToken: string };
  return { Origin: ui.url, 'X-CSRF-Token': session.csrfToken };
}

/** POSTs JSON to the UI as its own pages do (Origin and CSRF token; `headers` replace them) and returns status and parsed body. */
export async function postJson(ui: UiServer, path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${ui.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(headers ?? (await pageHeaders(ui))) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Debian's Chromium, which the browser tests drive. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless Chromium with a fresh profile (removed by the caller through `profile`); `viewport` as given. */
export async function launchChromium(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; profile: string }> {
  if (!existsSync(CHROMIUM)) throw new Error(`the web UI end-to-end tests need Debian's chromium at ${CHROMIUM}: run apt-get install chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'ocpp-ct-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    ...(viewport ? { viewport } : {}),
    timeout: 30_000,
  });
  return { context, profile };
}
