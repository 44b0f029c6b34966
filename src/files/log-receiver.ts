/** The harness's log server (Part 6 <Configured log_location>): takes a station's GetLog uploads over HTTP or HTTPS, keeps each as evidence with its size and SHA-256, and can fail on purpose. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { secureContextOf, type TlsOptions } from '../transport/security';

/** One upload the receiver took in (or refused on purpose). */
export interface LogUpload {
  /** When the upload's body was complete, harness clock. */
  readonly at: string;
  readonly method: string;
  /** The request path, as the station sent it. */
  readonly path: string;
  /** The file name: from Content-Disposition (multipart part or header), else the last path segment. */
  readonly fileName: string;
  readonly contentType: string;
  /** Bytes of the file (for multipart: of the file part only). */
  readonly size: number;
  readonly sha256: string;
  /** `multipart` when the file came as a part of a multipart/form-data POST. */
  readonly encoding: 'raw' | 'multipart';
  /** The HTTP status the receiver answered. */
  readonly status: number;
  /** Where the file was stored, when the receiver keeps files on disk. */
  readonly savedAs?: string;
  /** Its answer was held back for a while (mode holdUntilReleased): the station was kept uploading. */
  readonly held: boolean;
  /** The answer reached the station (false while held, or when the station gave up on the upload first). */
  answered: boolean;
}

/** How the receiver answers an upload. */
export type LogReceiverMode =
  /** Stores the file and answers 201. */
  | { readonly kind: 'accept' }
  /** Answers `status` without storing (e.g. 403 permission denied, 503 server error): an upload that fails. */
  | { readonly kind: 'refuse'; readonly status: number }
  /** Reads each upload's body, then keeps the answer back until {@link LogReceiver.release}: the station is still uploading. */
  | { readonly kind: 'holdUntilReleased' };

/** Options of {@link LogReceiver.start}. */
export interface LogReceiverOptions {
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Port (0: any free one). */
  readonly port?: number;
  /** Host name put into the URLs the harness hands out (default: `host`). */
  readonly publicHost?: string;
  /** Serve HTTPS with this server certificate; plain HTTP when absent. */
  readonly tls?: TlsOptions;
  /** Folder under which each upload is written (`<folder>/<n>-<file name>`); kept in memory only when absent. */
  readonly saveDir?: string;
}

/** The path prefix under which uploads are taken; anything else is a path that does not exist (404). */
const UPLOAD_PREFIX = '/logs';

/** A waiting `nextUpload`. */
interface UploadWaiter {
  resolve(upload: LogUpload | undefined): void;
  timer: NodeJS.Timeout;
}

