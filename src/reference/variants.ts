/** Other set-ups of the reference SUTs, so that a case written for hardware the default reference lacks (no master pass UI, say) still runs against a reference that has it. */
import { resolveConfig, type RunConfig, type RunConfigFile } from '../engine/config';
import type { TestCase } from '../engine/testcase';

/** A named change to the run config that the reference SUT follows (it reads the declared hardware from the config). */
export interface ReferenceVariant {
  readonly name: string;
  readonly config: RunConfigFile;
}

/** Every variant the reference SUTs can take, tried in this order. */
export const REFERENCE_VARIANTS: readonly ReferenceVariant[] = [
  { name: 'station without a master pass UI (Part 5 C-08)', config: { configured: { masterPassUi: false } } },
  { name: 'station without the SummaryInventory base report (B07.FR.02)', config: { configured: { summaryInventory: false } } },
  { name: 'station that does not support componentCriteria Active (B08.FR.02)', config: { configured: { unsupportedComponentCriteria: ['Active'] } } },
  { name: 'station that cannot reset a single EVSE (Part 5 NOT C-13)', config: { configured: { resetPerEvse: false } } },
  { name: 'station that cannot cancel a firmware update under way (Part 5 NOT C-60)', config: { configured: { firmware: { canCancel: false } } } },
  { name: 'station that downloads a firmware update during a transaction but installs it after (Part 5 AQ-7)', config: { configured: { firmware: { duringTransaction: 'downloadOnly' } } } },
  { name: 'station that updates its firmware during a transaction (Part 5 C-43)', config: { configured: { firmware: { duringTransaction: 'everything' } } } },
  { name: 'station with AdditionalRootCertificateCheck true (Part 5 AS-2)', config: { configured: { additionalRootCertificateCheck: true } } },
  { name: 'station that takes no reservation without an EVSE (Part 5 NOT R-2)', config: { configured: { reservationNonEvseSpecific: false } } },
  { name: 'station that does not send SignCombinedCertificate on a trigger (Part 5 NOT AQ-11)', config: { configured: { signCombinedCertificate: false } } },
  { name: 'station that keeps no security log (N01.FR.05)', config: { configured: { logTypeWithoutInformation: 'SecurityLog' } } },
  { name: 'station without Smart Charging (Part 5 profile Smart Charging not claimed)', config: { configured: { smartCharging: false } } },
  { name: 'station that takes charging profiles in A only (SmartChargingCtrlr.RateUnit A)', config: { configured: { chargingProfile: { rateUnits: ['A'] } } } },
  { name: 'station whose EVs negotiate their charging schedule over ISO 15118 (K15-K17)', config: { configured: { chargingProfile: { iso15118: true } } } },
  { name: 'station that does not support monitoringCriteria PeriodicMonitoring (N02.FR.02) nor monitoringBase FactoryDefault (N03.FR.02)', config: { configured: { unsupportedMonitoringCriteria: ['PeriodicMonitoring'], unsupportedMonitoringBase: ['FactoryDefault'] } } },
  { name: 'station that does not support display message priority AlwaysFront, state Faulted nor format HTML (Part 5 NOT UI-1.1 / UI-2.2)', config: { configured: { displayMessage: { unsupportedPriorities: ['AlwaysFront'], unsupportedStates: ['Faulted'], unsupportedFormats: ['HTML'] } } } },
];

/** A way the reference SUTs can behave where Part 2 (with the errata) allows more than one, and the cases whose self-test must pass either way. */
export interface BehaviourVariant extends ReferenceVariant {
  /** Ids of the cases that meet the behaviour against the reference; the self-test runs each against this variant too. */
  readonly cases: readonly string[];
}

/**
 * Behaviours no case needs in order to apply (so `referenceVariantFor` never picks them), but which a real SUT may
 * have: the cases listed run against them as well (test/peers/cs/readings-stop.test.ts), so both paths stay covered.
 */
export const BEHAVIOUR_VARIANTS: readonly BehaviourVariant[] = [
  {
    name: 'station that reports a stop ending the transaction in two events: the stop (Updated), then the charging state change (Ended); errata 2025-09 6.2.117',
    config: { reference: { stopEvents: 'two' } },
    cases: ['TC_E_07_CS', 'TC_E_08_CS', 'TC_E_35_CS'],
  },
];

/**
 * When `testCase` does not apply to `config` but does to one of the variants: that variant and the config it makes
 * (`config` with the variant laid over it). Undefined when the case applies as it is, or under no variant.
 */
export function referenceVariantFor(testCase: TestCase, config: RunConfig): { readonly variant: ReferenceVariant; readonly config: RunConfig } | undefined {
  if (!testCase.applicable?.(config)) return undefined;
  for (const variant of REFERENCE_VARIANTS) {
    const varied = resolveConfig(config as RunConfigFile, variant.config);
    if (!testCase.applicable(varied)) return { variant, config: varied };
  }
  return undefined;
}
