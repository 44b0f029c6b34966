// Stations that send the reports of a request before they answer the request itself (the report goes out first, then the CALLRESULT): the harness must take the reports all the same.
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, displayMessagesRequested } from '../../../testcases/cs/states';
import { scriptedRun, type ScriptedRun, type ScriptedStation } from '../scripted-station';

jest.setTimeout(30_000);

/** A probe case (not a Part 6 case): GetChargingProfiles for EVSE 1, two report parts expected. */
const profilesProbe = defineTestCase({
  id: 'TC_P_97_CS',
  name: 'probe: charging profiles reported before the request is answered',
  sut: 'CS',
  useCases: ['K09'],
  requirements: [],
  detects: [],
  async run(ctx) {
    const report = await chargingProfilesReported(ctx, ['harness asks for the profiles of EVSE 1', 'station reports them'], { evseId: 1, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile' } }, 'Accepted');
    ctx.check.equal('profiles reported', report.profiles.map((p) => p.profile.id).join(','), '11,12');
  },
});

/** A probe case: GetDisplayMessages for all messages, two Notify parts expected. */
const messagesProbe = defineTestCase({
  id: 'TC_P_98_CS',
  name: 'probe: display messages reported before the request is answered',
  sut: 'CS',
  useCases: ['O03'],
  requirements: [],
  detects: [],
  async run(ctx) {
    const report = await displayMessagesRequested(ctx, {}, { request: 'harness asks for every display message', notify: 'station reports them' });
    ctx.check.equal('messages reported', report.messages.map((m) => m.id).join(','), '1,2');
  },
});

const profile = (id: number) => ({ id, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: [{ id, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }] });
const message = (id: number) => ({ id, priority: 'NormalCycle', message: { format: 'UTF8', content: `message ${id}` } });

/** Answers the Get request only after both report parts went out and were answered. */
const reportsFirst = {
  async answer(action: string, payload: Record<string, unknown>, station: ScriptedStation) {
    const requestId = payload.requestId as number;
    if (action === 'GetChargingProfiles') {
      await station.send('ReportChargingProfiles', { requestId, chargingLimitSource: 'CSO', evseId: 1, tbc: true, chargingProfile: [profile(11)] });
      await station.send('ReportChargingProfiles', { requestId, chargingLimitSource: 'CSO', evseId: 1, tbc: false, chargingProfile: [profile(12)] });
      return { result: { status: 'Accepted' } };
    }
    if (action === 'GetDisplayMessages') {
      await station.send('NotifyDisplayMessages', { requestId, tbc: true, messageInfo: [message(1)] });
      await station.send('NotifyDisplayMessages', { requestId, tbc: false, messageInfo: [message(2)] });
      return { result: { status: 'Accepted' } };
    }
    return undefined;
  },
};

let run: ScriptedRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe('a station that reports before it answers the request', () => {
  test('GetChargingProfiles: both ReportChargingProfiles parts are taken and answered, and the case passes', async () => {
    run = await scriptedRun(reportsFirst);
    const result = await run.run(profilesProbe);
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    expect(run.station.sent.filter((s) => s.action === 'ReportChargingProfiles').map((s) => s.answer)).toEqual([{}, {}]);
  });

  test('GetDisplayMessages: both NotifyDisplayMessages parts are taken and answered, and the case passes', async () => {
    run = await scriptedRun(reportsFirst);
    const result = await run.run(messagesProbe);
    expect(`${result.verdict}: ${result.reason}`).toBe('passed: every step and validation passed');
    expect(run.station.sent.filter((s) => s.action === 'NotifyDisplayMessages').map((s) => s.answer)).toEqual([{}, {}]);
  });
});
