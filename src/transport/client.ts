/** The station end of OCPP-J: opens the WebSocket to `<csms url>/<stationId>` with subprotocol ocpp2.0.1, Basic auth, and for wss:// a TLS handshake whose outcome is reported. */
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import { OcppConnection } from '../ocpp/connection';
import { DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_MESSAGES_PER_SECOND, guardFloods, guardFrameSize, rawSocketOf } from './frame-limit';
import { OCPP_SUBPROTOCOL, basicAuthHeader, classifyTlsError, peerChainOf, secureContextOf, type TlsHandshake, type TlsOptions } from './security';

/** Options of one connection attempt. */
export interface ConnectOptions {
  /** The CSMS URL without the station id, e.g. `ws://127.0.0.1:9000/ocpp`. */
  readonly csmsUrl: string;
  readonly stationId: string;
  /** Basic-auth password (security profiles 1 and 2); none sends no Authorization header. */
  readonly password?: string;
  /** Basic-auth user name; the station id when absent (A00.FR.204), another one only to test a CSMS that must refuse it. */
  readonly user?: string;
  /** TLS material for a wss:// URL: trusted CAs, and the client certificate for profile 3. */
  readonly tls?: TlsOptions;
  readonly connectTimeoutMs: number;
  readonly callTimeoutMs: number;
  /** Name of the connection in the evidence. */
  readonly name?: string;
  /** Told about the TLS handshake of a wss:// attempt, succeeded or failed. */
  readonly onTls?: (handshake: TlsHandshake) => void;
  /** The subprotocols offered in Sec-WebSocket-Protocol, in order (default: ocpp2.0.1 alone); ocpp2.0.1 must still be the one agreed. */
  readonly subprotocols?: readonly string[];
  /** Told about the CSMS's HTTP answer to the upgrade request (101 or a refusal) with its headers. */
  readonly onResponse?: (statusCode: number, headers: IncomingHttpHeaders) => void;
  /** Largest WebSocket message taken from the CSMS (limits.maxFrameBytes; default 4 MiB): a larger one is refused with close 1009. */
  readonly maxFrameBytes?: number;
  /** Most messages taken from the CSMS within one second (limits.maxMessagesPerSecond; default 1000): a flood beyond it fails the case and closes the connection (1008). */
  readonly maxMessagesPerSecond?: number;
}

/** The connection attempt failed: refused with an HTTP status, no subprotocol agreed, a failed TLS handshake, network error or timeout. */
export class ConnectError extends Error {
  readonly code = 'OCPPCT_CONNECT_FAILED';
  constructor(
    message: string,
    readonly httpStatus?: number,
    /** The TLS handshake, when the attempt got that far. */
    readonly tls?: TlsHandshake,
  ) {
    super(message);
  }
}

/** The full URL a station connects to. */
export function stationUrl(csmsUrl: string, stationId: string): string {
  return `${csmsUrl.replace(/\/$/, '')}/${encodeURIComponent(stationId)}`;
}

/** Node's client TLS options for OCPP: TLS 1.2 at least, the OCPP cipher suites, server identity checked against the URL's host. */
export function clientTlsOptions(tls: TlsOptions): ConnectionOptions {
  return { ...secureContextOf(tls), servername: tls.servername, rejectUnauthorized: tls.rejectUnauthorized ?? true };
}

