/** The reference station's energy meter: turns the simulated readings of an EVSE into MeterValueType entries, signed when SignReadings asks for it. */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { MeterValuesRequest } from '../../ocpp/generated';
import { SUPPLY_VOLTAGE_V, type EvModel, type EvseState } from './ev-model';
import type { StationRuntime } from './feature';

/** MeterValueType. */
export type MeterValue = MeterValuesRequest['meterValue'][number];

/** SampledValueType. */
export type SampledValue = MeterValue['sampledValue'][number];

/** ReadingContextEnumType. */
export type ReadingContext = NonNullable<SampledValue['context']>;

/** MeasurandEnumType. */
export type Measurand = NonNullable<SampledValue['measurand']>;

/** Which controller's settings govern a reading: sampled (transaction) data or clock-aligned data. */
export type MeterSource = 'SampledDataCtrlr' | 'AlignedDataCtrlr';

const UNITS: Partial<Record<Measurand, string>> = {
  'Energy.Active.Import.Register': 'Wh',
  'Power.Active.Import': 'W',
  'Current.Import': 'A',
  Voltage: 'V',
};

/** How the signed meter data is packed (Part 2: free text names; OCMF is what real meters use). */
const SIGNING_METHOD = 'ECDSA-secp256r1-SHA256';
const ENCODING_METHOD = 'OCMF';

/** Signs readings with a key of its own, one per station, made on first use. */
class MeterSigner {
  private keys: { privateKey: KeyObject; publicKeyDer: string } | undefined;

  sign(data: string): { signedMeterData: string; publicKey: string } {
    this.keys ??= (() => {
      const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      return { privateKey: pair.privateKey, publicKeyDer: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
    })();
    const signer = createSign('SHA256');
    signer.update(data);
    const signature = signer.sign(this.keys.privateKey).toString('base64');
    return { signedMeterData: Buffer.from(JSON.stringify({ data, signature })).toString('base64'), publicKey: this.keys.publicKeyDer };
  }
}

const signers = new WeakMap<StationRuntime, MeterSigner>();

/** The measurands listed in a device-model variable (a MemberList), or [] when the station does not have it. */
export function measurandsOf(station: StationRuntime, component: MeterSource, variable: string): Measurand[] {
  return station.deviceModel.has(component, variable) ? (station.deviceModel.getList(component, variable) as Measurand[]) : [];
}

/** A number setting of the device model, or `fallback` when the station does not have it. */
export function settingOf(station: StationRuntime, component: string, variable: string, fallback = 0): number {
  return station.deviceModel.has(component, variable) ? station.deviceModel.getNumber(component, variable) : fallback;
}

/** Whether a boolean setting is true (false when the station does not have it). */
export function flagOf(station: StationRuntime, component: string, variable: string): boolean {
  return station.deviceModel.has(component, variable) && station.deviceModel.getBoolean(component, variable);
}

/**
 * One MeterValue for `evse` now (stamped `at`, e.g. the clock-aligned moment): a sampledValue per measurand with the given context, each signed when the source's
 * SignReadings is true (unless the meterValues.unsigned fault is on). Undefined when there are no measurands.
 */
export function readMeter(station: StationRuntime, model: EvModel, evse: EvseState, measurands: readonly Measurand[], context: ReadingContext, source: MeterSource, at: Date = new Date()): MeterValue | undefined {
  if (measurands.length === 0) return undefined;
  const timestamp = at.toISOString();
  const power = model.power(evse);
  const values: Record<string, number> = {
    'Energy.Active.Import.Register': model.readEnergy(evse),
    'Power.Active.Import': power,
    'Current.Import': Math.round((power / (3 * SUPPLY_VOLTAGE_V)) * 10) / 10,
    Voltage: SUPPLY_VOLTAGE_V,
  };
  const sign = flagOf(station, source, 'SignReadings') && !station.has('meterValues.unsigned');
  const sampledValue = measurands.map((measurand): SampledValue => {
    const value = values[measurand] ?? 0;
    const unit = UNITS[measurand];
    const reading: SampledValue = { value, context, measurand, ...(unit ? { unitOfMeasure: { unit } } : {}) };
    if (!sign) return reading;
    return { ...reading, signedMeterValue: signedValue(station, JSON.stringify({ evseId: evse.id, measurand, value, timestamp })) };
  });
  return { timestamp, sampledValue: sampledValue as MeterValue['sampledValue'] };
}

function signedValue(station: StationRuntime, data: string): NonNullable<SampledValue['signedMeterValue']> {
  let signer = signers.get(station);
  if (!signer) {
    signer = new MeterSigner();
    signers.set(station, signer);
  }
  const { signedMeterData, publicKey } = signer.sign(data);
  // OCPPCommCtrlr.PublicKeyWithSignedMeterValue: Never leaves the key out (an empty string), anything else sends it.
  const withKey = station.deviceModel.has('OCPPCommCtrlr', 'PublicKeyWithSignedMeterValue') && station.deviceModel.getString('OCPPCommCtrlr', 'PublicKeyWithSignedMeterValue') !== 'Never' && !station.has('meterValues.noPublicKey');
  return { signedMeterData, signingMethod: SIGNING_METHOD, encodingMethod: ENCODING_METHOD, publicKey: withKey ? publicKey : '' };
}
