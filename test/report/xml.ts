// A strict little XML parser for tests: enough of XML 1.0 to prove junit.xml is well-formed and read it back.

/** A parsed element. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  /** The concatenated, decoded text directly inside the element. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_][\w.-]*/y;
const ATTR = /\s+([A-Za-z_][\w.-]*)="([^"<]*)"/y;
const TEXT = /[^<]*/y;

/** Decodes entity and character references; throws on a bare `&` or a `]]>` in text. */
function decode(raw: string): string {
  if (raw.includes(']]>')) throw new Error('"]]>" in text');
  return raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new Error('bare "&"');
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    if (!(ref in ENTITIES)) throw new Error(`unknown entity ${all}`);
    return ENTITIES[ref];
  });
}

/** A sticky regex match at `pos`, or null. */
function matchAt(re: RegExp, src: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(src);
}

/** A sticky regex match at `pos`, or throws. */
function mustMatch(re: RegExp, src: string, pos: number): RegExpExecArray {
  const m = matchAt(re, src, pos);
  if (!m) throw new Error(`malformed XML at ${pos}: ${JSON.stringify(src.slice(pos, pos + 40))}`);
  return m;
}

/** Parses one element starting at `pos`; returns it and the position after it. */
function element(src: string, pos: number): [XmlElement, number] {
  if (src[pos] !== '<') throw new Error(`expected "<" at ${pos}`);
  const name = mustMatch(NAME, src, pos + 1)[0];
  const el: XmlElement = { name, attrs: {}, children: [], text: '' };
  let p = pos + 1 + name.length;
  for (let m = matchAt(ATTR, src, p); m; m = matchAt(ATTR, src, p)) {
    el.attrs[m[1]] = decode(m[2]);
    p += m[0].length;
  }
  if (src.startsWith('/>', p)) return [el, p + 2];
  if (src[p] !== '>') throw new Error(`malformed tag <${name}> at ${p}`);
  p += 1;
  while (!src.startsWith('</', p)) {
    const text = mustMatch(TEXT, src, p)[0];
    el.text += decode(text);
    p += text.length;
    if (src.startsWith('</', p)) break;
    const [child, next] = element(src, p);
    el.children.push(child);
    p = next;
  }
  const close = `</${name}>`;
  if (!src.startsWith(close, p)) throw new Error(`expected ${close} at ${p}`);
  return [el, p + close.length];
}

/** Parses a whole document (optional declaration, one root element); throws if it is not well-formed. */
export function parseXml(src: string): XmlElement {
  if (/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(src)) throw new Error('character not allowed in XML');
  const start = src.startsWith('<?xml') ? src.indexOf('?>') + 2 : 0;
  const [root, end] = element(src, src.indexOf('<', start));
  if (src.slice(end).trim() !== '') throw new Error('content after the root element');
  return root;
}

/** All descendants (and the element itself) with a given name. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => findAll(c, name))];
}
