// The reference Charging Station's device model: its component-variables, and the GetVariables, SetVariables, GetBaseReport and GetReport answers Part 2 B05-B08 require.
import { standardDefinitions, type StationLayout, type VariableDefinition } from './device-model-data';
import type {
  AttributeType,
  ComponentType,
  GetVariableData,
  GetVariableResult,
  NonEmpty,
  ReportBase,
  ReportData,
  SetVariableData,
  SetVariableResult,
  StatusInfo,
  VariableAttribute,
  VariableType,
} from './device-model-types';
import { checkValue, listMembers } from './device-model-values';
import type { GetReportRequest } from '../../ocpp/generated';

export type * from './device-model-types';
export type { InitialAttribute, StationLayout, VariableDefinition } from './device-model-data';

/** A component given by its name alone (a top-level component without instance) or in full. */
export type ComponentRef = string | ComponentType;

/** A variable given by its name alone (no instance) or in full. */
export type VariableRef = string | VariableType;

/** A value that changed, whether the CSMS (SetVariables) or the station itself (`set`) changed it. */
export interface VariableChange {
  readonly component: ComponentType;
  readonly variable: VariableType;
  readonly attributeType: AttributeType;
  readonly value: string;
  /** The value before the change; undefined when it was not set. */
  readonly previous: string | undefined;
}

/** Told about every change of a value; runs synchronously, after the change is stored. */
export type ChangeListener = (change: VariableChange) => void;

/**
 * A station-side condition a SetVariables value must meet besides the variable's characteristics (e.g. B10.FR.02:
 * every slot in NetworkConfigurationPriority holds a valid profile). Returns why the value is refused, or undefined.
 */
export type SetGuard = (value: string, attributeType: AttributeType) => StatusInfo | undefined;

/** Settings of one device model instance. */
export interface DeviceModelOptions {
  /** The station clock, read for ClockCtrlr.DateTime; the system clock when absent. */
  readonly now?: () => Date;
}

/** The answers to a list of requests: one per request, in order, keeping a non-empty tuple non-empty. */
type AnswersTo<Requests extends readonly unknown[], Answer> = { -readonly [K in keyof Requests]: Answer };

/** Names reported by SummaryInventory when their Actual value is "true" (B07.FR.09: abnormal conditions). */
const PROBLEM_VARIABLES: ReadonlySet<string> = new Set(['problem', 'tripped', 'overload', 'fallback']);

/** One component-variable and the current values of its supported attribute types. */
interface Slot {
  readonly definition: VariableDefinition;
  readonly values: Map<AttributeType, string | undefined>;
}

type Lookup = { readonly status: 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' } | { readonly status: 'Found'; readonly slot: Slot };

const toComponent = (ref: ComponentRef): ComponentType => (typeof ref === 'string' ? { name: ref } : ref);
const toVariable = (ref: VariableRef): VariableType => (typeof ref === 'string' ? { name: ref } : ref);

/**
 * Lookup key of a component. Names and instances compare case-insensitively (Part 2, ComponentType/VariableType);
 * an empty instance counts as no instance (B06.FR.15).
 */
const componentKey = ({ name, instance, evse }: ComponentType): string =>
  JSON.stringify([name.toLowerCase(), instance?.toLowerCase() || null, evse?.id ?? null, evse?.connectorId ?? null]);

const slotKey = (component: ComponentType, { name, instance }: VariableType): string =>
  `${componentKey(component)}/${JSON.stringify([name.toLowerCase(), instance?.toLowerCase() || null])}`;

const KEY_PATTERN = /^([^.()[\]]+)(?:\(([^)]+)\))?(?:\[(\d+)(?:,(\d+))?\])?\.([^.[\]]+)(?:\[(.+)\])?$/;

/**
 * The text form of a component-variable used for overrides and messages: `Component.Variable`, with `(instance)`
 * after a component instance, `[evse]` or `[evse,connector]` after the component and `[instance]` after a variable
 * instance. Examples: `OCPPCommCtrlr.HeartbeatInterval`, `OCPPCommCtrlr.MessageTimeout[Default]`,
 * `EVSE[1].AvailabilityState`, `Connector[1,2].ConnectorType`.
 */
export function formatVariableKey(component: ComponentType, variable: VariableType): string {
  const { evse } = component;
  const place = evse ? `[${[evse.id, evse.connectorId].filter((id) => id !== undefined).join(',')}]` : '';
  const componentInstance = component.instance ? `(${component.instance})` : '';
  const variableInstance = variable.instance ? `[${variable.instance}]` : '';
  return `${component.name}${componentInstance}${place}.${variable.name}${variableInstance}`;
}

