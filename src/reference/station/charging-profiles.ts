/** Why: the reference station's smart charging (Block K): it keeps charging profiles (K01 set, K09 report, K10 clear) and computes composite schedules from them (K08). */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { ChargingProfileType } from '../../ocpp/generated/definitions';
import { compositeSchedule, type ChargingLimitSource, type InstalledProfile, type RunningTransaction } from './composite-schedule';
import { chargingNeedsNegotiation } from './ev-charging-needs';
import { evModel } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { remoteStartRefusals, transactionsOf } from './transactions';

type ChargingProfile = ChargingProfileType;
type SetResponse = OcppResponses['SetChargingProfile'];

/** A profile the station holds, with when it was installed (ms since epoch). */
interface Stored extends InstalledProfile {
  readonly installedAt: number;
}

/** The id of the profile that stands for an external limit (negative, as K12.FR.05 recommends). */
const EXTERNAL_ID = -1;

/** What one EVSE can deliver without any profile, A per phase. */
const LOCAL_LIMIT_AMPS = 32;

/**
 * Validation of a SetChargingProfileRequest (K01): the reason code of a refusal, or undefined when the station takes it.
 * Refused: an EVSE it does not have (K01.FR.28), a rate unit outside SmartChargingCtrlr.RateUnit (K01.FR.26), a stack
 * level above ProfileStackLevel, ChargingStationExternalConstraints (K01.FR.22), a TxProfile for EVSE 0 (K01.FR.16),
 * without a transactionId (K01.FR.03), on an EVSE without a transaction (K01.FR.09) or for another transaction
 * (K01.FR.33), a ChargingStationMaxProfile not for EVSE 0 or Relative (K01.FR.38), a startSchedule missing from an
 * Absolute or Recurring schedule (K01.FR.40) or given to a Relative one (K01.FR.41), a first period not at 0
 * (K01.FR.31), more periods than PeriodsPerSchedule, a TxDefaultProfile whose stack level another one holds on EVSE 0
 * or on an EVSE (K01.FR.52, K01.FR.53), and the id of an external constraint (K01.FR.05).
 */
function refusalOf(station: StationRuntime, stored: ReadonlyMap<number, Stored>, evseId: number, profile: ChargingProfile): [string, string] | undefined {
  const setting = (name: string): string | undefined => station.deviceModel.get('SmartChargingCtrlr', name);
  const evseExists = evseId === 0 || station.options.evses.some((e) => e.id === evseId);
  if (!evseExists && !station.has('smartCharging.acceptsUnknownEvse')) return ['UnknownEvse', `no EVSE ${evseId}`];
  const units = (setting('RateUnit') ?? 'A,W').split(',');
  const schedules = profile.chargingSchedule;
  if (schedules.some((s) => !units.includes(s.chargingRateUnit)) && !station.has('smartCharging.unsupportedUnitAccepted')) return ['UnsupportedRateUnit', `rate units supported: ${units.join(', ')}`];
  if (profile.stackLevel > Number(setting('ProfileStackLevel') ?? 0)) return ['InvalidStackLevel', `stack level above ${setting('ProfileStackLevel')}`];
  const purpose = profile.chargingProfilePurpose;
  if (purpose === 'ChargingStationExternalConstraints') return ['InvalidValue', 'external constraints are not set by the CSMS'];
  if (purpose === 'TxProfile') {
    if (evseId === 0 && !station.has('smartCharging.txProfileOnStation')) return ['InvalidValue', 'a TxProfile is for one EVSE'];
    if (evseId !== 0 && !station.has('smartCharging.txProfileWithoutTransaction')) {
      if (!profile.transactionId) return ['TxNotFound', 'a TxProfile names a transaction'];
      const ongoing = transactionsOf(station).ongoing(evseId);
      if (!ongoing || ongoing.id !== profile.transactionId) return ['TxNotFound', `no transaction ${profile.transactionId} on EVSE ${evseId}`];
    }
  }
  if (purpose === 'ChargingStationMaxProfile' && (evseId !== 0 || profile.chargingProfileKind === 'Relative')) return ['InvalidValue', 'a ChargingStationMaxProfile is for EVSE 0 and not Relative'];
  if (profile.chargingProfileKind === 'Recurring' && station.has('smartCharging.recurringRejected')) return ['InvalidValue', 'Recurring profiles not taken'];
  if (profile.chargingProfileKind === 'Recurring' && !profile.recurrencyKind) return ['InvalidValue', 'a Recurring profile names its recurrencyKind'];
  if (schedules.some((s) => (s.startSchedule === undefined) !== (profile.chargingProfileKind === 'Relative'))) return ['InvalidSchedule', 'startSchedule is set exactly when the kind is Absolute or Recurring'];
  if (schedules.some((s) => s.chargingSchedulePeriod[0].startPeriod !== 0)) return ['InvalidSchedule', 'the first period starts at 0'];
  const periods = Number(setting('PeriodsPerSchedule') ?? Infinity);
  if (schedules.some((s) => s.chargingSchedulePeriod.length > periods)) return ['InvalidSchedule', `at most ${periods} periods per schedule`];
  const existing = stored.get(profile.id);
  if (existing?.profile.chargingProfilePurpose === 'ChargingStationExternalConstraints') return ['InvalidValue', 'an external constraint cannot be replaced'];
  if (purpose === 'TxDefaultProfile') {
    const clash = [...stored.values()].find(
      (s) => s.profile.id !== profile.id && s.profile.chargingProfilePurpose === 'TxDefaultProfile' && s.profile.stackLevel === profile.stackLevel && (evseId === 0 ? s.evseId !== 0 : s.evseId === 0),
    );
    if (clash) return ['DuplicateProfile', `TxDefaultProfile ${clash.profile.id} holds stack level ${profile.stackLevel} on EVSE ${clash.evseId}`];
  }
  return undefined;
}

