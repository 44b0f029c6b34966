/** The harness's log server over FTP (Part 6 <Configured log_location> for a station that uploads only over FTP): the same evidence as the HTTP one (file, size, SHA-256), through the ftp-srv library. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FileSystem, FtpSrv, type FtpConnection } from 'ftp-srv';
import { inconclusive } from '../engine/verdict';
import type { LogReceiverMode, LogUpload } from './log-receiver';

/** Options of {@link FtpLogReceiver.start}. */
export interface FtpLogReceiverOptions {
  /** Address to listen on (default 127.0.0.1); also the passive-mode address unless `publicHost` is given. */
  readonly host?: string;
  /** Port (0: any free one). */
  readonly port?: number;
  readonly publicHost?: string;
  /** Folder the uploads are kept in; a temporary one (removed on close) when absent. */
  readonly saveDir?: string;
}

/** The user the station logs in as (it comes with the location's URL, N01.FR.17). */
const USER = 'ocppct';

/** An FTP server that takes STOR uploads under /logs/<token>/, records each as evidence, and can refuse them on purpose. */
export class FtpLogReceiver {
  readonly uploads: LogUpload[] = [];
  readonly refusedRequests: { readonly at: string; readonly method: string; readonly path: string; readonly status: number }[] = [];
  private mode: LogReceiverMode = { kind: 'accept' };
  private readonly waiters: { resolve(upload: LogUpload | undefined): void; timer: NodeJS.Timeout }[] = [];

  private constructor(
    private readonly server: FtpSrv,
    private readonly root: string,
    private readonly temporary: boolean,
    private readonly port: number,
    private readonly options: FtpLogReceiverOptions,
    private readonly token: string,
    private readonly password: string,
  ) {}

  /** Starts listening on a free port (or the one given); resolves once bound. */
  static async start(options: FtpLogReceiverOptions = {}): Promise<FtpLogReceiver> {
    const host = options.host ?? '127.0.0.1';
    const port = options.port || (await freePort(host));
    const temporary = options.saveDir === undefined;
    const root = options.saveDir ?? (await mkdtemp(join(tmpdir(), 'ocppct-ftp-')));
    const token = randomBytes(6).toString('hex');
    const password = randomBytes(9).toString('base64url');
    await mkdir(join(root, 'logs', token), { recursive: true });
    const server = new FtpSrv({ url: `ftp://${host}:${port}`, pasv_url: options.publicHost ?? host, anonymous: false, greeting: 'ocpp-ct log receiver', log: silentLog() });
    const receiver = new FtpLogReceiver(server, root, temporary, port, options, token, password);
    // Refusals happen at login (530), which every FTP client reports at once; a refused transfer can leave a client waiting.
    server.on('login', ({ connection, username, password: given }, resolve, reject) => {
      const refused = username !== USER || given !== password ? 'wrong user or password' : receiver.mode.kind === 'refuse' ? 'the harness refuses this upload on purpose' : undefined;
      if (!refused) return resolve({ fs: receiver.fileSystem(connection) });
      receiver.refusedRequests.push({ at: new Date().toISOString(), method: 'LOGIN', path: username, status: 530 });
      reject(new Error(refused));
    });
    await server.listen();
    return receiver;
  }

  /** ftp. */
  get scheme(): 'ftp' {
    return 'ftp';
  }

  /** The location with its credentials: uploads there are taken (or refused, per the mode). */
  get location(): string {
    return `${this.origin}/logs/${this.token}/`;
  }

  /** A location the receiver does not take (its login is refused with 530): every upload there fails. */
  get missingLocation(): string {
    const host = this.options.publicHost ?? this.options.host ?? '127.0.0.1';
    return `ftp://nobody:${encodeURIComponent(this.password)}@${host.includes(':') ? `[${host}]` : host}:${this.port}/no-such-folder/${this.token}/`;
  }

  /** How the next uploads are answered; an FTP transfer cannot be held open, so holdUntilReleased makes the case inconclusive. */
  setMode(mode: LogReceiverMode): void {
    if (mode.kind === 'holdUntilReleased') throw inconclusive('OCPPCT_PRECONDITION', 'the FTP log receiver cannot keep an upload in progress: run this case with logReceiver.scheme http or https');
    this.mode = mode;
  }

  /** Nothing is held over FTP. */
  release(): void {}

  /** Resolves with the next upload taken after the call, or undefined after `timeoutMs`. */
  nextUpload(timeoutMs: number): Promise<LogUpload | undefined> {
    return new Promise((resolve) => {
      const waiter = {
        resolve,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          resolve(undefined);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Stops the server (and removes a temporary folder). */
  async close(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve(undefined);
    }
    await this.server.close().catch(() => undefined);
    if (this.temporary) await rm(this.root, { recursive: true, force: true });
  }

  private get origin(): string {
    const host = this.options.publicHost ?? this.options.host ?? '127.0.0.1';
    return `ftp://${USER}:${encodeURIComponent(this.password)}@${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  /** A file system rooted at the receiver's folder that records every finished STOR, or refuses it in refuse mode. */
  private fileSystem(connection: FtpConnection): FileSystem {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the subclass below needs the receiver, not the file system
    const receiver = this;
    class UploadFileSystem extends FileSystem {
      override write(fileName: string, options?: { append?: boolean; start?: unknown }): { stream: NodeJS.WritableStream; clientPath: string } {
        const written = super.write(fileName, options) as { stream: NodeJS.WritableStream; clientPath: string };
        const fsPath = join(receiver.root, written.clientPath);
        written.stream.once('finish', () => void receiver.recorded(written.clientPath, fsPath));
        return written;
      }
    }
    return new UploadFileSystem(connection, { root: this.root, cwd: '/' });
  }

  private async recorded(clientPath: string, fsPath: string): Promise<void> {
    const content = await readFile(fsPath).catch(() => Buffer.alloc(0));
    const upload: LogUpload = {
      at: new Date().toISOString(),
      method: 'STOR',
      path: clientPath,
      fileName: basename(clientPath),
      contentType: '',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      encoding: 'raw',
      status: 226,
      held: false,
      answered: true,
      ...(this.temporary ? {} : { savedAs: fsPath }),
    };
    this.uploads.push(upload);
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve(upload);
    }
  }
}

/** A free TCP port on `host` (ftp-srv needs a port number before it listens). */
async function freePort(host: string): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** ftp-srv logs through bunyan; the evidence is ours, so its own log stays quiet. */
function silentLog(): unknown {
  const quiet = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop, child: () => quiet };
  return quiet;
}

function noop(): void {}
