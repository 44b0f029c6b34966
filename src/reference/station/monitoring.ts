/** Block N of the reference station: variable monitoring (N02-N08) — monitors set, reported, based and cleared, and real events from every value change, with offline queuing by severity. */
import type { OcppResponses } from '../../ocpp/generated';
import type { ComponentType, EventDataType, EventNotificationEnumType, MonitorEnumType, MonitoringDataType, SetMonitoringDataType, SetMonitoringResultType, VariableType } from '../../ocpp/generated/definitions';
import { formatVariableKey, type VariableChange, type VariableCharacteristics } from './device-model';
import { evModel } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';

/** Where a monitor comes from (Part 2 N03): built in and permanent, set by the manufacturer, or set by the CSMS. */
type Origin = 'HardWired' | 'Preconfigured' | 'Custom';

/** One variable monitor. */
interface Monitor {
  readonly id: number;
  readonly component: ComponentType;
  readonly variable: VariableType;
  readonly type: MonitorEnumType;
  readonly value: number;
  readonly severity: number;
  readonly transaction: boolean;
  readonly origin: Origin;
  /** Threshold monitors: the value is beyond the threshold (an Alerting event was due). */
  tripped: boolean;
  /** Delta monitors: the value the next change is measured from (N07.FR.18, N07.FR.19). */
  reference: string | undefined;
}

/** An event waiting for the connection to come back (N07.FR.04). */
interface QueuedEvent {
  readonly severity: number;
  readonly data: EventDataType;
}

const NUMERIC: ReadonlySet<string> = new Set(['integer', 'decimal']);
const MONITORING = 'MonitoringCtrlr';

/** Lookup key of a component-variable, case-insensitive as Part 2 compares names. */
const keyOf = (component: ComponentType, variable: VariableType): string => formatVariableKey(component, variable).toLowerCase();

const sameText = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** N02.FR.16-21: what a componentVariable of a GetMonitoringReportRequest leaves out matches anything. */
function wanted(monitor: Monitor, entry: { component: ComponentType; variable?: VariableType }): boolean {
  const { component, variable } = entry;
  if (!sameText(monitor.component.name, component.name)) return false;
  if (component.instance !== undefined && !sameText(monitor.component.instance, component.instance)) return false;
  if (component.evse !== undefined && (monitor.component.evse?.id !== component.evse.id || (component.evse.connectorId !== undefined && monitor.component.evse.connectorId !== component.evse.connectorId))) return false;
  if (!variable) return true;
  if (!sameText(monitor.variable.name, variable.name)) return false;
  return variable.instance === undefined || sameText(monitor.variable.instance, variable.instance);
}

/** N02.FR.12-14: which monitor types a monitoringCriterion stands for. */
const CRITERIA: Readonly<Record<string, readonly MonitorEnumType[]>> = {
  ThresholdMonitoring: ['UpperThreshold', 'LowerThreshold'],
  DeltaMonitoring: ['Delta'],
  PeriodicMonitoring: ['Periodic', 'PeriodicClockAligned'],
};

const NOTIFICATION_TYPE: Readonly<Record<Origin, EventNotificationEnumType>> = { HardWired: 'HardWiredMonitor', Preconfigured: 'PreconfiguredMonitor', Custom: 'CustomMonitor' };

/**
 * The monitors a reference station ships with. Hard-wired: an UpperThreshold at the maximum power of the station
 * (severity 2, it cannot be cleared), so the EVSEs' Power is free for the CSMS's monitors. Preconfigured (the manufacturer's defaults, N03.FR.04): a Delta on the
 * AvailabilityState of the station and of every connector (severity 5); the EVSEs have none, so a CSMS can set its own.
 */
function factoryMonitors(station: StationRuntime): Omit<Monitor, 'id' | 'tripped' | 'reference'>[] {
  const monitors: Omit<Monitor, 'id' | 'tripped' | 'reference'>[] = [];
  const availability = { name: 'AvailabilityState' };
  // Id 1: the station's own AvailabilityState (the <Configured preconfigured monitor id> of the reference preset).
  monitors.push({ component: { name: 'ChargingStation' }, variable: availability, type: 'Delta', value: 1, severity: 5, transaction: false, origin: 'Preconfigured' });
  monitors.push({ component: { name: 'ChargingStation' }, variable: { name: 'Power' }, type: 'UpperThreshold', value: 2 * 22000, severity: 2, transaction: false, origin: 'HardWired' });
  for (const evse of station.options.evses) {
    for (const connectorId of evse.connectors) monitors.push({ component: { name: 'Connector', evse: { id: evse.id, connectorId } }, variable: availability, type: 'Delta', value: 1, severity: 5, transaction: false, origin: 'Preconfigured' });
  }
  return monitors;
}

