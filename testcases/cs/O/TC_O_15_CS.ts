/** TC_O_15_CS: during a transaction of a driver whose token names a preferred language, a message in that language is accepted. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, configuredMessage, defaultTokenInfo, energyTransferStarted, evConnectedPreSession, setDisplayMessage, withSession } from '../states';

export default defineTestCase({
  id: 'TC_O_15_CS',
  name: 'Set Display Message - Language preference of the EV Driver',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.08'],
  detects: ['displayMessages.languageRejected'],
  notes:
    'Errata 2025-02 (5.17, 6.2.112) removed this case from the certification program; it is kept as Part 6 wrote it. The harness answers the ' +
    'AuthorizeRequest (and later the transaction events) for the token with idTokenInfo.language1 <Configured language>, and the message of ' +
    'step 4 is in that language. That the station then shows it in the driver\'s language is not observable over OCPP.',
  async run(ctx) {
    const { language, content } = ctx.config.configured.displayMessage;
    await withSession(ctx, async (session) => {
      session.monitor.tokenInfo = (token) => ({ ...defaultTokenInfo(ctx, token), language1: language });
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step(`Manual action and 1-2: present the valid idToken; the harness accepts it with language1 ${language}`, () => authorized(session, 'local'));
      await ctx.step('3. Reusable State EnergyTransferStarted', () => energyTransferStarted(session));
      const message = configuredMessage(ctx, { content, language });
      await setDisplayMessage(ctx, `4-5. harness sends SetDisplayMessageRequest for message ${message.id} in language ${language}, station accepts`, message);
    });
  },
});
