/** Block C of the reference station, as far as transactions need it: deciding whether a token may charge (AuthorizeRequest, authorization cache, local list) and presenting tokens. */
import type { StationAction } from '../../drivers/actions';
import type { AuthorizeRequest, AuthorizeResponse } from '../../ocpp/generated';
import { evModel, isConnected, type Authorization, type EvModel, type EvseState, type IdToken } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { flagOf } from './meter';
import { authCacheOf, type CacheSource } from './auth-cache';
import { localListOf } from './local-list';
import { masterPassOf } from './master-pass';

/** IdTokenInfoType: what the CSMS (or a local source) says about a token. */
export type IdTokenInfo = AuthorizeResponse['idTokenInfo'];

/** What an AuthorizeRequest carries about an ISO 15118 contract certificate (C07.FR.02 hash data, C07.FR.06 the chain itself); empty for any other token. */
export type ContractData = Pick<AuthorizeRequest, 'certificate' | 'iso15118CertificateHashData'>;

/** The outcome of checking a token: whether it may charge, and what is known about it. */
export interface AuthorizationOutcome {
  readonly accepted: boolean;
  readonly info?: IdTokenInfo;
  /** Where the decision came from, for logs. */
  readonly source: 'csms' | 'cache' | 'localList' | 'offlineUnknown' | 'authDisabled' | 'refused';
}

const keyOf = (token: IdToken): string => `${token.type}:${token.idToken}`;

/**
 * The station's knowledge of tokens: the authorization cache (AuthCacheCtrlr, filled from AuthorizeResponse and
 * TransactionEventResponse) and the local authorization list (LocalAuthListCtrlr, SendLocalList; kept in local-list.ts).
 */
export class Authorizer {
  constructor(private readonly station: StationRuntime) {}

  /** Whether the station is connected and accepted, so it can ask the CSMS. */
  private get online(): boolean {
    return this.station.bootState === 'Accepted';
  }

  /** Stores what the CSMS said about a token (by default in a TransactionEventResponse) in the authorization cache (auth-cache.ts). */
  remember(token: IdToken, info: IdTokenInfo, from: CacheSource = 'TransactionEvent'): void {
    authCacheOf(this.station).store(token, info, from);
  }

  /** What the local list (if enabled) or the cache (if enabled and not expired) say about a token. */
  lookupLocal(token: IdToken): { info: IdTokenInfo; source: 'localList' | 'cache' } | undefined {
    const listed = localListOf(this.station).lookup(token);
    if (listed) return { info: listed, source: 'localList' };
    const cached = authCacheOf(this.station).lookup(token);
    return cached ? { info: cached, source: 'cache' } : undefined;
  }

  /**
   * Decides whether `token` may start charging (C01, C10, C12, C13, C15): without authorization when AuthCtrlr is off;
   * online by AuthorizeRequest (or only locally when DisableRemoteAuthorization is true, or from local data first when
   * LocalPreAuthorize is true); offline from local data when LocalAuthorizeOffline is true, an unknown token only when
   * OfflineTxForUnknownIdEnabled is true. An eMAID (C07) comes with its `contract` data, which the AuthorizeRequest
   * carries; the answer must then accept the certificate as well as the idToken.
   */
  async authorize(token: IdToken, contract: ContractData = {}): Promise<AuthorizationOutcome> {
    const outcome = await this.decide(token, contract);
    if (!outcome.accepted && this.station.has('auth.acceptsInvalidToken')) return { ...outcome, accepted: true };
    return outcome;
  }

