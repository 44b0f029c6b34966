/** Variable monitoring (N02-N06) as the harness plays the CSMS: setting, reporting, basing and clearing monitors, and putting the station's monitors back afterwards. */
import { newRequestId } from '../../../src/actors/ids';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { OcppRequests, OcppResponses } from '../../../src/ocpp/generated';
import type { ComponentType, MonitoringDataType, SetMonitoringDataType, SetMonitoringResultType, VariableType } from '../../../src/ocpp/generated/definitions';

/** A fresh requestId for a GetMonitoringReportRequest. */

/** "statusInfo is absent or statusInfo.reasonCode = …" of Part 6. */
export function checkStatusInfo(ctx: CsCaseContext, label: string, statusInfo: { reasonCode: string } | undefined, reasons: readonly string[]): void {
  ctx.check.that(`${label}.statusInfo`, statusInfo === undefined || reasons.some((r) => r.toLowerCase() === statusInfo.reasonCode.toLowerCase()), `absent or reasonCode ${reasons.join(' / ')}`, statusInfo === undefined ? '(omitted)' : `reasonCode "${statusInfo.reasonCode}"`);
}

/** Sends SetVariableMonitoringRequest and returns its results, one per element (N04.FR.01: as many as sent). */
export async function setMonitors(ctx: CsCaseContext, data: readonly SetMonitoringDataType[]): Promise<SetMonitoringResultType[]> {
  const response = await ctx.csms.call('SetVariableMonitoring', { setMonitoringData: [...data] as OcppRequests['SetVariableMonitoring']['setMonitoringData'] });
  ctx.check.equal('SetVariableMonitoringResponse.setMonitoringResult count', response.setMonitoringResult.length, data.length);
  return response.setMonitoringResult;
}

/** The result for the element naming `component` / `variable` / `type` (results may come in any order). */
export function resultFor(results: readonly SetMonitoringResultType[], data: Pick<SetMonitoringDataType, 'component' | 'variable' | 'type'>): SetMonitoringResultType | undefined {
  return results.find((r) => sameComponent(r.component, data.component) && sameVariable(r.variable, data.variable) && r.type === data.type);
}

/** Checks one SetMonitoringResult against what was asked (N04.FR.02) and the expected status. */
export function checkMonitorResult(ctx: CsCaseContext, label: string, result: SetMonitoringResultType | undefined, asked: SetMonitoringDataType, statuses: readonly SetMonitoringResultType['status'][], reasons: readonly string[] = ['NoError']): void {
  ctx.check.oneOf(`${label}.status`, result?.status, statuses);
  ctx.check.equal(`${label}.type`, result?.type, asked.type);
  ctx.check.equal(`${label}.severity`, result?.severity, asked.severity);
  ctx.check.equal(`${label}.component.name`, result?.component.name, asked.component.name);
  if (asked.component.evse) ctx.check.equal(`${label}.component.evse.id`, result?.component.evse?.id, asked.component.evse.id);
  ctx.check.equal(`${label}.variable.name`, result?.variable.name, asked.variable.name);
  if (statuses.includes('Accepted')) ctx.check.that(`${label}.id`, result?.id !== undefined, 'present (N04.FR.11)', String(result?.id));
  else ctx.check.equal(`${label}.id`, result?.id, undefined);
  if (result) checkStatusInfo(ctx, label, result.statusInfo, reasons);
}

export const sameComponent = (a: ComponentType, b: ComponentType): boolean =>
  a.name.toLowerCase() === b.name.toLowerCase() && (a.instance ?? '').toLowerCase() === (b.instance ?? '').toLowerCase() && a.evse?.id === b.evse?.id && a.evse?.connectorId === b.evse?.connectorId;
export const sameVariable = (a: VariableType, b: VariableType): boolean => a.name.toLowerCase() === b.name.toLowerCase() && (a.instance ?? '').toLowerCase() === (b.instance ?? '').toLowerCase();

/** What a monitoring report returned: the GetMonitoringReportResponse, and the NotifyMonitoringReportRequests that followed (none unless Accepted). */
export interface MonitoringReport {
  readonly requestId: number;
  readonly response: OcppResponses['GetMonitoringReport'];
  readonly parts: OcppRequests['NotifyMonitoringReport'][];
  /** Every monitored component-variable of all parts. */
  readonly monitors: MonitoringDataType[];
}

/**
 * Sends GetMonitoringReportRequest and, when Accepted, takes every NotifyMonitoringReportRequest of its requestId up to
 * the one without tbc, checking N02.FR.04 (same requestId) and N02.FR.09 (seqNo 0, 1, …). Waits are armed first.
 */
