// Checks the PICS: the examples are valid, a malformed PICS is refused with the field path and the reason, features get their values, and the PICS becomes a run-config layer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRunCases } from '../../src/cli/profiles';
import { ConfigError, resolveConfig } from '../../src/engine/config';
import { checkPics, describeFeatureValue, featureValue, picsConfigLayer, picsEnvironment, readPics } from '../../src/profiles/pics';
import { examplePicsJson, ROOT, stationPics } from './helpers';

/** The message checkPics refuses `value` with. */
function refusal(value: unknown): string {
  try {
    checkPics(value, 'my-pics.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the PICS was accepted');
}

describe('the example PICS files', () => {
  it.each(['pics-station.json', 'pics-csms.json'])('%s is valid', (file) => {
    expect(() => readPics(join(ROOT, 'examples', file))).not.toThrow();
  });
});

describe('a malformed PICS', () => {
  const station = examplePicsJson();

  it.each([
    ['a missing identity field', { ...station, sut: { ...station.sut, vendor: undefined } }, "/sut: must have required property 'vendor'"],
    ['a station model longer than BootNotification allows', { ...station, sut: { ...station.sut, model: 'M'.repeat(21) } }, '/sut/model: must NOT have more than 20 characters'],
    ['a station without a serial number', { ...station, sut: { ...station.sut, serialNumber: undefined } }, "/sut: must have required property 'serialNumber'"],
    ['a station without a layout', { ...station, layout: undefined }, "(root): must have required property 'layout'"],
    ['no Core among the claimed profiles', { ...station, claimedProfiles: ['smart-charging'] }, '/claimedProfiles: must contain at least 1 valid item(s)'],
    ['an unknown profile', { ...station, claimedProfiles: ['core', 'turbo'] }, '/claimedProfiles/1: must be equal to one of the allowed values: "core", "advanced-security"'],
    ['a yes/no feature answered with text', { ...station, features: { ...station.features, 'C-49': 'yes' } }, '/features/C-49: must be boolean'],
    ['a list feature answered with yes', { ...station, features: { ...station.features, 'C-41': true } }, '/features/C-41: must be array'],
    ['an unknown feature id', { ...station, features: { 'C-99': true } }, '/features/C-99: is not a Part 5 feature id'],
    ['a derived feature', { ...station, features: { 'HFS-8': 2 } }, '/features/HFS-8: is not stated in a PICS: it follows from the number of EVSEs in layout.evses'],
    ['a profile flag', { ...station, features: { 'profile:local-auth-list': true } }, '/features/profile:local-auth-list: is not stated in a PICS: it follows from whether the PICS claims the profile local-auth-list'],
    ['a feature of the other side', { ...station, features: { 'C-44': true } }, '/features/C-44: applies to a CSMS, but sut.role is CS'],
    ['an EVSE listed twice', { ...station, layout: { evses: [{ id: 1, connectors: [1] }, { id: 1, connectors: [2] }] } }, '/layout/evses/1/id: EVSE id 1 appears more than once'],
    ['a bad configured value', { ...station, configured: { evseId: 0 } }, '/configured/evseId: must be >= 1'],
    ['an unknown field', { ...station, vendor: 'x' }, '/vendor: is not a known field'],
    ['a security profile that does not exist', { ...station, securityProfile: 4 }, '/securityProfile: must be equal to one of the allowed values: 1, 2, 3'],
  ])('is refused for %s, with the field and the reason', (_what, value, line) => {
    const message = refusal(JSON.parse(JSON.stringify(value)));
    expect(message).toMatch(/^my-pics\.json is not a valid PICS:\n {2}/);
    expect(message).toContain(line);
  });

  it('is refused when it is not JSON, or not there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-ct-pics-'));
    try {
      writeFileSync(join(dir, 'bad.json'), '{ "sut": ');
      expect(() => readPics(join(dir, 'bad.json'))).toThrow(/PICS .*bad\.json is not JSON/);
      expect(() => readPics(join(dir, 'missing.json'))).toThrow(/cannot read PICS .*missing\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('of a CSMS may not carry a station layout', () => {
    expect(refusal({ ...examplePicsJson('csms'), layout: station.layout })).toContain('(root): must NOT be valid');
  });
});

describe('feature values', () => {
  const pics = stationPics({ 'C-09.1': false, 'C-09.2': true });

  it('are the stated answers; a feature left out is not supported', () => {
    expect(featureValue(pics, 'C-30')).toBe(true);
    expect(featureValue(pics, 'C-49')).toBe(false);
    expect(featureValue(pics, 'C-53')).toBe(false);
    expect(featureValue(pics, 'C-41')).toBe(true);
    expect(describeFeatureValue(pics, 'C-49')).toBe('C-49 (Authorization Cache): no');
    expect(describeFeatureValue(pics, 'C-53')).toBe('C-53 (Lifetime for cached tokens): no, not stated in the PICS');
  });

  it('derive profile flags from the claimed profiles, HFS-8 from the layout, and a group from its options', () => {
    expect(featureValue(pics, 'profile:local-auth-list')).toBe(false);
    expect(featureValue(stationPics({}, ['core', 'local-auth-list']), 'profile:local-auth-list')).toBe(true);
    expect(featureValue(pics, 'HFS-8')).toBe(2);
    expect(describeFeatureValue(pics, 'HFS-8')).toBe('HFS-8 (Number of EVSEs (numeric)): 2');
    expect(featureValue(pics, 'C-09')).toBe(true);
    expect(featureValue(stationPics({ 'C-29.1': false, 'C-29.2': false, 'C-29.3': false, 'C-29.4': false, 'C-29.5': false, 'C-29.6': false }), 'C-29')).toBe(false);
    expect(describeFeatureValue(pics, 'profile:local-auth-list')).toBe('profile:local-auth-list: the PICS does not claim Local Authorization List Management');
  });
});

describe('the PICS in the run', () => {
  it("supplies a station's identity, layout and configured values as a config layer", () => {
    const config = resolveConfig(picsConfigLayer(stationPics()), { configured: { connectorId: 1 } });
    expect(config.station).toMatchObject({ vendorName: 'OpenOcppCt', model: 'RefStation', evses: [{ id: 1, connectors: [1] }, { id: 2, connectors: [1] }] });
    expect(config.configured.evseId).toBe(1);
  });

  it('switches the optional-feature flags by what it claims, and its configured values win', () => {
    const claims = resolveConfig(picsConfigLayer(stationPics({ 'C-07': true, 'C-13': false, 'C-56': true })));
    expect(claims.configured).toMatchObject({ masterPassUi: true, resetPerEvse: false, summaryInventory: true });
    const declined = resolveConfig({ configured: { resetPerEvse: true } }, picsConfigLayer(stationPics({ 'C-13': false })));
    expect(declined.configured.resetPerEvse).toBe(false);
    const stated = resolveConfig(picsConfigLayer(checkPics({ ...examplePicsJson(), features: { ...examplePicsJson().features, 'C-13': false }, configured: { resetPerEvse: true } }, 'p')));
    expect(stated.configured.resetPerEvse).toBe(true);
    const firmware = resolveConfig(picsConfigLayer(stationPics({ 'C-60': false, 'C-20': false, 'C-43': false, 'AQ-7': true, 'AS-2': true })));
    expect(firmware.configured.firmware).toMatchObject({ canCancel: false, duringTransaction: 'downloadOnly', allowNewSessions: false });
    expect(firmware.configured.additionalRootCertificateCheck).toBe(true);
    const display = resolveConfig(picsConfigLayer(stationPics({ 'UI-1.1': false, 'UI-1.2': true, 'UI-1.3': true, 'UI-2.2': false, 'UI-2.4': true })));
    expect(display.configured.displayMessage).toMatchObject({ unsupportedPriorities: ['AlwaysFront'], unsupportedFormats: ['HTML'], priority: 'NormalCycle' });
  });

  it("of a CSMS leaves the simulated station's identity alone", () => {
    const csms = checkPics(examplePicsJson('csms'), 'csms');
    expect(picsConfigLayer(csms).station).toBeUndefined();
    expect(resolveConfig(picsConfigLayer(csms)).station.vendorName).toBe(resolveConfig().station.vendorName);
  });

  it('without --profile only supplies config: the cases are selected as before and no certification report is made', () => {
    const selection = selectRunCases({ pics: join(ROOT, 'examples', 'pics-station.json'), cases: 'TC_B_01_CS' }, 'CS');
    expect(selection).toMatchObject({ notRun: [], profiles: [], configLayer: { station: { model: 'RefStation' } } });
    expect(selection.certification).toBeUndefined();
    expect(selection.cases.map((c) => c.id)).toEqual(['TC_B_01_CS']);
  });

  it('is summed up for the environment section of reports', () => {
    expect(picsEnvironment(stationPics())).toMatchObject({
      'sut.vendor': 'OpenOcppCt',
      'sut.serialNumber': 'REF-0001',
      'pics.claimedProfiles': 'core, reservation',
      'pics.securityProfile': '2',
      'pics.evses': 'EVSE 1: connector 1; EVSE 2: connector 1',
      'pics.supported': expect.stringContaining('C-30'),
      'pics.notSupported': expect.stringContaining('C-49'),
    });
  });
});