/**
 * Reads the text form written by {@link formatVariableKey}.
 * @throws Error when the text is not of that form.
 */
export function parseVariableKey(key: string): { component: ComponentType; variable: VariableType } {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw new Error(`"${key}" is not a component-variable key such as "EVSE[1].AvailabilityState"`);
  const [, name, componentInstance, evseId, connectorId, variableName, variableInstance] = match;
  const evse = evseId === undefined ? undefined : { id: Number(evseId), ...(connectorId === undefined ? {} : { connectorId: Number(connectorId) }) };
  return {
    component: { name, ...(componentInstance === undefined ? {} : { instance: componentInstance }), ...(evse ? { evse } : {}) },
    variable: { name: variableName, ...(variableInstance === undefined ? {} : { instance: variableInstance }) },
  };
}

/** ComponentCriterionEnumType: Active, Available, Enabled, Problem. */
export type ComponentCriterion = NonNullable<GetReportRequest['componentCriteria']>[number];

/** One element of GetReportRequest.componentVariable. */
export type ComponentVariable = NonNullable<GetReportRequest['componentVariable']>[number];

/** Ways of matching componentVariable wrongly, for the reference station's faults; all false in a conformant station. */
export interface ReportQuirks {
  /** A variable instance in the request is not looked at (every instance matches). */
  readonly instanceIgnored?: boolean;
  /** A request without variable instance matches only variables without instance. */
  readonly instanceRequired?: boolean;
  /** component.evse in the request is not looked at (every EVSE matches). */
  readonly evseIgnored?: boolean;
  /** A request without component.evse matches only components without evse. */
  readonly evseRequired?: boolean;
}

const sameText = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** B08.FR.20-25: what the request leaves out (variable, variable instance, component instance, evse, connector) matches anything. */
function matches({ component, variable }: VariableDefinition, wanted: ComponentVariable, quirks: ReportQuirks): boolean {
  if (!sameText(component.name, wanted.component.name)) return false;
  if (wanted.component.instance !== undefined && !sameText(component.instance, wanted.component.instance)) return false;
  const evse = wanted.component.evse;
  if (evse === undefined ? quirks.evseRequired && component.evse !== undefined : !quirks.evseIgnored && (component.evse?.id !== evse.id || (evse.connectorId !== undefined && component.evse.connectorId !== evse.connectorId))) return false;
  if (!wanted.variable) return true;
  if (!sameText(variable.name, wanted.variable.name)) return false;
  if (wanted.variable.instance === undefined) return !(quirks.instanceRequired && variable.instance !== undefined);
  return quirks.instanceIgnored === true || sameText(variable.instance, wanted.variable.instance);
}

/** B05.FR.09: a ReadOnly variable cannot be set by the CSMS. */
const readOnlyRejection = ({ mutability }: VariableDefinition): StatusInfo | undefined =>
  mutability === 'ReadOnly' ? { reasonCode: 'ReadOnly' } : undefined;

/**
 * The device model of one reference Charging Station. Every instance owns its values, listeners and guards, so many
 * stations can live in one process.
 */
export class DeviceModel {
  private readonly slots = new Map<string, Slot>();
  private readonly components = new Set<string>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly guards = new Map<Slot, SetGuard[]>();
  private readonly now: () => Date;

  /**
   * @param definitions the component-variables, in report order (see `standardDefinitions`).
   * @throws Error when a component-variable is defined twice, or its attributes are not 1 to 4 distinct types starting with Actual.
   */
  constructor(definitions: readonly VariableDefinition[], options: DeviceModelOptions = {}) {
    this.now = options.now ?? (() => new Date());
    for (const definition of definitions) this.add(definition);
  }

  /** B06: one result per GetVariableData, in the same order (B06.FR.01). */
  getVariables<Requests extends readonly GetVariableData[]>(requests: Requests): AnswersTo<Requests, GetVariableResult> {
    return requests.map((request) => this.getOne(request)) as AnswersTo<Requests, GetVariableResult>;
  }

  /**
   * B05: one result per SetVariableData, in the same order (B05.FR.01). Accepted values are stored at once; listeners
   * hear about the changes after the whole request has been handled.
   */
  setVariables<Requests extends readonly SetVariableData[]>(requests: Requests): AnswersTo<Requests, SetVariableResult> {
    const changes: VariableChange[] = [];
    const results = requests.map((request) => this.setOne(request, changes));
    changes.forEach((change) => this.emit(change));
    return results as AnswersTo<Requests, SetVariableResult>;
  }

