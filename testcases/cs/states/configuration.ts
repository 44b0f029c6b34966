/** Before-configuration entries the transaction cases share (device-model settings set with SetVariables and restored after the case). */
import type { ConfigurationSetting } from '../../../src/engine/testcase';
import type { RunConfig } from '../../../src/engine/config';

/** A setting of a top-level controller component. */
export const setting = (component: string, variable: string, value: ConfigurationSetting['value'], instance?: string): ConfigurationSetting => ({
  component: { name: component },
  variable: instance === undefined ? { name: variable } : { name: variable, instance },
  value,
});

/** Part 6 "(If implemented)": the setting is left out when the station does not have the variable (see ConfigurationSetting.ifImplemented). */
export const ifImplemented = (settings: ConfigurationSetting): ConfigurationSetting => ({ ...settings, ifImplemented: true });

/** TxCtrlr.TxStartPoint. */
export const txStartPoint = (value: string): ConfigurationSetting => setting('TxCtrlr', 'TxStartPoint', value);

/** TxCtrlr.TxStopPoint. */
export const txStopPoint = (value: string): ConfigurationSetting => setting('TxCtrlr', 'TxStopPoint', value);

/** Part 6 "AuthCtrlr.AuthEnabled is true" (the variable is AuthCtrlr.Enabled), without Part 6's mark: wrap it where the case says "(If implemented)". */
export const AUTH_ENABLED: ConfigurationSetting = setting('AuthCtrlr', 'Enabled', 'true');

/** Part 6 "LocalPreAuthorize is true" (AuthCtrlr.LocalPreAuthorize), without Part 6's mark: wrap it where the case says "(If implemented)". */
export const LOCAL_PRE_AUTHORIZE: ConfigurationSetting = setting('AuthCtrlr', 'LocalPreAuthorize', 'true');

/**
 * Part 6 "AuthCtrlr.AuthEnabled is true (If implemented AND ReadWrite)" and "AuthCtrlr.DisableRemoteAuthorization is
 * false (If implemented)": both optional in every case that uses them (a ReadOnly AuthEnabled that is already true is
 * not written).
 */
export const AUTHORIZATION_ON: readonly ConfigurationSetting[] = [ifImplemented(AUTH_ENABLED), ifImplemented(setting('AuthCtrlr', 'DisableRemoteAuthorization', 'false'))];

/** AuthCtrlr.OfflineTxForUnknownIdEnabled (Part 6 "OfflineTxForUnknownIdEnabled"), without Part 6's mark: most cases say "(If implemented)", TC_C_25_CS / TC_C_26_CS do not. */
export const offlineTxForUnknownId = (enabled: boolean): ConfigurationSetting => setting('AuthCtrlr', 'OfflineTxForUnknownIdEnabled', String(enabled));

/** TxCtrlr.EVConnectionTimeOut = <Configured ev_connection_timeout>. */
export const EV_CONNECTION_TIMEOUT: ConfigurationSetting = setting('TxCtrlr', 'EVConnectionTimeOut', (c: RunConfig) => String(c.configured.evConnectionTimeout));

/** The offline settings of the E11 / E12 / E14 cases: RetryBackOffWaitMinimum as configured, no random part, OfflineThreshold 60 s beyond it. */
export const OFFLINE_RETRY: readonly ConfigurationSetting[] = [
  setting('OCPPCommCtrlr', 'OfflineThreshold', (c: RunConfig) => String(c.configured.retryBackOffWaitMinimum + 60)),
  setting('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', (c: RunConfig) => String(c.configured.retryBackOffWaitMinimum)),
  setting('OCPPCommCtrlr', 'RetryBackOffRandomRange', '0'),
];

/** SampledDataCtrlr.TxUpdatedMeasurands / TxUpdatedInterval as configured (<Configured transaction_updated_metervalues_…>). */
export const SAMPLED_UPDATES: readonly ConfigurationSetting[] = [
  setting('SampledDataCtrlr', 'TxUpdatedMeasurands', (c: RunConfig) => c.configured.sampledDataTxUpdatedMeasurands),
  setting('SampledDataCtrlr', 'TxUpdatedInterval', (c: RunConfig) => String(c.configured.sampledDataTxUpdatedInterval)),
];

/**
 * The B04 offline cases (TC_B_51_CS, TC_B_52_CS): OfflineThreshold <Configured offlineThreshold>, RetryBackOffWaitMinimum
 * `backOffDeltaS` seconds away from it (+2 to come back after the threshold, -2 before it), no random part.
 */
export const offlineThresholdSettings = (backOffDeltaS: number): readonly ConfigurationSetting[] => [
  setting('OCPPCommCtrlr', 'OfflineThreshold', (c: RunConfig) => String(c.configured.offlineThreshold)),
  setting('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', (c: RunConfig) => String(c.configured.offlineThreshold + backOffDeltaS)),
  setting('OCPPCommCtrlr', 'RetryBackOffRandomRange', '0'),
];
