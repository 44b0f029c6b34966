/** The CSMS end of OCPP-J: a WebSocket server that takes stations at `<path>/<stationId>`, checks subprotocol, Basic auth and (profiles 2 and 3) TLS, and hands out OcppConnections. */
import { EventEmitter } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer } from 'ws';
import { OcppConnection } from '../ocpp/connection';
import { DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_MESSAGES_PER_SECOND, guardFloods, guardFrameSize } from './frame-limit';
import { schemaValidator } from '../ocpp/validator';
import { clientHelloLength, parseClientHello } from './client-hello';
import { OCPP_SUBPROTOCOL, classifyTlsError, parseBasicAuth, peerChainOf, secureContextOf, type ClientHelloFacts, type TlsHandshake, type TlsOptions } from './security';

/** Why an upgrade was refused, as an HTTP status and a reason for the evidence. */
export interface Refusal {
  readonly status: number;
  readonly reason: string;
}

/** What the server saw of an upgrade attempt, accepted or refused. */
export interface UpgradeFacts {
  /** The Authorization header exactly as sent, if any. */
  readonly authorization?: string;
  /** The TLS handshake of the connection the upgrade came on (profiles 2 and 3). */
  readonly tls?: TlsHandshake;
}

/** Facts about an accepted station connection. */
export interface StationConnectionInfo extends UpgradeFacts {
  readonly stationId: string;
  readonly remoteAddress: string;
  readonly subprotocol: string;
  /** The Basic-auth password the station sent, if any. */
  readonly password?: string;
}

/** Options of an OcppServer. */
export interface OcppServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** Base path; stations connect to `<path>/<stationId>`. */
  readonly path: string;
  readonly callTimeoutMs: number;
  /** TLS (security profiles 2 and 3); absent serves ws:// (profile 1). */
  readonly tls?: TlsOptions;
  /** Decides Basic auth; when absent, no credentials are required. Return a refusal reason to refuse. */
  readonly authenticate?: (stationId: string, credentials: { user: string; password: string } | undefined) => string | undefined;
  /** Picks the subprotocol from those offered (in order); undefined refuses the upgrade. Default: ocpp2.0.1 when offered (Part 4 §3.1.2). */
  readonly chooseSubprotocol?: (offered: readonly string[]) => string | undefined;
  /** Largest WebSocket message taken from a station (limits.maxFrameBytes; default 4 MiB): a larger one is refused with close 1009. */
  readonly maxFrameBytes?: number;
  /** Most messages taken from a station within one second (limits.maxMessagesPerSecond; default 1000): a flood beyond it fails the case and closes the connection (1008). */
  readonly maxMessagesPerSecond?: number;
  /** A connection that has not asked for the WebSocket upgrade within this time is closed (default 10 s), so half-open connections hold nothing. */
  readonly upgradeTimeoutMs?: number;
}

/** Longest wait for a client's first TLS record before the connection is dropped. */
const HELLO_TIMEOUT_MS = 10_000;

/** Default longest wait for a connection's WebSocket upgrade request. */
const UPGRADE_TIMEOUT_MS = 10_000;

/**
 * Events: `connection` (OcppConnection, StationConnectionInfo), `refused` (stationId | undefined, Refusal), `attempt`
 * (stationId | undefined, UpgradeFacts, Refusal | undefined) for every upgrade request, and `tls` (TlsHandshake) for
 * every TLS handshake, succeeded or failed.
 */
export class OcppServer extends EventEmitter {
  private readonly wss: WebSocketServer;
  private readonly refusals: Refusal[] = [];
  private readonly handshakes = new WeakMap<object, TlsHandshake>();
  private readonly hellos = new Map<string, ClientHelloFacts>();
  private readonly sockets = new Set<Socket>();
  /** Sockets (raw or TLS) that made their WebSocket upgrade. */
  private readonly upgraded = new WeakSet<object>();
  private readonly companions: { close(): Promise<void> }[] = [];
  private connectionCount = 0;

