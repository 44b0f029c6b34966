/** The CSMS end of OCPP-J: a WebSocket server that takes stations at `<path>/<stationId>`, checks subprotocol and Basic auth, and hands out OcppConnections. */
import { EventEmitter } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { OcppConnection } from '../ocpp/connection';
import { OCPP_SUBPROTOCOL, parseBasicAuth, type TlsOptions } from './security';

/** Why an upgrade was refused, as an HTTP status and a reason for the evidence. */
export interface Refusal {
  readonly status: number;
  readonly reason: string;
}

/** Facts about an accepted station connection. */
export interface StationConnectionInfo {
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
  readonly tls?: TlsOptions;
  /** Decides Basic auth; when absent, no credentials are required. Return a refusal reason to refuse. */
  readonly authenticate?: (stationId: string, credentials: { user: string; password: string } | undefined) => string | undefined;
}

/** Events: `connection` (OcppConnection, StationConnectionInfo), `refused` (stationId | undefined, Refusal). */
export class OcppServer extends EventEmitter {
  private readonly wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => (offered.has(OCPP_SUBPROTOCOL) ? OCPP_SUBPROTOCOL : false) });
  private readonly refusals: Refusal[] = [];
  private connectionCount = 0;

  private constructor(
    private readonly http: Server,
    readonly options: OcppServerOptions,
  ) {
    super();
    http.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head));
    http.on('request', (_request, response) => response.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP-J endpoint: WebSocket upgrade required\n'));
  }

  /** Starts listening; resolves once the port is bound. */
  static async listen(options: OcppServerOptions): Promise<OcppServer> {
    const http = options.tls
      ? createHttpsServer({ ...options.tls, minVersion: options.tls.minVersion ?? 'TLSv1.2', requestCert: options.tls.requestClientCertificate ?? false, rejectUnauthorized: options.tls.requestClientCertificate ?? false })
      : createHttpServer();
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
    return new OcppServer(http, options);
  }

  /** The port actually bound. */
  get port(): number {
    return (this.http.address() as AddressInfo).port;
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

  /** Stops listening and closes every connection. */
  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.http.closeAllConnections?.();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const stationId = this.stationIdOf(request.url ?? '');
    const refusal = this.refusals.shift() ?? this.check(request, stationId);
    if (refusal) {
      this.emit('refused', stationId, refusal);
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason.replace(/[\r\n]/g, ' ')}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const credentials = parseBasicAuth(request.headers.authorization);
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new OcppConnection(ws, { name: `${stationId}#${++this.connectionCount}`, callTimeoutMs: this.options.callTimeoutMs });
      const info: StationConnectionInfo = { stationId: stationId as string, remoteAddress: request.socket.remoteAddress ?? '', subprotocol: ws.protocol, password: credentials?.password };
      this.emit('connection', connection, info);
    });
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

  private check(request: IncomingMessage, stationId: string | undefined): Refusal | undefined {
    if (!stationId) return { status: 404, reason: `path ${request.url} is not ${this.options.path}/<stationId>` };
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(OCPP_SUBPROTOCOL)) return { status: 400, reason: `subprotocol ${OCPP_SUBPROTOCOL} not offered (offered: ${offered.filter(Boolean).join(', ') || 'none'})` };
    const denied = this.options.authenticate?.(stationId, parseBasicAuth(request.headers.authorization));
    return denied ? { status: 401, reason: denied } : undefined;
  }
}
