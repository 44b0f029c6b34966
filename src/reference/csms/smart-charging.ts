/** Block K of the reference CSMS: sets, clears and reads charging profiles when its operator says so, and takes in what stations report of their limits. */
import type { ActionChargingProfile } from '../../drivers/csms-actions';
import type { ChargingProfilePurposeEnumType, ChargingProfileType, ClearChargingProfileType } from '../../ocpp/generated/definitions';
import { callInBackground } from './background-call';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** What the CSMS knows of a station's charging limits: the profiles it reported, and the external limits in force. */
interface StationLimits {
  readonly reported: Map<number, ChargingProfileType>;
  readonly externalLimits: Map<string, string>;
}

/**
 * The smart charging feature: the operator actions setChargingProfile, clearChargingProfile, getChargingProfiles,
 * getCompositeSchedule and remoteStartWithProfile, each one CALL to the station (K01, K10, K09, K08, K05), and the answers
 * to ReportChargingProfiles (K09), NotifyChargingLimit (K12) and ClearedChargingLimit (K13).
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
      ClearedChargingLimit: (call, session) => {
        if (csms.has('smartCharging.clearedLimitRefused')) refuse('released charging limits are not handled');
        limitsOf(session.stationId).externalLimits.delete(`${call.payload.evseId ?? 0}`);
        return {};
      },
    },
    perform(action) {
      switch (action.kind) {
        case 'setChargingProfile':
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
