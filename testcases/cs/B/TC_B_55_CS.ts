/** TC_B_55_CS: a custom report naming a variable instance lists that instance only. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customReportOf, itemsPerMessage } from '../states';

export default defineTestCase({
  id: 'TC_B_55_CS',
  name: 'Get Custom Report - with component/variable/instance',
  sut: 'CS',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14'],
  detects: ['reports.instanceIgnored', 'reports.wrongSeqNo'],
  notes:
    'Part 6 writes componentVariable.instance = "GetReport"; it is sent as componentVariable.variable.instance. Part 6 checks reportData[0]; as ' +
    'the case is about reporting one instance, the report must hold DeviceDataCtrlr.ItemsPerMessage[GetReport] and nothing else.',
  async run(ctx) {
    await customReportOf(ctx, 'DeviceDataCtrlr.ItemsPerMessage[GetReport]', [itemsPerMessage('GetReport')], ['DeviceDataCtrlr.ItemsPerMessage[GetReport]']);
  },
});