/** The monitoring feature: kept across reboots (N07.FR.13), as the station object outlives its connections. */
export function monitoringFeature(station: StationRuntime): StationFeature {
  const { deviceModel } = station;
  const monitors = new Map<number, Monitor>();
  const factory = factoryMonitors(station).map((m, i) => ({ ...m, id: i + 1 }));
  let nextId = 1000;
  let eventId = 0;
  let requestQueue: QueuedEvent[] = [];
  /** Bumped whenever periodic timers must be set again (reboot, monitor change), so older timers stop. */
  let timerGeneration = 0;

  const current = (m: Pick<Monitor, 'component' | 'variable'>): string | undefined => deviceModel.get(m.component, m.variable);
  const install = (m: Omit<Monitor, 'tripped' | 'reference'>): Monitor => {
    const monitor: Monitor = { ...m, tripped: false, reference: undefined };
    monitor.reference = current(monitor);
    monitors.set(monitor.id, monitor);
    return monitor;
  };
  for (const m of factory) install(m);

  const characteristicsOf = (component: ComponentType, variable: VariableType): VariableCharacteristics | undefined =>
    deviceModel.customReport([], [{ component, variable }]).find((d) => keyOf(d.component, d.variable) === keyOf(component, variable))?.variableCharacteristics;
  const mutabilityOf = (component: ComponentType, variable: VariableType) =>
    deviceModel.customReport([], [{ component, variable }]).find((d) => keyOf(d.component, d.variable) === keyOf(component, variable))?.variableAttribute[0]?.mutability;
  const componentExists = (component: ComponentType): boolean => deviceModel.customReport([], [{ component }]).length > 0;
  const setting = (name: string, fallback: number): number => {
    const text = deviceModel.has(MONITORING, name) ? deviceModel.get(MONITORING, name) : undefined;
    const value = Number(text);
    return text === undefined || text === '' || !Number.isFinite(value) ? fallback : value;
  };
  /** MonitoringCtrlr.ActiveMonitoringBase follows SetMonitoringBase. */
  const recordBase = (base: 'All' | 'FactoryDefault' | 'HardWiredOnly') => {
    if (deviceModel.has(MONITORING, 'ActiveMonitoringBase')) deviceModel.set(MONITORING, 'ActiveMonitoringBase', base);
  };

  /**
   * Sends an event now; when the connection drops it on the way, it is sent again once the station is accepted on a
   * new connection (checked every half second, for up to a minute), not lost.
   */
  const deliver = (event: QueuedEvent, attempt = 0) => {
    void station.send('NotifyEvent', { generatedAt: event.data.timestamp, seqNo: 0, eventData: [event.data] }).then((answer) => {
      if (answer === undefined && attempt < 120) station.later(500, () => (station.bootState === 'Accepted' ? deliver(event, attempt + 1) : retryLater(event, attempt + 1)));
    });
  };
  const retryLater = (event: QueuedEvent, attempt: number) => {
    if (attempt >= 120) return;
    station.later(500, () => (station.bootState === 'Accepted' ? deliver(event, attempt + 1) : retryLater(event, attempt + 1)));
  };

  /** The transaction running on the monitor's EVSE, if any (events during a transaction name it). */
  const transactionOf = (monitor: Monitor): string | undefined => (monitor.component.evse ? transactions.get(monitor.component.evse.id) : undefined);

  /** Sends (online) or queues (offline, severity at most OfflineQueuingSeverity) an event; none above the monitoring level (N07.FR.15). */
  const emit = (monitor: Monitor, trigger: EventDataType['trigger'], actualValue: string, cleared?: boolean) => {
    if (monitor.severity > setting('ActiveMonitoringLevel', 9) && !station.has('monitoring.levelIgnored')) return;
    const writeOnly = mutabilityOf(monitor.component, monitor.variable) === 'WriteOnly';
    const data: EventDataType = {
      eventId: ++eventId,
      timestamp: new Date().toISOString(),
      trigger,
      actualValue: writeOnly && !station.has('monitoring.writeOnlyValueShown') ? '' : actualValue.slice(0, 2500), // N07.FR.10
      ...(cleared === undefined ? {} : { cleared }),
      ...(transactionOf(monitor) === undefined || station.has('monitoring.noTransactionId') ? {} : { transactionId: transactionOf(monitor) }),
      component: structuredClone(monitor.component),
      variable: structuredClone(monitor.variable),
      variableMonitoringId: monitor.id, // N07.FR.06
      eventNotificationType: NOTIFICATION_TYPE[monitor.origin],
    };
    if (station.bootState === 'Accepted') {
      // N07.FR.07. An event the connection lost on the way (it closed first) is not dropped: it goes out when the station is back.
      deliver({ severity: monitor.severity, data });
      return;
    }
    const queueSeverity = setting('OfflineQueuingSeverity', -1);
    if ((monitor.severity <= queueSeverity && !station.has('monitoring.offlineNotQueued')) || station.has('monitoring.queuesEverything')) requestQueue.push({ severity: monitor.severity, data });
  };

  /** N07.FR.16-19: what a change of an Actual value triggers. */
  const onChange = (change: VariableChange) => {
    if (change.attributeType !== 'Actual') return;
    const key = keyOf(change.component, change.variable);
    for (const monitor of monitors.values()) {
      if (keyOf(monitor.component, monitor.variable) !== key) continue;
      evaluate(monitor, change.value);
    }
  };

  const evaluate = (monitor: Monitor, value: string) => {
    const numeric = Number(value);
    switch (monitor.type) {
      case 'Delta': {
        const isNumber = NUMERIC.has(characteristicsOf(monitor.component, monitor.variable)?.dataType ?? '');
        // N07.FR.18: a number must have moved by more than the monitor's value; N07.FR.19: anything else by any change.
        const moved = Math.abs(numeric - Number(monitor.reference ?? 0));
        const changed = isNumber ? (station.has('monitoring.deltaNotStrict') ? moved >= monitor.value : moved > monitor.value) : value !== monitor.reference;
        if (!changed) return;
        monitor.reference = value;
        emit(monitor, station.has('monitoring.deltaAsAlerting') ? 'Alerting' : 'Delta', value);
        return;
      }
      case 'UpperThreshold':
      case 'LowerThreshold': {
        if (value === '' || !Number.isFinite(numeric)) return;
        const beyond = monitor.type === 'UpperThreshold' ? numeric > monitor.value : numeric < monitor.value;
        if (beyond && !monitor.tripped) {
          monitor.tripped = true;
          emit(monitor, 'Alerting', value, false);
        } else if (!beyond && monitor.tripped) {
          monitor.tripped = false;
          if (!station.has('monitoring.noClearedEvent')) emit(monitor, 'Alerting', value, true); // N07.FR.02
        }
        return;
      }
      default:
        return;
    }
  };

  /** N08.FR.06, N08.FR.07: one timer chain per periodic monitor, started again when monitors change or the station reboots. */
  const armPeriodic = () => {
    const generation = ++timerGeneration;
    for (const monitor of monitors.values()) {
      if (monitor.type !== 'Periodic' && monitor.type !== 'PeriodicClockAligned') continue;
      const periodMs = monitor.value * 1000 * (station.has('monitoring.periodDoubled') ? 2 : 1);
      if (!(periodMs > 0)) continue;
      const firstMs = monitor.type === 'PeriodicClockAligned' && !station.has('monitoring.clockAlignedNotAligned') ? periodMs - (Date.now() % periodMs) : periodMs;
      const tick = (delay: number) =>
        station.later(delay, () => {
          if (generation !== timerGeneration || monitors.get(monitor.id) !== monitor) return;
          emit(monitor, 'Periodic', current(monitor) ?? ''); // N08.FR.05
          tick(monitor.type === 'PeriodicClockAligned' ? periodMs - (Date.now() % periodMs) || periodMs : periodMs);
        });
      tick(firstMs);
    }
  };

  deviceModel.onChange(onChange);

  // EVSE.Power follows the simulated energy flow, so monitors on it see charging start and stop.
  const transactions = new Map<number, string>();
  const model = evModel(station);
  const powers = new Map<number, number>();
  model.on('flow', ({ evse, powerW }) => {
    const component = { name: 'EVSE', evse: { id: evse.id } };
    if (deviceModel.has(component, 'Power')) deviceModel.set(component, 'Power', String(powerW));
    powers.set(evse.id, powerW);
    const total = [...powers.values()].reduce((a, b) => a + b, 0);
    if (deviceModel.has('ChargingStation', 'Power')) deviceModel.set('ChargingStation', 'Power', String(total));
  });
  model.on('transaction', ({ evse, transactionId, started }) => {
    if (started) transactions.set(evse.id, transactionId);
    else if (transactions.get(evse.id) === transactionId) transactions.delete(evse.id);
  });

  /** N04: one SetMonitoringData. */
  const setOne = (data: SetMonitoringDataType): SetMonitoringResultType => {
    const { component, variable, type, severity } = data;
    const answer = { type, severity, component, variable };
    if (!componentExists(component) && !(station.has('monitoring.unknownEvseAccepted') && component.evse !== undefined)) return { ...answer, status: 'UnknownComponent', statusInfo: { reasonCode: 'NotFound' } }; // N04.FR.03
    if (!componentExists(component)) return { ...answer, id: ++nextId, status: 'Accepted' }; // only under monitoring.unknownEvseAccepted
    if (!deviceModel.has(component, variable)) return { ...answer, status: station.has('monitoring.unknownVariableAsComponent') ? 'UnknownComponent' : 'UnknownVariable', statusInfo: { reasonCode: 'NotFound' } }; // N04.FR.04
    const characteristics = characteristicsOf(component, variable);
    if (!characteristics?.supportsMonitoring) return { ...answer, status: 'UnsupportedMonitorType' }; // N04.FR.05
    const numeric = NUMERIC.has(characteristics.dataType);
    const threshold = type === 'UpperThreshold' || type === 'LowerThreshold';
    if (threshold && !numeric && !station.has('monitoring.thresholdOnTextAccepted')) return { ...answer, status: 'UnsupportedMonitorType' };
    const rejected = (additionalInfo: string, reasonCode = 'ValueOutOfRange'): SetMonitoringResultType => ({ ...answer, status: 'Rejected', statusInfo: { reasonCode, additionalInfo } });
    if (threshold && !station.has('monitoring.rangeIgnored')) {
      if (characteristics.minLimit !== undefined && data.value < characteristics.minLimit) return rejected(`below minLimit ${characteristics.minLimit}`); // N04.FR.06
      if (characteristics.maxLimit !== undefined && data.value > characteristics.maxLimit) return rejected(`above maxLimit ${characteristics.maxLimit}`);
    }
    if (type === 'Delta' && data.value < 0 && !station.has('monitoring.rangeIgnored')) return rejected('a delta is not negative', 'ValuePositiveOnly'); // N04.FR.14
    if (type === 'Delta' && numeric && characteristics.minLimit !== undefined && characteristics.maxLimit !== undefined && data.value > characteristics.maxLimit - characteristics.minLimit && !station.has('monitoring.rangeIgnored')) return rejected('a delta larger than the range of the variable');
    if ((type === 'Periodic' || type === 'PeriodicClockAligned') && !(data.value > 0)) return rejected('a period is positive', 'ValuePositiveOnly');
    if (severity < 0 || severity > 9) return rejected('severity is 0 to 9');
    const key = keyOf(component, variable);
    if (data.id !== undefined) {
      const existing = monitors.get(data.id);
      if (!existing) return { ...answer, status: 'Rejected', statusInfo: { reasonCode: 'NotFound' } }; // N04.FR.13
      if (keyOf(existing.component, existing.variable) !== key && !station.has('monitoring.idOfOtherVariableAccepted')) return { ...answer, status: 'Rejected', statusInfo: { reasonCode: 'InvalidValue', additionalInfo: 'the id belongs to a monitor of another variable' } }; // N04.FR.16
      if (existing.origin === 'HardWired') return { ...answer, status: 'Rejected', statusInfo: { reasonCode: 'ReadOnly' } }; // N04.FR.18
    }
    if (data.id !== undefined && station.has('monitoring.idOfOtherVariableAccepted')) monitors.delete(data.id);
    const duplicate = [...monitors.values()].find((m) => m.id !== data.id && keyOf(m.component, m.variable) === key && m.type === type && (m.severity === severity || (station.has('monitoring.severityIgnoredForDuplicates') && m.origin === 'Custom')));
    if (duplicate && !station.has('monitoring.duplicateAccepted')) return { ...answer, status: 'Duplicate' }; // N04.FR.10
    const id = data.id === undefined || station.has('monitoring.replaceAdds') ? ++nextId : data.id; // N04.FR.11, N04.FR.12
    if (station.has('monitoring.setNotStored')) return { ...answer, id, status: 'Accepted' };
    const monitor = install({ id, component: structuredClone(component), variable: structuredClone(variable), type, value: data.value, severity, transaction: data.transaction ?? false, origin: 'Custom' }); // N04.FR.15
    // N07.FR.11: a new threshold is checked against the current value at once.
    if (threshold && !station.has('monitoring.noCheckOnChange')) evaluate(monitor, current(monitor) ?? '');
    return { ...answer, id, status: 'Accepted' }; // N04.FR.08
  };

  /** The report in parts of at most ItemsPerMessage[GetReport] entries and (roughly, the JSON of the entries) BytesPerMessage[GetReport] bytes. */
  const sendReport = async (requestId: number, data: MonitoringDataType[]) => {
    const limit = (name: string, fallback: number) => (deviceModel.has('DeviceDataCtrlr', { name, instance: 'GetReport' }) ? deviceModel.getNumber('DeviceDataCtrlr', { name, instance: 'GetReport' }) : fallback);
    const perMessage = Math.max(1, limit('ItemsPerMessage', 50));
    const bytes = Math.max(1024, limit('BytesPerMessage', 65000) - 256); // room for the other fields of the message
    const parts: MonitoringDataType[][] = [];
    for (const entry of data) {
      const last = parts[parts.length - 1];
      if (last && last.length < perMessage && JSON.stringify([...last, entry]).length <= bytes) last.push(entry);
      else parts.push([entry]);
    }
    const generatedAt = new Date().toISOString();
    const first = station.has('monitoring.reportSeqNoFromOne') ? 1 : 0;
    for (const [index, monitor] of parts.entries()) {
      await station.send('NotifyMonitoringReport', { requestId, seqNo: first + index, generatedAt, tbc: index < parts.length - 1, monitor: monitor as [MonitoringDataType, ...MonitoringDataType[]] }); // N02.FR.04, N02.FR.09
    }
  };

  return {
    handlers: {
      SetVariableMonitoring: (call): OcppResponses['SetVariableMonitoring'] => {
        const results = call.payload.setMonitoringData.map(setOne) as OcppResponses['SetVariableMonitoring']['setMonitoringResult']; // N04.FR.01, N04.FR.02
        armPeriodic();
        return { setMonitoringResult: results };
      },
      GetMonitoringReport: (call): OcppResponses['GetMonitoringReport'] => {
        const { requestId, monitoringCriteria = [], componentVariable = [] } = call.payload;
        const unsupportedCriteria = monitoringCriteria.filter((c) => station.options.unsupportedMonitoringCriteria?.includes(c));
        if (unsupportedCriteria.length > 0 && !station.has('monitoring.unsupportedCriteriaAccepted')) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam', additionalInfo: `monitoringCriteria ${unsupportedCriteria.join(', ')} not supported` } }; // N02.FR.02
        const types = new Set(monitoringCriteria.flatMap((c) => CRITERIA[c] ?? []));
        const chosen = [...monitors.values()]
          .filter((m) => station.has('monitoring.criteriaIgnored') || monitoringCriteria.length === 0 || types.has(m.type)) // N02.FR.05, N02.FR.06
          .filter((m) => componentVariable.length === 0 || componentVariable.some((entry) => wanted(m, entry))); // N02.FR.08
        if (chosen.length === 0) return { status: 'EmptyResultSet', statusInfo: { reasonCode: 'NotFound' } }; // N02.FR.10
        const grouped = new Map<string, MonitoringDataType>();
        for (const m of chosen) {
          const key = keyOf(m.component, m.variable);
          const entry = grouped.get(key) ?? { component: structuredClone(m.component), variable: structuredClone(m.variable), variableMonitoring: [] as unknown as MonitoringDataType['variableMonitoring'] };
          entry.variableMonitoring.push({ id: m.id, transaction: m.transaction, value: m.value, type: m.type, severity: m.severity });
          grouped.set(key, entry);
        }
        station.later(0, () => void sendReport(requestId, [...grouped.values()]));
        return { status: 'Accepted' }; // N02.FR.01
      },
      SetMonitoringBase: (call): OcppResponses['SetMonitoringBase'] => {
        const requested = call.payload.monitoringBase;
        if (station.options.unsupportedMonitoringBase?.includes(requested) && !station.has('monitoring.unsupportedBaseAccepted')) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam', additionalInfo: `monitoringBase ${requested} not supported` } }; // N03.FR.02
        if (requested === 'HardWiredOnly' && station.has('monitoring.hardWiredOnlyNotSupported')) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
        for (const [id, m] of monitors) {
          if (requested === 'HardWiredOnly' && m.origin !== 'HardWired' && !(m.origin === 'Preconfigured' && station.has('monitoring.hardWiredOnlyKeepsPreconfigured'))) monitors.delete(id); // N03.FR.05
          if (requested === 'FactoryDefault' && m.origin === 'Custom' && !station.has('monitoring.customKeptOnFactoryDefault')) monitors.delete(id); // N03.FR.04
        }
        if (requested !== 'HardWiredOnly') for (const m of factory) if (!monitors.has(m.id)) install(m); // N03.FR.03, N03.FR.04
        recordBase(requested);
        armPeriodic();
        return { status: 'Accepted' }; // N03.FR.01
      },
      SetMonitoringLevel: (call): OcppResponses['SetMonitoringLevel'] => {
        const { severity } = call.payload;
        if ((severity < 0 || severity > 9) && !station.has('monitoring.levelOutOfRangeAccepted')) return { status: 'Rejected', statusInfo: { reasonCode: 'ValueOutOfRange' } }; // N05.FR.02
        if (deviceModel.has(MONITORING, 'ActiveMonitoringLevel') && severity >= 0 && severity <= 9) deviceModel.set(MONITORING, 'ActiveMonitoringLevel', String(severity));
        return { status: 'Accepted' }; // N05.FR.01
      },
      ClearVariableMonitoring: (call): OcppResponses['ClearVariableMonitoring'] => ({
        clearMonitoringResult: call.payload.id.map((id) => {
          const monitor = monitors.get(id);
          if (!monitor) return { id, status: station.has('monitoring.clearUnknownAccepted') ? 'Accepted' : 'NotFound' }; // N06.FR.02
          if (monitor.origin === 'HardWired' && !station.has('monitoring.hardWiredCleared')) return { id, status: 'Rejected', statusInfo: { reasonCode: 'ReadOnly' } }; // N06.FR.03
          if (!station.has('monitoring.clearNotApplied')) monitors.delete(id); // N07.FR.12: no cleared event for a removed threshold
          return { id, status: 'Accepted' }; // N06.FR.01
        }) as OcppResponses['ClearVariableMonitoring']['clearMonitoringResult'], // N06.FR.05
      }),
    },
    onAccepted: async () => {
      if (station.has('monitoring.notPersistent') && station.bootState === 'Accepted') for (const [id, m] of monitors) if (m.origin === 'Custom') monitors.delete(id);
      armPeriodic();
      // N07.FR.04: what was queued offline goes out now, the most severe (lowest number) first.
      const sorted = station.has('monitoring.offlineQueueUnsorted') ? requestQueue : [...requestQueue].sort((a, b) => a.severity - b.severity || a.data.eventId - b.data.eventId);
      const queued = sorted;
      requestQueue = [];
      for (const event of queued) await station.send('NotifyEvent', { generatedAt: new Date().toISOString(), seqNo: 0, eventData: [event.data] });
    },
    perform(action) {
      if (action.kind !== 'hardwiredNotification') return false;
      // A notification built into the firmware (N07, Part 6 TC_N_21_CS): the enclosure was opened. Not a monitor, so no level or base applies.
      const timestamp = new Date().toISOString();
      const data: EventDataType = { eventId: ++eventId, timestamp, trigger: 'Alerting', actualValue: deviceModel.getString('ChargingStation', 'AvailabilityState'), techCode: 'EnclosureOpened', component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' }, eventNotificationType: station.has('monitoring.hardwiredAsCustom') ? 'CustomMonitor' : 'HardWiredNotification' };
      if (station.bootState === 'Accepted') void station.send('NotifyEvent', { generatedAt: timestamp, seqNo: 0, eventData: [data] });
      else requestQueue.push({ severity: 0, data });
      return true;
    },
    stop: () => {
      timerGeneration++;
    },
  };
}
