/** Block B device-model reports of the reference station (B07 GetBaseReport, B08 GetReport) and the faults that break them. */
import type { OcppRequests, OcppResponses } from '../../ocpp/generated';
import type { ReportData } from './device-model';
import type { StationFeature, StationRuntime } from './feature';

/** The required variable the `reports.missingMandatory` fault leaves out of base reports. */
const DROPPED_BY_FAULT = { component: 'TxCtrlr', variable: 'EVConnectionTimeOut' } as const;

/** GetBaseReport and GetReport: answers at once, then sends the NotifyReportRequests of the report in pages of ItemsPerMessage[GetReport]. */
export function reportsFeature(station: StationRuntime): StationFeature {
  const { deviceModel } = station;
  const sendReport = async (requestId: number, data: readonly ReportData[]) => {
    const shown = station.has('reports.noCharacteristics') ? data.map(({ variableCharacteristics: _dropped, ...rest }) => rest) : data;
    const pages = deviceModel.pageReport(shown, deviceModel.getNumber('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetReport' }));
    const generatedAt = new Date().toISOString();
    const first = station.has('reports.wrongSeqNo') ? 1 : 0; // B07.FR.10, B08.FR.14
    for (const [index, reportData] of pages.entries()) {
      await station.send('NotifyReport', { requestId, generatedAt, seqNo: first + index, tbc: index < pages.length - 1, reportData });
    }
  };
  const baseReport = (reportBase: OcppRequests['GetBaseReport']['reportBase']): ReportData[] => {
    if (reportBase === 'ConfigurationInventory' && station.has('reports.configurationReadOnly')) return deviceModel.report('FullInventory');
    const data = deviceModel.report(reportBase);
    if (reportBase === 'SummaryInventory' && station.has('reports.summaryWithoutEvse')) return data.filter((d) => d.component.name !== 'EVSE');
    if (!station.has('reports.missingMandatory')) return data;
    return data.filter((d) => !(d.component.name === DROPPED_BY_FAULT.component && d.variable.name === DROPPED_BY_FAULT.variable));
  };
  return {
    handlers: {
      GetBaseReport: (call): OcppResponses['GetBaseReport'] => {
        const { requestId, reportBase } = call.payload;
        if (reportBase === 'SummaryInventory' && station.options.summaryInventory === false) {
          // B07.FR.02, B07.FR.05
          if (station.has('reports.notifyWhenUnsupported')) station.later(0, () => void sendReport(requestId, deviceModel.report(reportBase)));
          return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
        }
        const data = baseReport(reportBase);
        station.later(0, () => void sendReport(requestId, data));
        return { status: 'Accepted' };
      },
      GetReport: (call): OcppResponses['GetReport'] => {
        const { requestId, componentVariable, componentCriteria = [] } = call.payload;
        const unsupported = station.options.unsupportedComponentCriteria ?? [];
        const named = componentCriteria.filter((criterion) => unsupported.includes(criterion));
        if (named.length > 0 && !station.has('reports.unsupportedCriteriaAccepted')) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam', additionalInfo: named.join(',') } }; // B08.FR.02
        const criteria = station.has('reports.ignoresCriteria') ? [] : componentCriteria.filter((criterion) => !unsupported.includes(criterion));
        const data = deviceModel.customReport(criteria, componentVariable, {
          evseIgnored: station.has('reports.evseIgnored'),
          evseRequired: station.has('reports.evseRequired'),
          instanceIgnored: station.has('reports.instanceIgnored'),
          instanceRequired: station.has('reports.instanceRequired'),
        });
        if (data.length === 0) return { status: 'EmptyResultSet', statusInfo: { reasonCode: 'NotFound' } }; // B08.FR.15
        station.later(0, () => void sendReport(requestId, data));
        return { status: 'Accepted' };
      },
    },
  };
}
