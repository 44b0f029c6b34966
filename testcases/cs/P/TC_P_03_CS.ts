/** TC_P_03_CS: a station handles requests that carry customData. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customData } from '../../custom-data';

export default defineTestCase({
  id: 'TC_P_03_CS',
  name: 'CustomData - Receive custom data',
  sut: 'CS',
  useCases: [],
  requirements: [],
  detects: ['customData.refused', 'variables.setRejected', 'variables.staleRead'],
  notes:
    'The Part 6 steps do not show where the custom data goes; as the case name says, both requests carry a customData object ' +
    '(configured vendorId plus a vendor-specific property) at their root and in the set/get entries.',
  async run({ step, csms, check, config }) {
    const data = customData(config);
    const target = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeType: 'Actual' as const };
    await step('1-2. harness sets OCPPCommCtrlr.OfflineThreshold to 200, with customData', async () => {
      const set = await csms.call('SetVariables', { customData: data, setVariableData: [{ ...target, attributeValue: '200', customData: data }] });
      check.equal('SetVariablesResponse.setVariableResult[0].attributeStatus', set.setVariableResult[0]?.attributeStatus, 'Accepted');
    });
    await step('3-4. harness reads OCPPCommCtrlr.OfflineThreshold, with customData', async () => {
      const get = await csms.call('GetVariables', { customData: data, getVariableData: [{ ...target, customData: data }] });
      const result = get.getVariableResult[0];
      check.equal('GetVariablesResponse.getVariableResult[0].attributeStatus', result?.attributeStatus, 'Accepted');
      check.oneOf('GetVariablesResponse.getVariableResult[0].attributeType', result?.attributeType, ['Actual', undefined]);
      check.equal('GetVariablesResponse.getVariableResult[0].attributeValue', result?.attributeValue, '200');
    });
  },
});
