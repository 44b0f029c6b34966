/** Why: the reference station keeps charging profiles (K01 SetChargingProfile, K10 ClearChargingProfile) as far as the cases that send one need (TC_P_04_CS). */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { StationFeature, StationRuntime } from './feature';
import { remoteStartRefusals } from './transactions';

type ChargingProfile = OcppRequests['SetChargingProfile']['chargingProfile'];

/**
 * SetChargingProfile and ClearChargingProfile on a store of profiles per EVSE (0: the station). A profile is refused
 * (Rejected, with a reason code) when its EVSE does not exist, its rate unit is not in SmartChargingCtrlr.RateUnit, its
 * stack level is above SmartChargingCtrlr.ProfileStackLevel, a TxProfile names no transaction (K01.FR.03), a
 * ChargingStationMaxProfile is not for EVSE 0 (K01.FR.38), or it has more periods than PeriodsPerSchedule. A profile with
 * the id of a stored one replaces it (K01.FR.05). customData anywhere in it is accepted and ignored (Part 4).
 */
export function chargingProfilesFeature(station: StationRuntime): StationFeature {
  const stored = new Map<number, { evseId: number; profile: ChargingProfile }>();
  const setting = (name: string): string | undefined => station.deviceModel.get('SmartChargingCtrlr', name);
  const evseExists = (evseId: number): boolean => evseId === 0 || station.options.evses.some((e) => e.id === evseId);
  const rejected = (reasonCode: string, additionalInfo: string): OcppResponses['SetChargingProfile'] => ({ status: 'Rejected', statusInfo: { reasonCode, additionalInfo } });
  const refusal = (evseId: number, profile: ChargingProfile): OcppResponses['SetChargingProfile'] | undefined => {
    if (!evseExists(evseId)) return rejected('UnknownEvse', `no EVSE ${evseId}`);
    const units = (setting('RateUnit') ?? 'A,W').split(',');
    const schedules = profile.chargingSchedule;
    if (schedules.some((s) => !units.includes(s.chargingRateUnit))) return rejected('UnsupportedRateUnit', `rate units supported: ${units.join(', ')}`);
    if (profile.stackLevel > Number(setting('ProfileStackLevel') ?? 0)) return rejected('InvalidStackLevel', `stack level above ${setting('ProfileStackLevel')}`);
    if (profile.chargingProfilePurpose === 'TxProfile' && !profile.transactionId) return rejected('TxNotFound', 'a TxProfile names a transaction');
    if (profile.chargingProfilePurpose === 'ChargingStationMaxProfile' && evseId !== 0) return rejected('InvalidValue', 'a ChargingStationMaxProfile is for EVSE 0');
    const periods = Number(setting('PeriodsPerSchedule') ?? Infinity);
    if (schedules.some((s) => s.chargingSchedulePeriod.length > periods)) return rejected('InvalidSchedule', `at most ${periods} periods per schedule`);
    return undefined;
  };
  // F01.FR.12: without Smart Charging a profile in RequestStartTransaction is ignored; with it, a TxProfile naming a transaction is refused (F01.FR.11).
  remoteStartRefusals(station).push((_evseId, _idToken, _group, request) => {
    const profile = request.chargingProfile;
    if (!profile) return undefined;
    if (station.options.smartCharging === false) return station.has('remoteStart.chargingProfileRejected') ? 'InvalidProfile' : undefined;
    return profile.chargingProfilePurpose !== 'TxProfile' || profile.transactionId !== undefined ? 'InvalidProfile' : undefined;
  });
  if (station.options.smartCharging === false) return {}; // no SetChargingProfile: the station answers it NotSupported
  const count = () => station.deviceModel.set('SmartChargingCtrlr', { name: 'Entries', instance: 'ChargingProfiles' }, String(stored.size));
  return {
    handlers: {
      SetChargingProfile: (call) => {
        const { evseId, chargingProfile } = call.payload;
        if (station.has('chargingProfile.customDataRejected') && JSON.stringify(chargingProfile).includes('"customData"')) return rejected('InvalidValue', 'customData in a charging profile');
        const refused = refusal(evseId, chargingProfile);
        if (refused) return refused;
        if (station.has('chargingProfile.txDefaultRejected') && chargingProfile.chargingProfilePurpose === 'TxDefaultProfile') return rejected('InvalidValue', 'TxDefaultProfile not taken');
        stored.set(chargingProfile.id, { evseId, profile: chargingProfile });
        count();
        return { status: 'Accepted' };
      },
      ClearChargingProfile: (call) => {
        const { chargingProfileId, chargingProfileCriteria: criteria } = call.payload;
        const matches = [...stored.entries()].filter(([id, { evseId, profile }]) =>
          chargingProfileId !== undefined
            ? id === chargingProfileId
            : (criteria?.evseId === undefined || criteria.evseId === evseId) &&
              (criteria?.chargingProfilePurpose === undefined || criteria.chargingProfilePurpose === profile.chargingProfilePurpose) &&
              (criteria?.stackLevel === undefined || criteria.stackLevel === profile.stackLevel),
        );
        for (const [id] of matches) stored.delete(id);
        count();
        return { status: matches.length > 0 ? 'Accepted' : 'Unknown' };
      },
    },
  };
}
