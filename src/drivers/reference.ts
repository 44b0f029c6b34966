/** The driver backend for the in-process reference SUTs: actions are method calls, no operator needed. */
import type { ReferenceCsms } from '../reference/csms/csms';
import type { ReferenceStation } from '../reference/station/station';
import type { DriverAction } from './actions';
import type { Driver } from './driver';

/** Drives a reference station or reference CSMS directly. */
export function referenceDriver(sut: { station?: ReferenceStation; csms?: ReferenceCsms }): Driver {
  const need = <T>(value: T | undefined, action: DriverAction): T => {
    if (!value) throw new Error(`harness bug: action ${action.kind} needs a reference ${sut.station ? 'CSMS' : 'station'}`);
    return value;
  };
  return {
    name: 'reference',
    async perform(action) {
      switch (action.kind) {
        case 'reboot':
          return need(sut.station, action).reboot();
        case 'answerNextBootWithPending':
          return need(sut.csms, action).answerNextBootWithPending(action.stationId);
      }
    },
  };
}
