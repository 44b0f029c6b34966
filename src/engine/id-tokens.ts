/** The formats Part 2 gives each idToken type (IdTokenEnumType), and the eMAID check digit, so the run config never hands a station a token that is malformed for its own type. */

/** The 36 characters of an eMAID, in the order of their values 0..35. */
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

type Pair = readonly [number, number];
type Matrix = readonly [Pair, Pair];

const IDENTITY: Matrix = [
  [1, 0],
  [0, 1],
];

/** The generator matrices of the check: one over Z/2 (order 3), one over Z/3 (order 8). */
const P2: Matrix = [
  [0, 1],
  [1, 1],
];
const P3: Matrix = [
  [0, 1],
  [1, 2],
];

const mod = (value: number, m: number): number => ((value % m) + m) % m;

const times = (a: Matrix, b: Matrix, m: number): Matrix => [
  [mod(a[0][0] * b[0][0] + a[0][1] * b[1][0], m), mod(a[0][0] * b[0][1] + a[0][1] * b[1][1], m)],
  [mod(a[1][0] * b[0][0] + a[1][1] * b[1][0], m), mod(a[1][0] * b[0][1] + a[1][1] * b[1][1], m)],
];

const power = (p: Matrix, n: number, m: number): Matrix => {
  let result = IDENTITY;
  for (let i = 0; i < n; i++) result = times(result, p, m);
  return result;
};

/** The row vector `v` times `p`, modulo `m`. */
const apply = (v: Pair, p: Matrix, m: number): Pair => [mod(v[0] * p[0][0] + v[1] * p[1][0], m), mod(v[0] * p[0][1] + v[1] * p[1][1], m)];

/**
 * The check digit of an eMAID (ISO 15118-1 / DIN SPEC 91286, the eMI3 "check digit calculation for contract IDs"):
 * `base` is the eMAID without its check digit (14 alphanumerics; dashes are ignored, case does not matter). Each
 * character's value v (0-9, then A-Z as 10-35) is split into q = v div 9 (two bits over Z/2) and r = v mod 9 (two
 * digits over Z/3); position i (1-based) multiplies them by P2^i and P3^i. The check digit is the character whose own
 * q and r, at position 15, make both sums zero.
 */
export function emaidCheckDigit(base: string): string {
  const text = base.replace(/-/g, '').toUpperCase();
  if (!/^[0-9A-Z]{14}$/.test(text)) throw new Error(`an eMAID without check digit is 14 letters or digits, got '${base}'`);
  let q: Pair = [0, 0];
  let r: Pair = [0, 0];
  for (let i = 0; i < 14; i++) {
    const value = ALPHANUMERIC.indexOf(text[i]);
    const qi = apply([Math.floor(value / 18), Math.floor(value / 9) % 2], power(P2, i + 1, 2), 2);
    const ri = apply([Math.floor((value % 9) / 3), value % 3], power(P3, i + 1, 3), 3);
    q = [mod(q[0] + qi[0], 2), mod(q[1] + qi[1], 2)];
    r = [mod(r[0] + ri[0], 3), mod(r[1] + ri[1], 3)];
  }
  // Position 15: P2^15 is the identity (order 3) and P3^15 = P3^-1 (order 8), so the check digit's parts are -q and -r·P3.
  const qc: Pair = [mod(-q[0], 2), mod(-q[1], 2)];
  const rc = apply([mod(-r[0], 3), mod(-r[1], 3)], P3, 3);
  return ALPHANUMERIC[(qc[0] * 2 + qc[1]) * 9 + rc[0] * 3 + rc[1]];
}

/** Why `emaid` is not a well-formed eMAID (14 alphanumerics, or 15 with a correct check digit; dashes ignored), or undefined when it is. */
export function emaidProblem(emaid: string): string | undefined {
  const text = emaid.replace(/-/g, '').toUpperCase();
  if (!/^[0-9A-Z]{14,15}$/.test(text)) return `an eMAID is 14 letters or digits plus an optional check digit (ISO 15118), got '${emaid}'`;
  if (text.length === 14) return undefined;
  const expected = emaidCheckDigit(text.slice(0, 14));
  return text[14] === expected ? undefined : `the check digit of eMAID '${emaid}' is '${text[14]}', but its first 14 characters make it '${expected}'`;
}

/** Why `token` is malformed for its type (Part 2 IdTokenEnumType), or undefined when it is well-formed. */
export function idTokenProblem(token: { readonly idToken: string; readonly type: string }): string | undefined {
  const { idToken, type } = token;
  switch (type) {
    case 'ISO14443':
      return /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{14})$/.test(idToken) ? undefined : `an ISO14443 idToken is a 4 or 7 byte UID in hex (8 or 14 hex characters), got '${idToken}'`;
    case 'ISO15693':
      return /^[0-9A-Fa-f]{16}$/.test(idToken) ? undefined : `an ISO15693 idToken is an 8 byte UID in hex (16 hex characters), got '${idToken}'`;
    case 'eMAID':
      return emaidProblem(idToken);
    case 'NoAuthorization':
      return idToken === '' ? undefined : `a NoAuthorization idToken is empty, got '${idToken}'`;
    default:
      return undefined;
  }
}