/** Whether a stored profile matches the criteria of a GetChargingProfilesRequest (K09.FR.04-06); `ignoreCriteria` and `ignoreEvse` are the reportIgnoresFilter and reportIgnoresEvse faults. */
function reported(stored: Stored, request: OcppRequests['GetChargingProfiles'], ignoreCriteria: boolean, ignoreEvse: boolean): boolean {
  const { evseId, chargingProfile: c } = request;
  if (evseId !== undefined && stored.evseId !== evseId && !ignoreEvse) return false;
  if (ignoreCriteria) return true;
  return (
    (c.chargingProfileId === undefined || c.chargingProfileId.includes(stored.profile.id)) &&
    (c.stackLevel === undefined || c.stackLevel === stored.profile.stackLevel) &&
    (c.chargingProfilePurpose === undefined || c.chargingProfilePurpose === stored.profile.chargingProfilePurpose) &&
    (c.chargingLimitSource === undefined || c.chargingLimitSource.includes(stored.source))
  );
}

/**
 * SetChargingProfile, GetChargingProfiles (+ ReportChargingProfiles), ClearChargingProfile and GetCompositeSchedule on a
 * store of profiles per EVSE (0: the station). The store outlives reboots (K01.FR.27); a TxProfile goes when its
 * transaction ends. A profile with the id of a stored one replaces it (K01.FR.05). customData anywhere in a profile is
 * accepted and ignored (Part 4). Without Smart Charging (configured.smartCharging false) the station has none of these
 * handlers, so the CALLs are answered NotSupported (K01.FR.29).
 */
