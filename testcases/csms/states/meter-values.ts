/** The simulated meter of the harness's station: energy readings, their signed form, and the series a transaction's events carry. */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { MeterValueType, ReadingContextEnumType, SignedMeterValueType } from '../../../src/ocpp/generated/definitions';

/** Watt-hours the simulated EV draws per second while charging (about 11 kW). */
const WH_PER_SECOND = 3;

let signingKey: { privateKey: KeyObject; publicKeyBase64: string } | undefined;

/** The simulated meter's signing key pair (made once per process; it only has to be self-consistent). */
function meterKey(): { privateKey: KeyObject; publicKeyBase64: string } {
  if (!signingKey) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    signingKey = { privateKey, publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
  }
  return signingKey;
}

/** A signedMeterValue for a reading: the reading and timestamp as JSON, signed with ECDSA P-256 / SHA-256, base64 encoded. */
export function signedMeterValue(valueWh: number, at: Date): SignedMeterValueType {
  const { privateKey, publicKeyBase64 } = meterKey();
  const data = JSON.stringify({ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: valueWh, timestamp: at.toISOString() });
  const signature = createSign('SHA256').update(data).sign(privateKey).toString('base64');
  return {
    signedMeterData: Buffer.from(JSON.stringify({ data, signature })).toString('base64'),
    signingMethod: 'ECDSA-secp256r1-SHA256',
    encodingMethod: 'OCPPCT-JSON',
    publicKey: publicKeyBase64,
  };
}

/** One energy reading (Energy.Active.Import.Register in Wh) at `at`, with `context`, signed when asked. */
export function energyReading(valueWh: number, at: Date, context: ReadingContextEnumType, signed = false): MeterValueType {
  return {
    timestamp: at.toISOString(),
    sampledValue: [
      {
        value: valueWh,
        context,
        measurand: 'Energy.Active.Import.Register',
        unitOfMeasure: { unit: 'Wh' },
        ...(signed ? { signedMeterValue: signedMeterValue(valueWh, at) } : {}),
      },
    ],
  };
}

/** What the simulated meter reads at `at` for a transaction charging since `since` (0 before it charged). */
export function energyAt(since: Date | undefined, at: Date): number {
  return since ? Math.max(0, Math.round(((at.getTime() - since.getTime()) / 1000) * WH_PER_SECOND)) : 0;
}

/** The first multiple of `intervalSeconds` on the clock at or after `at`. */
export function clockAligned(at: Date, intervalSeconds: number): Date {
  const stepMs = Math.max(1, intervalSeconds * 1000);
  return new Date(Math.ceil(at.getTime() / stepMs) * stepMs);
}

/**
 * The meter values an Ended event carries: a reading every `intervalSeconds` until `until` with `context` (from `since`
 * for Sample.Periodic, on the clock's multiples of the interval for Sample.Clock), and a last one at `until` with context
 * Transaction.End.
 */
export function txEndedSeries(since: Date, until: Date, intervalSeconds: number, context: 'Sample.Clock' | 'Sample.Periodic', signed: boolean): MeterValueType[] {
  const series: MeterValueType[] = [];
  const stepMs = Math.max(1, intervalSeconds * 1000);
  const first = context === 'Sample.Clock' ? clockAligned(since, intervalSeconds) : since;
  for (let t = first.getTime(); t < until.getTime(); t += stepMs) series.push(energyReading(energyAt(since, new Date(t)), new Date(t), context, signed));
  series.push(energyReading(energyAt(since, until), until, 'Transaction.End', signed));
  return series;
}
