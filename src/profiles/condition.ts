/** Part 5 conditions ("C-49 and (C-30 or NOT AQ-2)", "HFS-8 > 1") parsed once, checked against the known feature ids, evaluated against a PICS and explained. */

/** A parsed condition. */
export type Condition =
  | { readonly kind: 'feature'; readonly id: string }
  | { readonly kind: 'compare'; readonly id: string; readonly op: CompareOp; readonly value: number }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] };

/** The comparison operators a condition may use on a numeric feature. */
export type CompareOp = '>' | '>=' | '<' | '<=' | '=';

/** What a condition is evaluated against: the value of each feature (boolean, or a number such as the EVSE count). */
export type FeatureLookup = (id: string) => boolean | number;

/** A condition that cannot be parsed, or names a feature id nobody defined. */
export class ConditionError extends Error {}

interface Token {
  readonly text: string;
  readonly at: number;
}

const TOKEN = /\s*(>=|<=|[()<>=]|[A-Za-z][A-Za-z0-9.:_-]*|\d+)/y;
const KEYWORDS = new Set(['and', 'or', 'not']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) {
      const bad = source.slice(at).search(/\S/);
      if (bad < 0) break;
      throw new ConditionError(`condition "${source}": unexpected character at position ${at + bad + 1}`);
    }
    tokens.push({ text: match[1], at: match.index + match[0].length - match[1].length });
  }
  return tokens;
}

/** Recursive descent over: or := and ('or' and)* ; and := unary ('and' unary)* ; unary := 'not' unary | '(' or ')' | feature [op number]. */
class Parser {
  private next = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    private readonly isKnown: (id: string) => boolean,
  ) {}

  parse(): Condition {
    const condition = this.or();
    if (this.next < this.tokens.length) this.fail(`unexpected '${this.tokens[this.next].text}'`);
    return condition;
  }

  private or(): Condition {
    return this.chain('or', () => this.and());
  }

  private and(): Condition {
    return this.chain('and', () => this.unary());
  }

  private chain(kind: 'and' | 'or', operand: () => Condition): Condition {
    const operands = [operand()];
    while (this.peekKeyword() === kind) {
      this.next += 1;
      operands.push(operand());
    }
    return operands.length === 1 ? operands[0] : { kind, operands };
  }

  private unary(): Condition {
    const token = this.take('a feature id, NOT or (');
    if (token.text.toLowerCase() === 'not') return { kind: 'not', operand: this.unary() };
    if (token.text === '(') {
      const inner = this.or();
      if (this.take(')').text !== ')') this.fail(`expected ')'`, token);
      return inner;
    }
    if (!/^[A-Za-z]/.test(token.text) || KEYWORDS.has(token.text.toLowerCase())) this.fail(`expected a feature id, got '${token.text}'`, token);
    if (!this.isKnown(token.text)) this.fail(`unknown feature id '${token.text}'`, token);
    const op = this.tokens[this.next]?.text;
    if (op === '>' || op === '>=' || op === '<' || op === '<=' || op === '=') {
      this.next += 1;
      const value = this.take('a number');
      if (!/^\d+$/.test(value.text)) this.fail(`expected a number after '${op}', got '${value.text}'`, value);
      return { kind: 'compare', id: token.text, op, value: Number(value.text) };
    }
    return { kind: 'feature', id: token.text };
  }

  private peekKeyword(): string | undefined {
    return this.tokens[this.next]?.text.toLowerCase();
  }

  private take(expected: string): Token {
    const token = this.tokens[this.next];
    if (!token) this.fail(`ends where ${expected} was expected`);
    this.next += 1;
    return token;
  }

  private fail(problem: string, token?: Token): never {
    throw new ConditionError(`condition "${this.source}": ${problem}${token ? ` at position ${token.at + 1}` : ''}`);
  }
}

/** Parses a condition; throws ConditionError naming the problem (an unknown feature id included). */
export function parseCondition(source: string, isKnown: (id: string) => boolean): Condition {
  return new Parser(source, tokenize(source), isKnown).parse();
}

function compare(actual: number, op: CompareOp, expected: number): boolean {
  switch (op) {
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '=':
      return actual === expected;
  }
}

/** Evaluates a condition: a feature holds when its value is true (or a non-zero number). */
export function evaluate(condition: Condition, lookup: FeatureLookup): boolean {
  switch (condition.kind) {
    case 'feature':
      return Boolean(lookup(condition.id));
    case 'compare':
      return compare(Number(lookup(condition.id)), condition.op, condition.value);
    case 'not':
      return !evaluate(condition.operand, lookup);
    case 'and':
      return condition.operands.every((c) => evaluate(c, lookup));
    case 'or':
      return condition.operands.some((c) => evaluate(c, lookup));
  }
}

/**
 * The feature ids that decide the outcome of a condition: for a false `and`, its false operands; for a false `or`,
 * all of them; through `not`, what makes the operand hold. Enough to say why a case was excluded.
 */
export function decidingFeatures(condition: Condition, lookup: FeatureLookup): string[] {
  const deciding = (c: Condition): string[] => {
    switch (c.kind) {
      case 'feature':
      case 'compare':
        return [c.id];
      case 'not':
        return deciding(c.operand);
      default: {
        // The operands with the same outcome as the whole decide it: the false ones of a false `and`, the true ones of a true `or`.
        const outcome = evaluate(c, lookup);
        return c.operands.filter((o) => evaluate(o, lookup) === outcome).flatMap(deciding);
      }
    }
  };
  return [...new Set(deciding(condition))];
}