  private constructor(
    private readonly http: Server | HttpsServer,
    private readonly listener: NetServer,
    readonly options: OcppServerOptions,
  ) {
    super();
    // maxPayload: a longer message is refused at the socket (close 1009) without being buffered.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.maxFrameBytes, handleProtocols: (offered) => this.subprotocolFor([...offered]) ?? false });
    http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head));
    http.on('request', (_request, response) => response.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP-J endpoint: WebSocket upgrade required\n'));
    if (options.tls) {
      http.on('secureConnection', (socket: TLSSocket) => this.secured(socket));
      http.on('tlsClientError', (error: Error & { code?: string; reason?: string }, socket: TLSSocket) => this.tlsFailed(error, socket));
    }
    listener.on('connection', (socket: Socket) => this.accept(socket));
  }

  /** Starts listening; resolves once the port is bound. */
  static async listen(options: OcppServerOptions): Promise<OcppServer> {
    // Compiled inside the first upgrade, the schemas would stall the event loop right after the 101 went out, long enough
    // under load for a peer in this process (a reference SUT, a test) to give up on its handshake: compile them first.
    schemaValidator();
    const http = options.tls ? createHttpsServer(secureContextOptions(options.tls)) : createHttpServer();
    const listener = createNetServer();
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
    return new OcppServer(http, listener, options);
  }

  /** The port actually bound. */
  get port(): number {
    return (this.listener.address() as AddressInfo).port;
  }

  /** Whether connections are TLS (security profile 2 or 3). */
  get secure(): boolean {
    return this.options.tls !== undefined;
  }

  /** The URL a station uses, without its station id (e.g. `ws://127.0.0.1:9000/ocpp`). */
  get baseUrl(): string {
    const host = this.options.host && this.options.host !== '0.0.0.0' ? this.options.host : '127.0.0.1';
    return `${this.options.tls ? 'wss' : 'ws'}://${host}:${this.port}${this.options.path}`;
  }

  /** Refuses the next upgrade attempts with these answers, in order (a case that tests reconnection or bad credentials). */
  refuseNext(...refusals: Refusal[]): void {
    this.refusals.push(...refusals);
  }

  /** Drops every queued refusal (a case ended, however it ended); returns how many there were. */
  clearRefusals(): number {
    return this.refusals.splice(0).length;
  }

  /** Takes back refusals queued with `refuseNext` that no attempt has used yet (the same objects), so the next attempt is judged normally. */
  withdrawRefusal(refusal: Refusal): void {
    for (let i = this.refusals.length - 1; i >= 0; i--) if (this.refusals[i] === refusal) this.refusals.splice(i, 1);
  }

  /**
   * Serves new TLS connections with other material (a deliberately invalid certificate, a TLS version below 1.2, or
   * the valid material again); connections already open keep theirs.
   * @throws Error on a server without TLS.
   */
  useTls(tls: TlsOptions): void {
    if (!this.options.tls) throw new Error('useTls: this endpoint serves ws:// (security profile 1)');
    (this.http as HttpsServer).setSecureContext(secureContextOptions({ ...this.options.tls, ...tls }));
  }

  /** Closes `other` (another endpoint of the same CSMS) together with this server. */
  closeWith(other: { close(): Promise<void> }): void {
    this.companions.push(other);
  }

  /** Stops listening and closes every connection (and every companion endpoint). */
  async close(): Promise<void> {
    await Promise.all(this.companions.splice(0).map((c) => c.close()));
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    for (const socket of this.sockets) socket.destroy();
    this.http.closeAllConnections?.();
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  /** The message size limit of this server. */
  private get maxFrameBytes(): number {
    return this.options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  }

  /** Takes a TCP connection: plain HTTP goes straight on; for TLS the ClientHello is read first (and put back) so the handshake record can say what was offered. */
  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    if (!this.options.tls) this.expectUpgrade(socket);
    socket.on('error', () => undefined); // reset by the peer: the TLS or HTTP layer reports what matters
    if (!this.options.tls) return void this.http.emit('connection', socket);
    let buffered = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), HELLO_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const needed = clientHelloLength(buffered);
      if (needed !== undefined && buffered.length < needed && buffered.length < 65_536) return;
      clearTimeout(timer);
      socket.off('data', onData);
      socket.pause();
      const hello = parseClientHello(buffered);
      if (hello) this.hellos.set(remoteOf(socket), hello);
      socket.unshift(buffered);
      this.http.emit('connection', socket);
    };
    socket.on('data', onData);
  }

  /** Closes `socket` (plain, or TLS once secured) if it has not asked for the WebSocket upgrade in time, so a half-open, slow or non-HTTP connection holds nothing; the refusal says so. */
  private expectUpgrade(socket: Socket): void {
    const upgradeTimeoutMs = this.options.upgradeTimeoutMs ?? UPGRADE_TIMEOUT_MS;
    const timer = setTimeout(() => {
      if (this.upgraded.has(socket)) return;
      this.emit('refused', undefined, { status: 408, reason: `${remoteOf(socket)} made no WebSocket upgrade request within ${upgradeTimeoutMs} ms: connection closed` } satisfies Refusal);
      socket.destroy();
    }, upgradeTimeoutMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  }

  private handshakeBase(socket: TLSSocket): Pick<TlsHandshake, 'side' | 'remote' | 'clientHello'> {
    const remote = remoteOf(socket);
    const clientHello = this.hellos.get(remote);
    this.hellos.delete(remote);
    return { side: 'server', remote, clientHello };
  }

  private secured(socket: TLSSocket): void {
    const base = this.handshakeBase(socket);
    const peerChain = peerChainOf(socket.getPeerCertificate(true) as never);
    const cipher = socket.getCipher();
    const facts = { ...base, protocol: socket.getProtocol() ?? undefined, cipher: { standardName: cipher.standardName, name: cipher.name }, peerChain };
    let failure: TlsHandshake['failure'];
    if (this.options.tls?.requestClientCertificate) {
      if (peerChain.length === 0) failure = { kind: 'no client certificate', code: 'NO_CLIENT_CERTIFICATE', message: 'the client sent no certificate (security profile 3 requires one)' };
      else if (!socket.authorized) failure = classifyTlsError({ code: String(socket.authorizationError), message: `client certificate refused: ${String(socket.authorizationError)}` });
    }
    const handshake: TlsHandshake = failure ? { ok: false, ...facts, failure } : { ok: true, ...facts };
    this.handshakes.set(socket, handshake);
    this.emit('tls', handshake);
    if (failure) socket.destroy(); // A00.FR.407: the CSMS terminates the connection
    else this.expectUpgrade(socket);
  }

  private tlsFailed(error: Error & { code?: string; reason?: string }, socket: TLSSocket): void {
    this.emit('tls', { ok: false, ...this.handshakeBase(socket), peerChain: [], failure: classifyTlsError(error) } satisfies TlsHandshake);
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const stationId = this.stationIdOf(request.url ?? '');
    const facts: UpgradeFacts = { authorization: request.headers.authorization, tls: this.handshakes.get(request.socket) };
    const refusal = this.refusals.shift() ?? this.check(request, stationId, facts);
    this.emit('attempt', stationId, facts, refusal);
    if (refusal) {
      this.emit('refused', stationId, refusal);
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason.replace(/[\r\n]/g, ' ')}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const credentials = parseBasicAuth(request.headers.authorization);
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.upgraded.add(request.socket);
      guardFrameSize(ws, request.socket, this.maxFrameBytes, () => connection);
      guardFloods(ws, this.options.maxMessagesPerSecond ?? DEFAULT_MAX_MESSAGES_PER_SECOND, () => connection);
      const connection = new OcppConnection(ws, { name: `${stationId}#${++this.connectionCount}`, callTimeoutMs: this.options.callTimeoutMs });
      const info: StationConnectionInfo = { stationId: stationId as string, remoteAddress: request.socket.remoteAddress ?? '', subprotocol: ws.protocol, password: credentials?.password, ...facts };
      this.emit('connection', connection, info);
    });
  }

  /** The subprotocol the server agrees to, of those offered. */
  private subprotocolFor(offered: readonly string[]): string | undefined {
    if (this.options.chooseSubprotocol) return this.options.chooseSubprotocol(offered);
    return offered.includes(OCPP_SUBPROTOCOL) ? OCPP_SUBPROTOCOL : undefined;
  }

  private stationIdOf(url: string): string | undefined {
    let path: string;
    try {
      path = decodeURIComponent(new URL(url, 'http://x').pathname);
    } catch {
      return undefined; // a malformed %-escape names no station: refused with 404 like any other bad path
    }
    const prefix = `${this.options.path.replace(/\/$/, '')}/`;
    if (!path.startsWith(prefix)) return undefined;
    const id = path.slice(prefix.length);
    return id.length > 0 && !id.includes('/') ? id : undefined;
  }

  private check(request: IncomingMessage, stationId: string | undefined, facts: UpgradeFacts): Refusal | undefined {
    if (!stationId) return { status: 404, reason: `path ${request.url} is not ${this.options.path}/<stationId>` };
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (this.subprotocolFor(offered.filter(Boolean)) === undefined) return { status: 400, reason: `subprotocol ${OCPP_SUBPROTOCOL} not offered (offered: ${offered.filter(Boolean).join(', ') || 'none'})` };
    if (this.options.tls?.requestClientCertificate) {
      const commonName = facts.tls?.peerChain[0]?.commonName;
      // A00.FR.405: the certificate belongs to this station when its CN is the station's identity.
      if (commonName !== stationId) return { status: 401, reason: `client certificate CN "${commonName ?? '(none)'}" is not the station id "${stationId}" (CN mismatch)` };
    }
    const denied = this.options.authenticate?.(stationId, parseBasicAuth(request.headers.authorization));
    return denied ? { status: 401, reason: denied } : undefined;
  }
}

const remoteOf = (socket: { remoteAddress?: string; remotePort?: number }): string => `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;

/** Node's server options for TLS material: TLS 1.2 at least, the OCPP cipher suites, and client certificates asked for (and judged by the server) in profile 3. */
function secureContextOptions(tls: TlsOptions) {
  return {
    ...secureContextOf(tls),
    requestCert: tls.requestClientCertificate ?? false,
    rejectUnauthorized: false, // the server judges the certificate itself, so the evidence says why it refused
  } as const;
}
