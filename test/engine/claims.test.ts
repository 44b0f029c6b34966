// Optional features are off until declared, and a failure that rests on a declaration names the flag to change.
import { featureAdvice, relyingOn, withFeatureAdvice, type FeatureFlag } from '../../src/engine/claims';
import { checkConfigFile, ConfigError, DEFAULT_CONFIG, REFERENCE_PRESET, resolveConfig } from '../../src/engine/config';
import { inconclusive, sutFailed, VerdictError } from '../../src/engine/verdict';

const FLAGS: readonly Exclude<FeatureFlag, 'unsupportedComponentCriteria'>[] = ['masterPassUi', 'resetPerEvse', 'summaryInventory', 'iso15118Pnc', 'centralContractValidation', 'parkingBaySensor'];

describe('optional features', () => {
  test.each(FLAGS.map((flag) => [flag]))('%s is off by default and declared by the reference preset', (flag) => {
    expect(DEFAULT_CONFIG.configured[flag]).toBe(false);
    expect(resolveConfig(REFERENCE_PRESET).configured[flag]).toBe(true);
  });
});

describe('featureAdvice', () => {
  test('a feature declared present: how to declare it absent; declared absent: how to declare it', () => {
    expect(featureAdvice(resolveConfig({ configured: { resetPerEvse: true } }), 'resetPerEvse')).toBe('(if the station has no such feature, set configured.resetPerEvse to false)');
    expect(featureAdvice(DEFAULT_CONFIG, 'resetPerEvse')).toBe('(if the station has this feature, set configured.resetPerEvse to true)');
    expect(featureAdvice(DEFAULT_CONFIG, 'unsupportedComponentCriteria')).toMatch(/list the unsupported ones in configured.unsupportedComponentCriteria/);
    expect(featureAdvice(resolveConfig({ configured: { unsupportedComponentCriteria: ['Problem'] } }), 'unsupportedComponentCriteria')).toMatch(/supports Problem, remove it/);
  });
});

describe('relyingOn', () => {
  const config = resolveConfig({ configured: { masterPassUi: true } });

  test('a failure gets the advice at the end of its reason, with its code kept', async () => {
    const error = await relyingOn(config, 'masterPassUi', () => Promise.reject(sutFailed('OCPPCT_EXPECT_TIMEOUT', 'the station did not send X within 5 ms'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerdictError);
    expect((error as VerdictError).code).toBe('OCPPCT_EXPECT_TIMEOUT');
    expect((error as VerdictError).message).toBe('the station did not send X within 5 ms (if the station has no such feature, set configured.masterPassUi to false)');
  });

  test('inconclusive verdicts, harness errors and success pass through unchanged; advice is not repeated', async () => {
    const notFailed = inconclusive('OCPPCT_OPERATOR', 'nobody answered');
    expect(withFeatureAdvice(notFailed, config, 'masterPassUi')).toBe(notFailed);
    const bug = new Error('harness bug');
    expect(withFeatureAdvice(bug, config, 'masterPassUi')).toBe(bug);
    await expect(relyingOn(config, 'masterPassUi', () => Promise.resolve(7))).resolves.toBe(7);
    const once = withFeatureAdvice(sutFailed('OCPPCT_VALIDATION', 'x'), config, 'masterPassUi');
    expect((withFeatureAdvice(once, config, 'masterPassUi') as Error).message).toBe((once as Error).message);
  });
});

describe('idTokens in a config file', () => {
  test('one malformed for its type is refused with its path and the reason', () => {
    expect(() => checkConfigFile({ configured: { idTokens: { valid: { idToken: 'CARD-1', type: 'ISO14443' } } } }, 'my.json')).toThrow(ConfigError);
    expect(() => checkConfigFile({ configured: { idTokens: { valid: { idToken: 'CARD-1', type: 'ISO14443' } } } }, 'my.json')).toThrow(/\/configured\/idTokens\/valid: an ISO14443 idToken is a 4 or 7 byte UID/);
    expect(() => checkConfigFile({ configured: { emaid: 'NLOCTC000000001' } }, 'my.json')).toThrow(/\/configured\/emaid: the check digit of eMAID 'NLOCTC000000001' is '1'/);
    expect(checkConfigFile({ configured: { idTokens: { valid: { idToken: '04AABBCCDDEEFF', type: 'ISO14443' } }, emaid: 'NLOCTC00000001T' } }, 'ok.json')).toBeDefined();
  });
});
