/** A case that relies on what the run config declares about an optional feature of the SUT fails with a reason that names the flag, so a lab whose config claims too much (or too little) sees at once what to change. */
import type { RunConfig } from './config';
import { VerdictError } from './verdict';

/** The `configured` fields that declare optional features of the SUT (all off until the run config declares them). */
export type FeatureFlag = 'masterPassUi' | 'resetPerEvse' | 'summaryInventory' | 'iso15118Pnc' | 'centralContractValidation' | 'parkingBaySensor' | 'smartCharging' | 'unsupportedComponentCriteria';

/**
 * The advice a failure gets when it may come from the declaration `flag` rather than from the SUT: for a feature
 * declared present, how to declare it absent; for one declared absent, how to declare it present.
 */
export function featureAdvice(config: RunConfig, flag: FeatureFlag): string {
  if (flag === 'unsupportedComponentCriteria') {
    const listed = config.configured.unsupportedComponentCriteria;
    return listed.length === 0
      ? '(if the station does not support every componentCriteria, list the unsupported ones in configured.unsupportedComponentCriteria)'
      : `(if the station supports ${listed[0]}, remove it from configured.unsupportedComponentCriteria)`;
  }
  return config.configured[flag] ? `(if the station has no such feature, set configured.${flag} to false)` : `(if the station has this feature, set configured.${flag} to true)`;
}

/** `error` with the advice of `flag` appended to its reason when it is a failure of the SUT; anything else unchanged. */
export function withFeatureAdvice(error: unknown, config: RunConfig, flag: FeatureFlag): unknown {
  if (!(error instanceof VerdictError) || error.verdict !== 'failed') return error;
  const advice = featureAdvice(config, flag);
  if (error.message.endsWith(advice)) return error;
  const advised = new VerdictError('failed', error.code, `${error.message} ${advice}`);
  advised.stack = error.stack;
  return advised;
}

/**
 * Runs `body`, a part of a case that relies on what `flag` declares (the feature present, or absent); when the SUT
 * fails it, the reason ends with the advice of {@link featureAdvice}.
 */
export async function relyingOn<T>(config: RunConfig, flag: FeatureFlag, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw withFeatureAdvice(error, config, flag);
  }
}

/** A case's `run` that relies as a whole on what `flag` declares: `run: relyingOnFeature('resetPerEvse', async (ctx) => …)`. */
export function relyingOnFeature<C extends { readonly config: RunConfig }>(flag: FeatureFlag, run: (ctx: C) => Promise<void>): (ctx: C) => Promise<void> {
  return (ctx) => relyingOn(ctx.config, flag, () => run(ctx));
}
