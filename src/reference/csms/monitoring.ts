/** Block N of the reference CSMS: sets, reports and clears a station's monitors when its operator says so, and takes in monitoring reports and events. */
import { describeCsmsAction, type ActionVariable } from '../../drivers/csms-actions';
import { requireDone } from '../../drivers/operator';
import type { ComponentType, VariableType } from '../../ocpp/generated/definitions';
import type { CsmsFeature, CsmsRuntime } from './feature';

const componentOf = (v: ActionVariable): ComponentType => ({ name: v.component, ...(v.evseId === undefined ? {} : { evse: { id: v.evseId } }) });
const variableOf = (v: ActionVariable): VariableType => ({ name: v.variable, ...(v.instance === undefined ? {} : { instance: v.instance }) });
const keyOf = (component: ComponentType, variable: VariableType, type: string): string => `${component.name}${component.evse ? `[${component.evse.id}]` : ''}.${variable.name}:${type}`.toLowerCase();

/** The monitoring feature of the reference CSMS. */
export function csmsMonitoringFeature(csms: CsmsRuntime): CsmsFeature {
  let requestId = 0;
  /** Per station, the monitors the CSMS learnt from NotifyMonitoringReport (component.variable:type). */
  const shown = new Map<string, Set<string>>();
  const shownOf = (stationId: string): Set<string> => {
    let set = shown.get(stationId);
    if (!set) shown.set(stationId, (set = new Set()));
    return set;
  };
  return {
    handlers: {
      NotifyMonitoringReport: (call, session) => {
        if (call.payload.seqNo > 0 && csms.has('monitoringReport.laterPartsIgnored')) return {};
        const known = shownOf(session.stationId);
        for (const m of call.payload.monitor ?? []) for (const v of m.variableMonitoring) known.add(keyOf(m.component, m.variable, v.type));
        return {};
      },
      NotifyEvent: (call) => {
        if (csms.has('notifyEvent.refused')) throw new Error('NotifyEvent is not handled');
        // Issue 14 (TC_G_20_CSMS): a CSMS that cannot take a connector lock failure (G05.FR.03).
        if (csms.has('lockEvent.refused') && call.payload.eventData.some((e) => e.component.name === 'ConnectorPlugRetentionLock')) throw new Error('lock events are not handled');
        if (csms.has('monitorEvent.refused') && call.payload.eventData.some((e) => e.variableMonitoringId !== undefined)) throw new Error('events of monitors are not handled');
        return {}; // N07.FR.03, N08.FR.02
      },
    },
    async perform(action) {
      switch (action.kind) {
        case 'getMonitoringReport':
          if (csms.has('monitoringReport.notSent')) return true;
          shownOf(action.stationId).clear();
          await csms.call(action.stationId, 'GetMonitoringReport', {
            requestId: ++requestId,
            ...(action.criteria?.length && !csms.has('monitoringReport.criteriaDropped') ? { monitoringCriteria: [action.criteria[0], ...action.criteria.slice(1)] } : {}),
            ...(action.variables?.length && !csms.has('monitoringReport.variablesDropped') ? { componentVariable: action.variables.map((v) => ({ component: componentOf(v), variable: variableOf(v) })) as [{ component: ComponentType; variable: VariableType }] } : {}),
          });
          return true;
        case 'setMonitoringBase':
          await csms.call(action.stationId, 'SetMonitoringBase', { monitoringBase: csms.has('monitoringBase.alwaysAll') ? 'All' : action.monitoringBase });
          return true;
        case 'setVariableMonitoring': {
          const data = action.monitors.map((m) => ({
            value: csms.has('setMonitoring.deltaValueZero') && m.type === 'Delta' ? 0 : (m.value ?? 1), // N04.FR.17: 1 for a Delta on a non-numeric variable
            type: m.type,
            severity: csms.has('setMonitoring.severityDropped') ? 0 : m.severity,
            component: componentOf(m),
            variable: variableOf(m),
          }));
          // N04.FR.09: never more monitors per request than the station takes (MonitoringCtrlr.ItemsPerMessage[SetVariableMonitoring], when it says).
          const read = data.length > 1 ? await csms.call(action.stationId, 'GetVariables', { getVariableData: [{ component: { name: 'MonitoringCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'SetVariableMonitoring' } }] }).catch(() => undefined) : undefined;
          const limit = Number(read?.getVariableResult[0]?.attributeValue);
          const size = limit >= 1 ? limit : data.length;
          for (let i = 0; i < data.length; i += size) {
            const piece = data.slice(i, i + size);
            await csms.call(action.stationId, 'SetVariableMonitoring', { setMonitoringData: [piece[0], ...piece.slice(1)] });
          }
          return true;
        }
        case 'setMonitoringLevel':
          if (csms.has('monitoringLevel.notSent')) return true;
          await csms.call(action.stationId, 'SetMonitoringLevel', { severity: action.severity + (csms.has('monitoringLevel.offByOne') ? 1 : 0) });
          return true;
        case 'clearVariableMonitoring': {
          if (csms.has('clearMonitoring.notSent')) return true;
          // N06.FR.04: never more ids per request than the station takes.
          const read = await csms.call(action.stationId, 'GetVariables', { getVariableData: [{ component: { name: 'MonitoringCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'ClearVariableMonitoring' } }] });
          const limit = Number(read.getVariableResult[0]?.attributeValue);
          const size = csms.has('clearMonitoring.limitIgnored') || !(limit >= 1) ? action.ids.length : limit;
          for (let i = 0; i < action.ids.length; i += size) {
            const ids = action.ids.slice(i, i + size);
            await csms.call(action.stationId, 'ClearVariableMonitoring', { id: [ids[0], ...ids.slice(1)] });
          }
          return true;
        }
        case 'confirmMonitorsShown': {
          const known = shownOf(action.stationId);
          const missing = action.monitors.filter((m) => !known.has(keyOf(componentOf(m), variableOf(m), m.type)));
          if (missing.length > 0) requireDone({ answer: 'cannot', answeredBy: 'reference CSMS' }, describeCsmsAction(action));
          return true;
        }
        default:
          return false;
      }
    },
  };
}
