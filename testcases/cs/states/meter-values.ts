/** What the Block J cases share: reading the configured measurands, collecting meter values for a while, and checking contexts, measurands, signatures and intervals. */
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { MeterValuesRequest, TransactionEventRequest } from '../../../src/ocpp/generated';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive, sutFailed, VerdictError } from '../../../src/engine/verdict';
import type { SessionCall } from './monitor';
import type { ChargingSession } from './session';
import { energyTransferStarted, parkingBayUnoccupied, withSession } from './transaction';

/** MeterValueType. */
export type MeterValue = MeterValuesRequest['meterValue'][number];

/** SampledValueType. */
export type SampledValue = MeterValue['sampledValue'][number];

/** The register measurand, which a sampledValue may report without naming it. */
const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';

/** How far apart two timestamps may be from the configured interval (stations stamp whole seconds), in ms. */
export const INTERVAL_TOLERANCE_MS = 1_000;

/** Reads a comma-separated measurand setting (e.g. AlignedDataCtrlr.Measurands) with GetVariables, as a step; [] when empty. */
export async function measurandSetting(ctx: CsCaseContext, component: 'AlignedDataCtrlr' | 'SampledDataCtrlr', variable: string): Promise<string[]> {
  return ctx.step(`Before: read ${component}.${variable} (the configured measurands)`, async () => {
    const read = await ctx.csms.call('GetVariables', { getVariableData: [{ component: { name: component }, variable: { name: variable } }] });
    const result = read.getVariableResult[0];
    if (result?.attributeStatus !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station did not report ${component}.${variable}`);
    return (result.attributeValue ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  });
}

/**
 * Checks one MeterValue: its first sampledValue has `context`, there is a sampledValue for every configured measurand
 * (the register may go unnamed), and no sampledValue has location EV unless it is SoC (errata 2025-09 6.2.58).
 */
export function checkMeterValue(ctx: CsCaseContext, label: string, meterValue: MeterValue, context: string | readonly string[], measurands: readonly string[]): void {
  const { check } = ctx;
  const first = meterValue.sampledValue[0];
  if (typeof context === 'string') check.equal(`${label}.sampledValue[0].context`, first?.context, context);
  else check.oneOf(`${label}.sampledValue[0].context`, first?.context, context);
  const reported: string[] = meterValue.sampledValue.map((v) => v.measurand ?? DEFAULT_MEASURAND);
  const missing = measurands.filter((m) => !reported.includes(m));
  check.that(`${label}: a sampledValue per configured measurand`, missing.length === 0, measurands.join(', ') || '(none configured)', missing.length ? `missing ${missing.join(', ')}` : reported.join(', '));
  checkEvLocation(ctx, label, meterValue.sampledValue);
}

/** Errata 2025-09 6.2.58 (every J case): no sampledValue has location EV unless its measurand is SoC. */
export function checkEvLocation(ctx: CsCaseContext, label: string, values: readonly SampledValue[]): void {
  const onEv = values.filter((v) => v.location === 'EV' && v.measurand !== 'SoC');
  ctx.check.that(`${label}: sampledValues with location EV`, onEv.length === 0, 'only for SoC', onEv.map((v) => v.measurand ?? DEFAULT_MEASURAND).join(', ') || 'none');
}

/**
 * The post-scenario rule of errata 2025-09 6.2.58 over every TransactionEventRequest of the case that carried meter
 * values (Started, Updated, Ended, …), not only those the case's own checks looked at.
 */
export async function eventLocationsChecked(session: ChargingSession): Promise<void> {
  const { ctx, monitor } = session;
  await ctx.step('Post: no sampledValue of a TransactionEventRequest has location EV unless it is SoC (errata 2025-09 6.2.58)', () => {
    for (const call of monitor.events) {
      const values = meterValuesOf(call).flatMap((m) => m.sampledValue);
      if (values.length > 0) checkEvLocation(ctx, `TransactionEventRequest (seqNo ${call.payload.seqNo}, ${call.payload.triggerReason})`, values);
    }
  });
}

/** OCPPCommCtrlr.PublicKeyWithSignedMeterValue (Never, OncePerTransaction, EveryMeterValue), read with GetVariables as a step; undefined when the station does not report it. */
export async function publicKeyPolicy(ctx: CsCaseContext): Promise<string | undefined> {
  return ctx.step('Before: read OCPPCommCtrlr.PublicKeyWithSignedMeterValue (whether signed values carry the public key)', async () => {
    const read = await ctx.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'PublicKeyWithSignedMeterValue' } }] });
    const result = read.getVariableResult[0];
    return result?.attributeStatus === 'Accepted' ? result.attributeValue : undefined;
  });
}

/**
 * Checks that every sampledValue of `values` carries signedMeterValue, and that its publicKey follows `policy`
 * (PublicKeyWithSignedMeterValue): "" with Never, a key in every one with EveryMeterValue, and with OncePerTransaction a
 * key in at least one signed value of the whole transaction (`transaction`: every sampledValue of its events).
 */
export function checkSigned(ctx: CsCaseContext, label: string, values: readonly SampledValue[], policy: string | undefined, transaction: readonly SampledValue[]): void {
  const { check } = ctx;
  const unsigned = values.filter((v) => v.signedMeterValue === undefined).length;
  check.equal(`${label}: sampledValues without signedMeterValue`, unsigned, 0);
  const keys = values.flatMap((v) => (v.signedMeterValue ? [v.signedMeterValue.publicKey] : []));
  if (policy === 'Never') check.equal(`${label}: signedMeterValues with a publicKey (PublicKeyWithSignedMeterValue Never)`, keys.filter((k) => k !== '').length, 0);
  if (policy === 'EveryMeterValue') check.equal(`${label}: signedMeterValues with publicKey "" (PublicKeyWithSignedMeterValue EveryMeterValue)`, keys.filter((k) => k === '').length, 0);
  if (policy === 'OncePerTransaction') {
    const sent = transaction.filter((v) => v.signedMeterValue !== undefined && v.signedMeterValue.publicKey !== '').length;
    check.that('signedMeterValues of the transaction with a publicKey (PublicKeyWithSignedMeterValue OncePerTransaction)', sent > 0, 'at least one', String(sent));
  }
}

/**
 * Checks that the distinct timestamps (several messages may share one) follow each other `intervalS` apart
 * (± INTERVAL_TOLERANCE_MS); needs at least two distinct ones.
 */
export function checkIntervals(ctx: CsCaseContext, label: string, timestamps: readonly string[], intervalS: number): void {
  const times = [...new Set(timestamps.map((t) => Date.parse(t)))].sort((a, b) => a - b);
  ctx.check.that(`${label}: distinct timestamps`, times.length >= 2, 'at least two, to compare', String(times.length));
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const off = gaps.filter((gap) => Math.abs(gap - intervalS * 1000) > INTERVAL_TOLERANCE_MS);
  ctx.check.that(`${label}: time between timestamps`, off.length === 0, `${intervalS * 1000} ms ± ${INTERVAL_TOLERANCE_MS} ms`, gaps.map((g) => `${g} ms`).join(', '));
}

/**
 * Takes what the station sends for at least `minMs`, and on until `enough` is true of the collected calls for which
 * `wanted` is true, at most `maxMs` in all (fails with `what` when `enough` never holds). The calls are checked and
 * answered by the monitor; those collected are returned in arrival order.
 */
export async function collect(session: ChargingSession, what: string, wanted: (call: SessionCall) => boolean, minMs: number, enough: (calls: readonly SessionCall[]) => boolean, maxMs: number): Promise<SessionCall[]> {
  const { monitor } = session;
  const started = Date.now();
  const collected: SessionCall[] = monitor.discard(wanted);
  for (;;) {
    const elapsed = Date.now() - started;
    if (elapsed >= minMs && enough(collected)) return collected;
    if (elapsed >= maxMs) throw sutFailed('OCPPCT_EXPECT_TIMEOUT', `the station did not send ${what} within ${maxMs} ms`);
    try {
      collected.push(await monitor.next(what, wanted, { timeoutMs: Math.max(1, (elapsed < minMs ? minMs : maxMs) - elapsed) }));
    } catch (error) {
      if (!(error instanceof VerdictError && error.code === 'OCPPCT_EXPECT_TIMEOUT')) throw error;
    }
  }
}

/** The meter values a MeterValuesRequest or TransactionEventRequest carries ([] for other messages). */
export function meterValuesOf(call: SessionCall): MeterValue[] {
  if (call.action === 'MeterValues') return (call as IncomingCall<'MeterValues'>).payload.meterValue;
  if (call.action === 'TransactionEvent') return ((call as IncomingCall<'TransactionEvent'>).payload.meterValue ?? []) as MeterValue[];
  return [];
}

/** Checks every meter value of `calls` with {@link checkMeterValue}, labelled by message and position. */
export function checkAllMeterValues(ctx: CsCaseContext, name: string, calls: readonly SessionCall[], context: string | readonly string[], measurands: readonly string[]): void {
  for (const [i, call] of calls.entries()) for (const [j, meterValue] of meterValuesOf(call).entries()) checkMeterValue(ctx, `${name}[${i}].meterValue[${j}]`, meterValue, context, measurands);
}

/** How many distinct moments (timestamps) the meter values of `calls` were taken at. */
export function momentsOf(calls: readonly SessionCall[]): number {
  return new Set(calls.flatMap((c) => meterValuesOf(c).map((m) => Date.parse(m.timestamp)))).size;
}

/** A clock-aligned MeterValuesRequest. */
export const isMeterValues = (call: SessionCall): call is IncomingCall<'MeterValues'> => call.action === 'MeterValues';

/** A TransactionEventRequest with `triggerReason`. */
export const isEventWith =
  (triggerReason: TransactionEventRequest['triggerReason']) =>
  (call: SessionCall): boolean =>
    call.action === 'TransactionEvent' && (call.payload as TransactionEventRequest).triggerReason === triggerReason;

/** The Ended event of the session's transaction (after its states ended it). */
export function endedEvent(session: ChargingSession): TransactionEventRequest {
  const ended = session.monitor.current?.events.find((e) => e.eventType === 'Ended');
  if (!ended) throw sutFailed('OCPPCT_VALIDATION', 'the transaction has no Ended event');
  return ended;
}

/** Extra time beyond two intervals, so both readings surely fall in the wait (s). */
const COVER_MARGIN_S = 0.3;

/** Seconds to wait so that at least two readings `intervalS` apart fall in it: the Transaction Duration, or longer when that is too short. */
export function durationCovering(ctx: CsCaseContext, intervalS: number): number {
  return Math.max(ctx.config.configured.transactionDuration, 2 * intervalS + COVER_MARGIN_S);
}

/** What the Ended-readings cases (TC_J_03/04/10/11_CS) vary: whose TxEnded readings, how often, their context, and whether they are signed. */
export interface EndedReadings {
  readonly source: 'AlignedDataCtrlr' | 'SampledDataCtrlr';
  readonly intervalS: number;
  /** The context of the first sampledValue of each reading; sampled readings end with a Transaction.End one too. */
  readonly first: 'Sample.Clock' | 'Sample.Periodic';
  readonly signed: boolean;
}

/**
 * The scenario of the Ended-readings cases: EnergyTransferStarted, energy for the Transaction Duration (at least two
 * intervals), then ParkingBayUnoccupied ends the transaction; the Ended event must carry the TxEnded readings, the
 * interval apart, with the configured measurands (and, for sampled data, one Transaction.End reading), signed if asked.
 */
export async function checkEndedReadings(ctx: CsCaseContext, readings: EndedReadings): Promise<void> {
  const { step } = ctx;
  await withSession(ctx, async (session) => {
    const measurands = await measurandSetting(ctx, readings.source, 'TxEndedMeasurands');
    const policy = readings.signed ? await publicKeyPolicy(ctx) : undefined;
    await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
    const seconds = durationCovering(ctx, readings.intervalS);
    await step(`Wait <Configured transaction duration> (at least ${seconds} s, two ${readings.source}.TxEndedInterval)`, () => session.monitor.watch(seconds * 1000));
    await step('1. the EV leaves (ParkingBayUnoccupied)', () => parkingBayUnoccupied(session));
    const ended = endedEvent(session);
    await step('Post: the Ended event carries the TxEnded readings', () => {
      const { check } = ctx;
      const values = (ended.meterValue ?? []) as MeterValue[];
      check.that('Ended TransactionEventRequest.meterValue', values.length > 0, 'present', JSON.stringify(ended.meterValue));
      const samples = values.filter((m) => m.sampledValue[0]?.context !== 'Transaction.End' && m.sampledValue[0]?.context !== 'Transaction.Begin');
      for (const [i, meterValue] of samples.entries()) checkMeterValue(ctx, `Ended meterValue[${i}]`, meterValue, readings.first, measurands);
      if (readings.first === 'Sample.Periodic') {
        const end = values.filter((m) => m.sampledValue.some((v) => v.context === 'Transaction.End'));
        check.that('Ended meterValue with context Transaction.End', end.length > 0, 'one', String(end.length));
      }
      checkIntervals(ctx, `Ended meterValue (${readings.first}) timestamps`, samples.map((m) => m.timestamp), readings.intervalS);
      const transaction = (session.monitor.current?.events ?? []).flatMap((e) => ((e.meterValue ?? []) as MeterValue[]).flatMap((m) => m.sampledValue));
      if (readings.signed) checkSigned(ctx, 'Ended meterValue', samples.flatMap((m) => m.sampledValue), policy, transaction);
    });
    await eventLocationsChecked(session);
  });
}

/** A post-scenario step of J02: `event` (described by `which`) carries meter values, each a Transaction.Begin reading of the configured measurands. */
export async function beginReadingsChecked(ctx: CsCaseContext, title: string, which: string, event: TransactionEventRequest | undefined, measurands: readonly string[]): Promise<void> {
  await ctx.step(title, () => {
    const values = (event?.meterValue ?? []) as MeterValue[];
    ctx.check.that(`${which}: meterValue`, values.length > 0, 'present', JSON.stringify(event?.meterValue));
    for (const [i, meterValue] of values.entries()) checkMeterValue(ctx, `${which}: meterValue[${i}]`, meterValue, 'Transaction.Begin', measurands);
  });
}
