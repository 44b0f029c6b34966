/** TC_K_38_CS: a station without Smart Charging ignores the TxProfile of a remote start and starts the transaction as usual. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, buildProfile, energyTransferStarted, evConnectedPreSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_38_CS',
  name: 'Remote start transaction with charging profile - Ignore chargingProfile',
  sut: 'CS',
  useCases: ['F01'],
  requirements: ['F01.FR.12', 'F01.FR.13'],
  detects: ['remoteStart.chargingProfileRejected', 'remoteStart.notRemote'],
  configuration: AUTHORIZATION_ON,
  applicable: (config) => (config.configured.smartCharging ? 'the station supports Smart Charging (configured.smartCharging is true); the case is for stations without it' : undefined),
  notes:
    'As TC_F_01_CS (Before: EVConnectedPreSession; then Authorized by RequestStartTransaction and EnergyTransferStarted), with a TxProfile in ' +
    'the request: kind Relative, no transactionId, one period from 0 s at 6 A times the limit multiplier of errata 2025-09 6.2.69 (as the K ' +
    'cases build it) with <Configured numberPhases>. The station must accept the start and ignore the profile (F01.FR.12).',
  async run(ctx) {
    const chargingProfile = buildProfile(ctx.config, { purpose: 'TxProfile', kind: 'Relative', duration: null });
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step('1-6. the CSMS starts the transaction remotely with a TxProfile the station must ignore (Authorized, remote)', () => authorized(session, 'remote', { chargingProfile }));
      await ctx.step('7. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