/** An HTTP(S) server that takes PUT and POST uploads (raw or multipart/form-data) under /logs/<token>/. */
export class LogReceiver {
  /** Every upload so far, in arrival order. */
  readonly uploads: LogUpload[] = [];
  /** Requests that were not uploads to a known location (wrong path or method), for the evidence. */
  readonly refusedRequests: { readonly at: string; readonly method: string; readonly path: string; readonly status: number }[] = [];
  private mode: LogReceiverMode = { kind: 'accept' };
  private readonly token = randomBytes(6).toString('hex');
  private readonly waiters: UploadWaiter[] = [];
  private held: (() => void)[] = [];
  /** Requests still open (a held upload, or one whose body is still arriving). */
  private readonly open = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    private readonly options: LogReceiverOptions,
  ) {
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void this.onRequest(request, response));
  }

  /** Starts listening; resolves once the port is bound. */
  static async start(options: LogReceiverOptions = {}): Promise<LogReceiver> {
    const server = options.tls ? createHttpsServer({ ...secureContextOf(options.tls) }) : createHttpServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new LogReceiver(server, options);
  }

  /** http or https. */
  get scheme(): 'http' | 'https' {
    return this.options.tls ? 'https' : 'http';
  }

  /** The location to give a station in GetLogRequest.log.remoteLocation: uploads there are taken (or failed, per the mode). */
  get location(): string {
    return `${this.origin}${UPLOAD_PREFIX}/${this.token}/`;
  }

  /** A location on this server whose path does not exist: every upload there is answered 404 (Part 6 "log location with non-existing path"). */
  get missingLocation(): string {
    return `${this.origin}/no-such-folder/${this.token}/`;
  }

  /** How the next uploads are answered. */
  setMode(mode: LogReceiverMode): void {
    this.mode = mode;
  }

  /** Ends holdUntilReleased: answers every held upload now (those the station gave up on go nowhere) and takes the next ones at once. */
  release(): void {
    if (this.mode.kind === 'holdUntilReleased') this.mode = { kind: 'accept' };
    for (const answer of this.held.splice(0)) answer();
  }

  /** Resolves with the next upload taken after the call, or undefined after `timeoutMs`. */
  nextUpload(timeoutMs: number): Promise<LogUpload | undefined> {
    return new Promise((resolve) => {
      const waiter: UploadWaiter = {
        resolve,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          resolve(undefined);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Stops listening and drops any open request. */
  async close(): Promise<void> {
    this.release();
    for (const response of this.open) response.destroy();
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve(undefined);
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    const host = this.options.publicHost ?? this.options.host ?? '127.0.0.1';
    return `${this.scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.open.add(response);
    response.on('close', () => this.open.delete(response));
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
    const method = request.method ?? 'GET';
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch {
      return; // the station gave up (or cancelled the upload) before the body was complete
    }
    const refuse = (status: number) => {
      this.refusedRequests.push({ at: new Date().toISOString(), method, path, status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`${status}\n`);
    };
    if (method !== 'PUT' && method !== 'POST') return refuse(405);
    if (!path.startsWith(`${UPLOAD_PREFIX}/${this.token}/`)) return refuse(404);
    const file = method === 'POST' && /^multipart\/form-data/i.test(request.headers['content-type'] ?? '') ? multipartFile(body, request.headers['content-type'] ?? '') : undefined;
    const content = file?.content ?? body;
    const fileName = safeName(file?.fileName ?? dispositionName(request.headers['content-disposition']) ?? basename(path) ?? 'log');
    const mode = this.mode;
    const status = mode.kind === 'refuse' ? mode.status : 201;
    const hold = mode.kind === 'holdUntilReleased';
    const saved = status < 300 && this.options.saveDir ? await this.save(fileName, content) : undefined;
    const upload: LogUpload = {
      at: new Date().toISOString(),
      method,
      path,
      fileName,
      contentType: file?.contentType ?? request.headers['content-type'] ?? '',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      encoding: file ? 'multipart' : 'raw',
      status,
      ...(saved ? { savedAs: saved } : {}),
      held: hold,
      answered: false,
    };
    this.uploads.push(upload);
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve(upload);
    }
    const answer = () => {
      if (response.writableEnded || response.destroyed) return;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`${status}\n`);
      upload.answered = true;
    };
    if (hold) {
      this.held.push(answer);
      return;
    }
    answer();
  }

  private async save(fileName: string, content: Buffer): Promise<string> {
    const dir = this.options.saveDir as string;
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${String(this.uploads.length + 1).padStart(2, '0')}-${fileName}`);
    await writeFile(path, content);
    return path;
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
    request.on('aborted', () => reject(new Error('aborted')));
  });
}

/** The filename of a Content-Disposition header value, if it names one. */
function dispositionName(header: string | undefined): string | undefined {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? '');
  return match ? match[1] : undefined;
}

/** A file name that stays inside the save folder. */
function safeName(name: string): string {
  const cleaned = basename(name).replace(/[^A-Za-z0-9._-]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'log' : cleaned;
}

/**
 * The first part of a multipart/form-data body that carries a filename (N01.FR.19: Content-Disposition with the file
 * name), or else the first part.
 */
export function multipartFile(body: Buffer, contentType: string): { fileName?: string; contentType?: string; content: Buffer } | undefined {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; content: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', afterDelimiter);
    const next = body.indexOf(delimiter, afterDelimiter);
    if (headerEnd < 0 || next < 0) break;
    const contentEnd = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    parts.push({ headers: body.subarray(afterDelimiter, headerEnd).toString('utf8'), content: body.subarray(headerEnd + 4, contentEnd) });
    start = next;
  }
  const described = parts.map((part) => ({
    fileName: dispositionName(/content-disposition:([^\r\n]*)/i.exec(part.headers)?.[1]),
    contentType: /content-type:\s*([^\r\n]*)/i.exec(part.headers)?.[1],
    content: part.content,
  }));
  return described.find((part) => part.fileName !== undefined) ?? described[0];
}
