// Scripted Charging Stations for the real-peer tests: a bare ws client that behaves exactly one way, run against the harness's listening CSMS lane.
import WebSocket from 'ws';
import { executeCase } from '../../src/engine/runner';
import { openLane, type Lane } from '../../src/engine/lane';
import { DEFAULT_CONFIG, resolveConfig, REFERENCE_PRESET, type RunConfig, type RunConfigFile } from '../../src/engine/config';
import type { CaseResult } from '../../src/engine/results';
import type { TestCase } from '../../src/engine/testcase';
import type { Driver } from '../../src/drivers/driver';
import type { DriverAction } from '../../src/drivers/actions';
import { newMessageId } from '../../src/ocpp/frames';

/** How the scripted station answers one harness CALL: a payload, a CALLERROR, raw text, or silence. */
export type ScriptedAnswer = { readonly result: Record<string, unknown> } | { readonly error: string } | { readonly raw: string } | 'silence';

/** The one way a scripted station behaves. */
export interface StationScript {
  /** Sends a BootNotification first on every connection (default true). */
  readonly boots?: boolean;
  /** Answers a harness CALL; the default is a plain station: GetVariables / SetVariables on a small store, Accepted otherwise. */
  answer?(action: string, payload: Record<string, unknown>, station: ScriptedStation): ScriptedAnswer | undefined | Promise<ScriptedAnswer | undefined>;
  /** Runs once each connection is open (after the boot, when it boots). */
  onOpen?(station: ScriptedStation): void | Promise<void>;
}

/** A CALL the station sent and what came back, with how long the harness took to answer. */
export interface SentCall {
  readonly action: string;
  readonly answer: unknown;
  readonly answeredInMs: number;
}