  /**
   * The reportData of a GetBaseReport (B07), before paging:
   * - FullInventory: every component-variable (B07.FR.08);
   * - ConfigurationInventory: every variable the CSMS can set, i.e. ReadWrite and WriteOnly ones (B07.FR.07);
   * - SummaryInventory (B07.FR.09, as read here): AvailabilityState of the ChargingStation and of every EVSE, of a
   *   Connector only when it differs from its EVSE's, plus every Problem, Tripped, Overload or Fallback variable whose
   *   Actual value is "true".
   * Every supported attribute type is listed, an unset one with value "" (B07.FR.11); WriteOnly values are left out (B07.FR.03).
   */
  report(reportBase: ReportBase): ReportData[] {
    return [...this.slots.values()].filter((slot) => this.belongsTo(reportBase, slot)).map((slot) => this.reportData(slot));
  }

  /**
   * The reportData of a GetReport (B08), before paging. Without componentCriteria and componentVariable: every
   * component-variable. Criteria alone (as Part 6 TC_B_16_CS reads B08.FR.07-10): the variables named after a criterion
   * (Active, Available, Enabled, Problem) whose Actual value is "true". With componentVariable: the component-variables
   * it names (B08.FR.11, B08.FR.20-25: a missing variable, variable instance, evse or connector matches every one),
   * kept only for components that meet at least one criterion when criteria are given (B08.FR.05, B08.FR.13).
   * An empty result is the caller's EmptyResultSet (B08.FR.15).
   */
  customReport(criteria: readonly ComponentCriterion[] = [], componentVariables: readonly ComponentVariable[] = [], quirks: ReportQuirks = {}): ReportData[] {
    const slots = [...this.slots.values()];
    if (componentVariables.length === 0) {
      const named = criteria.length === 0 ? slots : slots.filter((slot) => criteria.some((c) => c.toLowerCase() === slot.definition.variable.name.toLowerCase()) && this.read(slot, 'Actual') === 'true');
      return named.map((slot) => this.reportData(slot));
    }
    return slots
      .filter((slot) => componentVariables.some((wanted) => matches(slot.definition, wanted, quirks)))
      .filter((slot) => criteria.length === 0 || criteria.some((criterion) => this.meets(slot.definition.component, criterion)))
      .map((slot) => this.reportData(slot));
  }

  /**
   * Splits report data into the reportData of successive NotifyReportRequests, at most `itemsPerMessage` each. The
   * station sends them with seqNo 0, 1, ... (B07.FR.10) and tbc true on all but the last. No data gives no pages.
   * @throws RangeError when itemsPerMessage is not a positive integer.
   */
  pageReport(data: readonly ReportData[], itemsPerMessage: number): NonEmpty<ReportData>[] {
    if (!Number.isInteger(itemsPerMessage) || itemsPerMessage < 1) throw new RangeError(`itemsPerMessage must be a positive integer, not ${itemsPerMessage}`);
    const pages: NonEmpty<ReportData>[] = [];
    for (let start = 0; start < data.length; start += itemsPerMessage) pages.push(data.slice(start, start + itemsPerMessage) as NonEmpty<ReportData>);
    return pages;
  }

  /** Whether the station has this component-variable. */
  has(component: ComponentRef, variable: VariableRef): boolean {
    return this.slots.has(slotKey(toComponent(component), toVariable(variable)));
  }

  /**
   * The station's own read: any mutability, WriteOnly included. Undefined when the attribute is not set.
   * @throws Error when the component-variable or the attribute type does not exist.
   */
  get(component: ComponentRef, variable: VariableRef, attributeType: AttributeType = 'Actual'): string | undefined {
    return this.read(this.require(component, variable, attributeType), attributeType);
  }

  /**
   * The station's own write: any mutability, no guards, but the value must fit the characteristics. Listeners hear
   * about a change at once.
   * @throws Error when the component-variable or attribute type does not exist, or the value does not fit.
   */
  set(component: ComponentRef, variable: VariableRef, value: string, attributeType: AttributeType = 'Actual'): void {
    const slot = this.require(component, variable, attributeType);
    const problem = checkValue(slot.definition.characteristics, value);
    if (problem) throw new Error(`${this.describe(slot)} cannot be "${value}": ${problem.additionalInfo ?? problem.reasonCode}`);
    const change = this.write(slot, attributeType, value);
    if (change) this.emit(change);
  }

  /** The Actual value as text; "" when unset. @throws Error like {@link get}. */
  getString(component: ComponentRef, variable: VariableRef): string {
    return this.get(component, variable) ?? '';
  }

