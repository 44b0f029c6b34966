/** TC_N_08_CSMS: asked to install a Delta monitor on the EVSE's AvailabilityState, the CSMS sends them with the recommended value 1 and severity 8. */
import { defineTestCase } from '../../../src/engine/testcase';
import { deltaMonitorsAsked, evseVariable } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_08_CSMS',
  name: 'Set Variable Monitoring - One SetMonitoringData element',
  sut: 'CSMS',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.02', 'N04.FR.17'],
  detects: ['setMonitoring.deltaValueZero', 'setMonitoring.severityDropped'],
  notes: 'The operator request is a driver action (setVariableMonitoring, without a value: the CSMS picks it, and N04.FR.17 recommends 1 for a Delta on a non-numeric variable). The EVSE is <Configured evseId>. The harness accepts every monitor.',
  async run(ctx) {
    await deltaMonitorsAsked(ctx, [evseVariable(ctx, 'AvailabilityState')]);
  },
});