export async function monitoringReport(
  ctx: CsCaseContext,
  request: Omit<OcppRequests['GetMonitoringReport'], 'requestId'>,
  titles: { request: string; notify?: string },
  /** The status Part 6 expects; 'probe' for a harness preparation, which checks nothing and takes whatever comes. */
  expected: OcppResponses['GetMonitoringReport']['status'] | 'probe' = 'Accepted',
): Promise<MonitoringReport> {
  const requestId = newRequestId();
  const nextPart = () => {
    const arrived = ctx.csms.expect('NotifyMonitoringReport', { where: (c) => c.payload.requestId === requestId, description: `NotifyMonitoringReportRequest of request ${requestId}` }).then((call) => {
      call.respond({});
      return call.payload;
    });
    arrived.catch(() => undefined); // armed before the request; awaited only when the station accepts
    return arrived;
  };
  const first = nextPart();
  const response = await ctx.step(titles.request, async () => {
    const answer = await ctx.csms.call('GetMonitoringReport', { requestId, ...request });
    if (expected === 'probe') return answer;
    ctx.check.equal('GetMonitoringReportResponse.status', answer.status, expected);
    checkStatusInfo(ctx, 'GetMonitoringReportResponse', answer.statusInfo, expected === 'Accepted' ? ['NoError'] : expected === 'EmptyResultSet' ? ['NotFound'] : ['UnsupportedParam', 'InvalidValue']);
    return answer;
  });
  const parts: OcppRequests['NotifyMonitoringReport'][] = [];
  if (response.status === 'Accepted' && titles.notify) {
    await ctx.step(titles.notify, async () => {
      parts.push(await first);
      while (parts[parts.length - 1].tbc === true) parts.push(await nextPart());
      if (expected === 'probe') return;
      ctx.check.that('NotifyMonitoringReportRequest.seqNo', parts.every((p, i) => p.seqNo === i), 'seqNo 0, then incremented by 1', parts.map((p) => p.seqNo).join(', '));
      ctx.check.that('NotifyMonitoringReportRequest.generatedAt', parts.every((p) => !Number.isNaN(Date.parse(p.generatedAt))), 'a timestamp of the station', parts.map((p) => p.generatedAt).join(', '));
    });
  }
  return { requestId, response, parts, monitors: parts.flatMap((p) => p.monitor ?? []) };
}