/** A station that connects to the harness and follows its script. */
export class ScriptedStation {
  private socket: WebSocket | undefined;
  private readonly pending = new Map<string, { action: string; sentAt: number; resolve: (v: unknown) => void }>();
  /** Values SetVariables stored, by "component.variable". */
  readonly variables = new Map<string, string>([['OCPPCommCtrlr.OfflineThreshold', '60']]);
  /** Every CALL the harness sent, in order. */
  readonly received: { action: string; payload: Record<string, unknown>; at: number }[] = [];
  /** Every CALL the station sent, with its answer. */
  readonly sent: SentCall[] = [];
  /** When each connection opened (ms since epoch). */
  readonly openedAt: number[] = [];
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly config: RunConfig,
    private readonly script: StationScript,
  ) {}

  /** Opens a connection (and reconnects whenever the harness closes it, until `stop`). */
  connect(): Promise<void> {
    const auth = Buffer.from(`${this.config.station.id}:${this.config.station.basicAuthPassword}`).toString('base64');
    const socket = new WebSocket(this.url, ['ocpp2.0.1'], { headers: { Authorization: `Basic ${auth}` } });
    this.socket = socket;
    socket.on('message', (data) => void this.onMessage(String(data)));
    socket.on('close', () => {
      if (!this.stopped) setTimeout(() => void this.connect().catch(() => undefined), 50);
    });
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        this.openedAt.push(Date.now());
        void (async () => {
          if (this.script.boots !== false) await this.send('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Scripted', vendorName: 'Test' } });
          await this.script.onOpen?.(this);
          resolve();
        })();
      });
      socket.once('error', reject);
    });
  }

  /** Sends a CALL and resolves with the answer payload (or the CALLERROR frame). */
  send(action: string, payload: Record<string, unknown>): Promise<unknown> {
    const id = newMessageId();
    const sentAt = Date.now();
    return new Promise((resolve) => {
      this.pending.set(id, {
        action,
        sentAt,
        resolve: (answer) => {
          this.sent.push({ action, answer, answeredInMs: Date.now() - sentAt });
          resolve(answer);
        },
      });
      this.socket?.send(JSON.stringify([2, id, action, payload]));
    });
  }

  /** Drops the connection and connects again at once, booting as the script says (a power cycle). */
  async reboot(): Promise<void> {
    const old = this.socket;
    this.socket = undefined;
    old?.removeAllListeners('close');
    old?.terminate();
    await this.connect();
  }

  /** Stops reconnecting and closes. */
  stop(): void {
    this.stopped = true;
    this.socket?.terminate();
  }

  private async onMessage(text: string): Promise<void> {
    const frame = JSON.parse(text) as unknown[];
    if (frame[0] !== 2) {
      const waiting = this.pending.get(String(frame[1]));
      this.pending.delete(String(frame[1]));
      waiting?.resolve(frame[0] === 3 ? frame[2] : frame);
      return;
    }
    const [, id, action, payload] = frame as [number, string, string, Record<string, unknown>];
    this.received.push({ action, payload, at: Date.now() });
    const answer = (await this.script.answer?.(action, payload, this)) ?? this.plainAnswer(action, payload);
    if (answer === 'silence') return;
    if ('raw' in answer) return void this.socket?.send(answer.raw);
    if ('error' in answer) return void this.socket?.send(JSON.stringify([4, id, answer.error, '', {}]));
    this.socket?.send(JSON.stringify([3, id, answer.result]));
  }

  /** What a plain station answers: its variable store for Get/SetVariables, Accepted for the rest. */
  plainAnswer(action: string, payload: Record<string, unknown>): ScriptedAnswer {
    type Datum = { component: { name: string }; variable: { name: string }; attributeValue?: string; attributeType?: string };
    const key = (d: Datum) => `${d.component.name}.${d.variable.name}`;
    if (action === 'GetVariables') {
      const data = payload.getVariableData as Datum[];
      return { result: { getVariableResult: data.map((d) => ({ component: d.component, variable: d.variable, attributeType: d.attributeType ?? 'Actual', ...(this.variables.has(key(d)) ? { attributeStatus: 'Accepted', attributeValue: this.variables.get(key(d)) } : { attributeStatus: 'UnknownVariable' }) })) } };
    }
    if (action === 'SetVariables') {
      const data = payload.setVariableData as Datum[];
      for (const d of data) this.variables.set(key(d), d.attributeValue ?? '');
      return { result: { setVariableResult: data.map((d) => ({ component: d.component, variable: d.variable, attributeType: d.attributeType ?? 'Actual', attributeStatus: 'Accepted' })) } };
    }
    return { result: { status: 'Accepted' } };
  }
}

/** A driver for scripted stations: each action goes to `act` (which may throw, like a failing webhook). */
export function scriptedDriver(act: (action: DriverAction) => Promise<void> | void = () => undefined): Driver & { readonly actions: DriverAction[] } {
  const actions: DriverAction[] = [];
  return {
    name: 'scripted',
    actions,
    perform: async (action) => {
      actions.push(action);
      await act(action);
    },
  };
}

/** An open harness CSMS lane (target listen) with a scripted station connected to it. */
export interface ScriptedRun {
  readonly lane: Lane;
  readonly config: RunConfig;
  readonly station: ScriptedStation;
  /** Runs one case in the lane, as the runner does. */
  run(testCase: TestCase): Promise<CaseResult>;
  close(): Promise<void>;
}

/** Opens the lane, connects a station following `script`, and gives a way to run cases against it. */
export async function scriptedRun(script: StationScript, driver = scriptedDriver(), overrides: RunConfigFile = {}): Promise<ScriptedRun> {
  // A real station's timings: the default boot grace (not the reference preset's), short message waits.
  const config = resolveConfig(REFERENCE_PRESET, { timeouts: { messageMs: 2_000, connectMs: 3_000, bootGraceMs: DEFAULT_CONFIG.timeouts.bootGraceMs } }, overrides);
  const lane = await openLane({ sut: 'CS', target: { kind: 'listen' }, config, driver });
  const station = new ScriptedStation(lane.listenUrl as string, config, script);
  await station.connect();
  return {
    lane,
    config,
    station,
    run: (testCase) => executeCase(testCase, lane, config, {}),
    close: async () => {
      station.stop();
      await lane.close();
    },
  };
}
