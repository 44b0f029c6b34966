/** Block B states of the NetworkConnectionProfile migration cases (B09/B10): steps 1-6 towards the other harness endpoint, where the station connects next, and putting the station back afterwards. */
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { EndpointWatch, UpgradeAttempt } from '../../../src/transport/endpoints';
import type { OcppServer, Refusal } from '../../../src/transport/server';
import type { SecurityProfile } from '../../../src/transport/security';
import { configurationSlots, endpointsOf, setNetworkPriority, setNetworkProfile } from './security';

/** What a migration case works with once steps 1-6 are done. */
export interface Migration {
  /** The slot in use before the case (ActiveNetworkProfile) and the one step 1 filled. */
  readonly active: number;
  readonly other: number;
  /** The endpoint the station was connected to, and the other one step 1 points it at. */
  readonly from: OcppServer;
  readonly to: OcppServer;
  readonly profile: SecurityProfile;
  /** Endpoint events from just before the ResetRequest of step 5. */
  readonly watch: EndpointWatch;
}

/** What a migration case may prepare before steps 1-6, and what it must put back afterwards. */
export interface MigrationOptions {
  /** Before step 1: e.g. serve another server certificate on the target endpoint; returns what undoes it. */
  readonly prepare?: (target: OcppServer) => Promise<() => Promise<void>>;
}

/** The HTTP answer with which the harness turns down a connection attempt it must not accept. */
export const NOT_ACCEPTED: Refusal = { status: 503, reason: 'the harness does not accept this connection attempt (B10 fallback)' };

/**
 * Makes `server` turn down the next `count` upgrade attempts (HTTP 503) until the returned function takes back the ones
 * not used yet.
 */
export function refuseAll(server: OcppServer, count = 100): () => void {
  const refusals = Array.from({ length: count }, () => ({ ...NOT_ACCEPTED }));
  server.refuseNext(...refusals);
  return () => refusals.forEach((refusal) => server.withdrawRefusal(refusal));
}

/**
 * The harness endpoint of the station's profile it is not connected to: the alternative one while the station uses the
 * usual one, else the usual one (errata 2025-04: the harness switches between two endpoints).
 */
export async function otherEndpoint(ctx: CsCaseContext): Promise<{ from: OcppServer; to: OcppServer }> {
  const endpoints = endpointsOf(ctx);
  const usual = await endpoints.endpoint(endpoints.profile);
  const alternative = await endpoints.alternative(endpoints.profile);
  return endpoints.connectedUrl === alternative.baseUrl ? { from: alternative, to: usual } : { from: usual, to: alternative };
}

/** The next upgrade attempt (within `timeoutMs`) with the endpoint it came to, for the step that checks it. */
export async function nextAttempt(ctx: CsCaseContext, watch: EndpointWatch, timeoutMs: number): Promise<UpgradeAttempt> {
  const attempt = await watch.nextAttempt(timeoutMs);
  ctx.check.that('connection attempt of the station', attempt !== undefined, 'an upgrade request to a harness endpoint', attempt ? attempt.url : `none within ${timeoutMs} ms`);
  return attempt as UpgradeAttempt;
}

/** Checks that `attempt` came to `expected` (named for the evidence). */
export function checkEndpoint(ctx: CsCaseContext, label: string, attempt: UpgradeAttempt | undefined, expected: OcppServer, name: string): void {
  ctx.check.that(label, attempt?.url === expected.baseUrl, `${name} ${expected.baseUrl}`, attempt ? attempt.url : 'no attempt');
}

/**
 * Steps 1-6 of TC_B_45/46/47/49/50_CS (errata 2025-04 and 2025-06): the profile of the other harness endpoint goes into
 * the slot not in use, NetworkConfigurationPriority becomes "that slot, the active slot", and a ResetRequest OnIdle is
 * always sent. `body` then follows the station. Afterwards the refusals are withdrawn, NetworkConfigurationPriority gets
 * its value back and, when the station ended on the other endpoint, a reset brings it back to where it was.
 */
export async function withMigration(ctx: CsCaseContext, options: MigrationOptions, body: (migration: Migration) => Promise<void>): Promise<void> {
  const { step, csms, check } = ctx;
  const endpoints = endpointsOf(ctx);
  const profile = endpoints.profile;
  const { from, to } = await otherEndpoint(ctx);
  const priority = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' } };
  const before = await step('Before: read NetworkConfigurationPriority (restored afterwards)', () => csms.call('GetVariables', { getVariableData: [priority] }));
  const previous = before.getVariableResult[0]?.attributeValue;
  const undo = options.prepare ? await options.prepare(to) : async () => undefined;
  const watch = endpoints.watch();
  let failed = false;
  try {
    const { active, other } = await step('Before: read ActiveNetworkProfile (the slot in use)', () => configurationSlots(ctx));
    await setNetworkProfile(ctx, `1-2. harness sends SetNetworkProfileRequest (slot ${other}, the other harness endpoint ${to.baseUrl}), station answers`, other, profile, ['Accepted'], to.baseUrl);
    await setNetworkPriority(ctx, `3-4. harness sends SetVariablesRequest NetworkConfigurationPriority "${other},${active}", station answers`, `${other},${active}`, ['Accepted', 'RebootRequired']);
    await step('5-6. harness sends ResetRequest (OnIdle), station answers', async () => {
      const reset = await csms.call('Reset', { type: 'OnIdle' });
      check.equal('ResetResponse.status', reset.status, 'Accepted');
    });
    await body({ active, other, from, to, profile, watch });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    watch.stop();
    await restoreMigration(ctx, from, previous, undo).catch((error: unknown) => {
      if (!failed) throw error; // the case's own failure is the reason to report, not the clean-up after it
    });
  }
}

/** Puts the station back on `from` with NetworkConfigurationPriority `previous`, after `undo` took back what the case prepared. */
async function restoreMigration(ctx: CsCaseContext, from: OcppServer, previous: string | undefined, undo: () => Promise<void>): Promise<void> {
  const { step, csms } = ctx;
  const endpoints = endpointsOf(ctx);
  await undo();
  await step('Afterwards: the station is connected again and NetworkConfigurationPriority has its value back', async () => {
    await csms.ensureAccepted();
    if (previous !== undefined) await csms.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: previous }] });
  });
  if (endpoints.connectedUrl === from.baseUrl) return;
  await step(`Afterwards: a reset brings the station back to ${from.baseUrl}`, async () => {
    const connected = csms.nextConnection();
    connected.catch(() => undefined); // awaited below; a reset that fails must not leave it unhandled
    await csms.call('Reset', { type: 'Immediate' });
    await connected;
    await csms.ensureAccepted();
  });
}
