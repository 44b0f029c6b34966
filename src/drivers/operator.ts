/** What every operator-prompt driver shares (terminal, browser): the possible answers, the prompt record, and the verdict of an answer. */
import type { PromptRecord } from '../engine/results';
import { inconclusive } from '../engine/verdict';

/** What an operator can answer. */
export type OperatorAnswer = 'done' | 'cannot';

/** How an operator prompt ended: an answer and who gave it, or none and why. */
export type PromptOutcome = { readonly answer: OperatorAnswer; readonly answeredBy: string } | { readonly answer: 'timeout'; readonly why: string };

/** The record of an operator prompt (who answered, when it opened, how long it waited); any operator driver can use it. */
export function promptRecord(instruction: string, startedMs: number, outcome: PromptOutcome): PromptRecord {
  return {
    at: new Date(startedMs).toISOString(),
    instruction,
    answer: outcome.answer,
    answeredBy: outcome.answer === 'timeout' ? 'nobody' : outcome.answeredBy,
    waitedMs: Date.now() - startedMs,
  };
}

/** Ends the case inconclusive (OCPPCT_OPERATOR) unless the operator did the action; any operator driver can use it. */
export function requireDone(outcome: PromptOutcome, instruction: string): void {
  if (outcome.answer === 'timeout') throw inconclusive('OCPPCT_OPERATOR', `${outcome.why}: ${instruction}`);
  if (outcome.answer === 'cannot') throw inconclusive('OCPPCT_OPERATOR', `the operator could not perform: ${instruction}`);
}
