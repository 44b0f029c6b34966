/** Scaffolding of the scripted CSMS peers: a bare `ws` server speaking raw OCPP-J frames, so each peer behaves exactly one way, and a way to run the real cases against it through the engine. */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { describeAction, isCsmsAction, type CsmsAction, type DriverAction } from '../../src/drivers/actions';
import type { Driver } from '../../src/drivers/driver';
import { loadCases } from '../../src/engine/catalog';
import { REFERENCE_PRESET, resolveConfig, type RunConfigFile } from '../../src/engine/config';
import type { CaseResult, StepRecord, ValidationRecord } from '../../src/engine/results';
import { runCases } from '../../src/engine/runner';
import { TOOL_VERSION } from '../../src/version';

/** A JSON object as it goes over the wire. */
export type Payload = Record<string, unknown>;

/** How a scripted CSMS answers one station CALL: a CALLRESULT payload, a CALLERROR, a raw text sent as is, or nothing at all. */
export type ScriptedReply = Payload | { readonly error: string; readonly description?: string } | { readonly raw: string } | { readonly silent: true };

/** What the scripted CSMS does with a station CALL. */
export type ScriptedAnswer = (action: string, payload: Payload, session: ScriptedSession, messageId: string) => ScriptedReply;

/** One CALL the station sent. */
export interface ReceivedCall {
  readonly action: string;
  readonly payload: Payload;
}

/** Options of a scripted CSMS. */
export interface ScriptedCsmsOptions {
  /** The subprotocol of the 101 answer, or false for a 101 without Sec-WebSocket-Protocol; default: ocpp2.0.1 when offered, else none. */
  readonly handleProtocols?: (offered: ReadonlySet<string>) => string | false;
  /** Told of each station connection once it is open. */
  readonly onConnection?: (session: ScriptedSession) => void;
  /** Answers the station's CALLs; default {@link plainAnswer}. */
  readonly answer?: ScriptedAnswer;
}

/** A plain accepting CSMS's answers: what every scripted peer gives unless it scripts otherwise. */
export function plainAnswer(action: string, payload: Payload): ScriptedReply {
  const currentTime = new Date().toISOString();
  switch (action) {
    case 'BootNotification':
      return { status: 'Accepted', currentTime, interval: 300 };
    case 'Heartbeat':
      return { currentTime };
    case 'Authorize':
      return { idTokenInfo: { status: 'Accepted' } };
    case 'TransactionEvent':
      return payload.idToken ? { idTokenInfo: { status: 'Accepted' } } : {};
    case 'DataTransfer':
      return { status: 'UnknownVendorId' };
    default:
      return {};
  }
}

/** One station connection to the scripted CSMS: what the station sent, and CALLs the CSMS sends it. */
export class ScriptedSession {
  /** Every CALL the station sent on this connection, in order. */
  readonly received: ReceivedCall[] = [];
  private counter = 0;
  private readonly pending = new Map<string, { resolve(payload: Payload): void; reject(error: Error): void }>();

  constructor(
    readonly socket: WebSocket,
    private readonly answer: ScriptedAnswer,
  ) {
    socket.on('message', (data) => this.onMessage(data.toString()));
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('the station closed the connection'));
      this.pending.clear();
    });
  }

  /** Sends a CALL to the station and resolves with its CALLRESULT payload (rejects on a CALLERROR). */
  call(action: string, payload: Payload): Promise<Payload> {
    const id = `scripted-${++this.counter}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify([2, id, action, payload]));
    });
  }

  /** Sends the CALLRESULT of the station's CALL `messageId` (for a script that answered it `silent` and answers later). */
  reply(messageId: string, payload: Payload): void {
    this.socket.send(JSON.stringify([3, messageId, payload]));
  }

  /** Resolves once the station has sent a CALL of `action` on this connection that `where` accepts. */
  async waitFor(action: string, where: (payload: Payload) => boolean = () => true, timeoutMs = 5_000): Promise<Payload> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((c) => c.action === action && where(c.payload));
      if (found) return found.payload;
      if (Date.now() > deadline) throw new Error(`the station sent no ${action} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private onMessage(text: string): void {
    const frame = JSON.parse(text) as unknown[];
    if (frame[0] === 2) {
      const [, id, action, payload] = frame as [2, string, string, Payload];
      this.received.push({ action, payload });
      const reply = this.answer(action, payload, this, id);
      if ('silent' in reply) return;
      if ('raw' in reply && typeof reply.raw === 'string') return this.socket.send(reply.raw);
      if ('error' in reply && typeof reply.error === 'string') return this.socket.send(JSON.stringify([4, id, reply.error, reply.description ?? '', {}]));
      this.socket.send(JSON.stringify([3, id, reply]));
      return;
    }
    const [type, id] = frame as [number, string];
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (type === 3) waiting.resolve(frame[2] as Payload);
    else waiting.reject(new Error(`CALLERROR ${String(frame[2])}`));
  }
}

