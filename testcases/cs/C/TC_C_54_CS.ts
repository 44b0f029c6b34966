/** TC_C_54_CS: offline with ContractValidationOffline true, the station validates the contract itself, finds the eMAID in its local data and lets the EV charge; the queued events follow when it is back. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { pncApplicable, pncOffline, pncOfflineCharging, withPncOffline } from '../states';

export default defineTestCase({
  id: 'TC_C_54_CS',
  name: 'Authorization using Contract Certificates 15118 - Offline - ContractValidationOffline is true',
  sut: 'CS',
  useCases: ['C07'],
  requirements: ['C07.FR.08', 'C07.FR.09', 'C07.FR.10', 'C07.FR.11', 'C07.FR.12'],
  detects: ['pnc.noOfflineValidation', 'offline.flagMissing'],
  configuration: pncOffline(true, true),
  applicable: pncApplicable(),
  notes:
    'Memory states as errata 2025-09 6.2.35 / 6.2.120: the V2G and MO roots (and the V2G certificate), then ' +
    'IdTokenCached15118 when AuthCacheCtrlr.Enabled reads true (a whole Plug & Charge session, stopped remotely), then ' +
    'IdTokenLocalAuthList with the eMAID of the harness\'s contract when LocalAuthListCtrlr.Enabled reads true (set "if ' +
    'implemented" before, errata 6.2.121). The EV presents its contract right after it is connected, while the harness is ' +
    'offline. TxStartPoint condition as for TC_C_50_CS (errata 2025-02 6.2.41).',
  run: relyingOnFeature('iso15118Pnc', async (ctx) => {
    await withPncOffline(ctx, pncOfflineCharging);
  }),
});
