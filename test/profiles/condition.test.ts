// Checks the Part 5 condition language: precedence, NOT, comparisons, clear errors (unknown feature ids above all) and the explanation of an outcome.
import { ConditionError, decidingFeatures, evaluate, parseCondition } from '../../src/profiles/condition';

const KNOWN = new Set(['C-01', 'C-30', 'C-31', 'C-49', 'AQ-2', 'HFS-8', 'C-09.1', 'profile:local-auth-list']);
const parse = (source: string) => parseCondition(source, (id) => KNOWN.has(id));
const values = (on: Record<string, boolean | number>) => (id: string) => on[id] ?? false;

describe('parseCondition / evaluate', () => {
  it('binds and tighter than or, whatever the keyword case', () => {
    const c = parse('C-30 or C-31 AND C-49');
    expect(evaluate(c, values({ 'C-30': true }))).toBe(true);
    expect(evaluate(c, values({ 'C-31': true }))).toBe(false);
    expect(evaluate(c, values({ 'C-31': true, 'C-49': true }))).toBe(true);
  });

  it('applies NOT to the next operand and honours parentheses', () => {
    expect(evaluate(parse('NOT AQ-2 and C-30'), values({ 'C-30': true }))).toBe(true);
    expect(evaluate(parse('NOT (AQ-2 and C-30)'), values({ 'C-30': true, 'AQ-2': true }))).toBe(false);
    expect(evaluate(parse('not ( NOT (C-30) )'), values({ 'C-30': true }))).toBe(true);
  });

  it('compares numeric features such as the EVSE count', () => {
    const c = parse('HFS-8 > 1');
    expect(evaluate(c, values({ 'HFS-8': 1 }))).toBe(false);
    expect(evaluate(c, values({ 'HFS-8': 2 }))).toBe(true);
    expect(evaluate(parse('HFS-8 >= 2 and HFS-8 <= 2 and HFS-8 = 2'), values({ 'HFS-8': 2 }))).toBe(true);
  });

  it('reads dotted feature ids and profile flags', () => {
    const c = parse('(C-09.1 or profile:local-auth-list) and NOT C-49');
    expect(evaluate(c, values({ 'profile:local-auth-list': true }))).toBe(true);
    expect(decidingFeatures(c, values({}))).toEqual(['C-09.1', 'profile:local-auth-list']);
  });

  it('refuses an unknown feature id, naming it and where it is', () => {
    expect(() => parse('C-30 or C-99')).toThrow(new ConditionError(`condition "C-30 or C-99": unknown feature id 'C-99' at position 9`));
  });

  it.each([
    ['(C-30 or C-31', 'ends where ) was expected'],
    ['C-30 C-31', "unexpected 'C-31'"],
    ['', 'ends where a feature id, NOT or ( was expected'],
    ['C-30 and', 'ends where a feature id, NOT or ( was expected'],
    ['HFS-8 > many', "expected a number after '>', got 'many'"],
    ['C-30 & C-31', 'unexpected character at position 6'],
    ['and C-30', "expected a feature id, got 'and'"],
  ])('refuses the malformed condition %j: %s', (source, problem) => {
    expect(() => parse(source)).toThrow(problem);
  });
});

describe('decidingFeatures', () => {
  it('names the false operands of a false and, and every operand of a false or', () => {
    const c = parse('(C-30 or C-31) and (profile:local-auth-list or C-49)');
    expect(decidingFeatures(c, values({ 'C-30': true }))).toEqual(['profile:local-auth-list', 'C-49']);
    expect(decidingFeatures(c, values({ 'C-49': true }))).toEqual(['C-30', 'C-31']);
  });

  it('names the true operands of a true or, and looks through NOT', () => {
    expect(decidingFeatures(parse('C-30 or C-31 or C-49'), values({ 'C-31': true }))).toEqual(['C-31']);
    expect(decidingFeatures(parse('NOT AQ-2 and C-30'), values({ 'AQ-2': true, 'C-30': true }))).toEqual(['AQ-2']);
  });
});
