/** The file server of the firmware cases (Part 6 "a file server has been set up"): serves signed images over HTTP and HTTPS and keeps a record of every download. */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { FIRMWARE_VARIANTS, type FirmwareVariant, type SignedFirmware } from '../pki/firmware';

/** How the firmware server is set up. */
export interface FirmwareServerOptions {
  /** Address to listen on. */
  readonly host: string;
  /** Host name or address put into the URLs the station is given (the listen address when absent). */
  readonly publicHost?: string;
  /** HTTP port (0: any free one). */
  readonly httpPort: number;
  /** HTTPS port (0: any free one). */
  readonly httpsPort: number;
  /** Server certificates and keys of the HTTPS listener (PEM; several for RSA and EC). Absent: no HTTPS listener. */
  readonly tls?: { readonly key: readonly string[]; readonly cert: readonly string[] };
  /** The images, by variant. */
  readonly images: Readonly<Record<FirmwareVariant, SignedFirmware>>;
  /** How long the slow variant takes to send in full, in milliseconds. */
  readonly slowTransferMs: number;
}

/** One request to the server: who fetched what, when, and how it ended. */
export interface DownloadRecord {
  /** When the request arrived (ISO 8601, the harness's clock). */
  readonly at: string;
  /** When the transfer ended (complete, refused or broken off). */
  finishedAt?: string;
  readonly scheme: 'http' | 'https';
  /** Remote address and port. */
  readonly who: string;
  /** Subject of the client certificate the peer presented over HTTPS, if any. */
  readonly clientCertificate?: string;
  readonly userAgent?: string;
  readonly method: string;
  readonly path: string;
  /** The image variant the path names, if it names one. */
  readonly variant?: FirmwareVariant;
  readonly status: number;
  /** Bytes of the body sent. */
  bytes: number;
  /** complete: every byte sent; aborted: the peer went away first; refused: 404 or 405. */
  outcome: 'in progress' | 'complete' | 'aborted' | 'refused';
}

/** A one-line account of a download for the evidence. */
export function describeDownload(d: DownloadRecord): string {
  const client = [d.who, d.clientCertificate ? `client certificate ${d.clientCertificate}` : undefined, d.userAgent ? `"${d.userAgent}"` : undefined].filter(Boolean).join(', ');
  return `${d.at} ${client} ${d.method} ${d.scheme}://…${d.path} → ${d.status}, ${d.bytes} bytes, ${d.outcome}${d.finishedAt ? ` at ${d.finishedAt}` : ''}`;
}

const CHUNKS_OF_SLOW_TRANSFER = 20;

