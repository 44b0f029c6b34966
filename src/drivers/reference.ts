/** The driver backend for the in-process reference SUTs: actions are method calls, no operator needed. */
import type { ReferenceCsms } from '../reference/csms/csms';
import type { ReferenceStation } from '../reference/station/station';
import { isCsmsAction } from './actions';
import type { Driver } from './driver';

/** Drives a reference station or reference CSMS directly. */
export function referenceDriver(sut: { station?: ReferenceStation; csms?: ReferenceCsms }): Driver {
  return {
    name: 'reference',
    async perform(action) {
      if (isCsmsAction(action)) {
        if (!sut.csms) throw new Error(`harness bug: action ${action.kind} needs the reference CSMS`);
        return sut.csms.perform(action);
      }
      if (!sut.station) throw new Error(`harness bug: action ${action.kind} needs the reference station`);
      return sut.station.perform(action);
    },
  };
}