/** A bare CSMS on a loopback port, at ws://127.0.0.1:<port>/ocpp. */
export class ScriptedCsms {
  /** Every station connection so far, the latest last. */
  readonly sessions: ScriptedSession[] = [];

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {}

  /** Starts a scripted CSMS. */
  static async start(options: ScriptedCsmsOptions = {}): Promise<ScriptedCsms> {
    const server = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      handleProtocols: (offered) => (options.handleProtocols ? options.handleProtocols(offered) : offered.has('ocpp2.0.1') ? 'ocpp2.0.1' : false),
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const csms = new ScriptedCsms(server, `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ocpp`);
    server.on('connection', (socket) => {
      const session = new ScriptedSession(socket, options.answer ?? plainAnswer);
      csms.sessions.push(session);
      options.onConnection?.(session);
    });
    return csms;
  }

  /** The latest station connection. */
  get session(): ScriptedSession {
    const session = this.sessions.at(-1);
    if (!session) throw new Error('no station has connected');
    return session;
  }

  /** Every CALL the station sent, over all connections. */
  get received(): ReceivedCall[] {
    return this.sessions.flatMap((s) => s.received);
  }

  /** Resolves once the station has sent, on any connection, a CALL of `action` that `where` accepts. */
  async waitFor(action: string, where: (payload: Payload) => boolean = () => true, timeoutMs = 5_000): Promise<Payload> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((c) => c.action === action && where(c.payload));
      if (found) return found.payload;
      if (Date.now() > deadline) throw new Error(`the station sent no ${action} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Closes every connection and the server. */
  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A driver whose CSMS actions are performed by `perform` (the scripted CSMS's own back office); any other action is a test bug. */
export function scriptedDriver(perform: (action: CsmsAction) => Promise<void> | void): Driver {
  return {
    name: 'scripted',
    async perform(action: DriverAction) {
      if (!isCsmsAction(action)) throw new Error(`a scripted CSMS test cannot perform ${describeAction(action)}`);
      await perform(action);
    },
  };
}

/** Runs the cases `ids` (CSMS side), one after another in one lane, against the CSMS at `url`; the reference preset's timings unless `config` says otherwise. */
export async function runCsmsCases(url: string, ids: readonly string[], driver: Driver, config?: RunConfigFile): Promise<readonly CaseResult[]> {
  const cases = loadCases('CSMS').filter((c) => ids.includes(c.id));
  if (cases.length !== ids.length) throw new Error(`unknown case among ${ids.join(', ')}`);
  const result = await runCases({
    info: { runId: `scripted-${ids.join('-')}`, toolVersion: TOOL_VERSION, sut: 'CSMS', target: url, profiles: [], startedAt: new Date().toISOString(), outDir: '' },
    cases,
    reporter: {},
    target: { kind: 'url', url },
    config: resolveConfig(REFERENCE_PRESET, config),
    driver,
  });
  return result.cases;
}

/** "verdict: reason" of a case result, for one assertion that shows both when it fails. */
export const outcome = (result: CaseResult): string => `${result.verdict}: ${result.reason}`;

/** Every validation of a case result, from its steps at every depth. */
export function validationsOf(result: CaseResult): ValidationRecord[] {
  const walk = (steps: readonly StepRecord[]): ValidationRecord[] => steps.flatMap((s) => [...s.validations, ...walk(s.steps)]);
  return walk(result.steps);
}

/** Every step title of a case result, at every depth, in order. */
export function stepTitlesOf(result: CaseResult): string[] {
  const walk = (steps: readonly StepRecord[]): string[] => steps.flatMap((s) => [s.title, ...walk(s.steps)]);
  return walk(result.steps);
}
