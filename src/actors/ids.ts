/** One source of the ids the harness, playing a station, makes up: unique within a run and across reruns against the same CSMS (which may refuse a repeated eventId). */
import { randomUUID } from 'node:crypto';

/** Counting starts here (2026-01-01T00:00:00Z), so ids stay well below 2^31 for years. */
const EPOCH_MS = Date.UTC(2026, 0, 1);

/** How many milliseconds one step of the clock-seeded counter stands for: ten ids a second before it runs ahead of the clock. */
const TICK_MS = 100;

/** The largest value a 32-bit signed integer field holds: eventIds stay within it, as most CSMSes store them so. */
const MAX_INT32 = 2 ** 31 - 1;

let lastEventId = 0;

/**
 * A fresh NotifyEventRequest eventId. The counter is shared by every lane of the process and never falls behind the
 * clock (tenths of a second since 2026): a later run, in this process or another, starts above every id an earlier run
 * used unless that run made more than ten ids a second on average. Wraps (after some six years) to 1.
 */
export function nextEventId(): number {
  const clock = Math.floor((Date.now() - EPOCH_MS) / TICK_MS) % MAX_INT32;
  lastEventId = Math.max(lastEventId + 1, clock);
  if (lastEventId > MAX_INT32) lastEventId = 1;
  return lastEventId;
}

/** A fresh requestId for a request whose reports come back tagged with it (GetBaseReport, GetDisplayMessages, …): 1 to 1,000,000, at random so a late part of an earlier request rarely matches. */
export function newRequestId(): number {
  return 1 + Math.floor(Math.random() * 1_000_000);
}

/** A fresh transactionId: a random UUID (36 characters, the most TransactionType.transactionId holds). */
export function newTransactionId(): string {
  return randomUUID();
}