/** The HTTP and HTTPS file server of one case. */
export class FirmwareServer {
  /** Every request, in order of arrival. */
  readonly downloads: DownloadRecord[] = [];
  private readonly listeners: { scheme: 'http' | 'https'; server: Server }[] = [];
  private readonly watchers = new Set<() => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** A different path prefix per server, so a station cannot satisfy a case from a cache of an earlier one. */
  private readonly prefix = `/firmware/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  private constructor(private readonly options: FirmwareServerOptions) {}

  /** Starts the HTTP listener and, with `tls`, the HTTPS one. */
  static async start(options: FirmwareServerOptions): Promise<FirmwareServer> {
    const server = new FirmwareServer(options);
    await server.listen('http', createHttpServer((req, res) => server.serve('http', req, res)), options.httpPort);
    if (options.tls) {
      const https = createHttpsServer({ key: [...options.tls.key], cert: [...options.tls.cert], requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' }, (req, res) => server.serve('https', req, res));
      await server.listen('https', https, options.httpsPort);
    }
    return server;
  }

  /** The URL of an image (or of a file that does not exist, for `missing`), over `scheme`. */
  url(variant: FirmwareVariant | 'missing', scheme: 'http' | 'https' = this.options.tls ? 'https' : 'http'): string {
    const listener = this.listeners.find((l) => l.scheme === scheme);
    if (!listener) throw new Error(`the firmware server has no ${scheme} listener`);
    const { port } = listener.server.address() as AddressInfo;
    const host = this.options.publicHost ?? this.options.host;
    return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}${this.prefix}/${variant}.bin`;
  }

  /** The image of a variant, with its signature and signing certificate. */
  image(variant: FirmwareVariant): SignedFirmware {
    return this.options.images[variant];
  }

  /** Requests for the file of `variant` (or of any file, without it). */
  downloadsOf(variant?: FirmwareVariant | 'missing'): DownloadRecord[] {
    return this.downloads.filter((d) => variant === undefined || (variant === 'missing' ? d.status === 404 : d.variant === variant));
  }

  /** Resolves with the first request matching `where` (one that already arrived counts); rejects after `timeoutMs`. */
  waitFor(where: (d: DownloadRecord) => boolean, timeoutMs: number): Promise<DownloadRecord> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.downloads.find(where);
        if (!found) return false;
        this.watchers.delete(watcher);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const watcher = () => void check();
      const timer = setTimeout(() => {
        this.watchers.delete(watcher);
        reject(new Error(`no matching request reached the firmware server within ${timeoutMs} ms`));
      }, timeoutMs);
      this.watchers.add(watcher);
      check();
    });
  }

  /** Stops both listeners and breaks off transfers still running. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    await Promise.all(
      this.listeners.map(
        ({ server }) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections?.();
          }),
      ),
    );
  }

  private listen(scheme: 'http' | 'https', server: Server, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        this.listeners.push({ scheme, server });
        resolve();
      });
    });
  }

  private serve(scheme: 'http' | 'https', req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    const name = path.startsWith(`${this.prefix}/`) ? path.slice(this.prefix.length + 1) : '';
    const match = /^([a-z-]+)\.(bin|sig|pem)$/.exec(name);
    const variant = match && (FIRMWARE_VARIANTS as readonly string[]).includes(match[1]) ? (match[1] as FirmwareVariant) : undefined;
    const peer = scheme === 'https' ? (req.socket as TLSSocket).getPeerCertificate?.() : undefined;
    const record: DownloadRecord = {
      at: new Date().toISOString(),
      scheme,
      who: `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`,
      ...(peer?.subject?.CN ? { clientCertificate: `CN=${String(peer.subject.CN)}` } : {}),
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
      method: req.method ?? '?',
      path,
      ...(variant ? { variant } : {}),
      status: 200,
      bytes: 0,
      outcome: 'in progress',
    };
    const finish = (outcome: DownloadRecord['outcome']) => {
      if (record.outcome !== 'in progress') return;
      record.outcome = outcome;
      record.finishedAt = new Date().toISOString();
      for (const watcher of [...this.watchers]) watcher();
    };
    const refuse = (status: number, text: string) => {
      (record as { status: number }).status = status;
      this.downloads.push(record);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
      finish('refused');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'only GET and HEAD\n');
    if (!variant || !match) return refuse(404, 'no such file\n');
    this.downloads.push(record);
    const firmware = this.options.images[variant];
    const body = match[2] === 'bin' ? firmware.image : Buffer.from(match[2] === 'sig' ? `${firmware.signature}\n` : firmware.signingCertificate);
    res.on('close', () => finish(res.writableFinished ? 'complete' : 'aborted'));
    res.writeHead(200, { 'content-type': match[2] === 'bin' ? 'application/octet-stream' : 'text/plain', 'content-length': body.length });
    for (const watcher of [...this.watchers]) watcher();
    if (req.method === 'HEAD') return void res.end();
    if (variant !== 'slow' || match[2] !== 'bin') {
      record.bytes = body.length;
      return void res.end(body);
    }
    // The slow variant: the image in equal parts spread over slowTransferMs.
    const size = Math.ceil(body.length / CHUNKS_OF_SLOW_TRANSFER);
    let offset = 0;
    const timer = setInterval(() => {
      if (res.destroyed) {
        clearInterval(timer);
        this.timers.delete(timer);
        return;
      }
      const part = body.subarray(offset, offset + size);
      offset += part.length;
      record.bytes = offset;
      if (offset >= body.length) {
        clearInterval(timer);
        this.timers.delete(timer);
        res.end(part);
      } else res.write(part);
    }, Math.max(1, Math.floor(this.options.slowTransferMs / CHUNKS_OF_SLOW_TRANSFER)));
    this.timers.add(timer);
  }
}