  /** The Actual value as a number. @throws Error like {@link get}, or when the value is unset or not a number. */
  getNumber(component: ComponentRef, variable: VariableRef): number {
    const text = this.getString(component, variable);
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw new Error(`${formatVariableKey(toComponent(component), toVariable(variable))} is "${text}", not a number`);
    return value;
  }

  /** The Actual value as a boolean. @throws Error like {@link get}, or when the value is not "true" or "false". */
  getBoolean(component: ComponentRef, variable: VariableRef): boolean {
    const text = this.getString(component, variable);
    if (text !== 'true' && text !== 'false') throw new Error(`${formatVariableKey(toComponent(component), toVariable(variable))} is "${text}", not a boolean`);
    return text === 'true';
  }

  /** The members of a list value (MemberList, SequenceList, or any comma-separated text); [] when empty. */
  getList(component: ComponentRef, variable: VariableRef): string[] {
    return listMembers(this.getString(component, variable));
  }

  /** Registers a listener for value changes; returns the function that removes it. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Adds a condition SetVariables checks after the characteristics and mutability; a refusal answers Rejected with
   * the guard's StatusInfo (B05.FR.09: the station cannot set the value).
   * @throws Error when the component-variable does not exist.
   */
  guard(component: ComponentRef, variable: VariableRef, check: SetGuard): void {
    const slot = this.require(component, variable, 'Actual');
    this.guards.set(slot, [...(this.guards.get(slot) ?? []), check]);
  }

  private add(definition: VariableDefinition): void {
    const key = slotKey(definition.component, definition.variable);
    const types = definition.attributes.map((attribute) => attribute.type);
    if (this.slots.has(key)) throw new Error(`${formatVariableKey(definition.component, definition.variable)} is defined twice`);
    if (types[0] !== 'Actual' || types.length > 4 || new Set(types).size !== types.length) {
      throw new Error(`${formatVariableKey(definition.component, definition.variable)} needs 1 to 4 distinct attribute types, Actual first`);
    }
    this.slots.set(key, { definition, values: new Map(definition.attributes.map((attribute) => [attribute.type, attribute.value])) });
    this.components.add(componentKey(definition.component));
  }

  private lookup(component: ComponentType, variable: VariableType, attributeType: AttributeType): Lookup {
    if (!this.components.has(componentKey(component))) return { status: 'UnknownComponent' };
    const slot = this.slots.get(slotKey(component, variable));
    if (!slot) return { status: 'UnknownVariable' };
    if (!slot.values.has(attributeType)) return { status: 'NotSupportedAttributeType' };
    return { status: 'Found', slot };
  }

  private require(component: ComponentRef, variable: VariableRef, attributeType: AttributeType): Slot {
    const [fullComponent, fullVariable] = [toComponent(component), toVariable(variable)];
    const found = this.lookup(fullComponent, fullVariable, attributeType);
    if (found.status !== 'Found') throw new Error(`${formatVariableKey(fullComponent, fullVariable)} (${attributeType}): ${found.status}`);
    return found.slot;
  }

  private read(slot: Slot, attributeType: AttributeType): string | undefined {
    return attributeType === 'Actual' && slot.definition.readsClock ? this.now().toISOString() : slot.values.get(attributeType);
  }

  private write(slot: Slot, attributeType: AttributeType, value: string): VariableChange | undefined {
    const previous = this.read(slot, attributeType);
    if (previous === value) return undefined;
    slot.values.set(attributeType, value);
    const { component, variable } = slot.definition;
    return { component: structuredClone(component), variable: structuredClone(variable), attributeType, value, previous };
  }

  private emit(change: VariableChange): void {
    this.listeners.forEach((listener) => listener(change));
  }

  private describe(slot: Slot): string {
    return formatVariableKey(slot.definition.component, slot.definition.variable);
  }

