/** Which required variables Part 2 makes writable (its "Referenced Components and Variables" tables), so a report is judged against the standard rather than against what the station says of itself. */
import type { RunConfig } from '../../../src/engine/config';
import type { ReportDataType } from '../../../src/ocpp/generated/definitions';
import { mutabilityOf, reportKey, requiredKeys } from './device-report';

/**
 * Required component-variables whose mutability Part 2 gives as ReadWrite (keys as {@link reportKey}). None of
 * ChargingStation, EVSE, Connector, DeviceDataCtrlr, DisplayMessageCtrlr, LocalAuthListCtrlr or MonitoringCtrlr is:
 * their required variables are ReadOnly.
 */
export const REQUIRED_READ_WRITE: readonly string[] = [
  'AlignedDataCtrlr.Interval',
  'AlignedDataCtrlr.Measurands',
  'AlignedDataCtrlr.TxEndedInterval',
  'AlignedDataCtrlr.TxEndedMeasurands',
  'AuthCtrlr.LocalAuthorizeOffline',
  'AuthCtrlr.LocalPreAuthorize',
  'ClockCtrlr.TimeSource',
  'ISO15118Ctrlr.ContractValidationOffline',
  'OCPPCommCtrlr.MessageAttemptInterval[TransactionEvent]',
  'OCPPCommCtrlr.MessageAttempts[TransactionEvent]',
  'OCPPCommCtrlr.NetworkConfigurationPriority',
  'OCPPCommCtrlr.NetworkProfileConnectionAttempts',
  'OCPPCommCtrlr.OfflineThreshold',
  'OCPPCommCtrlr.ResetRetries',
  'SampledDataCtrlr.TxEndedInterval',
  'SampledDataCtrlr.TxEndedMeasurands',
  'SampledDataCtrlr.TxStartedMeasurands',
  'SampledDataCtrlr.TxUpdatedInterval',
  'SampledDataCtrlr.TxUpdatedMeasurands',
  'SecurityCtrlr.OrganizationName',
  'SmartChargingCtrlr.LimitChangeSignificance',
  'TariffCostCtrlr.Currency',
  'TariffCostCtrlr.TariffFallbackMessage',
  'TariffCostCtrlr.TotalCostFallbackMessage',
  'TxCtrlr.EVConnectionTimeOut',
  'TxCtrlr.StopTxOnInvalidId',
];

/**
 * Required component-variables for which Part 2 leaves ReadWrite or ReadOnly to the implementation (e.g. ReadOnly
 * for UnlockOnEVSideDisconnect with fixed cables only): writable exactly when the station's own report says so.
 */
export const REQUIRED_MUTABILITY_CHOSEN: readonly string[] = [
  'AuthCtrlr.AuthorizeRemoteStart',
  'OCPPCommCtrlr.UnlockOnEVSideDisconnect',
  'TxCtrlr.StopTxOnEVSideDisconnect',
  'TxCtrlr.TxStartPoint',
  'TxCtrlr.TxStopPoint',
];

const lower = (keys: readonly string[]): Set<string> => new Set(keys.map((key) => key.toLowerCase()));
const READ_WRITE = lower(REQUIRED_READ_WRITE);
const CHOSEN = lower(REQUIRED_MUTABILITY_CHOSEN);

/**
 * The required writable component-variables a ConfigurationInventory report must hold (TC_B_12_CS), for the functional
 * blocks the station implements (the core ones, and every controller either report shows): those Part 2 makes
 * ReadWrite, whatever the station reports about them, plus those whose mutability Part 2 leaves to the station and
 * that its FullInventory report (`full`) shows as ReadWrite or WriteOnly.
 */
export function requiredWritableKeys(config: RunConfig, full: readonly ReportDataType[], configuration: readonly ReportDataType[]): string[] {
  const writableInFull = lower(full.filter((entry) => mutabilityOf(entry) !== 'ReadOnly').map(reportKey));
  return requiredKeys(config, [...full, ...configuration]).filter((key) => READ_WRITE.has(key.toLowerCase()) || (CHOSEN.has(key.toLowerCase()) && writableInFull.has(key.toLowerCase())));
}
