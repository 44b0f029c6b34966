// The web UI's express app and server: runs, live progress over SSE, operator prompts, and the reports served from reports/ only.
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { UsageError } from '../cli/common';
import { ConfigError } from '../engine/config';
import { HttpError } from './http-error';
import { catalog } from './catalog';
import { compareRuns } from './compare';
import { checkPicsDocument, editorFeatures } from './pics-editor';
import { checkRunId, listRuns, readRun, resolveReportFile, type RunListing } from './reports';
import { caseTrace } from './trace';
import { parseAnswerRequest, parseStartRequest } from './requests';
import { RunManager } from './run-manager';
import { baseHeaders, generateToken, isLoopback, loopbackHostOnly, REPORT_CSP, requireToken, sameOriginWithCsrfToken, UI_CSP } from './security';
import { streamEvents } from './sse';

/** The browser side: plain HTML, CSS and JS, no build step. */
const PUBLIC_DIR = join(__dirname, 'public');

/** Content types of the report files a run writes; anything else is a download. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.properties': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

/** Options of {@link createUiServer}. */
export interface UiServerOptions {
  /** The folder runs are written to and read from; nothing outside it is served. */
  readonly reportsDir: string;
  /** Address to bind (default 127.0.0.1). Any non-loopback address requires a token. */
  readonly host?: string;
  /** Port (default 0: any free port). */
  readonly port?: number;
  /** Access token; generated when the host is not loopback and none is given. */
  readonly token?: string;
}

/** A listening UI. */
export interface UiServer {
  /** Where the UI is, e.g. http://127.0.0.1:7070 (without the token). */
  readonly url: string;
  readonly port: number;
  /** The token every request must carry, when one is required. */
  readonly token?: string;
  /** Stops the runs still going (waiting briefly for their reports), closes live streams and the server. */
  close(): Promise<void>;
}

/** The express app of the UI: security first, then the API, the report files and the browser side. */
function createUiApp(options: { readonly reportsDir: string; readonly token?: string; readonly runs: RunManager; readonly csrfToken: string }): express.Express {
  const reportsDir = resolve(options.reportsDir);
  const { runs } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(baseHeaders());
  app.use(options.token === undefined ? loopbackHostOnly() : requireToken(options.token));

  const api = express.Router();
  // Cross-site requests are refused before their body is even read.
  api.use(sameOriginWithCsrfToken(options.csrfToken));
  api.use(express.json({ limit: '1mb' }));
  api.use((req, _res, next) => next(req.method === 'POST' && !req.is('application/json') ? new HttpError(415, 'send the request body as JSON (Content-Type: application/json)') : undefined));
  const allRuns = async (): Promise<RunListing[]> => {
    const onDisk = await listRuns(reportsDir);
    const written = new Set(onDisk.map((r) => r.id));
    // A run of this UI is listed from memory until its summary.json is on disk.
    const live = runs.list().map((r) => r.listing()).filter((r) => !written.has(r.id));
    return [...live, ...onDisk].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  };
  api.get('/runs', async (_req, res) => void res.json({ runs: await allRuns() }));
  // Runs grouped by the SUT they tested, newest SUT first, each with its runs oldest first (the trend's order).
  api.get('/history', async (_req, res) => void res.json({ suts: historyOf(await allRuns()) }));
  api.get('/compare', async (req, res) => {
    const [base, head] = [checkRunId(req.query.base), checkRunId(req.query.head)];
    const [a, b] = await Promise.all([readRun(reportsDir, base), readRun(reportsDir, head)]);
    if (!a || !b) throw new HttpError(404, `no run ${!a ? base : head} with a summary in the reports folder`);
    res.json(compareRuns(a, b));
  });
  api.get('/runs/:id', async (req, res) => {
    const id = checkRunId(req.params.id);
    const managed = runs.get(id);
    const detail = managed?.log.ended === false ? undefined : await readRun(reportsDir, id);
    const found = detail ?? (managed && { ...managed.listing(), cases: [], reports: {} });
    if (!found) throw new HttpError(404, `no run ${id} in the reports folder`);
    res.json({ ...found, live: managed !== undefined, rerunOf: managed?.rerunOf ?? (found as { rerunOf?: string }).rerunOf });
  });
  api.get('/runs/:id/events', (req, res) => {
    const id = checkRunId(req.params.id);
    const managed = runs.get(id);
    if (!managed) throw new HttpError(404, `run ${id} was not started by this UI, so it has no live events (its reports are on its page)`);
    streamEvents(req, res, managed.log);
  });
  api.post('/runs', (req, res) => {
    const id = runs.start(parseStartRequest(req.body));
    res.status(202).json({ id, page: `/run.html?id=${encodeURIComponent(id)}` });
  });
  api.post('/runs/:id/prompts/:promptId', (req, res) => {
    const { answer, name } = parseAnswerRequest(req.body);
    runs.answer(checkRunId(req.params.id), String(req.params.promptId), answer, `web:${name ?? remoteAddress(req)}`);
    res.json({ ok: true });
  });
  api.post('/runs/:id/rerun-failed', async (req, res) => {
    const started = await runs.rerunFailed(checkRunId(req.params.id));
    res.status(202).json({ ...started, page: `/run.html?id=${encodeURIComponent(started.id)}` });
  });
  api.get('/runs/:id/cases/:caseId/trace', async (req, res) => {
    const html = await caseTrace(reportsDir, checkRunId(req.params.id), String(req.params.caseId));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', REPORT_CSP);
    res.send(html);
  });
  api.get('/pics/features', (req, res) => void res.json({ features: editorFeatures(req.query.role, req.query.profiles) }));
  api.post('/pics/check', (req, res) => {
    const body = req.body as { pics?: unknown };
    if (typeof body !== 'object' || body === null || !('pics' in body)) throw new HttpError(400, "send {\"pics\": <the PICS>}");
    res.json(checkPicsDocument(body.pics));
  });
  api.post('/runs/:id/stop', (req, res) => {
    runs.stop(checkRunId(req.params.id));
    res.status(202).json({ ok: true });
  });
  api.get('/catalog', (_req, res) => void res.json(catalog()));
  // The CSRF token the pages send with every state-changing request; another site's page cannot read this answer.
  api.get('/session', (_req, res) => void res.json({ csrfToken: options.csrfToken }));
  api.use((req) => {
    throw new HttpError(404, `no API ${req.method} ${req.path}`);
  });
  app.use('/api', api);

  app.get('/reports/*path', async (req: Request<{ path: string[] }>, res) => {
    const file = await resolveReportFile(reportsDir, req.params.path);
    const type = CONTENT_TYPES[/\.[a-z]+$/.exec(file)?.[0] ?? ''] ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', REPORT_CSP);
    if (type === 'application/octet-stream') res.setHeader('Content-Disposition', 'attachment');
    res.sendFile(file);
  });
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', UI_CSP);
    next();
  });
  app.use(express.static(PUBLIC_DIR, { index: 'index.html', dotfiles: 'ignore', redirect: false }));
  app.use((req) => {
    throw new HttpError(404, `nothing at ${req.path}`);
  });
  app.use(errorHandler);
  return app;
}

