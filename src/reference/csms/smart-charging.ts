/** Block K of the reference CSMS: sets, clears and reads charging profiles when its operator says so, and takes in what stations report of their limits. */
import type { ActionChargingProfile } from '../../drivers/csms-actions';
import type { ChargingProfilePurposeEnumType, ChargingProfileType, ChargingRateUnitEnumType, ChargingScheduleType, ChargingNeedsType, ClearChargingProfileType } from '../../ocpp/generated/definitions';
import { callInBackground } from './background-call';
import type { CsmsFeature, CsmsRuntime } from './feature';
import { ongoingTransactionOn } from './transactions';

/** The limit a CSMS offered an EVSE in its latest TxProfile, for judging the EV's schedule (K15.FR.11/12). */
interface Offer {
  readonly limit: number;
  readonly unit: ChargingRateUnitEnumType;
}

/** A limit in A, for comparing limits of different units (W over 230 V on three phases, as K01.FR.50 computes a current). */
const inAmps = (limit: number, unit: ChargingRateUnitEnumType, phases = 3): number => (unit === 'A' ? limit : limit / (230 * phases));

/** What the CSMS offers for `needs` (K15): the EV's own maximum, as current for AC, as power for DC. */
function offerFor(needs: ChargingNeedsType): Offer {
  const ac = needs.acChargingParameters;
  if (ac) return { limit: ac.evMaxCurrent, unit: 'A' };
  const dc = needs.dcChargingParameters;
  return { limit: dc?.evMaxPower ?? (dc ? dc.evMaxCurrent * dc.evMaxVoltage : 0), unit: 'W' };
}

/** True when every period of the EV's `schedule` stays within `offer` (compared as they are in the same unit, as currents otherwise). */
function withinOffer(schedule: ChargingScheduleType, offer: Offer): boolean {
  const sameUnit = schedule.chargingRateUnit === offer.unit;
  const max = sameUnit ? offer.limit : inAmps(offer.limit, offer.unit);
  return schedule.chargingSchedulePeriod.every((p) => (sameUnit ? p.limit : inAmps(p.limit, schedule.chargingRateUnit, p.numberPhases)) <= max + 1e-9);
}

/** What the CSMS knows of a station's charging limits: the profiles it reported, and the external limits in force. */
interface StationLimits {
  readonly reported: Map<number, ChargingProfileType>;
  readonly externalLimits: Map<string, string>;
}

/**
 * The smart charging feature: the operator actions setChargingProfile, clearChargingProfile, getChargingProfiles,
 * getCompositeSchedule and remoteStartWithProfile, each one CALL to the station (K01, K10, K09, K08, K05); the answers
 * to ReportChargingProfiles (K09), NotifyChargingLimit (K12) and ClearedChargingLimit (K13); and ISO 15118 smart
 * charging (K15-K17): the EV's charging needs get a TxProfile for the EVSE's transaction, and the EV's schedule is
 * accepted when it keeps to the latest limit, otherwise refused and renegotiated.
 */