  private getOne(request: GetVariableData): GetVariableResult {
    const attributeType = request.attributeType ?? 'Actual'; // B06.FR.11
    const answer = { component: request.component, variable: request.variable, attributeType }; // B06.FR.02, B06.FR.03
    const found = this.lookup(request.component, request.variable, attributeType);
    if (found.status !== 'Found') return { ...answer, attributeStatus: found.status }; // B06.FR.06-08: no attributeValue
    if (found.slot.definition.mutability === 'WriteOnly') return { ...answer, attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'WriteOnly' } }; // B06.FR.09
    return { ...answer, attributeStatus: 'Accepted', attributeValue: this.read(found.slot, attributeType) ?? '' }; // B06.FR.10, B06.FR.13
  }

  private setOne(request: SetVariableData, changes: VariableChange[]): SetVariableResult {
    const attributeType = request.attributeType ?? 'Actual'; // B05.FR.12
    const answer = { component: request.component, variable: request.variable, attributeType }; // B05.FR.02, B05.FR.03
    const found = this.lookup(request.component, request.variable, attributeType);
    if (found.status !== 'Found') return { ...answer, attributeStatus: found.status }; // B05.FR.04-06
    const refusal = this.refusal(found.slot, request.attributeValue, attributeType);
    if (refusal) return { ...answer, attributeStatus: 'Rejected', attributeStatusInfo: refusal };
    const change = this.write(found.slot, attributeType, request.attributeValue);
    if (change) changes.push(change);
    return { ...answer, attributeStatus: found.slot.definition.rebootRequired ? 'RebootRequired' : 'Accepted' }; // B05.FR.10
  }

  /** Format and range come first (B05.FR.07, B05.FR.08), then whether the station can set it at all (B05.FR.09). */
  private refusal(slot: Slot, value: string, attributeType: AttributeType): StatusInfo | undefined {
    return checkValue(slot.definition.characteristics, value) ?? readOnlyRejection(slot.definition) ?? this.guardRefusal(slot, value, attributeType);
  }

  private guardRefusal(slot: Slot, value: string, attributeType: AttributeType): StatusInfo | undefined {
    for (const check of this.guards.get(slot) ?? []) {
      const refusal = check(value, attributeType);
      if (refusal) return refusal;
    }
    return undefined;
  }

  private belongsTo(reportBase: ReportBase, slot: Slot): boolean {
    switch (reportBase) {
      case 'FullInventory':
        return true;
      case 'ConfigurationInventory':
        return slot.definition.mutability !== 'ReadOnly';
      case 'SummaryInventory':
        return this.isSummary(slot);
    }
  }

  /** B08.FR.07-10: Problem must be "true"; Active, Available and Enabled must be "true" or absent from the component. */
  private meets(component: ComponentType, criterion: ComponentCriterion): boolean {
    const values = [...this.slots.values()]
      .filter((slot) => componentKey(slot.definition.component) === componentKey(component) && slot.definition.variable.name === criterion)
      .map((slot) => this.read(slot, 'Actual'));
    if (values.length === 0) return criterion !== 'Problem';
    return values.some((value) => value === 'true');
  }

  private isSummary(slot: Slot): boolean {
    const { component, variable } = slot.definition;
    const actual = this.read(slot, 'Actual');
    if (PROBLEM_VARIABLES.has(variable.name.toLowerCase())) return actual === 'true';
    if (variable.name !== 'AvailabilityState') return false;
    if (component.name !== 'Connector' || !component.evse) return true;
    const evse = this.slots.get(slotKey({ name: 'EVSE', evse: { id: component.evse.id } }, variable));
    return !evse || actual !== this.read(evse, 'Actual');
  }

  private reportData(slot: Slot): ReportData {
    const { component, variable, characteristics } = slot.definition;
    return {
      component: structuredClone(component),
      variable: structuredClone(variable),
      variableAttribute: [...slot.values.keys()].map((type) => this.attributeOf(slot, type)) as ReportData['variableAttribute'],
      variableCharacteristics: structuredClone(characteristics), // B08.FR.12 alike: characteristics always reported
    };
  }

  private attributeOf(slot: Slot, type: AttributeType): VariableAttribute {
    const { mutability, persistent, constant } = slot.definition;
    const value = mutability === 'WriteOnly' ? {} : { value: this.read(slot, type) ?? '' }; // B07.FR.03, B07.FR.11
    return { type, ...value, mutability, persistent, constant };
  }
}

/**
 * A device model holding the standard component-variables for `layout`, with some start-up values replaced.
 * @param overrides start-up Actual values by key (see {@link formatVariableKey}), e.g.
 *   `{ 'OCPPCommCtrlr.HeartbeatInterval': '60', 'EVSE[1].AvailabilityState': 'Unavailable' }`; ReadOnly variables may be overridden too.
 * @throws Error for a bad layout, an unknown key, or a value that does not fit the variable.
 */
export function createDeviceModel(layout: StationLayout, overrides: Readonly<Record<string, string>> = {}, options: DeviceModelOptions = {}): DeviceModel {
  const model = new DeviceModel(standardDefinitions(layout), options);
  for (const [key, value] of Object.entries(overrides)) {
    const { component, variable } = parseVariableKey(key);
    model.set(component, variable, value);
  }
  return model;
}
