/** The station end of OCPP-J: opens the WebSocket to `<csms url>/<stationId>` with subprotocol ocpp2.0.1, Basic auth and TLS as configured. */
import WebSocket from 'ws';
import { OcppConnection } from '../ocpp/connection';
import { OCPP_SUBPROTOCOL, basicAuthHeader, type TlsOptions } from './security';

/** Options of one connection attempt. */
export interface ConnectOptions {
  /** The CSMS URL without the station id, e.g. `ws://127.0.0.1:9000/ocpp`. */
  readonly csmsUrl: string;
  readonly stationId: string;
  /** Basic-auth password (security profiles 1 and 2); none sends no Authorization header. */
  readonly password?: string;
  readonly tls?: TlsOptions;
  readonly connectTimeoutMs: number;
  readonly callTimeoutMs: number;
  /** Name of the connection in the evidence. */
  readonly name?: string;
}

/** The connection attempt failed: refused with an HTTP status, no subprotocol agreed, network error or timeout. */
export class ConnectError extends Error {
  readonly code = 'OCPPCT_CONNECT_FAILED';
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** The full URL a station connects to. */
export function stationUrl(csmsUrl: string, stationId: string): string {
  return `${csmsUrl.replace(/\/$/, '')}/${encodeURIComponent(stationId)}`;
}

/** Opens a connection and resolves once the WebSocket is open with subprotocol ocpp2.0.1 agreed. */
export function connectOcpp(options: ConnectOptions): Promise<OcppConnection> {
  const url = stationUrl(options.csmsUrl, options.stationId);
  const headers: Record<string, string> = options.password === undefined ? {} : { authorization: basicAuthHeader(options.stationId, options.password) };
  const tls = options.tls ? { key: options.tls.key, cert: options.tls.cert, ca: options.tls.ca, ciphers: options.tls.ciphers, minVersion: options.tls.minVersion ?? 'TLSv1.2', maxVersion: options.tls.maxVersion, servername: options.tls.servername } : {};
  const socket = new WebSocket(url, [OCPP_SUBPROTOCOL], { headers, handshakeTimeout: options.connectTimeoutMs, ...tls });
  return new Promise((resolve, reject) => {
    const fail = (error: ConnectError) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      reject(error);
    };
    socket.once('unexpected-response', (_request, response) => fail(new ConnectError(`${url} refused the upgrade with HTTP ${response.statusCode} ${response.statusMessage ?? ''}`.trim(), response.statusCode)));
    socket.once('error', (error) => fail(new ConnectError(`cannot connect to ${url}: ${error.message}`)));
    socket.once('open', () => {
      socket.removeAllListeners();
      if (socket.protocol !== OCPP_SUBPROTOCOL) return fail(new ConnectError(`${url} did not agree to subprotocol ${OCPP_SUBPROTOCOL} (got '${socket.protocol}')`));
      resolve(new OcppConnection(socket, { name: options.name ?? options.stationId, callTimeoutMs: options.callTimeoutMs }));
    });
  });
}