/** Opens a connection and resolves once the WebSocket is open with subprotocol ocpp2.0.1 agreed. */
export function connectOcpp(options: ConnectOptions): Promise<OcppConnection> {
  const url = stationUrl(options.csmsUrl, options.stationId);
  const headers: Record<string, string> = options.password === undefined ? {} : { authorization: basicAuthHeader(options.user ?? options.stationId, options.password) };
  let handshake: TlsHandshake | undefined;
  const report = (facts: TlsHandshake) => {
    handshake = facts;
    options.onTls?.(facts);
  };
  const tls = options.tls && url.startsWith('wss:') ? { ...clientTlsOptions(options.tls), createConnection: (connectOptions: ConnectionOptions) => observedTlsConnect(connectOptions, report) } : {};
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  // No compression: OCPP does not need it, and a small compressed frame must not inflate past the size limit.
  const socket = new WebSocket(url, [...(options.subprotocols ?? [OCPP_SUBPROTOCOL])], { headers, handshakeTimeout: options.connectTimeoutMs, maxPayload: maxFrameBytes, perMessageDeflate: false, ...tls });
  socket.once('upgrade', (response) => options.onResponse?.(response.statusCode ?? 0, response.headers));
  return new Promise((resolve, reject) => {
    const fail = (message: string, httpStatus?: number) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      reject(new ConnectError(message, httpStatus, handshake));
    };
    socket.once('unexpected-response', (_request, response) => {
      options.onResponse?.(response.statusCode ?? 0, response.headers);
      fail(`${url} refused the upgrade with HTTP ${response.statusCode} ${response.statusMessage ?? ''}`.trim(), response.statusCode);
    });
    socket.once('error', (error) => {
      const tlsFailure = handshake && !handshake.ok ? ` (TLS: ${handshake.failure?.kind})` : handshake?.ok ? ' after the TLS handshake' : '';
      fail(`cannot connect to ${url}${tlsFailure}: ${error.message}`);
    });
    socket.once('open', () => {
      socket.removeAllListeners();
      if (socket.protocol !== OCPP_SUBPROTOCOL) return fail(`${url} did not agree to subprotocol ${OCPP_SUBPROTOCOL} (got '${socket.protocol}')`);
      // A frame the CSMS sent right behind its 101 answer arrives with it and would be emitted before the caller, which
      // gets the connection through this promise, has listened for it: read nothing until the caller has had its turn.
      socket.pause();
      guardFrameSize(socket, rawSocketOf(socket), maxFrameBytes, () => connection);
      guardFloods(socket, options.maxMessagesPerSecond ?? DEFAULT_MAX_MESSAGES_PER_SECOND, () => connection);
      const connection = new OcppConnection(socket, { name: options.name ?? options.stationId, callTimeoutMs: options.callTimeoutMs });
      resolve(connection);
      setImmediate(() => socket.resume());
    });
  });
}

/**
 * One TLS handshake with the endpoint of a wss:// URL and nothing more (no WebSocket): how the harness learns which
 * cipher suites and versions a CSMS supports (TC_A_04/07_CSMS). Resolves with the handshake, succeeded or failed.
 */
export function probeTls(csmsUrl: string, tls: TlsOptions, timeoutMs: number): Promise<TlsHandshake> {
  const url = new URL(csmsUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, side: 'client', remote: `${host}:${port}`, peerChain: [], failure: { kind: 'other', code: 'ETIMEDOUT', message: `no TLS handshake within ${timeoutMs} ms` } });
    }, timeoutMs);
    const socket = observedTlsConnect({ ...clientTlsOptions(tls), host, port, servername: tls.servername ?? (isIP(host) ? undefined : host) }, (handshake) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(handshake);
    });
    socket.on('error', () => undefined);
  });
}

/** `tls.connect` that reports the handshake: negotiated version and cipher with the server's chain, or why it failed. */
function observedTlsConnect(connectOptions: ConnectionOptions, report: (handshake: TlsHandshake) => void): TLSSocket {
  const socket = tlsConnect(connectOptions);
  const remote = `${connectOptions.host ?? '?'}:${connectOptions.port ?? '?'}`;
  let reported = false;
  const once = (facts: TlsHandshake) => {
    if (reported) return;
    reported = true;
    report(facts);
  };
  socket.once('secureConnect', () => {
    const cipher = socket.getCipher();
    once({ ok: true, side: 'client', remote, protocol: socket.getProtocol() ?? undefined, cipher: { standardName: cipher.standardName, name: cipher.name }, peerChain: peerChainOf(socket.getPeerCertificate(true) as never) });
  });
  // Node judges the server's certificate on its internal 'secure' event; listening first keeps the chain for the report even when it is refused.
  let peerChain: TlsHandshake['peerChain'] = [];
  socket.prependOnceListener('secure', () => (peerChain = peerChainOf(socket.getPeerCertificate(true) as never)));
  socket.once('error', (error: Error & { code?: string; reason?: string }) => once({ ok: false, side: 'client', remote, peerChain, failure: classifyTlsError(error) }));
  return socket;
}
