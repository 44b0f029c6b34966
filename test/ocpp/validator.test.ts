// Checks that SchemaValidator loads every OCPP 2.0.1 schema and reports violations with the path and rule a report needs.
import type { BootNotificationRequest } from '../../src/ocpp/generated';
import { SchemaValidator, describeViolations, schemaValidator, type SchemaViolation, type ValidationOutcome } from '../../src/ocpp/validator';

const validator = schemaValidator();

/** A BootNotificationRequest loosened so a test can break it. */
type LooseBoot = Record<string, unknown> & { chargingStation: Record<string, unknown> };

const BOOT: BootNotificationRequest = { reason: 'PowerUp', chargingStation: { model: 'RefStation', vendorName: 'OpenOcppCt', serialNumber: 'SN-1' } };

/** The violations of a BootNotificationRequest that is BOOT changed by `change` (failing the test when it is valid). */
function bootViolations(change: (boot: LooseBoot) => void): readonly SchemaViolation[] {
  const boot = structuredClone(BOOT) as unknown as LooseBoot;
  change(boot);
  return violationsOf(validator.validate('BootNotification', 'request', boot));
}

function violationsOf(outcome: ValidationOutcome): readonly SchemaViolation[] {
  if (outcome.valid) throw new Error('expected the payload to break its schema');
  return outcome.violations;
}

test('compiles all 128 schemas of OCPP 2.0.1', () => {
  expect(validator.size).toBe(128);
  expect(validator.knows('BootNotification')).toBe(true);
  expect(validator.knows('Boot')).toBe(false);
});

test('schemaValidator() is one shared instance', () => {
  expect(schemaValidator()).toBe(validator);
  expect(validator).toBeInstanceOf(SchemaValidator);
});

test('accepts a valid BootNotificationRequest and response', () => {
  expect(validator.validate('BootNotification', 'request', BOOT)).toEqual({ valid: true });
  expect(validator.validate('BootNotification', 'response', { currentTime: '2024-01-01T00:00:00Z', interval: 300, status: 'Accepted' })).toEqual({ valid: true });
});

test('a request is not checked against the response schema', () => {
  expect(violationsOf(validator.validate('BootNotification', 'response', BOOT)).map((v) => v.rule)).toContain('required');
});

test.each<[string, (boot: LooseBoot) => void, SchemaViolation]>([
  ['a missing required field', (b) => delete b.chargingStation.model, { path: '/chargingStation', rule: 'required', message: "must have required property 'model'" }],
  ['a value outside the enum', (b) => (b.reason = 'Sunrise'), { path: '/reason', rule: 'enum', message: expect.stringContaining('"PowerUp"') }],
  ['an additional property', (b) => (b.colour = 'blue'), { path: '(root)', rule: 'additionalProperties', message: "must NOT have additional properties 'colour'" }],
  ['a wrong type', (b) => (b.chargingStation.vendorName = 42), { path: '/chargingStation/vendorName', rule: 'type', message: 'must be string' }],
  ['a string over maxLength', (b) => (b.chargingStation.model = 'M'.repeat(21)), { path: '/chargingStation/model', rule: 'maxLength', message: 'must NOT have more than 20 characters' }],
])('reports %s with its path and rule', (_name, change, expected) => {
  expect(bootViolations(change)).toEqual([expected]);
});

test('reports every broken rule, not just the first', () => {
  const violations = bootViolations((b) => {
    b.reason = 'Sunrise';
    b.chargingStation.model = 7;
  });
  expect(violations.map((v) => `${v.path} ${v.rule}`).sort()).toEqual(['/chargingStation/model type', '/reason enum']);
  expect(describeViolations(violations)).toMatch(/\/reason: enum: must be equal to one of the allowed values/);
});

test('says clearly that an action has no schema', () => {
  expect(violationsOf(validator.validate('Teleport', 'request', {}))).toEqual([{ path: '(root)', rule: 'action', message: 'no OCPP 2.0.1 schema named TeleportRequest' }]);
});

test('accepts customData with vendor properties, but still requires its vendorId', () => {
  const customData = { vendorId: 'org.example', colour: 'blue', nested: { depth: [1, 2] } };
  expect(validator.validate('BootNotification', 'request', { ...BOOT, customData, chargingStation: { ...BOOT.chargingStation, customData } })).toEqual({ valid: true });
  expect(bootViolations((b) => (b.customData = { colour: 'blue' }))).toEqual([{ path: '/customData', rule: 'required', message: "must have required property 'vendorId'" }]);
});

test('checks date-time formats', () => {
  expect(violationsOf(validator.validate('Heartbeat', 'response', { currentTime: 'yesterday' }))).toEqual([{ path: '/currentTime', rule: 'format', message: 'must match format "date-time"' }]);
});