/** One SUT's runs for the history: its identity, and its runs oldest first with their verdict counts. */
interface SutHistory {
  readonly identity: RunListing['identity'];
  readonly runs: readonly RunListing[];
}

/** Runs grouped by SUT identity; the SUT tested last comes first. */
function historyOf(runs: readonly RunListing[]): SutHistory[] {
  const groups = new Map<string, RunListing[]>();
  for (const run of runs) groups.set(run.identity.key, [...(groups.get(run.identity.key) ?? []), run]);
  return [...groups.values()].map((list) => ({ identity: list[0].identity, runs: [...list].sort((a, b) => a.startedAt.localeCompare(b.startedAt)) }));
}

/** Starts the UI on `host:port`; when the host is not loopback, every request needs the (given or generated) token. */
export async function createUiServer(options: UiServerOptions): Promise<UiServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? (isLoopback(host) ? undefined : generateToken());
  const runs = new RunManager(resolve(options.reportsDir));
  const server = createServer(createUiApp({ reportsDir: options.reportsDir, token, runs, csrfToken: generateToken() }));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    token,
    close: async () => {
      await runs.close();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections(); // live streams stay open otherwise
  });
}

function remoteAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** Every failure becomes a status and `{ error: reason }`; only a harness bug is a 500, and none stops the server. */
const errorHandler: ErrorRequestHandler = (error: unknown, _req, res: Response, _next) => {
  const { status, message } = describeFailure(error);
  if (status >= 500) process.stderr.write(`ocpp-ct ui: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (res.headersSent) return void res.end();
  res.status(status).json({ error: message });
};

function describeFailure(error: unknown): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  if (error instanceof UsageError || error instanceof ConfigError) return { status: 400, message: error.message };
  const e = error as { status?: unknown; type?: unknown; message?: unknown };
  if (e.type === 'entity.parse.failed') return { status: 400, message: `the request body is not valid JSON: ${String(e.message)}` };
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, message: typeof e.message === 'string' ? e.message : 'bad request' };
  return { status: 500, message: 'internal error of the UI (details on its console)' };
}