  private async decide(token: IdToken, contract: ContractData): Promise<AuthorizationOutcome> {
    if (this.station.deviceModel.has('AuthCtrlr', 'Enabled') && !flagOf(this.station, 'AuthCtrlr', 'Enabled')) return { accepted: true, source: 'authDisabled' };
    const local = this.lookupLocal(token);
    const localAccepted = local?.info.status === 'Accepted';
    if (this.online) {
      const remoteDisabled = flagOf(this.station, 'AuthCtrlr', 'DisableRemoteAuthorization') && !this.station.has('auth.ignoresDisableRemoteAuthorization');
      if (remoteDisabled) return local ? { accepted: localAccepted, info: local.info, source: local.source } : { accepted: false, source: 'refused' };
      const fromCache = local?.source === 'cache';
      const preAuthorize = flagOf(this.station, 'AuthCtrlr', 'LocalPreAuthorize') || (fromCache && this.station.has('authCache.preAuthorizeAlways'));
      if (local && preAuthorize && !(fromCache && this.station.has('authCache.notUsed'))) {
        if (localAccepted) return { accepted: true, info: local.info, source: local.source };
        // C10.FR.03 / C12.FR.05: a cached status other than Accepted is checked with the CSMS, unless AuthCacheCtrlr.DisablePostAuthorize is true.
        if (fromCache && this.cachePostAuthorizeDisabled) return { accepted: false, info: local.info, source: 'cache' };
        // C14.FR.03: likewise for the local list, unless LocalAuthListCtrlr.DisablePostAuthorize is true (local-list.ts).
        if (!fromCache && localListOf(this.station).skipsPostAuthorize) return { accepted: false, info: local.info, source: 'localList' };
      }
      if (this.station.has('auth.noAuthorizeRequest')) return { accepted: true, source: 'refused' };
      const response = await this.station.send('Authorize', { idToken: token, ...contract });
      if (response) {
        this.remember(token, response.idTokenInfo, 'Authorize');
        // C07: a contract certificate the CSMS did not find valid does not charge, whatever the idToken status.
        const certificateValid = (response.certificateStatus ?? 'Accepted') === 'Accepted';
        return { accepted: response.idTokenInfo.status === 'Accepted' && certificateValid, info: response.idTokenInfo, source: 'csms' };
      }
    }
    if (!flagOf(this.station, 'AuthCtrlr', 'LocalAuthorizeOffline')) return { accepted: false, source: 'refused' };
    if (local) return { accepted: localAccepted, info: local.info, source: local.source };
    return flagOf(this.station, 'TxCtrlr', 'OfflineTxForUnknownIdEnabled') || flagOf(this.station, 'AuthCtrlr', 'OfflineTxForUnknownIdEnabled')
      ? { accepted: true, source: 'offlineUnknown' }
      : { accepted: false, source: 'refused' };
  }

  /** AuthCacheCtrlr.DisablePostAuthorize, as the cache faults bend it. */
  private get cachePostAuthorizeDisabled(): boolean {
    if (this.station.has('authCache.noPostAuthorize')) return true;
    return flagOf(this.station, 'AuthCacheCtrlr', 'DisablePostAuthorize') && !this.station.has('authCache.disablePostAuthorizeIgnored');
  }

}

const authorizers = new WeakMap<StationRuntime, Authorizer>();

/** The token knowledge of `station` (one per station, made on first use). */
export function authorizerOf(station: StationRuntime): Authorizer {
  let authorizer = authorizers.get(station);
  if (!authorizer) {
    authorizer = new Authorizer(station);
    authorizers.set(station, authorizer);
  }
  return authorizer;
}

/** Whether two groupIdTokens name the same group (both present). */
const sameGroup = (a: IdToken | undefined, b: IdToken | undefined): boolean => a !== undefined && b !== undefined && a.idToken === b.idToken;

/** The group of a held authorization: as it came with the authorization, else as the cache or list knows its token (a remote start names none). */
const heldGroupOf = (authorizer: Authorizer, held: Authorization): IdToken | undefined => held.groupIdToken ?? authorizer.lookupLocal(held.idToken)?.info.groupIdToken;

/**
 * True when `token` may end the authorization `evse` holds: the same token, or (from local data) a valid token of the
 * same group (E07.FR.01, C01.FR.03, C09.FR.07; C09.FR.11: not one whose status is other than Accepted).
 */
