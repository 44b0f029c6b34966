/** TC_N_34_CS: asked for a log it has no information for, a station answers Rejected. */
import { defineTestCase } from '../../../src/engine/testcase';
import { newLogRequestId, requestLog, withLogLocation } from '../states/logs';

export default defineTestCase({
  id: 'TC_N_34_CS',
  name: 'Retrieve Log Information - Rejected',
  sut: 'CS',
  useCases: ['N01'],
  requirements: ['N01.FR.05'],
  detects: ['logs.unavailableAccepted'],
  notes:
    'Part 6 runs this case only for a station that can be without log information; <Configured logType> is configured.logTypeWithoutInformation ' +
    '(empty: the station keeps both log types and the case does not apply). Against the reference it runs on the variant that keeps no security log.',
  applicable: (config) => (config.configured.logTypeWithoutInformation === '' ? 'the station keeps both log types (configured.logTypeWithoutInformation is empty), so it cannot be without log information' : undefined),
  async run(ctx) {
    const logType = ctx.config.configured.logTypeWithoutInformation || 'SecurityLog';
    await withLogLocation(ctx, 'TC_N_34_CS', { kind: 'accept' }, async (where) => {
      await ctx.step(`1-2. harness asks for the ${logType}, which the station has no information for`, async () => {
        const response = await requestLog(ctx, { requestId: newLogRequestId(), logType, remoteLocation: where.location });
        ctx.check.equal('GetLogResponse.status', response.status, 'Rejected');
      });
    });
  },
});
