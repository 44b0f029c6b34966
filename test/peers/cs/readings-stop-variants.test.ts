// StopAuthorized as errata 2025-09 6.2.117 reads it, against the reference: both ways of reporting a stop pass, and a one-event stop that still says Charging fails.
import { loadCases } from '../../../src/engine/catalog';
import { runAgainstReference } from '../../../src/engine/selftest';
import { BEHAVIOUR_VARIANTS } from '../../../src/reference/variants';

const byId = (id: string) => {
  const found = loadCases('CS').find((c) => c.id === id);
  if (!found) throw new Error(`${id} is not implemented`);
  return found;
};

describe.each(BEHAVIOUR_VARIANTS.map((variant) => [variant.name, variant] as const))('reference variant: %s', (_name, variant) => {
  test.concurrent.each(variant.cases.map((id) => [id]))('%s passes against it', async (id) => {
    const result = await runAgainstReference(byId(id), undefined, variant.config);
    expect(`${result.verdict}: ${result.reason}`).toMatch(/^passed: /);
  });
});

test('the two-event variant really sends two events for the stop of TC_E_07_CS', async () => {
  const variant = BEHAVIOUR_VARIANTS[0];
  const result = await runAgainstReference(byId('TC_E_07_CS'), undefined, variant.config);
  const events = result.frames
    .filter((f) => f.direction === 'in')
    .map((f) => (typeof f.raw === 'string' ? (JSON.parse(f.raw) as unknown[]) : []))
    .filter((frame) => frame[0] === 2 && frame[2] === 'TransactionEvent')
    .map((frame) => frame[3] as { eventType: string; triggerReason: string; transactionInfo: { chargingState?: string } });
  const last = events.slice(-2);
  expect(last.map((e) => `${e.eventType}/${e.triggerReason}`)).toEqual(['Updated/StopAuthorized', 'Ended/ChargingStateChanged']);
  expect(last[1].transactionInfo.chargingState).toBe('EVConnected');
});

test('a one-event stop that reports chargingState Charging fails TC_E_07_CS with the chargingState reason', async () => {
  const result = await runAgainstReference(byId('TC_E_07_CS'), 'transaction.endedWhileCharging');
  expect(result.verdict).toBe('failed');
  expect(result.reason).toMatch(/chargingState: expected "EVConnected", got "Charging"/);
});