export function smartChargingFeature(csms: CsmsRuntime): CsmsFeature {
  let requestId = 0;
  let ownProfileId = 50_000;
  let remoteStartId = 10_000;
  const stations = new Map<string, StationLimits>();
  const limitsOf = (stationId: string): StationLimits => {
    let limits = stations.get(stationId);
    if (!limits) stations.set(stationId, (limits = { reported: new Map(), externalLimits: new Map() }));
    return limits;
  };
  const refuse = (why: string): never => {
    throw new Error(why);
  };
  /** Per station and EVSE: the limit of the latest TxProfile, and the profile id used for each transaction (K01.FR.39: one id per transaction and stack level). */
  const offers = new Map<string, Offer>();
  const txProfileIds = new Map<string, number>();
  /** Transactions whose charging needs the CSMS has answered with a profile (fault smartCharging.needsAnsweredOnce). */
  const needsAnswered = new Set<string>();
  const evseKey = (stationId: string, evseId: number): string => `${stationId}/${evseId}`;

  /** K15.FR.07 / K16: a TxProfile for the ongoing transaction of the EVSE with `offer` as its one period, after the answer of the CALL that caused it. */
  const sendTxProfile = (stationId: string, evseId: number, transactionId: string, offer: Offer): void => {
    offers.set(evseKey(stationId, evseId), offer);
    const txKey = `${stationId}/${transactionId}`;
    const id = txProfileIds.get(txKey) ?? ++ownProfileId;
    txProfileIds.set(txKey, id);
    const chargingProfile: ChargingProfileType = {
      id,
      stackLevel: 0,
      chargingProfilePurpose: 'TxProfile',
      chargingProfileKind: 'Absolute',
      ...(csms.has('smartCharging.noTransactionId') ? {} : { transactionId }),
      chargingSchedule: [{ id: 1, startSchedule: new Date().toISOString(), chargingRateUnit: offer.unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: offer.limit }] }],
    };
    setImmediate(() => callInBackground(csms, stationId, 'SetChargingProfile', { evseId, chargingProfile }));
  };

  /** The profile as the operator described it (K01.FR.31: one period from 0; K01.FR.40/41: startSchedule for Absolute and Recurring only). */
  const profileOf = (p: ActionChargingProfile): ChargingProfileType => {
    const now = new Date();
    const purpose: ChargingProfilePurposeEnumType = csms.has('smartCharging.wrongPurpose') ? (p.purpose === 'TxDefaultProfile' ? 'TxProfile' : 'TxDefaultProfile') : p.purpose;
    const kind = csms.has('smartCharging.wrongKind') ? 'Absolute' : p.kind;
    const limit = csms.has('smartCharging.limitUnitMixed') && p.chargingRateUnit === 'A' ? p.limit * 1000 : p.limit;
    const validity = p.validForSeconds === undefined || csms.has('smartCharging.noValidity') ? {} : { validFrom: now.toISOString(), validTo: new Date(now.getTime() + p.validForSeconds * 1000).toISOString() };
    return {
      id: csms.has('smartCharging.newIdPerProfile') ? ++ownProfileId : p.id,
      stackLevel: p.stackLevel + (csms.has('smartCharging.wrongStackLevel') ? 1 : 0),
      chargingProfilePurpose: purpose,
      chargingProfileKind: kind,
      ...(kind === 'Recurring' && p.recurrencyKind && !csms.has('smartCharging.recurrencyDropped') ? { recurrencyKind: p.recurrencyKind } : {}),
      ...validity,
      ...(p.transactionId !== undefined && !csms.has('smartCharging.noTransactionId') ? { transactionId: p.transactionId } : {}),
      chargingSchedule: [
        {
          id: 1,
          ...(kind === 'Relative' ? {} : { startSchedule: now.toISOString() }),
          ...(p.duration === undefined ? {} : { duration: p.duration }),
          chargingRateUnit: p.chargingRateUnit,
          chargingSchedulePeriod: [{ startPeriod: 0, limit, ...(p.numberPhases === undefined ? {} : { numberPhases: p.numberPhases }) }],
        },
      ],
    };
  };

  return {
    handlers: {
      ReportChargingProfiles: (call, session) => {
        if (csms.has('smartCharging.reportRefused')) refuse('charging profile reports are not handled');
        if (csms.has('smartCharging.externalProfilesRefused') && call.payload.chargingProfile.some((p) => p.chargingProfilePurpose === 'ChargingStationExternalConstraints')) refuse('external constraints are not handled');
        const { reported } = limitsOf(session.stationId);
        for (const profile of call.payload.chargingProfile) reported.set(profile.id, profile);
        return {};
      },
      NotifyChargingLimit: (call, session) => {
        if (csms.has('smartCharging.chargingLimitRefused')) refuse('external charging limits are not handled');
        limitsOf(session.stationId).externalLimits.set(`${call.payload.evseId ?? 0}`, call.payload.chargingLimit.chargingLimitSource);
        return {};
      },
      NotifyEVChargingNeeds: (call, session) => {
        const { evseId, chargingNeeds } = call.payload;
        const transactionId = ongoingTransactionOn(csms, session.stationId, evseId);
        // K15.FR.04: without a transaction to limit, the CSMS cannot provide a schedule.
        if (!transactionId || csms.has('smartCharging.evNeedsRejected')) return { status: 'Rejected' };
        const txKey = `${session.stationId}/${transactionId}`;
        if (!(needsAnswered.has(txKey) && csms.has('smartCharging.needsAnsweredOnce'))) sendTxProfile(session.stationId, evseId, transactionId, offerFor(chargingNeeds));
        needsAnswered.add(txKey);
        return { status: 'Accepted' }; // K15.FR.03, K17.FR.03
      },
      NotifyEVChargingSchedule: (call, session) => {
        if (csms.has('smartCharging.evScheduleRefused')) return { status: 'Rejected' };
        const { evseId, chargingSchedule } = call.payload;
        const offer = offers.get(evseKey(session.stationId, evseId));
        const transactionId = ongoingTransactionOn(csms, session.stationId, evseId);
        if (!offer || withinOffer(chargingSchedule, offer) || csms.has('smartCharging.evScheduleAlwaysAccepted')) {
          // Fault smartCharging.renegotiatesUnasked: a new profile although the EV keeps to the limits.
          if (offer && transactionId && csms.has('smartCharging.renegotiatesUnasked')) sendTxProfile(session.stationId, evseId, transactionId, offer);
          return { status: 'Accepted' }; // K15.FR.11, K16.FR.06, K17.FR.11
        }
        // K15.FR.12/13, K16.FR.07/08, K17.FR.12/13: refuse the EV's schedule and renegotiate within the same limit.
        if (transactionId && !csms.has('smartCharging.noRenegotiation')) sendTxProfile(session.stationId, evseId, transactionId, offer);
        return { status: 'Rejected' };
      },
      ClearedChargingLimit: (call, session) => {
        if (csms.has('smartCharging.clearedLimitRefused')) refuse('released charging limits are not handled');
        limitsOf(session.stationId).externalLimits.delete(`${call.payload.evseId ?? 0}`);
        return {};
      },
    },
    perform(action) {
      switch (action.kind) {
        case 'setChargingProfile':
          if (action.profile.purpose === 'TxProfile') offers.set(evseKey(action.stationId, action.evseId), { limit: action.profile.limit, unit: action.profile.chargingRateUnit });
          callInBackground(csms, action.stationId, 'SetChargingProfile', { evseId: csms.has('smartCharging.evseZero') ? 0 : action.evseId, chargingProfile: profileOf(action.profile) });
          return true;
        case 'clearChargingProfile': {
          if (csms.has('smartCharging.clearNotSent')) return true;
          const mixed = csms.has('smartCharging.clearMixed');
          const given = action.criteria ?? {};
          const criteria: ClearChargingProfileType = {
            ...(given.evseId === undefined || csms.has('smartCharging.clearEvseDropped') ? {} : { evseId: given.evseId }),
            ...(given.purpose ? { chargingProfilePurpose: given.purpose } : mixed ? { chargingProfilePurpose: 'TxDefaultProfile' } : {}),
            ...(given.stackLevel === undefined ? {} : { stackLevel: given.stackLevel }),
          };
          const id = action.chargingProfileId ?? (mixed ? ownProfileId : undefined);
          callInBackground(csms, action.stationId, 'ClearChargingProfile', {
            ...(id === undefined ? {} : { chargingProfileId: id }),
            ...(action.criteria || mixed ? { chargingProfileCriteria: criteria } : {}),
          });
          return true;
        }
        case 'getChargingProfiles': {
          const c = action.criteria;
          const purpose = c.purpose ?? (csms.has('smartCharging.getPurposeAdded') ? 'TxDefaultProfile' : undefined);
          const stackLevel = c.stackLevel ?? (csms.has('smartCharging.getStackLevelAdded') ? 0 : undefined);
          limitsOf(action.stationId).reported.clear();
          callInBackground(csms, action.stationId, 'GetChargingProfiles', {
            requestId: ++requestId,
            ...(action.evseId === undefined || csms.has('smartCharging.getEvseDropped') ? {} : { evseId: action.evseId }),
            chargingProfile: {
              ...(purpose ? { chargingProfilePurpose: purpose } : {}),
              ...(stackLevel === undefined ? {} : { stackLevel }),
              ...(c.chargingProfileId === undefined ? {} : { chargingProfileId: [c.chargingProfileId] }),
              ...(c.chargingLimitSource ? { chargingLimitSource: [c.chargingLimitSource] } : {}),
            },
          });
          return true;
        }
        case 'getCompositeSchedule':
          callInBackground(csms, action.stationId, 'GetCompositeSchedule', {
            duration: action.duration,
            evseId: csms.has('smartCharging.compositeEvseZero') ? 0 : action.evseId,
            ...(csms.has('smartCharging.compositeUnitDropped') ? {} : { chargingRateUnit: action.chargingRateUnit }),
          });
          return true;
        case 'remoteStartWithProfile':
          callInBackground(csms, action.stationId, 'RequestStartTransaction', {
            // Fault remoteStart.wrongIdToken (Block F) holds for a remote start with a profile too.
            idToken: csms.has('remoteStart.wrongIdToken') ? { ...action.idToken, type: 'Central' } : action.idToken,
            evseId: action.evseId,
            remoteStartId: ++remoteStartId,
            ...(csms.has('smartCharging.noProfileOnRemoteStart') ? {} : { chargingProfile: profileOf(action.profile) }),
          });
          return true;
        default:
          return false;
      }
    },
  };
}
