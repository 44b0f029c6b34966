/** TC_B_08_CSMS: the CSMS splits a read of five variables over GetVariablesRequests of at most ItemsPerMessage[GetVariables] (4) entries. */
import { defineTestCase } from '../../../src/engine/testcase';
import { VerdictError } from '../../../src/engine/verdict';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { ActionVariableValue } from '../../../src/drivers/csms-actions';
import { answerGetVariables, askCsms, isEntryFor, variablesRead } from '../states';

/** DeviceDataCtrlr.ItemsPerMessage[GetVariables] as the harness station reports it (Part 6: 4). */
const ITEMS_PER_MESSAGE = 4;

export default defineTestCase({
  id: 'TC_B_08_CSMS',
  name: 'Get Variables - limit to maximum number of values',
  sut: 'CSMS',
  useCases: ['B06'],
  requirements: ['B06.FR.05'],
  detects: ['variables.getItemsLimitIgnored', 'variables.getNotSent', 'variables.getOnlyFirst'],
  notes:
    'The Before configuration is read as: the CSMS is asked to read DeviceDataCtrlr.ItemsPerMessage[GetVariables] and the harness answers 4, ' +
    'so the CSMS knows the limit. In the main step the harness answers every GetVariablesRequest at once and waits (the message timeout each) ' +
    'for further ones until all five variables were asked for (the first may take the operator timeout too); a CSMS that never asks for some of them fails the step-1 check of those. ' +
    'Answers: ItemsPerMessage[GetVariables] 4, ItemsPerMessage[GetReport] 10, both BytesPerMessage 65000, AuthorizeRemoteStart "true". ' +
    'A CSMS may store the limit it read only just after it answered, so the harness asks for the main action only once timeouts.settleMs ' +
    'has passed since its last message with the CSMS (as before every CSMS action).',
  async run(ctx) {
    const { check, config, station } = ctx;
    const limit = { component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', instance: 'GetVariables', value: String(ITEMS_PER_MESSAGE) };
    await variablesRead(ctx, 'Before: CSMS reads DeviceDataCtrlr.ItemsPerMessage[GetVariables], harness answers 4', [limit]);
    const values: ActionVariableValue[] = [
      { component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', instance: 'GetReport', value: '10' },
      limit,
      { component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', instance: 'GetReport', value: '65000' },
      { component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', instance: 'GetVariables', value: '65000' },
      { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'true' },
    ];
    const requests: IncomingCall<'GetVariables'>[] = [];
    const label = (v: ActionVariableValue) => `${v.component}.${v.variable}${v.instance ? `[${v.instance}]` : ''}`;
    await ctx.step('1-2. CSMS is asked to read five variables, harness answers each GetVariablesRequest', async () => {
      const variables = values.map(({ component, variable, instance }) => ({ component, variable, ...(instance === undefined ? {} : { instance }) }));
      const missing = () => values.filter((v) => !requests.some((r) => r.payload.getVariableData.some((d) => isEntryFor(d, v))));
      // Listening before the action: a CSMS may finish the action only once every request of it has been answered.
      const collected = (async () => {
        let timeoutMs = config.timeouts.operatorMs + config.timeouts.messageMs;
        while (missing().length > 0) {
          let call: IncomingCall<'GetVariables'>;
          try {
            call = await station.expect('GetVariables', { timeoutMs, description: `a GetVariablesRequest for ${missing().map(label).join(', ')}` });
          } catch (error) {
            if (error instanceof VerdictError && error.code === 'OCPPCT_EXPECT_TIMEOUT') return; // what is missing the checks below say
            throw error;
          }
          answerGetVariables(call, values);
          requests.push(call);
          timeoutMs = config.timeouts.messageMs;
        }
      })();
      collected.catch(() => undefined); // awaited below; this only keeps an early rejection from counting as unhandled
      await askCsms(ctx, { kind: 'getVariables', stationId: config.station.id, variables });
      await collected;
      for (const v of values) check.that(`a GetVariablesRequest asks for ${label(v)}`, requests.some((r) => r.payload.getVariableData.some((d) => isEntryFor(d, v))), 'requested', 'not requested');
      const sizes = requests.map((r) => r.payload.getVariableData.length).sort((a, b) => b - a);
      check.equal('entries per GetVariablesRequest (largest first)', sizes.join(', '), `${ITEMS_PER_MESSAGE}, 1`);
    });
    await ctx.step(`Post scenario: no GetVariablesRequest holds more than ItemsPerMessage[GetVariables] (${ITEMS_PER_MESSAGE}) entries`, () => {
      for (const [index, request] of requests.entries()) check.that(`GetVariablesRequest ${index + 1}: number of entries`, request.payload.getVariableData.length <= ITEMS_PER_MESSAGE, `at most ${ITEMS_PER_MESSAGE}`, String(request.payload.getVariableData.length));
    });
  },
});
