// Checks `pics init`: section by section with a counter, back with "<", editing an existing PICS, impossible combinations refused, and a valid PICS of the answers.
import { PassThrough } from 'node:stream';
import { terminalAsk } from '../../src/cli/profiles';
import { checkPics, type Pics } from '../../src/profiles/pics';
import { type Ask, askPics, featuresToAsk, picsProblems } from '../../src/profiles/pics-init';

/** Asks through a terminal whose input is `lines`; resolves with the PICS and what was printed. */
async function answer(lines: readonly string[]): Promise<{ pics?: unknown; error?: Error; printed: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  const terminal = terminalAsk(input, output);
  try {
    return { pics: JSON.parse(JSON.stringify(await askPics(terminal.ask, { say: (l) => void output.write(`${l}\n`) }))), printed };
  } catch (error) {
    return { error: error as Error, printed };
  } finally {
    terminal.close();
  }
}

/** An operator who answers by what each question is about (first matching rule, in order, each rule used as often as it matches), else presses Enter. */
function operator(rules: readonly (readonly [RegExp, string])[], asked: string[] = [], said: string[] = []): { ask: Ask; asked: string[]; said: string[] } {
  const ask: Ask = async (question, parse, fallback) => {
    asked.push(question);
    const rule = rules.find(([re]) => re.test(question));
    return parse(rule ? rule[1] : (fallback ?? ''));
  };
  return { ask, asked, said };
}

/** Answers that make a possible Core station (one way for each "at least one" group, AC with three phases). */
const POSSIBLE_STATION: readonly (readonly [RegExp, string])[] = [
  [/Charging Station or a CSMS/, 'cs'],
  [/Vendor name/, 'ACME'],
  [/Model/, 'X1'],
  [/Firmware version/, '1.2.3'],
  [/Serial number/, 'SN-1'],
  [/\] (C-06\.1|C-09\.1|C-10\.1|C-12\.1|C-48\.1|C-36|HFS-7) /, 'y'],
  [/\] HFS-3 /, 'y'],
];

describe('pics init', () => {
  it('goes section by section with a counter, shows the allowed values, and makes a valid PICS', async () => {
    const said: string[] = [];
    const o = operator(POSSIBLE_STATION);
    const pics = await askPics(o.ask, { say: (l) => void said.push(l) });
    expect(() => checkPics(JSON.parse(JSON.stringify(pics)), 'answers')).not.toThrow();
    expect(pics.sut).toMatchObject({ role: 'CS', vendor: 'ACME', model: 'X1', firmwareVersion: '1.2.3', serialNumber: 'SN-1' });
    expect(said).toContain('\n== The SUT (section 1 of ' + said[0].match(/of (\d+)/)?.[1] + ') ==');
    expect(said.some((l) => /== Hardware \(section \d+ of \d+\) ==/.test(l))).toBe(true);
    expect(o.asked[0]).toMatch(/^\[1\/\d+\] Is the SUT a Charging Station or a CSMS\? \(cs\/csms\)$/);
    expect(o.asked.find((q) => q.includes('Claimed profiles'))).toContain('(of: core,');
    expect(o.asked.find((q) => q.includes('Security profile'))).toContain('(1, 2 or 3)');
    expect(o.asked.find((q) => q.includes('HFS-3 AC support'))).toMatch(/\? \(y\/n\) \("<" goes back\)$/);
  });

  it('goes back with "<" and takes the new answer', async () => {
    let backs = 0;
    const ask: Ask = async (question, parse, fallback) => {
      if (/Model/.test(question) && backs === 0) {
        backs++;
        return parse('<');
      }
      if (/Vendor name/.test(question)) return parse(backs === 0 ? 'ACME' : 'ACME Corp');
      const rule = POSSIBLE_STATION.find(([re]) => re.test(question) && !/Vendor/.test(String(re)));
      return parse(rule ? rule[1] : (fallback ?? ''));
    };
    const pics = await askPics(ask);
    expect(pics.sut.vendor).toBe('ACME Corp');
  });

  it('refuses an impossible combination (neither AC nor DC), says why, and asks those questions again', async () => {
    let round = 0;
    const said: string[] = [];
    const asked: string[] = [];
    const ask: Ask = async (question, parse, fallback) => {
      asked.push(question);
      if (/\] HFS-3 /.test(question)) return parse(round++ === 0 ? 'n' : 'y');
      if (/\] HFS-4 /.test(question)) return parse('n');
      const rule = POSSIBLE_STATION.find(([re]) => re.test(question) && !/HFS-3/.test(String(re)));
      return parse(rule ? rule[1] : (fallback ?? ''));
    };
    const pics = await askPics(ask, { say: (l) => void said.push(l) });
    expect(said).toContain('Not possible: a Charging Station supports AC (HFS-3), DC (HFS-4) or both. Asking again.');
    expect(asked.filter((q) => /\] HFS-3 /.test(q))).toHaveLength(2);
    expect(pics.features['HFS-3']).toBe(true);
    expect(picsProblems(pics)).toEqual([]);
  });

  it('lists the impossible combinations of a PICS', () => {
    const base: Pics = { sut: { role: 'CS', vendor: 'v', model: 'm', firmwareVersion: '1' }, claimedProfiles: ['core'], securityProfile: 2, features: {} };
    expect(picsProblems({ ...base, features: { 'HFS-3': false, 'HFS-4': false } }).map((p) => p.features)).toEqual([['HFS-3', 'HFS-4']]);
    expect(picsProblems({ ...base, features: { 'PST-Mode12Only': true, 'HFS-4': true } })[0].message).toContain('Mode 1/2-only');
    expect(picsProblems({ ...base, features: { 'C-09.1': false, 'C-09.2': false, 'C-09.3': false, 'C-09.4': false, 'C-09.5': false, 'C-09.6': false } })[0].message).toContain('C-09');
    expect(picsProblems({ ...base, features: { 'HFS-3': true } })).toEqual([]); // only stated answers are judged
  });

  it('edits an existing PICS: its answers are the defaults, and one changed answer is all that changes', async () => {
    const first = await askPics(operator(POSSIBLE_STATION).ask);
    const edited = await askPics(operator([[/Firmware version/, '2.0.0']]).ask, { existing: first });
    expect(edited).toEqual({ ...first, sut: { ...first.sut, firmwareVersion: '2.0.0' } });
  });

  it('on a terminal, asks again after a bad answer, saying what is wrong', async () => {
    const { printed } = await answer(['station', 'csms', '', 'ACME', 'Central', '9', 'core,smart', 'advanced-security', 'core', '4', '3']);
    expect(printed).toContain('  answer cs or csms\n');
    expect(printed).toContain('  an answer is needed\n');
    expect(printed).toContain('  unknown profile smart; known: core,');
    expect(printed).toContain('  core is part of every certification: include it\n');
    expect(printed).toContain('  a whole number from 1 to 3\n');
  });

  it('on a terminal, ends with the reason when the input ends and the defaults stay impossible', async () => {
    expect((await answer(['csms', 'ACME', 'Central', '9', 'core', '3'])).error?.message).toMatch(/the answers are not possible: C-50 .*C-50\.1, C-50\.2/);
  });

  it('fails when the input ends before a question without a default is answered', async () => {
    expect((await answer(['cs', 'ACME'])).error?.message).toMatch(/input ended before ".*Model.*" was answered/);
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
