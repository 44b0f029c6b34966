/** Block B of the reference CSMS beyond the boot: reading and writing variables, base and custom reports, resets, network profiles and the boot trigger. */
import { describeCsmsAction, type ActionVariable } from '../../drivers/csms-actions';
import { requireDone } from '../../drivers/operator';
import type { ComponentType, VariableType } from '../../ocpp/generated/definitions';
import type { CsmsFeature, CsmsRuntime } from './feature';

/** How the CSMS keys a station's variable in what it knows: Component[evse].Variable, with [instance] when it has one. */
const keyOf = (component: { name: string; evse?: { id: number } }, variable: { name: string; instance?: string }): string =>
  `${component.name}${component.evse ? `[${component.evse.id}]` : ''}.${variable.name}${variable.instance === undefined ? '' : `[${variable.instance}]`}`;

/** Where the CSMS finds how many entries one GetVariablesRequest to the station may hold (B06.FR.05). */
const ITEMS_PER_GET_VARIABLES = 'DeviceDataCtrlr.ItemsPerMessage[GetVariables]';

/** `items` cut into pieces of at most `size` (all in one piece when `size` is not a positive number). */
const chunks = <T>(items: readonly T[], size: number): T[][] => {
  if (!(size >= 1)) return [[...items]];
  const pieces: T[][] = [];
  for (let i = 0; i < items.length; i += size) pieces.push(items.slice(i, i + size));
  return pieces;
};

const componentOf = (v: ActionVariable): ComponentType => ({ name: v.component, ...(v.evseId === undefined ? {} : { evse: { id: v.evseId } }) });
const variableOf = (v: ActionVariable): VariableType => ({ name: v.variable, ...(v.instance === undefined ? {} : { instance: v.instance }) });

/** The Block B feature: what the CSMS knows of each station's device model (from GetVariables, SetVariables and reports) and the operator requests of Block B. */
export function deviceManagementFeature(csms: CsmsRuntime): CsmsFeature {
  /** Per station, the Actual values the CSMS learnt, by keyOf. */
  const known = new Map<string, Map<string, string>>();
  const knownOf = (stationId: string): Map<string, string> => {
    let values = known.get(stationId);
    if (!values) known.set(stationId, (values = new Map()));
    return values;
  };
  let requestId = 0;

  return {
    handlers: {
      NotifyReport: (call, session) => {
        const { seqNo, reportData } = call.payload;
        if (seqNo > 0 && csms.has('report.laterPartsIgnored')) return {};
        const values = knownOf(session.stationId);
        for (const data of reportData ?? []) {
          const actual = data.variableAttribute.find((a) => (a.type ?? 'Actual') === 'Actual');
          if (actual?.value !== undefined) values.set(keyOf(data.component, data.variable), actual.value);
        }
        return {};
      },
    },

    async perform(action) {
      switch (action.kind) {
        case 'getVariables': {
          if (csms.has('variables.getNotSent')) return true;
          const asked = csms.has('variables.getOnlyFirst') ? action.variables.slice(0, 1) : action.variables;
          const values = knownOf(action.stationId);
          // B06.FR.05: no more entries per request than the station said it takes.
          const limit = csms.has('variables.getItemsLimitIgnored') ? 0 : Number(values.get(ITEMS_PER_GET_VARIABLES));
          for (const piece of chunks(asked, limit)) {
            const response = await csms.call(action.stationId, 'GetVariables', { getVariableData: piece.map((v) => ({ component: componentOf(v), variable: variableOf(v) })) });
            if (csms.has('variables.readNotKept')) continue;
            for (const result of response.getVariableResult) {
              if (result.attributeStatus === 'Accepted' && result.attributeValue !== undefined) values.set(keyOf(result.component, result.variable), result.attributeValue);
            }
          }
          return true;
        }
        case 'setVariables': {
          const wanted = csms.has('variables.setOnlyFirst') ? action.values.slice(0, 1) : action.values;
          const attributeType = csms.has('variables.setAsTarget') ? { attributeType: 'Target' as const } : {};
          const response = await csms.call(action.stationId, 'SetVariables', {
            setVariableData: wanted.map((v) => ({ component: componentOf(v), variable: variableOf(v), attributeValue: v.value, ...attributeType })),
          });
          const values = knownOf(action.stationId);
          for (const result of response.setVariableResult) {
            const sent = wanted.find((v) => keyOf(componentOf(v), variableOf(v)) === keyOf(result.component, result.variable));
            if (sent && (result.attributeStatus === 'Accepted' || result.attributeStatus === 'RebootRequired')) values.set(keyOf(result.component, result.variable), sent.value);
          }
          return true;
        }
        case 'getBaseReport':
          await csms.call(action.stationId, 'GetBaseReport', {
            requestId: csms.has('report.negativeRequestId') ? -1 : ++requestId,
            reportBase: csms.has('report.wrongBase') ? 'FullInventory' : action.reportBase,
          });
          return true;
        case 'getCustomReport':
          await csms.call(action.stationId, 'GetReport', {
            requestId: ++requestId,
            ...(csms.has('report.criteriaDropped') ? {} : { componentCriteria: [action.criterion] }),
            componentVariable: [{ component: componentOf(action.variable), variable: variableOf(action.variable) }],
          });
          return true;
        case 'confirmStationValues': {
          // Like an operator looking at the CSMS's screen: "cannot" when it shows something else.
          const values = knownOf(action.stationId);
          const wrong = action.values.filter((v) => values.get(keyOf(componentOf(v), variableOf(v))) !== v.value);
          if (wrong.length > 0) requireDone({ answer: 'cannot', answeredBy: 'reference CSMS' }, describeCsmsAction(action));
          return true;
        }
        case 'triggerBootNotification':
          await csms.call(action.stationId, 'TriggerMessage', { requestedMessage: 'BootNotification' });
          return true;
        case 'resetStation': {
          const type = csms.has('reset.typeIgnored') ? 'OnIdle' : (action.type ?? 'OnIdle');
          const evseId = action.evseId === undefined ? (csms.has('reset.evseIdAdded') ? 1 : undefined) : csms.has('reset.evseIdDropped') ? undefined : action.evseId;
          await csms.call(action.stationId, 'Reset', { type, ...(evseId === undefined ? {} : { evseId }) });
          return true;
        }
        default:
          return false;
      }
    },
  };
}
