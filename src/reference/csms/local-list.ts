/** Block D of the reference CSMS: it keeps a local authorization list version per station and sends lists when the operator asks. */
import type { LocalListKind } from '../../drivers/csms-actions';
import { DEFAULT_CONFIG } from '../../engine/config';
import type { AuthorizationData } from '../../ocpp/generated/definitions';
import type { OcppRequests } from '../../ocpp/generated';
import { idTokenDirectory } from './authorization';
import { callInBackground } from './background-call';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** The `getLocalListVersion` and `sendLocalList` driver actions: GetLocalListVersionRequest and SendLocalListRequest. */
export function localListFeature(csms: CsmsRuntime): CsmsFeature {
  const directory = idTokenDirectory(csms);
  const tokens = csms.options.idTokens ?? DEFAULT_CONFIG.configured.idTokens;
  /** The newest version each station is known to have (sent by this CSMS or reported by the station). */
  const versions = new Map<string, number>();
  const known = (stationId: string): number => versions.get(stationId) ?? 0;
  const entry = (token: { idToken: string; type: AuthorizationData['idToken']['type'] }, withInfo: boolean): AuthorizationData => {
    const idToken = { idToken: token.idToken, type: token.type };
    return withInfo ? { idToken, idTokenInfo: directory(idToken, 'transaction') } : { idToken };
  };
  const send = (stationId: string, request: OcppRequests['SendLocalList']): void => {
    callInBackground(csms, stationId, 'SendLocalList', request, (response) => {
      if (response.status === 'Accepted') versions.set(stationId, request.versionNumber);
    });
  };
  /** Asks the station for its version (unless the fault forbids it), then does `next` with the newest version known. */
  const withStationVersion = (stationId: string, next: (version: number) => void): void => {
    if (csms.has('localList.versionNotRequested')) return next(known(stationId));
    callInBackground(csms, stationId, 'GetLocalListVersion', {}, (response) => {
      versions.set(stationId, Math.max(known(stationId), response.versionNumber));
      next(known(stationId));
    });
  };
  const lists: Readonly<Record<LocalListKind, (stationId: string) => void>> = {
    full: (stationId) =>
      send(stationId, {
        updateType: 'Full',
        versionNumber: csms.has('localList.zeroVersion') ? 0 : known(stationId) + 1,
        localAuthorizationList: [tokens.valid, tokens.valid2, tokens.blocked].map((t) => entry(t, !csms.has('localList.entriesWithoutIdTokenInfo'))),
      }),
    emptyFull: (stationId) => send(stationId, { updateType: csms.has('localList.clearAsDifferential') ? 'Differential' : 'Full', versionNumber: known(stationId) + 1 }),
    differentialUpdate: (stationId) =>
      withStationVersion(stationId, (version) =>
        send(stationId, { updateType: 'Differential', versionNumber: differentialVersion(version), localAuthorizationList: [entry(tokens.valid2, true)] }),
      ),
    differentialRemove: (stationId) =>
      withStationVersion(stationId, (version) =>
        send(stationId, {
          updateType: 'Differential',
          versionNumber: differentialVersion(version),
          localAuthorizationList: [entry(tokens.blocked, csms.has('localList.removalKeepsIdTokenInfo'))],
        }),
      ),
  };
  const differentialVersion = (version: number): number => (csms.has('localList.staleVersion') ? Math.max(version, 1) : version + 1);
  return {
    perform(action) {
      if (action.kind === 'getLocalListVersion') {
        if (!csms.has('localList.versionNotRequested')) withStationVersion(action.stationId, () => undefined);
        return true;
      }
      if (action.kind !== 'sendLocalList') return false;
      lists[action.list](action.stationId);
      return true;
    },
  };
}
