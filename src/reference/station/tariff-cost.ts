/** Block I of the reference station: what its display shows the driver about tariff and cost (I01-I06), fed by CostUpdatedRequest and the CSMS's answers. */
import { describeStationAction } from '../../drivers/station-actions';
import { requireDone } from '../../drivers/operator';
import type { IdTokenInfoType, MessageContentType } from '../../ocpp/generated/definitions';
import { evModel } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';

/** What the display of one EVSE shows. */
interface Display {
  /** The running total cost of the ongoing transaction (I02.FR.03, I02.FR.04). */
  runningCost?: number;
  /** The total cost of the transaction that ended last (I03.FR.03). */
  finalCost?: number;
  /** The tariff text the CSMS gave last (I01.FR.03, I06.FR.03). */
  tariff?: string;
}

/** Whether two amounts are the same to the cent a display shows. */
const sameAmount = (a: number | undefined, b: number): boolean => a !== undefined && Math.round(a * 100) === Math.round(b * 100);

/**
 * The tariff and cost feature. The display of an EVSE shows the running cost of its transaction from CostUpdatedRequest
 * (answered at once, I02.FR.02) and from the totalCost of a TransactionEventResponse, the final cost from the totalCost of
 * the answer to the Ended event, and the tariff from the personal messages of the CSMS's answers. TariffCostCtrlr
 * Enabled[Cost] false keeps costs off the display. The driver action confirmCostShown answers from that display.
 */
export function tariffCostFeature(station: StationRuntime): StationFeature {
  const model = evModel(station);
  const displays = new Map<number, Display>();
  /** The EVSE of each ongoing transaction. */
  const evseOf = new Map<string, number>();
  /** Called after every change of a display. */
  const watchers = new Set<() => void>();
  const changed = (): void => {
    for (const watcher of [...watchers]) watcher();
  };
  const displayOf = (evseId: number): Display => {
    let display = displays.get(evseId);
    if (!display) displays.set(evseId, (display = {}));
    return display;
  };
  const costShown = (): boolean => {
    const key = { name: 'Enabled', instance: 'Cost' };
    return !station.deviceModel.has('TariffCostCtrlr', key) || station.deviceModel.get('TariffCostCtrlr', key) === 'true';
  };
  const showTariff = (evseId: number, message: MessageContentType | undefined): void => {
    if (message) displayOf(evseId).tariff = message.content;
  };

  model.on('transaction', ({ evse, transactionId, started }) => {
    if (started) {
      evseOf.set(transactionId, evse.id);
      displays.set(evse.id, { ...displayOf(evse.id), runningCost: undefined, finalCost: undefined });
    }
  });
  model.on('transactionAnswered', ({ request, response }) => {
    const transactionId = request.transactionInfo.transactionId;
    const evseId = evseOf.get(transactionId) ?? request.evse?.id;
    if (evseId === undefined) return;
    const info: IdTokenInfoType | undefined = response.idTokenInfo;
    showTariff(evseId, info?.personalMessage);
    showTariff(evseId, response.updatedPersonalMessage);
    const display = displayOf(evseId);
    if (request.eventType === 'Ended') {
      evseOf.delete(transactionId);
      display.runningCost = undefined;
      if (response.totalCost !== undefined && costShown() && !station.has('tariff.finalCostNotShown')) display.finalCost = response.totalCost;
    } else if (response.totalCost !== undefined && costShown() && !station.has('tariff.runningCostNotShown')) display.runningCost = response.totalCost;
    changed();
  });

  return {
    handlers: {
      CostUpdated: (call) => {
        if (station.has('tariff.costUpdatedRefused')) throw new Error('CostUpdatedRequest is not supported');
        const { totalCost, transactionId } = call.payload;
        const evseId = evseOf.get(transactionId);
        if (evseId !== undefined && costShown() && !station.has('tariff.costUpdatedNotShown')) displayOf(evseId).runningCost = totalCost;
        changed();
        return {};
      },
    },
    async perform(action) {
      if (action.kind !== 'confirmCostShown') return false;
      const shown = (): number | undefined => (action.final ? displays.get(action.evseId)?.finalCost : displays.get(action.evseId)?.runningCost);
      if (!sameAmount(shown(), action.totalCost)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            clearTimeout(timer);
            watchers.delete(watcher);
            resolve();
          };
          const watcher = (): void => {
            if (sameAmount(shown(), action.totalCost)) done();
          };
          // The reference's "operator" watches the display for the amount (the answer that sets it may still be on its way), as long as a message may take.
          const timer = setTimeout(done, station.options.timeoutMs);
          watchers.add(watcher);
        });
      }
      station.log(`display of EVSE ${action.evseId}: ${action.final ? 'final' : 'running'} cost ${shown() ?? 'none'}`);
      if (!sameAmount(shown(), action.totalCost)) requireDone({ answer: 'cannot', answeredBy: 'reference station' }, describeStationAction(action));
      return true;
    },
    stop() {
      displays.clear();
      evseOf.clear();
      changed();
    },
  };
}