/** Describes the monitors of a report for a validation's actual value. */
export function describeMonitors(monitors: readonly MonitoringDataType[]): string {
  if (monitors.length === 0) return 'none';
  return monitors.map((m) => `${m.component.name}${m.component.evse ? `[${m.component.evse.id}${m.component.evse.connectorId === undefined ? '' : `,${m.component.evse.connectorId}`}]` : ''}.${m.variable.name}: ${m.variableMonitoring.map((v) => `${v.type}#${v.id}/sev${v.severity}`).join(' ')}`).join('; ');
}

/** Every monitor type in a report. */
export const reportedTypes = (monitors: readonly MonitoringDataType[]): MonitoringDataType['variableMonitoring'][number]['type'][] => monitors.flatMap((m) => m.variableMonitoring.map((v) => v.type));

/**
 * Afterwards (clean-up, not part of Part 6): the monitors the case set are cleared and monitoring base All and level 9
 * are set again, so the next case finds the station's monitors as they were. Best effort.
 */
export async function restoreMonitoring(ctx: CsCaseContext, customIds: readonly number[] = [], options: { base?: boolean; level?: boolean } = {}): Promise<void> {
  try {
    await ctx.step('Afterwards: the monitors of this case are removed again (clean-up, not part of the Part 6 case)', async () => {
      if (!ctx.csms.connection) return;
      if (customIds.length > 0) await ctx.csms.call('ClearVariableMonitoring', { id: [customIds[0], ...customIds.slice(1)] });
      if (options.base) await ctx.csms.call('SetMonitoringBase', { monitoringBase: 'All' });
      if (options.level) await ctx.csms.call('SetMonitoringLevel', { severity: 9 });
    });
  } catch {
    // The clean-up does not change what the case found.
  }
}

/** Runs `body`, which collects the ids of the monitors it sets into the array it gets; clears them afterwards whatever the outcome. */
export async function withCustomMonitors<T>(ctx: CsCaseContext, body: (ids: number[]) => Promise<T>, options: { base?: boolean; level?: boolean } = {}): Promise<T> {
  const ids: number[] = [];
  try {
    return await body(ids);
  } finally {
    await restoreMonitoring(ctx, ids, options);
  }
}

/** The component of <Configured threshold monitor component variable> (on <Configured evseId> for EVSE and Connector components). */
export function thresholdComponent(ctx: CsCaseContext): { component: ComponentType; variable: VariableType } {
  const { evseId, connectorId, thresholdMonitor } = ctx.config.configured;
  const { component, variable } = thresholdMonitor;
  const evse = component === 'EVSE' ? { evse: { id: evseId } } : component === 'Connector' ? { evse: { id: evseId, connectorId } } : {};
  return { component: { name: component, ...evse }, variable: { name: variable } };
}

/** Memory state of the event cases: monitoring base All and monitoring level `level`, set with checks as preparations. */
export async function monitoringBaseAndLevel(ctx: CsCaseContext, level: number): Promise<void> {
  await ctx.step(`Memory State: monitoring base All and monitoring level ${level}`, async () => {
    ctx.check.equal('SetMonitoringBaseResponse.status', (await ctx.csms.call('SetMonitoringBase', { monitoringBase: 'All' })).status, 'Accepted');
    ctx.check.equal('SetMonitoringLevelResponse.status', (await ctx.csms.call('SetMonitoringLevel', { severity: level })).status, 'Accepted');
  });
}

/** A monitor a case needs on the station before it starts. */
export interface NeededMonitor {
  readonly component: ComponentType;
  readonly variable: VariableType;
  readonly type: SetMonitoringDataType['type'];
  readonly value: number;
  readonly severity: number;
}

/**
 * Memory state "the following monitors must be present (hard-wired, preconfigured or set by the CSMS)": the harness
 * reads every monitor and sets each needed one the station lacks (same component, variable and type); the ids it sets
 * go into `ids` for the clean-up. Each must be accepted: Part 6 expects a station with monitoring to take these.
 */
export async function monitorsPresent(ctx: CsCaseContext, needed: readonly NeededMonitor[], ids: number[]): Promise<void> {
  await ctx.step(`Memory State: monitors present (${needed.map((n) => `${n.component.name}${n.component.evse ? `[${n.component.evse.id}]` : ''}.${n.variable.name} ${n.type}`).join(', ')})`, async () => {
    const all = await monitoringReport(ctx, {}, { request: 'Preparation: harness asks for every monitor', notify: 'Preparation: the station reports them' }, 'probe');
    const has = (n: NeededMonitor) => all.monitors.some((m) => sameComponent(m.component, n.component) && sameVariable(m.variable, n.variable) && m.variableMonitoring.some((v) => v.type === n.type));
    const missing = needed.filter((n) => !has(n));
    if (missing.length === 0) return;
    const results = await setMonitors(ctx, missing);
    for (const n of missing) {
      const result = resultFor(results, n);
      if (result?.id !== undefined && result.status === 'Accepted') ids.push(result.id);
      ctx.check.equal(`Preparation: ${n.component.name}.${n.variable.name} ${n.type} set`, result?.status, 'Accepted');
    }
  });
}

/** The memory state of TC_N_02_CS and TC_N_47_CS: Delta monitors on the AvailabilityState of ChargingStation and of EVSE <Configured evseId>, with <Configured severity>. */
export function availabilityDeltaMonitors(ctx: CsCaseContext): NeededMonitor[] {
  const { evseId, monitorSeverity: severity } = ctx.config.configured;
  return [
    { component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity },
    { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity },
  ];
}

/** Runs `body` with the AvailabilityState Delta monitors present (set where missing, cleared afterwards); `body` gets them. */
export function withAvailabilityDeltaMonitors<T>(ctx: CsCaseContext, body: (needed: readonly NeededMonitor[]) => Promise<T>): Promise<T> {
  const needed = availabilityDeltaMonitors(ctx);
  return withCustomMonitors(ctx, async (ids) => {
    await monitorsPresent(ctx, needed, ids);
    return body(needed);
  });
}

/** Each of the `needed` AvailabilityState monitors is in the report as a Delta monitor of its component. */
export function availabilityDeltasReported(ctx: CsCaseContext, report: MonitoringReport, needed: readonly NeededMonitor[]): void {
  for (const n of needed) {
    const found = report.monitors.some((m) => m.component.name === n.component.name && m.component.evse?.id === n.component.evse?.id && m.variable.name === 'AvailabilityState' && m.variableMonitoring.some((v) => v.type === 'Delta'));
    ctx.check.that(`${n.component.name} AvailabilityState Delta monitor`, found, 'reported', describeMonitors(report.monitors));
  }
}
