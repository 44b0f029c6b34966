/** `defineTestCase`: the shape of one Part 6 case — facts about it, the faults it must catch, and one `run`. */
import type { CsmsActor } from '../actors/csms-actor';
import type { StationActor } from '../actors/station-actor';
import type { DriverAction } from '../drivers/actions';
import type { Check } from './check';
import type { RunConfig } from './config';
import type { CaseInfo, SutRole } from './results';

/** A device-model setting of the Before (configuration state) of a CS case, applied with SetVariables and restored after. */
export interface ConfigurationSetting {
  readonly component: { readonly name: string; readonly instance?: string; readonly evse?: { readonly id: number; readonly connectorId?: number } };
  readonly variable: { readonly name: string; readonly instance?: string };
  /** The value, or how to get it from the run config (for `<Configured …>` values). */
  readonly value: string | ((config: RunConfig) => string);
  /**
   * Part 6 "(If implemented)": when the station reports it does not have the variable (GetVariables answers
   * UnknownComponent, UnknownVariable or NotSupportedAttributeType) the setting is left out, and the case says so; a
   * station that has it must accept it like any other setting, unless it already holds the value (then nothing is sent:
   * Part 6 "If implemented AND ReadWrite").
   */
  readonly ifImplemented?: boolean;
}

/** What every case body gets. */
export interface CaseContextBase {
  /** Runs a numbered step; steps nest, and reusable states are steps too. */
  step<T>(title: string, body: () => Promise<T> | T): Promise<T>;
  /** Part 6 tool validations. */
  readonly check: Check;
  readonly config: RunConfig;
  /** Asks the SUT side for an action OCPP cannot cause (reboot, plug in, …). */
  perform(action: DriverAction): Promise<void>;
  /**
   * Registers clean-up that undoes what the case changed (a refusal it queued, a setting, a connection it moved); it
   * runs when the case ends, however it ends, newest first. A clean-up that fails is a warning of the case, never its
   * verdict.
   */
  defer(title: string, cleanup: () => Promise<unknown> | unknown): void;
  /** Records a problem of the harness's own clean-up: the reports show it; it never changes the verdict. */
  warn(message: string): void;
}

/** The context of a Charging Station case: the harness plays the CSMS. */
export interface CsCaseContext extends CaseContextBase {
  readonly csms: CsmsActor;
}

/** The context of a CSMS case: the harness plays a Charging Station. */
export interface CsmsCaseContext extends CaseContextBase {
  readonly station: StationActor;
}

/** The context a case of side `S` gets. */
export type CaseContext<S extends SutRole> = S extends 'CS' ? CsCaseContext : CsmsCaseContext;

/** What a case file declares. */
export interface TestCaseDefinition<S extends SutRole> {
  readonly id: string;
  /** The Part 6 name (an identifier). */
  readonly name: string;
  readonly sut: S;
  readonly useCases: readonly string[];
  readonly requirements: readonly string[];
  /** Names of reference-SUT faults this case must catch (see src/reference/faults.ts); the self-test requires FAIL against each. */
  readonly detects: readonly string[];
  /** How an ambiguity of Part 6 was read, with the errata that decided it. */
  readonly notes?: string;
  /**
   * What must hold before the case starts: `accepted` (default) makes sure the station is connected and accepted first;
   * `none` is for cases that restart the station themselves as their first step.
   */
  readonly precondition?: 'accepted' | 'none';
  /** The Before configuration state (CS cases only). */
  readonly configuration?: readonly ConfigurationSetting[];
  /** Returns why the case does not apply to this configuration, or undefined when it does. */
  readonly applicable?: (config: RunConfig) => string | undefined;
  run(context: CaseContext<S>): Promise<void>;
}

/** A case ready to run. */
export interface TestCase<S extends SutRole = SutRole> extends TestCaseDefinition<S> {
  readonly info: CaseInfo;
}

const CASE_ID = /^TC_([A-P])_(\d{2,3})_(CS|CSMS)$/;

/** Declares one Part 6 test case; checks that its id matches its side. */
export function defineTestCase<S extends SutRole>(definition: TestCaseDefinition<S>): TestCase<S> {
  const match = CASE_ID.exec(definition.id);
  if (!match) throw new Error(`test case id ${definition.id} is not of the form TC_<block>_<nn>_CS|CSMS`);
  if (match[3] !== definition.sut) throw new Error(`${definition.id}: sut is ${definition.sut} but the id says ${match[3]}`);
  const info: CaseInfo = {
    id: definition.id,
    name: definition.name,
    sut: definition.sut,
    block: match[1],
    useCases: definition.useCases,
    requirements: definition.requirements,
    detects: definition.detects,
    notes: definition.notes,
  };
  return { ...definition, info };
}
