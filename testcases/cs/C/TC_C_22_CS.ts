/** TC_C_22_CS: offline, a token the local list calls Invalid must not start charging. */
import { defineTestCase } from '../../../src/engine/testcase';
import { OFFLINE_RETRY, offlineFromList, offlineListRefusal } from '../states';

export default defineTestCase({
  id: 'TC_C_22_CS',
  name: 'Offline authorization through local authorization list - Invalid',
  sut: 'CS',
  useCases: ['C13'],
  requirements: ['C13.FR.02'],
  detects: ['localList.statusIgnoredOffline'],
  configuration: [...offlineFromList(false), ...OFFLINE_RETRY],
  notes:
    'Part 6 only validates the EVDetected event of TxStartPoint ParkingBayOccupancy; that the token is refused shows as the ' +
    'absence of any other TransactionEventRequest (beyond meter values) for <Configured message timeout> after the reconnection.',
  run: (ctx) => offlineListRefusal(ctx, ctx.config.configured.idTokens.invalid, 'Invalid'),
});
