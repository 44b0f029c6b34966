/** The driver backend for an automated SUT: each action is one webhook call, so a lab's test bench (or the reference station) performs it. */
import { inconclusive } from '../engine/verdict';
import { describeAction, type DriverAction } from './actions';
import type { Driver } from './driver';

/** Options of the HTTP webhook driver. */
export interface HttpDriverOptions {
  /** URL template; `{kind}` is replaced by the action's kind (e.g. `http://127.0.0.1:9300/actions/{kind}`). */
  readonly url: string;
  /** Upper bound of one call, in milliseconds. */
  readonly timeoutMs: number;
}

/** The body the webhook receives: the action as data, exactly as cases express it. */
export interface HttpDriverRequest {
  readonly action: DriverAction;
}

/** How much of a refusal's body goes into the case's reason. */
const MAX_REASON = 500;

/** The URL for one action: the template with `{kind}` filled in. */
export function actionUrl(template: string, action: DriverAction): string {
  return template.replace(/\{kind\}/g, encodeURIComponent(action.kind));
}

/**
 * POSTs `{"action": …}` as JSON to the configured URL for every action. A 2xx answer means done; any other status, a
 * network error or no answer within `timeoutMs` makes the case inconclusive (the action could not be confirmed).
 */
export function httpDriver(options: HttpDriverOptions): Driver {
  return {
    name: 'http',
    async perform(action, recorder) {
      const url = actionUrl(options.url, action);
      const instruction = describeAction(action);
      const started = Date.now();
      const outcome = await post(url, { action }, options.timeoutMs);
      recorder.prompt({ at: new Date(started).toISOString(), instruction, answer: outcome.ok ? 'done' : 'cannot', answeredBy: `http POST ${url}`, waitedMs: Date.now() - started });
      if (!outcome.ok) throw inconclusive('OCPPCT_OPERATOR', `the driver webhook ${url} did not perform ${action.kind}: ${outcome.reason}`);
    },
  };
}

async function post(url: string, body: HttpDriverRequest, timeoutMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const text = (await response.text()).slice(0, MAX_REASON);
    return response.ok ? { ok: true } : { ok: false, reason: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
  } catch (error) {
    const name = (error as Error).name;
    return { ok: false, reason: name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs} ms` : (error as Error).message };
  }
}
