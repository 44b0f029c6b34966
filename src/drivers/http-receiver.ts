/** The receiving end of the http driver: a small HTTP server that performs the actions the webhook POSTs (used by `ocpp-ct reference station --driver-port`). */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DriverAction } from './actions';
import type { HttpDriverRequest } from './http';
import { STATION_ACTION_KINDS, type StationAction } from './station-actions';

/** Largest request body taken (bytes); an action is a few hundred. */
const MAX_BODY = 64 * 1024;

/** A running receiver. */
export interface DriverReceiver {
  readonly port: number;
  /** The URL template a harness puts in drivers.http.url to reach this receiver. */
  readonly urlTemplate: string;
  close(): Promise<void>;
}

/** Why a request was refused, as an HTTP status and text. */
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves `POST <any path>` with the body `{"action": {...}}` the http driver sends: a station action is performed
 * with `perform` and answered 200; a body that is not such an action gets 400, an action the station cannot do 422.
 */
export async function serveStationActions(perform: (action: StationAction) => Promise<void>, options: { port: number; host?: string }): Promise<DriverReceiver> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((request, response) => {
    void handle(request, perform).then(
      (text) => response.writeHead(200, { 'content-type': 'text/plain' }).end(text),
      (error: unknown) => response.writeHead(error instanceof Refused ? error.status : 500, { 'content-type': 'text/plain' }).end((error as Error).message),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    urlTemplate: `http://${host}:${port}/actions/{kind}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(request: IncomingMessage, perform: (action: StationAction) => Promise<void>): Promise<string> {
  if (request.method !== 'POST') throw new Refused(405, 'POST {"action": {...}} to perform a driver action');
  const action = parseAction(await readBody(request));
  try {
    await perform(action);
  } catch (error) {
    throw new Refused(422, `cannot perform ${action.kind}: ${(error as Error).message}`);
  }
  return `performed ${action.kind}`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(new Refused(413, 'request body too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function parseAction(body: string): StationAction {
  let parsed: Partial<HttpDriverRequest>;
  try {
    parsed = JSON.parse(body) as Partial<HttpDriverRequest>;
  } catch {
    throw new Refused(400, 'the body is not JSON');
  }
  const action = parsed?.action as DriverAction | undefined;
  if (!action || typeof action.kind !== 'string') throw new Refused(400, 'the body has no action with a kind');
  if (!Object.prototype.hasOwnProperty.call(STATION_ACTION_KINDS, action.kind)) throw new Refused(422, `${action.kind} is not a station action`);
  return action as StationAction;
}
