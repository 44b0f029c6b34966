/** Block C of the reference station: the authorization cache (C10, C11, C12), kept apart from the rest of authorization so its rules and faults live in one place. */
import type { AuthorizeResponse } from '../../ocpp/generated';
import type { IdToken } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { flagOf } from './meter';

/** IdTokenInfoType as the cache keeps it. */
type IdTokenInfo = AuthorizeResponse['idTokenInfo'];

/** Which CSMS answer an idTokenInfo came in: AuthorizeResponse (C10.FR.04) or TransactionEventResponse (C10.FR.05). */
export type CacheSource = 'Authorize' | 'TransactionEvent';

/** One cache entry: what the CSMS last said about a token, and when the entry was last stored or used. */
interface CacheEntry {
  readonly info: IdTokenInfo;
  lastUsed: number;
}

const keyOf = (token: IdToken): string => `${token.type}:${token.idToken}`;

/**
 * The station's authorization cache: the latest idTokenInfo of every token the CSMS answered about, whatever its status
 * (C10.FR.01), updated from AuthorizeResponse and TransactionEventResponse, used only while AuthCacheCtrlr.Enabled is
 * true (C10.FR.11), expiring AuthCacheCtrlr.LifeTime seconds after its last use or at cacheExpiryDateTime (C10.FR.08,
 * C10.FR.10, C10.FR.13), and kept across reboots (C10.FR.02: the object outlives the station's connections).
 */
export class AuthCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly station: StationRuntime) {}

  /** AuthCacheCtrlr.Enabled (a station without the variable has no cache). */
  get enabled(): boolean {
    return flagOf(this.station, 'AuthCacheCtrlr', 'Enabled');
  }

  /** Stores what the CSMS said about `token`, when the cache is enabled. */
  store(token: IdToken, info: IdTokenInfo, source: CacheSource): void {
    if (!this.enabled) return;
    if (source === 'Authorize' && this.station.has('authCache.notUpdatedOnAuthorize')) return;
    if (source === 'TransactionEvent' && this.station.has('authCache.notUpdatedOnTransactionEvent')) return;
    this.entries.set(keyOf(token), { info, lastUsed: Date.now() });
  }

  /** The cached idTokenInfo of `token` while the cache is enabled and the entry has not expired; a hit counts as a use. */
  lookup(token: IdToken): IdTokenInfo | undefined {
    if (!this.enabled) return undefined;
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.expired(entry)) {
      this.entries.delete(key);
      return undefined;
    }
    entry.lastUsed = Date.now();
    return entry.info;
  }

  /** N09 / N10 (issue 16): the entry kept for `token`, whether or not the cache is in use, without counting as a use. */
  peek(token: IdToken): IdTokenInfo | undefined {
    return this.entries.get(keyOf(token))?.info;
  }

  /** N10 (issue 16): removes the entry of one customer's token; true when there was one. */
  remove(token: IdToken): boolean {
    return this.entries.delete(keyOf(token));
  }

  /** ClearCacheRequest (C11): Rejected while the cache is disabled (C11.FR.04), else every entry goes (C11.FR.03). */
  clear(): 'Accepted' | 'Rejected' {
    if (!this.enabled && !this.station.has('authCache.clearAlwaysAccepted')) return 'Rejected';
    if (!this.station.has('authCache.notCleared')) this.entries.clear();
    return 'Accepted';
  }

  /** Drops every entry at once (only the authCache.notPersistent fault does this, at boot). */
  forget(): void {
    this.entries.clear();
  }

  private expired(entry: CacheEntry): boolean {
    if (this.station.has('authCache.lifeTimeIgnored')) return false;
    const { cacheExpiryDateTime } = entry.info;
    if (cacheExpiryDateTime !== undefined) return Date.parse(cacheExpiryDateTime) <= Date.now();
    const dm = this.station.deviceModel;
    if (!dm.has('AuthCacheCtrlr', 'LifeTime')) return false;
    return Date.now() - entry.lastUsed > dm.getNumber('AuthCacheCtrlr', 'LifeTime') * 1000;
  }
}

const caches = new WeakMap<StationRuntime, AuthCache>();

/** The authorization cache of `station` (one per station, made on first use). */
export function authCacheOf(station: StationRuntime): AuthCache {
  let cache = caches.get(station);
  if (!cache) {
    cache = new AuthCache(station);
    caches.set(station, cache);
  }
  return cache;
}

/** The cache feature: answers ClearCacheRequest; the cache itself is filled and read by the authorization feature. */
export function authCacheFeature(station: StationRuntime): StationFeature {
  const cache = authCacheOf(station);
  return {
    handlers: { ClearCache: () => ({ status: cache.clear() }) },
    onAccepted: () => {
      if (station.has('authCache.notPersistent')) cache.forget();
    },
  };
}
