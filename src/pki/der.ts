/** A minimal DER reader and writer: enough to take certificates apart byte-exactly and to build OCSP answers, with no ASN.1 library beyond @peculiar/x509. */

/** One DER element: its tag byte, the whole encoding, and the content octets. */
export interface DerElement {
  readonly tag: number;
  /** Tag, length and content, exactly as encoded. */
  readonly encoded: Buffer;
  readonly content: Buffer;
}

/** Reads the element that starts at `offset` of `data`. @throws Error on a truncated or indefinite-length encoding. */
export function readElement(data: Buffer, offset = 0): DerElement {
  if (offset + 2 > data.length) throw new Error('DER: truncated element');
  const tag = data[offset];
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not supported');
  let length = data[offset + 1];
  let headerLength = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length encoding');
    if (offset + 2 + count > data.length) throw new Error('DER: truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + data[offset + 2 + i];
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > data.length) throw new Error('DER: element runs past the end of the data');
  return { tag, encoded: data.subarray(offset, end), content: data.subarray(offset + headerLength, end) };
}

/** The elements inside a constructed element (SEQUENCE, SET, context tag). */
export function children(element: DerElement): DerElement[] {
  const items: DerElement[] = [];
  let offset = 0;
  while (offset < element.content.length) {
    const child = readElement(element.content, offset);
    items.push(child);
    offset += child.encoded.length;
  }
  return items;
}

/** DER tag numbers used here. */
export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  enumerated: 0x0a,
  sequence: 0x30,
  set: 0x31,
  generalizedTime: 0x18,
} as const;

/** Encodes one element from its tag and content. */
export function encode(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, content]);
}

/** A SEQUENCE of already encoded elements. */
export const sequence = (...items: readonly Buffer[]): Buffer => encode(TAG.sequence, Buffer.concat(items));

/** A constructed context-specific element `[n]` (explicit tagging). */
export const explicit = (n: number, ...items: readonly Buffer[]): Buffer => encode(0xa0 | n, Buffer.concat(items));

/** An implicitly tagged primitive `[n]` holding `content`. */
export const implicitPrimitive = (n: number, content: Buffer): Buffer => encode(0x80 | n, content);

/** An OCTET STRING. */
export const octetString = (content: Buffer): Buffer => encode(TAG.octetString, content);

/** A BIT STRING with no unused bits. */
export const bitString = (content: Buffer): Buffer => encode(TAG.bitString, Buffer.concat([Buffer.from([0]), content]));

/** NULL. */
export const nullValue = (): Buffer => encode(TAG.null, Buffer.alloc(0));

/** An ENUMERATED of a small non-negative value. */
export const enumerated = (value: number): Buffer => encode(TAG.enumerated, Buffer.from([value]));

/** An INTEGER from its big-endian magnitude (a leading zero is added when the top bit is set, so it stays positive). */
export function integer(magnitude: Buffer): Buffer {
  let bytes = magnitude;
  while (bytes.length > 1 && bytes[0] === 0 && (bytes[1] & 0x80) === 0) bytes = bytes.subarray(1);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return encode(TAG.integer, bytes);
}

/** A GeneralizedTime in UTC with second precision (RFC 5280 form YYYYMMDDHHMMSSZ). */
export function generalizedTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
  return encode(TAG.generalizedTime, Buffer.from(text, 'ascii'));
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isInteger(a) || a < 0)) throw new Error(`not an OID: ${dotted}`);
  const bytes: number[] = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return encode(TAG.oid, Buffer.from(bytes));
}
