/** The settings of a reference station. */
import type { EvseLayout, RunConfig } from '../../engine/config';
import type { SecurityProfile, TlsOptions } from '../../transport/security';
import type { StationFault } from '../faults';

/** How the reference station is set up. */
export interface ReferenceStationOptions {
  readonly csmsUrl: string;
  readonly stationId: string;
  readonly password?: string;
  readonly tls?: TlsOptions;
  readonly evses: readonly EvseLayout[];
  readonly vendorName: string;
  readonly model: string;
  /** Upper bound of each wait of the station itself (connect, answers to its CALLs). */
  readonly timeoutMs: number;
  /** Wait between connection attempts when the CSMS cannot be reached. */
  readonly reconnectDelayMs?: number;
  readonly faults?: ReadonlySet<StationFault>;
  /** C16: it has a master pass UI on which the holder chooses what to stop (Part 5 C-07); false: a master pass stops every transaction at once (C-08). Default true. */
  readonly masterPassUi?: boolean;
  /** B11 / B12: it can reset a single EVSE (Part 5 C-13); false: a ResetRequest with evseId is Rejected (B11.FR.09). Default true. */
  readonly resetPerEvse?: boolean;
  /** B07: it supports the optional SummaryInventory base report (default true); false: it answers NotSupported (TC_B_15_CS). */
  readonly summaryInventory?: boolean;
  /** H01.FR.18 / H01.FR.19 (issue 14): it takes reservations without an EVSE (ReservationCtrlr.NonEvseSpecific). Default true. */
  readonly reservationNonEvseSpecific?: boolean;
  /** F06 (Part 5 AQ-11, issue 14): it sends SignCombinedCertificateRequest when triggered (default true); false: such a trigger is NotImplemented. */
  readonly signCombinedCertificate?: boolean;
  /** B08.FR.02: componentCriteria it does not support; a GetReportRequest naming one is answered NotSupported. Default none. */
  readonly unsupportedComponentCriteria?: readonly ('Active' | 'Available' | 'Enabled' | 'Problem')[];
  /** N02.FR.02 / N03.FR.02: monitoringCriteria and monitoringBase values it does not support (answered NotSupported). Default none. */
  readonly unsupportedMonitoringCriteria?: readonly string[];
  readonly unsupportedMonitoringBase?: readonly string[];
  /** Part 5 Smart Charging: it takes charging profiles (default true); false: SetChargingProfile is not supported and a profile in RequestStartTransaction is ignored (F01.FR.12). */
  readonly smartCharging?: boolean;
  /** K01.FR.26: the rate units it takes (SmartChargingCtrlr.RateUnit); default A and W. */
  readonly chargingRateUnits?: readonly ('A' | 'W')[];
  /** K15-K17: its EVs negotiate their schedule over ISO 15118 (NotifyEVChargingNeeds). Default false. */
  readonly iso15118SmartCharging?: boolean;
  /** N01.FR.05 (issue 16): the log type it keeps no information for, so GetLog of it is Rejected; absent: it keeps both. */
  readonly logsWithout?: 'DiagnosticsLog' | 'SecurityLog';
  /** How a stop that ends the transaction is reported (errata 2025-09 6.2.117 allows both): 'one' Ended event (default), or 'two': an Updated event with the stop, then an Ended event with the charging state change. */
  readonly stopEvents?: 'one' | 'two';
  /** L01.FR.24/27 (Part 5 C-60): it cancels a firmware update under way for a new UpdateFirmwareRequest (default true); false: it refuses the new one. */
  readonly firmwareCancel?: boolean;
  /** L01.FR.06/33: what it does of a firmware update while a transaction runs (default nothing: it waits to download). */
  readonly firmwareDuringTransaction?: 'nothing' | 'downloadOnly' | 'everything';
  /** Part 5 AS-2: SecurityCtrlr.AdditionalRootCertificateCheck is true (M05.FR.09-14). Default false. */
  readonly additionalRootCertificateCheck?: boolean;
  /** O01.FR.01-03: the display message priorities, states and formats it does not support (answered NotSupported…). Default none. */
  readonly displayMessagesUnsupported?: { readonly priorities: readonly string[]; readonly states: readonly string[]; readonly formats: readonly string[] };
  /** Block A (issue 4): the security profile it starts on and the certificates it holds; absent: profile 1 for ws://, 2 for wss:// (3 with a client certificate in `tls`). */
  readonly security?: ReferenceStationSecurity;
  /** Called with every problem the station meets (lost answers, refused connections), for logs. */
  readonly log?: (message: string) => void;
}

