// The idToken formats of Part 2 and the eMAID check digit, against published contract ids and the defaults of the run config.
import { DEFAULT_CONFIG, REFERENCE_PRESET, resolveConfig } from '../../src/engine/config';
import { emaidCheckDigit, emaidProblem, idTokenProblem } from '../../src/engine/id-tokens';

describe('emaidCheckDigit', () => {
  // Contract ids with their check digits as published with the eMI3 / DIN SPEC 91286 algorithm.
  test.each([
    ['NN123ABCDEFGHI', 'T'],
    ['FRXYZ123456789', '2'],
    ['ITA1B2C3E4F5G6', '4'],
    ['ESZU8WOX834H1D', 'R'],
    ['PT73902837ABCZ', 'Z'],
    ['DE83DUIEN83QGZ', 'D'],
    ['DE83DUIEN83ZGQ', 'M'],
    ['DE8AA001234567', '0'],
    ['DE-8AA-CA2B3C4D5', 'L'],
  ])('%s has check digit %s', (base, digit) => {
    expect(emaidCheckDigit(base)).toBe(digit);
    expect(emaidCheckDigit(base.toLowerCase())).toBe(digit);
  });

  test('refuses what is not 14 alphanumerics', () => {
    expect(() => emaidCheckDigit('NL-OCT-C0000')).toThrow(/14 letters or digits/);
    expect(() => emaidCheckDigit('NLOCTC0000000_')).toThrow(/14 letters or digits/);
  });
});

describe('emaidProblem', () => {
  test('a correct check digit, or none, is fine; a wrong one is named', () => {
    expect(emaidProblem('DE83DUIEN83QGZD')).toBeUndefined();
    expect(emaidProblem('DE-83D-UIEN83QGZ-D')).toBeUndefined();
    expect(emaidProblem('DE83DUIEN83QGZ')).toBeUndefined();
    expect(emaidProblem('DE83DUIEN83QGZE')).toMatch(/check digit .* is 'E'.* make it 'D'/);
    expect(emaidProblem('DE83')).toMatch(/14 letters or digits/);
  });
});

describe('idTokenProblem', () => {
  test('ISO14443 is a 4 or 7 byte UID in hex', () => {
    expect(idTokenProblem({ idToken: '0A1B2C3D', type: 'ISO14443' })).toBeUndefined();
    expect(idTokenProblem({ idToken: '04A1B2C3D4E5F6', type: 'ISO14443' })).toBeUndefined();
    expect(idTokenProblem({ idToken: '0A1B2C3D4E', type: 'ISO14443' })).toMatch(/8 or 14 hex/);
    expect(idTokenProblem({ idToken: 'OCPPCT-VALID-01', type: 'ISO14443' })).toMatch(/8 or 14 hex/);
  });

  test('ISO15693 is an 8 byte UID in hex; Central has no format', () => {
    expect(idTokenProblem({ idToken: 'E004010012345678', type: 'ISO15693' })).toBeUndefined();
    expect(idTokenProblem({ idToken: 'E0040100', type: 'ISO15693' })).toMatch(/16 hex/);
    expect(idTokenProblem({ idToken: 'any-thing', type: 'Central' })).toBeUndefined();
  });

  test('every idToken of the default run config, and its eMAID, is well-formed for its type', () => {
    for (const config of [DEFAULT_CONFIG, resolveConfig(REFERENCE_PRESET)]) {
      const { idTokens, masterPassGroupId, emaid } = config.configured;
      for (const token of [...Object.values(idTokens), masterPassGroupId]) expect(idTokenProblem(token)).toBeUndefined();
      expect(emaid).toHaveLength(15);
      expect(emaidProblem(emaid)).toBeUndefined();
    }
  });
});
