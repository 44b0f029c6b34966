/** TC_B_54_CS: a custom report naming a variable without instance lists every instance of it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customReportOf, itemsPerMessage } from '../states';

export default defineTestCase({
  id: 'TC_B_54_CS',
  name: 'Get Custom Report - with component/variable, but no instance',
  sut: 'CS',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14', 'B08.FR.21'],
  detects: ['reports.instanceRequired', 'reports.wrongSeqNo'],
  notes:
    'Part 6 lists the instances GetReport and "GetVariable" at reportData[0] and [1]; the second is read as GetVariables (the instance name of ' +
    'the Part 2 device model), and the order is not checked. The report must hold the three instances Part 2 requires (GetReport, GetVariables, ' +
    'SetVariables), each once, and nothing else (B08.FR.21). requestId, generatedAt and seqNo are checked as in the other B08 cases.',
  async run(ctx) {
    await customReportOf(ctx, 'DeviceDataCtrlr.ItemsPerMessage without instance', [itemsPerMessage()], ['GetReport', 'GetVariables', 'SetVariables'].map((instance) => `DeviceDataCtrlr.ItemsPerMessage[${instance}]`));
  },
});
