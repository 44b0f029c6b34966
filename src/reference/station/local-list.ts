/** Block D of the reference station: the local authorization list (SendLocalList, GetLocalListVersion, LocalAuthListCtrlr), kept over reboots and consulted when tokens are authorized. */
import type { AuthorizeResponse, SendLocalListRequest, SendLocalListResponse } from '../../ocpp/generated';
import type { IdToken } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { flagOf } from './meter';

/** IdTokenInfoType: what the list says about a token. */
type IdTokenInfo = AuthorizeResponse['idTokenInfo'];

const keyOf = (token: IdToken): string => `${token.type}:${token.idToken}`;

/**
 * The local authorization list of one station and its version (0: no list installed). It lives as long as the station
 * object, so it survives reboots and network losses as a list in non-volatile memory does (D01.FR.10).
 */
export class LocalAuthList {
  private readonly entries = new Map<string, IdTokenInfo>();
  private version = 0;

  constructor(private readonly station: StationRuntime) {}

  /** LocalAuthListCtrlr.Enabled (D01.FR.13). */
  get enabled(): boolean {
    return flagOf(this.station, 'LocalAuthListCtrlr', 'Enabled');
  }

  /** GetLocalListVersionResponse.versionNumber: the list's version, 0 when none was installed (D02.FR.02) or the list is disabled (D02.FR.03). */
  get versionNumber(): number {
    if (!this.enabled && !this.station.has('localList.versionWhenDisabled')) return 0;
    return this.version;
  }

  /** N09 (issue 16): the entry the list holds for `token`, whether or not the list is in use. */
  peek(token: IdToken): IdTokenInfo | undefined {
    return this.entries.get(keyOf(token));
  }

  /**
   * What the list says about `token` for an authorization decision: undefined when the list is disabled or does not
   * hold the token. The station is online when it is accepted by the CSMS.
   */
  lookup(token: IdToken): IdTokenInfo | undefined {
    if (!this.enabled) return undefined;
    const online = this.station.bootState === 'Accepted';
    if (online && this.station.has('localList.notUsedOnline')) return undefined;
    if (!online && this.station.has('localList.notUsedOffline')) return undefined;
    const info = this.entries.get(keyOf(token));
    if (info && !online && this.station.has('localList.statusIgnoredOffline')) return { ...info, status: 'Accepted' };
    return info;
  }

  /**
   * Whether an idToken the list gives a status other than Accepted is refused without asking the CSMS: only when
   * LocalAuthListCtrlr.DisablePostAuthorize is true; otherwise C14.FR.03 asks for an AuthorizeRequest.
   */
  get skipsPostAuthorize(): boolean {
    if (this.station.has('localList.noPostAuthorize')) return true;
    return flagOf(this.station, 'LocalAuthListCtrlr', 'DisablePostAuthorize') && !this.station.has('localList.disablePostAuthorizeIgnored');
  }

  /**
   * SendLocalListRequest (D01): a full update replaces the list (D01.FR.04, D01.FR.15); a differential one adds or
   * changes entries with idTokenInfo and removes those without (D01.FR.05, D01.FR.16, D01.FR.17) when its version is
   * above the list's (D01.FR.19). Failed when the list is disabled, the version is not positive (D01.FR.18), or the
   * update holds more entries than LocalAuthListCtrlr.ItemsPerMessage (D01.FR.11).
   */
  update(request: SendLocalListRequest): SendLocalListResponse['status'] {
    const { station } = this;
    const list = request.localAuthorizationList ?? [];
    const differential = request.updateType === 'Differential';
    if (!this.enabled || request.versionNumber <= 0) return 'Failed';
    if (differential && station.has('localList.differentialRejected')) return 'Failed';
    if (list.length === 0 && station.has('localList.emptyUpdateRejected')) return 'Failed';
    if (differential && list.some((e) => !e.idTokenInfo) && station.has('localList.removalRejected')) return 'Failed';
    if (list.length > this.itemsPerMessage) return 'Failed';
    if (differential && request.versionNumber <= this.version && !station.has('localList.versionNotChecked')) return 'VersionMismatch';
    const next = new Map(differential ? this.entries : []);
    for (const entry of list) {
      if (entry.idTokenInfo) next.set(keyOf(entry.idToken), entry.idTokenInfo);
      else next.delete(keyOf(entry.idToken));
    }
    this.entries.clear();
    for (const [key, info] of next) this.entries.set(key, info);
    if (!station.has('localList.versionNotUpdated')) this.version = request.versionNumber;
    this.reportSize();
    return 'Accepted';
  }

  /** The localList.notPersistent fault: the list was kept in volatile memory and is gone after a boot. */
  forgetOnBoot(): void {
    if (!this.station.has('localList.notPersistent')) return;
    this.entries.clear();
    this.version = 0;
    this.reportSize();
  }

  /** LocalAuthListCtrlr.ItemsPerMessage; unlimited when the station does not declare it. */
  private get itemsPerMessage(): number {
    const dm = this.station.deviceModel;
    return dm.has('LocalAuthListCtrlr', 'ItemsPerMessage') ? dm.getNumber('LocalAuthListCtrlr', 'ItemsPerMessage') : Infinity;
  }

  /** LocalAuthListCtrlr.Entries: the number of entries (D01.FR.12). */
  private reportSize(): void {
    if (this.station.deviceModel.has('LocalAuthListCtrlr', 'Entries')) this.station.deviceModel.set('LocalAuthListCtrlr', 'Entries', String(this.entries.size));
  }
}

const lists = new WeakMap<StationRuntime, LocalAuthList>();

/** The local authorization list of `station` (one per station, made on first use). */
export function localListOf(station: StationRuntime): LocalAuthList {
  let list = lists.get(station);
  if (!list) {
    list = new LocalAuthList(station);
    lists.set(station, list);
  }
  return list;
}

/** Answers SendLocalListRequest and GetLocalListVersionRequest from the station's list; the authorization feature consults the same list. */
export function localListFeature(station: StationRuntime): StationFeature {
  const list = localListOf(station);
  return {
    handlers: {
      SendLocalList: (call) => ({ status: list.update(call.payload) }),
      GetLocalListVersion: () => ({ versionNumber: list.versionNumber }),
    },
    onAccepted: () => list.forgetOnBoot(),
  };
}
