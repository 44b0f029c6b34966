/** The local authorization list sequences of the CS cases (Block D, local-list C cases): Memory State IdTokenLocalAuthList, SendLocalList and GetLocalListVersion steps, and the clean-up that empties the list again. */
import type { ConfiguredIdToken } from '../../../src/engine/config';
import type { ConfigurationSetting, CsCaseContext } from '../../../src/engine/testcase';
import type { AuthorizationData, AuthorizationStatusEnumType, SendLocalListRequest, SendLocalListResponse } from '../../../src/ocpp/generated';
import { ifImplemented, LOCAL_PRE_AUTHORIZE, setting } from './configuration';

/**
 * Part 6 "LocalAuthListEnabled is true" (LocalAuthListCtrlr.Enabled), without Part 6's mark: "(If implemented)" in the
 * Block D and local-list C cases and in the memory state IdTokenLocalAuthList (errata 2025-09 6.2.121), mandatory in
 * TC_C_33_CS / TC_C_34_CS.
 */
export const LOCAL_LIST_ENABLED: ConfigurationSetting = setting('LocalAuthListCtrlr', 'Enabled', 'true');

/** Part 6 "LocalAuthListEnabled is true (If implemented)" and "LocalPreAuthorize is true (If implemented)": the local-list C cases. */
export const LOCAL_LIST_ON: readonly ConfigurationSetting[] = [ifImplemented(LOCAL_LIST_ENABLED), ifImplemented(LOCAL_PRE_AUTHORIZE)];

/** An entry of a local authorization list: `token` with `status` and, when given, a groupIdToken. */
export function listEntry(token: ConfiguredIdToken, status: AuthorizationStatusEnumType = 'Accepted', group?: ConfiguredIdToken): AuthorizationData {
  return { idToken: { idToken: token.idToken, type: token.type }, idTokenInfo: { status, ...(group ? { groupIdToken: { idToken: group.idToken, type: group.type } } : {}) } };
}

/** A step: the harness sends `request` as SendLocalListRequest and checks that the station answers with `expected`. */
export function localListSent(ctx: CsCaseContext, title: string, request: SendLocalListRequest, expected: SendLocalListResponse['status'] = 'Accepted'): Promise<void> {
  return ctx.step(title, async () => {
    const response = await ctx.csms.call('SendLocalList', request);
    ctx.check.equal('SendLocalListResponse.status', response.status, expected);
  });
}

/** A step: the harness asks for the list version (GetLocalListVersionRequest) and checks it is `expected`. */
export function localListVersionIs(ctx: CsCaseContext, title: string, expected: number): Promise<void> {
  return ctx.step(title, async () => {
    const response = await ctx.csms.call('GetLocalListVersion', {});
    ctx.check.equal('GetLocalListVersionResponse.versionNumber', response.versionNumber, expected);
  });
}

/**
 * Memory State IdTokenLocalAuthList: a full list holding `entries`, numbered <Configured versionNumber> (the version
 * the Block D cases then read back or build on); the station must accept it. Errata 2025-09 6.2.121 enables the list
 * first ("(If implemented)"): every case using this state has LOCAL_LIST_ENABLED in its Before configuration.
 */
export function idTokenLocalAuthList(ctx: CsCaseContext, entries: readonly AuthorizationData[]): Promise<void> {
  const version = ctx.config.configured.localListVersion;
  return ctx.step('Memory State IdTokenLocalAuthList', () =>
    localListSent(ctx, `1-2. harness installs a full local list (versionNumber ${version}, ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}), station accepts it`, {
      updateType: 'Full',
      versionNumber: version,
      localAuthorizationList: [...entries],
    }),
  );
}

/**
 * Not a Part 6 state: after a case that changed the local list, replaces it with an empty full list (<Configured
 * versionNumber>), so idTokens the case listed with a status of its own do not decide later cases. Best effort.
 */
export async function emptyLocalList(ctx: CsCaseContext): Promise<void> {
  try {
    await ctx.step('Afterwards: empty the local authorization list again (clean-up, not part of the Part 6 case)', async () => {
      if (ctx.csms.connection) await ctx.csms.call('SendLocalList', { updateType: 'Full', versionNumber: ctx.config.configured.localListVersion });
    });
  } catch {
    // The clean-up does not change what the case found.
  }
}

/** Runs `body` and empties the local list afterwards, whatever the body's outcome; with `entries`, Memory State IdTokenLocalAuthList installs them first. */
export async function withLocalList<T>(ctx: CsCaseContext, entries: readonly AuthorizationData[] | undefined, body: () => Promise<T>): Promise<T> {
  try {
    if (entries) await idTokenLocalAuthList(ctx, entries);
    return await body();
  } finally {
    await emptyLocalList(ctx);
  }
}