function endsAuthorizationOf(station: StationRuntime, authorizer: Authorizer, evse: EvseState, token: IdToken): boolean {
  const held = evse.authorization;
  if (!held) return false;
  if (keyOf(held.idToken) === keyOf(token)) return true;
  const known = authorizer.lookupLocal(token)?.info;
  if (!known || station.has('auth.groupIdIgnored')) return false;
  return (known.status === 'Accepted' || station.has('auth.invalidGroupTokenStops')) && sameGroup(known.groupIdToken, heldGroupOf(authorizer, held));
}

/** Where a newly authorized token will be used: the EVSE named, else one with an EV but no authorization, else the first free one. */
function evseForNewAuthorization(model: EvModel, evseId: number | undefined): EvseState | undefined {
  if (evseId !== undefined) return model.evse(evseId);
  const free = [...model.evses.values()].filter((e) => !e.authorization);
  return free.find((e) => e.connectors.some(isConnected)) ?? free.find((e) => e.bayOccupied) ?? free[0];
}

/**
 * Presenting tokens at the station (driver action presentIdToken): a token that matches an authorization held ends it
 * (StopAuthorized, stoppedReason Local); any other token is checked and, when accepted, authorizes an EVSE (a master
 * pass token opens the stop UI of master-pass.ts instead); the local list messages are answered by local-list.ts.
 */
export function authorizationFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const authorizer = authorizerOf(station);

  const present = async (token: IdToken, evseId: number | undefined): Promise<void> => {
    const locked = [...model.evses.values()].find((evse) => (evseId === undefined || evse.id === evseId) && evse.unlockToken && keyOf(evse.unlockToken) === keyOf(token));
    if (locked) {
      // E09.FR.03: the token of the deauthorized transaction releases the cable; it authorizes nothing.
      locked.unlockToken = undefined;
      return;
    }
    const holder = [...model.evses.values()].find((evse) => (evseId === undefined || evse.id === evseId) && endsAuthorizationOf(station, authorizer, evse, token));
    if (holder) {
      if (station.has('auth.stopTokenIgnored')) return;
      model.emit('stopRequested', { evse: holder, triggerReason: 'StopAuthorized', stoppedReason: 'Local', idToken: token });
      return;
    }
    const outcome = await authorizer.authorize(token);
    station.log(`idToken ${token.idToken}: ${outcome.accepted ? 'accepted' : 'refused'} (${outcome.source})`);
    // C16: a master pass token starts nothing; it opens the stop UI of master-pass.ts.
    if (!station.has('masterPass.startsTransaction') && masterPassOf(station).claims(token, outcome.accepted, outcome.info?.groupIdToken, evseId)) return;
    const evse = evseForNewAuthorization(model, evseId);
    const held = evse?.authorization;
    if (evse && held) {
      // C09.FR.03 / C09.FR.11: a token the CSMS accepts with the same group ends the authorization; C01.FR.23: no other token takes it over.
      const groupStop = sameGroup(outcome.info?.groupIdToken, heldGroupOf(authorizer, held)) && !station.has('auth.groupIdIgnored') && (outcome.accepted || station.has('auth.invalidGroupTokenStops'));
      if (groupStop || (outcome.accepted && station.has('auth.differentTokenStops'))) model.emit('stopRequested', { evse, triggerReason: 'StopAuthorized', stoppedReason: 'Local', idToken: token });
      return;
    }
    if (!outcome.accepted) return;
    // H03: an EVSE reserved for another token (and group) does not take this one; a matching reservation is used up.
    const admitted = evse ? model.admit(evse, token, outcome.info?.groupIdToken) : {};
    if (admitted.refused) return;
    model.emit('authorized', { evse, authorization: { idToken: token, groupIdToken: outcome.info?.groupIdToken, via: 'local', ...(admitted.reservationId === undefined ? {} : { reservationId: admitted.reservationId }) } });
  };

  const perform = (action: StationAction): boolean => {
    if (action.kind === 'presentIdToken') {
      void present({ idToken: action.idToken.idToken, type: action.idToken.type as IdToken['type'] }, action.evseId);
      return true;
    }
    return false;
  };

  return { perform };
}
