/** TC_N_48_CS: an event of a monitor on a write-only variable (the Basic auth password) carries an empty actualValue. */
import { randomBytes } from 'node:crypto';
import { defineTestCase } from '../../../src/engine/testcase';
import { acceptedUpgrade, endpointsOf, withSecurityProfile } from '../states';
import { checkMonitorResult, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

const BASIC_AUTH_PASSWORD = { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } } as const;

export default defineTestCase({
  id: 'TC_N_48_CS',
  name: 'Alert Event - Variable monitoring on write only',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.10'],
  detects: ['monitoring.writeOnlyValueShown'],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes:
    'Runs on security profile 1 or 2 (errata 2025-02, Part 5 AQ-10). Memory state: a Delta monitor (value 1, <Configured severity>) on ' +
    'SecurityCtrlr.BasicAuthPassword. The new password is random, as long as the configured one; the station may connect again with it ' +
    '(the harness takes it), and afterwards the configured password is set back as in TC_A_09_CS, and the monitor cleared.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    const severity = config.configured.monitorSeverity;
    await withSecurityProfile(ctx, [1, 2], async (profile) => {
      const endpoints = endpointsOf(ctx);
      const configured = config.station.basicAuthPassword as string;
      const password = randomBytes(configured.length).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, configured.length);
      await withCustomMonitors(ctx, async (ids) => {
        const delta = { ...BASIC_AUTH_PASSWORD, type: 'Delta' as const, value: 1, severity };
        const id = await step('Memory State: harness sets a Delta monitor on SecurityCtrlr.BasicAuthPassword', async () => {
          const result = resultFor(await setMonitors(ctx, [delta]), delta);
          if (result?.id !== undefined) ids.push(result.id);
          checkMonitorResult(ctx, 'setMonitoringResult', result, delta, ['Accepted']);
          return result?.id;
        });
        const watch = endpoints.watch();
        const event = csms.expect('NotifyEvent', { where: (c) => c.payload.eventData.some((e) => e.variableMonitoringId === id), acrossReconnect: true, timeoutMs: config.timeouts.connectMs + config.timeouts.messageMs, description: `a NotifyEventRequest for monitor ${id}` });
        event.catch(() => undefined);
        try {
          const status = await step('1-2. harness sets a new BasicAuthPassword of the same length; the station accepts', async () => {
            endpoints.password = password;
            const result = (await csms.call('SetVariables', { setVariableData: [{ ...BASIC_AUTH_PASSWORD, attributeValue: password }] })).setVariableResult[0].attributeStatus;
            if (result !== 'Accepted' && result !== 'RebootRequired') endpoints.password = configured;
            check.oneOf('SetVariablesResponse.setVariableResult[0].attributeStatus', result, ['Accepted', 'RebootRequired']);
            return result;
          });
          if (status === 'RebootRequired') await step('3. Manual action: reboot the station so the new password takes effect', () => ctx.perform({ kind: 'reboot' }));
          await step('4-5. station sends NotifyEventRequest for the monitor, with an empty actualValue', async () => {
            const call = await event;
            call.respond({});
            check.equal('eventData[0].actualValue', call.payload.eventData.find((e) => e.variableMonitoringId === id)?.actualValue, '');
          });
          await step('The station connects again with the new password (harness accepts it)', () => acceptedUpgrade(ctx, watch, profile === 3 ? undefined : password)).catch(() => undefined);
          await csms.ensureAccepted();
        } finally {
          if (endpoints.password !== configured && csms.connection) {
            await step('Afterwards: set the configured BasicAuthPassword back', async () => {
              endpoints.password = configured;
              await csms.call('SetVariables', { setVariableData: [{ ...BASIC_AUTH_PASSWORD, attributeValue: configured }] });
              await watch.nextAttempt(config.timeouts.connectMs, (a) => !a.refusal);
              await csms.ensureAccepted();
            });
          }
          endpoints.password = configured;
          watch.stop();
        }
      });
    });
  },
});
