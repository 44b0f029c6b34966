/** How the harness, playing a Charging Station, answers CSMS CALLs that no step waits for: as the simulated station of the run config does. */
import type { RunConfig } from '../engine/config';
import { SimulatedStation } from './simulated-station';

/** The simulated station of a run: the configured EVSEs, reconnect delay after a reset and local list version. */
export function simulatedStationAnswers(config: Pick<RunConfig, 'station' | 'configured'>): SimulatedStation {
  return new SimulatedStation({ evses: config.station.evses, reconnectDelayMs: config.station.reconnectDelayMs, localListVersion: config.configured.localListVersion });
}