/** Block A (issue 4): what the reference station's security feature starts with. */
export interface ReferenceStationSecurity {
  readonly securityProfile: SecurityProfile;
  /** Installed CSMSRootCertificates (PEM): what it trusts for the CSMS server certificate. */
  readonly csmsRootCertificates: readonly string[];
  /** Installed ManufacturerRootCertificates (PEM): what firmware signing certificates must chain to (L01.FR.12, issue 15). */
  readonly manufacturerRootCertificates?: readonly string[];
  /** Installed V2GRootCertificates (PEM), for V2G certificates the CSMS signs. */
  readonly v2gRootCertificates?: readonly string[];
  /** Its ChargingStationCertificate (chain PEM, leaf first) and private key, for security profile 3. */
  readonly stationCertificate?: { readonly chainPem: string; readonly privateKeyPem: string };
  /** Key algorithm of the CSRs it makes for its ChargingStationCertificate (V2G CSRs are always EC P-256). */
  readonly keyAlgorithm: 'rsa' | 'ec';
}

/** The options of a reference station that come from a run config: identity, layout, waits and the hardware the config declares. */
export function stationOptionsFrom(config: RunConfig): Pick<ReferenceStationOptions, 'stationId' | 'password' | 'evses' | 'vendorName' | 'model' | 'timeoutMs' | 'masterPassUi' | 'resetPerEvse' | 'summaryInventory' | 'unsupportedComponentCriteria' | 'unsupportedMonitoringCriteria' | 'unsupportedMonitoringBase' | 'smartCharging' | 'chargingRateUnits' | 'iso15118SmartCharging' | 'firmwareCancel' | 'firmwareDuringTransaction' | 'additionalRootCertificateCheck' | 'logsWithout' | 'stopEvents' | 'reservationNonEvseSpecific' | 'signCombinedCertificate' | 'displayMessagesUnsupported'> {
  return {
    stationId: config.station.id,
    password: config.station.basicAuthPassword,
    evses: config.station.evses,
    vendorName: config.station.vendorName,
    model: config.station.model,
    timeoutMs: config.timeouts.messageMs,
    masterPassUi: config.configured.masterPassUi,
    resetPerEvse: config.configured.resetPerEvse,
    summaryInventory: config.configured.summaryInventory,
    unsupportedComponentCriteria: config.configured.unsupportedComponentCriteria,
    unsupportedMonitoringCriteria: config.configured.unsupportedMonitoringCriteria,
    unsupportedMonitoringBase: config.configured.unsupportedMonitoringBase,
    smartCharging: config.configured.smartCharging,
    chargingRateUnits: config.configured.chargingProfile.rateUnits,
    iso15118SmartCharging: config.configured.chargingProfile.iso15118,
    firmwareCancel: config.configured.firmware.canCancel,
    firmwareDuringTransaction: config.configured.firmware.duringTransaction,
    additionalRootCertificateCheck: config.configured.additionalRootCertificateCheck,
    reservationNonEvseSpecific: config.configured.reservationNonEvseSpecific,
    signCombinedCertificate: config.configured.signCombinedCertificate,
    stopEvents: config.reference.stopEvents,
    displayMessagesUnsupported: { priorities: config.configured.displayMessage.unsupportedPriorities, states: config.configured.displayMessage.unsupportedStates, formats: config.configured.displayMessage.unsupportedFormats },
    ...(config.configured.logTypeWithoutInformation === '' ? {} : { logsWithout: config.configured.logTypeWithoutInformation }),
  };
}
