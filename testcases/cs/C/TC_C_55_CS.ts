/** TC_C_55_CS: offline with ContractValidationOffline false, the station must not let a Plug & Charge EV charge, whatever its local data say. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { pncApplicable, pncOffline, pncOfflineRefused, withPncOffline } from '../states';

export default defineTestCase({
  id: 'TC_C_55_CS',
  name: 'Authorization using Contract Certificates 15118 - Offline - ContractValidationOffline is false',
  sut: 'CS',
  useCases: ['C07'],
  requirements: ['C07.FR.07'],
  detects: ['pnc.offlineIgnoresSetting'],
  configuration: pncOffline(false, false),
  applicable: pncApplicable(),
  notes:
    'Errata 2025-02 6.2.43 lists OfflineTxForUnknownIdEnabled both true and false (the strike-through is lost in the text ' +
    'we have); read as the change to false. Memory states as for TC_C_54_CS, so the eMAID is in the local list and / or the ' +
    'cache, where the station keeps them: only ContractValidationOffline false keeps the EV from charging. Step 7 and the post ' +
    'scenario validation are watched together for <Configured message timeout>: no TransactionEventRequest with triggerReason ' +
    'Authorized or ChargingStateChanged, none with chargingState Charging.',
  run: relyingOnFeature('iso15118Pnc', async (ctx) => {
    await withPncOffline(ctx, pncOfflineRefused);
  }),
});
