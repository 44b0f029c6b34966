/** TC_N_46_CSMS: after clearing a customer's information, the CSMS takes the customer's idToken out of the station's local authorization list. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppRequests } from '../../../src/ocpp/generated';
import { customerInformationRequested, customerInformationSent, customerOf } from '../states/customer';
import { localListSent } from '../states/local-list';

type ListCall = IncomingCall<'GetLocalListVersion' | 'SendLocalList'>;

export default defineTestCase({
  id: 'TC_N_46_CSMS',
  name: 'Clear Customer Information - Update Local Authorization List',
  sut: 'CSMS',
  useCases: ['N10', 'D01'],
  requirements: ['N10.FR.02', 'N10.FR.08', 'D01.FR.01', 'D01.FR.06', 'D01.FR.18'],
  detects: ['customerInformation.localListKept', 'customerInformation.notSent', 'customerInformation.clearDropped'],
  notes:
    'Memory state: the CSMS sends the station a full local list (driver action sendLocalList full), which must hold <Configured valid idToken>; ' +
    'the harness then reports <Configured versionNumber> as its version. Following errata 2024-11 and 2025-02 (6.3.23, 6.3.24) step 5 is either a ' +
    'Differential update above that version holding only the valid idToken without idTokenInfo, or a Full list without it. When the CSMS does not ' +
    'send it by itself within the message timeout, the harness asks the CSMS side for it (driver action removeFromLocalList).',
  async run(ctx) {
    const { station, config, check } = ctx;
    const version = config.configured.localListVersion;
    const valid = config.configured.idTokens.valid;
    await ctx.step('Memory State: the station\'s local authorization list, sent by the CSMS, holds the valid idToken', () =>
      localListSent(ctx, 'full', {
        reportedVersion: version - 1,
        sendTitle: 'Preparation: the CSMS sends a full local list; harness accepts it',
        validate: (request) => check.that('SendLocalListRequest.localAuthorizationList holds the valid idToken', (request.localAuthorizationList ?? []).some((e) => e.idToken.idToken === valid.idToken), 'yes', JSON.stringify(request.localAuthorizationList ?? [])),
      }),
    );
    const answer = (call: ListCall): void =>
      call.action === 'GetLocalListVersion' ? (call as IncomingCall<'GetLocalListVersion'>).respond({ versionNumber: version }) : (call as IncomingCall<'SendLocalList'>).respond({ status: 'Accepted' });
    const request = await customerInformationRequested(ctx, '1-2. the CSMS asks to clear and report the customer information of the valid idToken; harness accepts', { report: true, clear: true, customer: customerOf(ctx, 'idToken') }, 'Accepted');
    await customerInformationSent(ctx, '3-4. harness reports the cleared data; the CSMS answers', request.payload.requestId, ['Authorization cache: the idToken was cached as Accepted (cleared); it is also in the local authorization list']);
    const update = await ctx.step('5-6. the CSMS sends SendLocalListRequest without the valid idToken; harness accepts', async () => {
      const next = () => station.expect(['GetLocalListVersion', 'SendLocalList'], { description: 'SendLocalListRequest (or GetLocalListVersionRequest first)' });
      let call = (await next().catch(async () => {
        await ctx.perform({ kind: 'removeFromLocalList', stationId: config.station.id, idToken: { idToken: valid.idToken, type: valid.type } });
        return station.expect(['GetLocalListVersion', 'SendLocalList'], { timeoutMs: config.timeouts.operatorMs + config.timeouts.messageMs, description: 'SendLocalListRequest after the request to update the list' });
      })) as ListCall;
      answer(call);
      while (call.action !== 'SendLocalList') {
        call = (await next()) as ListCall;
        answer(call);
      }
      return call.payload as OcppRequests['SendLocalList'];
    });
    await ctx.step('Step 5: a differential removal of the valid idToken, or a full list without it', () => {
      const entries = update.localAuthorizationList ?? [];
      if (update.updateType === 'Differential') {
        check.that('SendLocalListRequest.versionNumber', update.versionNumber > version, `bigger than ${version}`, String(update.versionNumber));
        check.that('SendLocalListRequest.localAuthorizationList', entries.length === 1 && entries[0].idToken.idToken === valid.idToken && entries[0].idTokenInfo === undefined, 'only the valid idToken, without idTokenInfo', JSON.stringify(entries));
      } else {
        check.that('SendLocalListRequest.localAuthorizationList', !entries.some((e) => e.idToken.idToken === valid.idToken), 'without the valid idToken', JSON.stringify(entries));
      }
    });
  },
});
