/** What the case has already taken of each connector's status reports, so a repeat of one (a NotifyEvent copy of a StatusNotification, sent late) is never taken for a new change. */
import type { ConnectorRef } from '../../../src/drivers/station-actions';
import type { CsCaseContext } from '../../../src/engine/testcase';

/** The last report a step took of a connector: its status and the station's timestamp of it. */
export interface TakenReport {
  readonly status: string;
  readonly at: number | undefined;
}

const taken = new WeakMap<CsCaseContext, Map<string, TakenReport>>();
const keyOf = (c: ConnectorRef): string => `${c.evseId}/${c.connectorId}`;

/** The last report of `connector` taken in this case, if any. */
export function lastTaken(ctx: CsCaseContext, connector: ConnectorRef): TakenReport | undefined {
  return taken.get(ctx)?.get(keyOf(connector));
}

/** Notes that a step took a report of `connector`. */
export function noteTaken(ctx: CsCaseContext, connector: ConnectorRef, report: TakenReport): void {
  let map = taken.get(ctx);
  if (!map) taken.set(ctx, (map = new Map()));
  map.set(keyOf(connector), report);
}

/**
 * Whether a report of `connector` (status and station timestamp) can be a new one: not older, by the station's clock,
 * than the last one taken, and not that same report again (same status, same moment or no moment to tell).
 */
export function isNewReport(ctx: CsCaseContext, connector: ConnectorRef, status: string | undefined, at: number | undefined): boolean {
  const last = lastTaken(ctx, connector);
  if (!last || status === undefined) return true;
  if (at !== undefined && last.at !== undefined && at < last.at) return false;
  return !(status === last.status && (at === undefined || last.at === undefined || at === last.at));
}