export function chargingProfilesFeature(station: StationRuntime): StationFeature {
  const stored = new Map<number, Stored>();
  /** Profiles cleared while a transaction used them, kept in effect for it (fault smartCharging.clearSparesTransaction). */
  const spared = new Map<number, Stored>();
  const started = new Map<number, RunningTransaction>();
  /** K05: the TxProfile of an accepted RequestStartTransaction, by EVSE, until its transaction runs. */
  const remoteProfiles = new Map<number, { remoteStartId: number; profile: ChargingProfile; authorized: boolean }>();
  const rejected = (reasonCode: string, additionalInfo: string): SetResponse => ({ status: 'Rejected', statusInfo: { reasonCode, additionalInfo } });
  // F01.FR.12: without Smart Charging a profile in RequestStartTransaction is ignored; with it, a TxProfile naming a transaction is refused (F01.FR.11).
  remoteStartRefusals(station).push((evseId, _idToken, _group, request) => {
    const profile = request.chargingProfile;
    if (!profile) return undefined;
    if (station.options.smartCharging === false) return station.has('remoteStart.chargingProfileRejected') ? 'InvalidProfile' : undefined;
    if (profile.chargingProfilePurpose !== 'TxProfile' || profile.transactionId !== undefined) return 'InvalidProfile';
    // Kept until the remote start authorizes the EVSE; a later refusal of the start leaves it unused.
    if (!station.has('smartCharging.remoteStartProfileDropped')) remoteProfiles.set(evseId, { remoteStartId: request.remoteStartId, profile, authorized: false });
    return undefined;
  });
  if (station.options.smartCharging === false) {
    // K01.FR.29: no SetChargingProfile handler, so the station answers it NotSupported (the fault answers Rejected instead).
    return station.has('smartCharging.notSupportedAnswersRejected') ? { handlers: { SetChargingProfile: () => rejected('NotSupported', 'no smart charging') } } : {};
  }
  if (station.options.chargingRateUnits) station.deviceModel.set('SmartChargingCtrlr', 'RateUnit', station.options.chargingRateUnits.join(','));
  const count = () => station.deviceModel.set('SmartChargingCtrlr', { name: 'Entries', instance: 'ChargingProfiles' }, String(stored.size));
  const model = evModel(station);
  /** K15-K17: the ISO 15118 EV of a station configured with one. */
  const negotiation = station.options.iso15118SmartCharging ? chargingNeedsNegotiation(station, (evseId) => offlineSchedule(evseId)) : undefined;
  /** K05.FR.03 / F01.FR.10: the profile of a remote start becomes the TxProfile of the transaction it starts (or already runs). */
  const installRemoteProfile = (evseId: number, transactionId: string): void => {
    const pending = remoteProfiles.get(evseId);
    if (!pending?.authorized) return;
    remoteProfiles.delete(evseId);
    stored.set(pending.profile.id, { evseId, profile: { ...pending.profile, transactionId }, source: 'CSO', installedAt: Date.now() });
    count();
  };
  model.on('authorized', ({ evse, authorization }) => {
    const pending = evse && remoteProfiles.get(evse.id);
    if (!evse || !pending) return;
    if (authorization.via !== 'remote' || authorization.remoteStartId !== pending.remoteStartId) return void remoteProfiles.delete(evse.id);
    pending.authorized = true;
    const tx = transactionsOf(station).ongoing(evse.id);
    if (tx) installRemoteProfile(evse.id, tx.id);
  });
  model.on('transaction', ({ evse, transactionId, started: begun }) => {
    if (begun) {
      started.set(evse.id, { id: transactionId, startedAt: Date.now() });
      return installRemoteProfile(evse.id, transactionId);
    }
    started.delete(evse.id);
    spared.clear();
    // A TxProfile lives as long as its transaction.
    for (const [id, s] of stored) if (s.profile.chargingProfilePurpose === 'TxProfile' && s.profile.transactionId === transactionId) stored.delete(id);
    count();
  });
  /** The profiles as the composite schedule sees them at `now` (faults bend what it sees). */
  const effective = (): InstalledProfile[] =>
    [...stored.values(), ...spared.values()].flatMap((s) => {
      const tx = started.get(s.evseId);
      if (station.has('smartCharging.txDefaultIgnoredDuringTransaction') && s.profile.chargingProfilePurpose === 'TxDefaultProfile' && tx && s.installedAt > tx.startedAt) return [];
      let profile = s.profile;
      if (station.has('smartCharging.validityIgnored')) profile = { ...profile, validFrom: undefined, validTo: undefined };
      if (station.has('smartCharging.startScheduleIgnored') && profile.chargingProfileKind === 'Absolute') profile = { ...profile, chargingSchedule: profile.chargingSchedule.map((c) => ({ ...c, startSchedule: new Date(s.installedAt).toISOString() })) as ChargingProfile['chargingSchedule'] };
      return [{ ...s, profile }];
    });

  /**
   * K12 / K13: an external system limits the whole station (a ChargingStationExternalConstraints profile with a negative
   * id, source EMS, K12.FR.05) and the CSMS is told with NotifyChargingLimitRequest (K12.FR.02-04, the schedule when
   * NotifyChargingLimitWithSchedules is true); lifting it removes the profile and sends ClearedChargingLimitRequest (K13).
   */
  const externalLimit = (amps: number | undefined): void => {
    const flag = (name: string) => station.deviceModel.get('SmartChargingCtrlr', name) === 'true';
    if (!flag('ExternalControlSignalsEnabled')) return;
    if (amps === undefined) {
      if (!stored.delete(EXTERNAL_ID)) return;
      count();
      void station.send('ClearedChargingLimit', { chargingLimitSource: 'EMS', evseId: 0 });
      return;
    }
    const purpose = station.has('smartCharging.externalWrongPurpose') ? 'ChargingStationMaxProfile' : 'ChargingStationExternalConstraints';
    const schedule: ChargingProfile['chargingSchedule'][0] = { id: EXTERNAL_ID, startSchedule: new Date().toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: amps }] };
    stored.set(EXTERNAL_ID, { evseId: 0, source: 'EMS', installedAt: Date.now(), profile: { id: EXTERNAL_ID, stackLevel: 0, chargingProfilePurpose: purpose, chargingProfileKind: 'Absolute', chargingSchedule: [schedule] } });
    count();
    void station.send('NotifyChargingLimit', { evseId: 0, chargingLimit: { chargingLimitSource: 'EMS' }, ...(flag('NotifyChargingLimitWithSchedules') ? { chargingSchedule: [schedule] } : {}) });
  };

  /** K15.FR.15: the schedule an ISO 15118 EV makes offline: the first period of the EVSE's composite schedule, for as long as it lasts (400 s at most). */
  const offlineSchedule = (evseId: number): ChargingProfile['chargingSchedule'][0] => {
    // In the unit of the profile it follows (a TxProfile or TxDefaultProfile of the EVSE), else the station's first.
    const followed = [...stored.values()].find((s) => (s.evseId === evseId || s.evseId === 0) && ['TxProfile', 'TxDefaultProfile'].includes(s.profile.chargingProfilePurpose));
    const unit = followed?.profile.chargingSchedule[0].chargingRateUnit ?? ((station.deviceModel.get('SmartChargingCtrlr', 'RateUnit') ?? 'A').split(',')[0] as 'A' | 'W');
    const composite = compositeSchedule({ profiles: effective(), evseId, evseIds: station.options.evses.map((e) => e.id), start: Date.now(), durationSeconds: 400, rateUnit: unit, transactions: started, localLimitAmps: LOCAL_LIMIT_AMPS });
    const [first, next] = composite.chargingSchedulePeriod;
    return { id: 1, chargingRateUnit: unit, duration: next?.startPeriod ?? composite.duration, chargingSchedulePeriod: [first] };
  };

  return {
    onAccepted: () => negotiation?.flush(),
    handlers: {
      SetChargingProfile: (call) => {
        const { evseId, chargingProfile } = call.payload;
        if (station.has('chargingProfile.customDataRejected') && JSON.stringify(chargingProfile).includes('"customData"')) return rejected('InvalidValue', 'customData in a charging profile');
        const refused = refusalOf(station, stored, evseId, chargingProfile);
        if (refused) return rejected(...refused);
        if (station.has('chargingProfile.txDefaultRejected') && chargingProfile.chargingProfilePurpose === 'TxDefaultProfile') return rejected('InvalidValue', 'TxDefaultProfile not taken');
        if (station.has('smartCharging.txProfileRejected') && chargingProfile.chargingProfilePurpose === 'TxProfile') return rejected('InvalidValue', 'TxProfile not taken');
        if (station.has('smartCharging.replaceIgnored') && stored.has(chargingProfile.id)) return { status: 'Accepted' };
        stored.set(chargingProfile.id, { evseId, profile: chargingProfile, source: 'CSO', installedAt: Date.now() });
        count();
        if (chargingProfile.chargingProfilePurpose === 'TxProfile') station.later(0, () => negotiation?.txProfileSet(evseId, chargingProfile));
        return { status: 'Accepted' };
      },
      GetChargingProfiles: (call) => {
        const request = call.payload;
        const matching = [...stored.values()].filter((s) => reported(s, request, station.has('smartCharging.reportIgnoresFilter'), station.has('smartCharging.reportIgnoresEvse')));
        if (matching.length === 0) return { status: 'NoProfiles' };
        // One report per EVSE and source (a ReportChargingProfilesRequest carries one of each); tbc on all but the last (K09.FR.02).
        const groups = new Map<string, { evseId: number; source: ChargingLimitSource; profiles: ChargingProfile[] }>();
        for (const s of matching) {
          const key = `${s.evseId}/${s.source}`;
          const group = groups.get(key) ?? { evseId: s.evseId, source: s.source, profiles: [] };
          group.profiles.push(s.profile);
          groups.set(key, group);
        }
        const requestId = station.has('smartCharging.reportWrongRequestId') ? request.requestId + 1 : request.requestId;
        const reports = [...groups.values()];
        station.later(0, () =>
          void (async () => {
            for (const [index, group] of reports.entries()) {
              const tbc = index < reports.length - 1 && !station.has('smartCharging.reportWithoutTbc');
              await station.send('ReportChargingProfiles', { requestId, evseId: group.evseId, chargingLimitSource: group.source, chargingProfile: group.profiles as [ChargingProfile, ...ChargingProfile[]], ...(tbc ? { tbc } : {}) });
            }
          })(),
        );
        return { status: 'Accepted' };
      },
      ClearChargingProfile: (call) => {
        const { chargingProfileId, chargingProfileCriteria: criteria } = call.payload;
        const byId = chargingProfileId !== undefined;
        const matches = [...stored.entries()].filter(
          ([id, { evseId, profile }]) =>
            profile.chargingProfilePurpose !== 'ChargingStationExternalConstraints' &&
            (byId
              ? id === chargingProfileId
              : (criteria?.evseId === undefined || criteria.evseId === evseId) &&
                (criteria?.chargingProfilePurpose === undefined || criteria.chargingProfilePurpose === profile.chargingProfilePurpose) &&
                (criteria?.stackLevel === undefined || criteria.stackLevel === profile.stackLevel)),
        );
        const noop = byId ? station.has('smartCharging.clearByIdIgnored') : station.has('smartCharging.clearByCriteriaIgnored');
        for (const [id, s] of noop ? [] : matches) {
          stored.delete(id);
          const inUse = s.profile.chargingProfilePurpose === 'TxDefaultProfile' && [...started.keys()].some((evse) => s.evseId === 0 || s.evseId === evse);
          if (inUse && station.has('smartCharging.clearSparesTransaction')) spared.set(id, s);
        }
        count();
        return { status: matches.length > 0 || station.has('smartCharging.clearAlwaysAccepted') ? 'Accepted' : 'Unknown' };
      },
      GetCompositeSchedule: (call) => {
        const { evseId, duration } = call.payload;
        const units = (station.deviceModel.get('SmartChargingCtrlr', 'RateUnit') ?? 'A,W').split(',') as ('A' | 'W')[];
        const rateUnit = call.payload.chargingRateUnit ?? units[0];
        // K08.FR.05 / K08.FR.07: an EVSE or a rate unit the station does not have.
        if (evseId !== 0 && !station.options.evses.some((e) => e.id === evseId) && !station.has('smartCharging.compositeUnknownEvse')) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
        if (evseId === 0 && station.has('smartCharging.compositeStationRejected')) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
        if (!units.includes(rateUnit) && !station.has('smartCharging.compositeAnyUnit')) return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedRateUnit' } };
        const schedule = compositeSchedule({
          profiles: effective(),
          evseId,
          evseIds: station.options.evses.map((e) => e.id),
          start: Date.now(),
          durationSeconds: duration,
          rateUnit,
          transactions: started,
          localLimitAmps: LOCAL_LIMIT_AMPS,
          quirks: { lowestStackLevel: station.has('smartCharging.compositeIgnoresStackLevel'), ignoreStationMax: station.has('smartCharging.compositeIgnoresStationMax') },
        });
        return { status: 'Accepted', schedule };
      },
    },
    perform: (action) => {
      if (action.kind === 'evRenegotiates' && negotiation) negotiation.renegotiate(action.evseId);
      else if (action.kind === 'externalChargingLimit') externalLimit(action.amps);
      else return false;
      return true;
    },
    onReboot: () => {
      // K01.FR.27: the profiles survive a reboot (the fault forgets them).
      if (station.has('smartCharging.notPersistent')) {
        stored.clear();
        count();
      }
    },
  };
}
