/** Block C of the reference CSMS: the idTokens it knows (from the run config), its Authorize answers, and clearing a station's cache. */
import { DEFAULT_CONFIG, type ConfiguredIdToken } from '../../engine/config';
import type { IdTokenInfoType, IdTokenType } from '../../ocpp/generated/definitions';
import { callInBackground } from './background-call';
import { contractValidator } from './contract-validation';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** Where an idTokenInfo is going: the answer to an AuthorizeRequest or to a TransactionEventRequest (the faults of each differ). */
export type IdTokenPurpose = 'authorize' | 'transaction';

/** Looks up what the CSMS says about an idToken. */
export type IdTokenDirectory = (idToken: IdTokenType, purpose: IdTokenPurpose) => IdTokenInfoType;

const key = (token: { idToken: string; type: string }): string => `${token.type}\u0000${token.idToken}`;
const asIdToken = (token: ConfiguredIdToken): IdTokenType => ({ idToken: token.idToken, type: token.type });

/**
 * The idToken directory of the reference CSMS, built from `configured.idTokens`: valid and valid2 are Accepted in the
 * configured group, the master pass is Accepted in the master pass group, invalid / blocked / expired carry the status
 * their name says, and every other idToken is Unknown.
 */
export function idTokenDirectory(csms: CsmsRuntime): IdTokenDirectory {
  const tokens = csms.options.idTokens ?? DEFAULT_CONFIG.configured.idTokens;
  const masterPassGroup = asIdToken(csms.options.masterPassGroupId ?? DEFAULT_CONFIG.configured.masterPassGroupId);
  const group = asIdToken(tokens.group);
  const known = new Map<string, IdTokenInfoType>([
    [key(tokens.valid), { status: 'Accepted', groupIdToken: group }],
    [key(tokens.valid2), { status: 'Accepted', groupIdToken: group }],
    [key(tokens.masterPass), { status: 'Accepted', groupIdToken: masterPassGroup }],
    [key(tokens.invalid), { status: 'Invalid' }],
    [key(tokens.blocked), { status: 'Blocked' }],
    [key(tokens.expired), { status: 'Expired' }],
    [key({ idToken: csms.options.emaid ?? DEFAULT_CONFIG.configured.emaid, type: 'eMAID' }), { status: 'Accepted' }],
  ]);
  const acceptedByFault: Partial<Record<IdTokenInfoType['status'], boolean>> = {
    Invalid: csms.has('authorize.acceptsInvalid'),
    Unknown: csms.has('authorize.acceptsInvalid'),
    Blocked: csms.has('authorize.acceptsBlocked'),
    Expired: csms.has('authorize.acceptsExpired'),
  };
  return (idToken, purpose) => {
    const info: IdTokenInfoType = { ...(known.get(key(idToken)) ?? { status: 'Unknown' }) };
    if (purpose === 'authorize' && acceptedByFault[info.status]) info.status = 'Accepted';
    if (purpose === 'transaction' && csms.has('transaction.ignoresIdTokenStatus')) info.status = 'Accepted';
    const isMasterPass = info.groupIdToken?.idToken === masterPassGroup.idToken;
    if (csms.has(isMasterPass ? 'masterPass.noGroupId' : 'idToken.noGroupId')) delete info.groupIdToken;
    return info;
  };
}

/**
 * Authorize answers from the idToken directory, with ISO 15118 contract validation when the request carries contract data
 * (a contract that is not Accepted makes the idToken Invalid, C07.FR.16); the `clearCache` and `trustContractRoot` driver actions.
 */
export function authorizationFeature(csms: CsmsRuntime): CsmsFeature {
  const directory = idTokenDirectory(csms);
  const contracts = contractValidator(csms);
  return {
    handlers: {
      Authorize: async (call) => {
        const idTokenInfo = directory(call.payload.idToken, 'authorize');
        const certificateStatus = await contracts.status(call.payload);
        if (certificateStatus === undefined) return { idTokenInfo };
        return { certificateStatus, idTokenInfo: certificateStatus === 'Accepted' ? idTokenInfo : { ...idTokenInfo, status: 'Invalid' } };
      },
    },
    perform(action) {
      if (action.kind === 'trustContractRoot') {
        contracts.trust(action.certificatePem);
        return true;
      }
      if (action.kind !== 'clearCache') return false;
      if (!csms.has('clearCache.notSent')) callInBackground(csms, action.stationId, 'ClearCache', {});
      return true;
    },
  };
}
