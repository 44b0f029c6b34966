/** TC_H_15_CSMS: asked by its operator, the CSMS reserves a connector type for an idToken. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsBackToAvailable, connectorsReportedTo, csmsReserves } from '../states';

export default defineTestCase({
  id: 'TC_H_15_CSMS',
  name: 'Reserve a connector with a specific type - Success',
  sut: 'CSMS',
  useCases: ['H01', 'H03'],
  requirements: [],
  detects: ['reservation.connectorTypeDropped', 'reservation.evseAdded'],
  notes: 'The type is <Configured connectorType>; the harness reports the configured connector (of that type) Reserved, then Available again afterwards.',
  async run(ctx) {
    const { connectorType, evseId, connectorId } = ctx.config.configured;
    await csmsReserves(ctx, `1-2. the CSMS, asked to reserve a ${connectorType} connector, sends ReserveNowRequest; harness accepts`, { connectorType });
    await connectorsReportedTo(ctx, '3-4. harness reports the connector Reserved; the CSMS answers', [{ id: evseId, connectorId }], 'Reserved');
    await connectorsBackToAvailable(ctx);
  },
});
