// Checks `pics init`: the questions follow the role and the claimed profiles, bad answers are asked again, and the answers make a valid PICS.
import { PassThrough } from 'node:stream';
import { terminalAsk } from '../../src/cli/profiles';
import { checkPics } from '../../src/profiles/pics';
import { askPics, featuresToAsk } from '../../src/profiles/pics-init';

/** Asks through a terminal whose input is `lines`; resolves with the PICS and what was printed. */
async function answer(lines: readonly string[]): Promise<{ pics: unknown; printed: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  const terminal = terminalAsk(input, output);
  try {
    return { pics: JSON.parse(JSON.stringify(await askPics(terminal.ask))), printed };
  } finally {
    terminal.close();
  }
}

describe('pics init', () => {
  it('asks a station about its identity, profiles, layout and the features of its profiles, and makes a valid PICS of the answers', async () => {
    const { pics, printed } = await answer(['cs', 'ACME <Chargers>', 'X1', '1.2.3', 'SN-1', 'core,local-auth-list', '', '2', '1', '2', 'y', 'n']);
    expect(() => checkPics(pics, 'answers')).not.toThrow();
    expect(pics).toMatchObject({
      sut: { role: 'CS', vendor: 'ACME <Chargers>', model: 'X1', firmwareVersion: '1.2.3', serialNumber: 'SN-1' },
      claimedProfiles: ['core', 'local-auth-list'],
      securityProfile: 2,
      layout: { evses: [{ id: 1, connectors: [1] }, { id: 2, connectors: [1, 2] }] },
      features: { 'C-01': true, 'C-02': false },
    });
    expect(printed).toContain('LA-1 Local authorization list enable switch [LocalAuthListEnabled]? (y/N) [n]: ');
    expect(printed).not.toContain('SC-2.1');
  });

  it('asks again after a bad answer, saying what is wrong', async () => {
    const { pics, printed } = await answer(['station', 'csms', '', 'ACME', 'Central', '9', 'core,smart', 'advanced-security', 'core', '4', '3']);
    expect(printed).toContain('  answer cs or csms\n');
    expect(printed).toContain('  an answer is needed\n');
    expect(printed).toContain('  unknown profile smart; known: core,');
    expect(printed).toContain('  core is part of every certification: include it\n');
    expect(printed).toContain('  a whole number from 1 to 3\n');
    expect(pics).toMatchObject({ sut: { role: 'CSMS', vendor: 'ACME', model: 'Central', firmwareVersion: '9' }, claimedProfiles: ['core'], securityProfile: 3 });
    expect(() => checkPics(pics, 'answers')).not.toThrow();
  });

  it('fails when the input ends before a question without a default is answered', async () => {
    await expect(answer(['cs', 'ACME'])).rejects.toThrow('input ended before "Model" was answered');
  });

  it('asks only about features of the side and of the claimed profiles, never derived ones', () => {
    const ids = featuresToAsk('CSMS', ['core']).map((f) => f.id);
    expect(ids).toContain('C-44');
    expect(ids).not.toContain('C-49');
    expect(ids).not.toContain('LA-2');
    expect(featuresToAsk('CSMS', ['core', 'local-auth-list']).map((f) => f.id)).toContain('LA-2');
    expect(featuresToAsk('CS', ['core']).filter((f) => f.answer === 'derived')).toEqual([]);
  });
});
