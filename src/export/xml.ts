/**
 * export/xml — the small XML toolkit behind the GEXF and GraphML sinks: escaping that keeps every
 * string intact through an XML 1.0 parser (characters XML 1.0 cannot carry are dropped), a
 * pretty-printing element writer with deterministic output, and a minimal non-validating parser
 * (elements, attributes, text, CDATA, comments, processing instructions, the five predefined
 * entities and character references) used to read GraphML back.
 */

/** Characters outside the XML 1.0 `Char` production: C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const HAS_INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Removes the characters XML 1.0 cannot represent at all (not even as character references). */
export function stripInvalidXmlChars(value: string): string {
  return HAS_INVALID_XML_CHAR.test(value) ? value.replace(INVALID_XML_CHARS, '') : value;
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const ESCAPE_IN_DOUBLE_QUOTES = /[&<>"\t\n\r]/g;
const ESCAPE_IN_SINGLE_QUOTES = /[&<>'\t\n\r]/g;
const NEEDS_ESCAPE_IN_DOUBLE_QUOTES = /[&<>"\t\n\r]/;
const NEEDS_ESCAPE_IN_SINGLE_QUOTES = /[&<>'\t\n\r]/;

/**
 * Escapes a string for an attribute value delimited by `quote`. Tab, LF and CR become
 * character references, because a parser normalises literal ones to spaces.
 */
export function escapeXmlAttribute(value: string, quote: '"' | "'" = '"'): string {
  const clean = stripInvalidXmlChars(value);
  const needs = quote === '"' ? NEEDS_ESCAPE_IN_DOUBLE_QUOTES : NEEDS_ESCAPE_IN_SINGLE_QUOTES;
  if (!needs.test(clean)) return clean;
  const pattern = quote === '"' ? ESCAPE_IN_DOUBLE_QUOTES : ESCAPE_IN_SINGLE_QUOTES;
  return clean.replace(pattern, (c) => ATTR_ESCAPES[c]!);
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};

/** Escapes a string for element content (CR is kept as a reference: parsers turn a literal one into LF). */
export function escapeXmlText(value: string): string {
  const clean = stripInvalidXmlChars(value);
  return /[&<>\r]/.test(clean) ? clean.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!) : clean;
}

/** Attribute list of an element, written in the given order; `undefined` values are left out. */
export type XmlAttributes = ReadonlyArray<
  readonly [name: string, value: string | number | undefined]
>;

/** Attributes in double quotes, or in single quotes when the value holds `"` but no `'`. */
function formatAttributes(attributes: XmlAttributes): string {
  let out = '';
  for (const [name, raw] of attributes) {
    if (raw === undefined) continue;
    const value = String(raw);
    const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
    out += ` ${name}=${quote}${escapeXmlAttribute(value, quote)}${quote}`;
  }
  return out;
}

/**
 * XML writer: two-space indentation, LF line ends, a trailing newline, no self-closing
 * ambiguity. Output depends only on the calls made. It builds one string (`toString()`), or
 * hands the document over in pieces (`take()` … `finish()`) for files too big for one string.
 */
export class XmlWriter {
  private out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  private readonly stack: string[] = [];

  private readonly indents: string[] = [''];

  private get indent(): string {
    const depth = this.stack.length;
    while (this.indents.length <= depth) this.indents.push('  '.repeat(this.indents.length));
    return this.indents[depth]!;
  }

  /** Opens an element; close it with `close()`. */
  open(name: string, attributes: XmlAttributes = []): this {
    this.out += `${this.indent}<${name}${formatAttributes(attributes)}>\n`;
    this.stack.push(name);
    return this;
  }

  /** Writes an empty element `<name …/>`. */
  empty(name: string, attributes: XmlAttributes = []): this {
    this.out += `${this.indent}<${name}${formatAttributes(attributes)}/>\n`;
    return this;
  }

  /** Writes `<name …>text</name>` on one line. */
  text(name: string, text: string, attributes: XmlAttributes = []): this {
    this.out += `${this.indent}<${name}${formatAttributes(attributes)}>${escapeXmlText(text)}</${name}>\n`;
    return this;
  }

  /** Closes the innermost open element. */
  close(): this {
    const name = this.stack.pop();
    if (name === undefined) throw new Error('export: XmlWriter.close() without an open element');
    this.out += `${this.indent}</${name}>\n`;
    return this;
  }

  /** Characters buffered since the last `take()`. */
  get length(): number {
    return this.out.length;
  }

  /**
   * Hands over what was written since the last call and starts an empty buffer: a document
   * written in pieces (see `finish()`) never has to exist as one string.
   */
  take(): string {
    const out = this.out;
    this.out = '';
    return out;
  }

  /** The rest of a document written in pieces with `take()`; throws if an element is still open. */
  finish(): string {
    return this.toString();
  }

  /** The document; throws if an element is still open. */
  toString(): string {
    if (this.stack.length > 0) {
      throw new Error(`export: XmlWriter has unclosed elements: ${this.stack.join(' > ')}`);
    }
    return this.out;
  }
}

/** A parsed element: name as written (with prefix), attributes, child elements and text content. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (not in children). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string, where: number): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (_, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    const named = ENTITIES[ref];
    if (named === undefined)
      throw new Error(`export: unknown XML entity &${ref}; near offset ${where}`);
    return named;
  });
}

const NAME = '[A-Za-z_:\\u00C0-\\uFFFF][\\w.:\\u00B7\\u00C0-\\uFFFF-]*';
const TAG_RE = new RegExp(
  `<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`,
  'uy',
);
const ATTR_RE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'gu');

/**
 * Parses an XML document into a tree. Non-validating and without DTD support: enough for the
 * GraphML and GEXF this module writes and for ordinary files from other tools. Line ends are
 * normalised to LF and attribute whitespace to spaces, as XML 1.0 requires.
 */
export function parseXml(source: string): XmlElement {
  const xml = source.replace(/\r\n?/g, '\n');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt === -1) {
      top.text += decodeEntities(xml.slice(i), i);
      break;
    }
    if (lt > i) top.text += decodeEntities(xml.slice(i, lt), i);
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) throw new Error(`export: unterminated XML comment at offset ${lt}`);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) throw new Error(`export: unterminated CDATA section at offset ${lt}`);
      top.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1)
        throw new Error(`export: unterminated processing instruction at offset ${lt}`);
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      if (end === -1) throw new Error(`export: unterminated declaration at offset ${lt}`);
      i = end + 1;
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt + 2);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (end === -1 || open === undefined || open.name !== name || stack.length === 0) {
        throw new Error(`export: mismatched closing tag </${name}> at offset ${lt}`);
      }
      i = end + 1;
    } else {
      TAG_RE.lastIndex = lt;
      const match = TAG_RE.exec(xml);
      if (!match) throw new Error(`export: malformed XML tag at offset ${lt}`);
      const attributes: Record<string, string> = {};
      for (const a of match[2]!.matchAll(ATTR_RE)) {
        const raw = a[2] ?? a[3] ?? '';
        attributes[a[1]!] = decodeEntities(raw.replace(/[\t\n]/g, ' '), lt);
      }
      const element: XmlElement = { name: match[1]!, attributes, children: [], text: '' };
      top.children.push(element);
      if (match[3] !== '/') stack.push(element);
      i = lt + match[0].length;
    }
  }
  if (stack.length !== 1) {
    throw new Error(`export: unclosed XML element <${stack[stack.length - 1]!.name}>`);
  }
  const documentElement = root.children[0];
  if (!documentElement) throw new Error('export: XML document has no root element');
  return documentElement;
}

/** Child elements of `element` with the given local name (namespace prefix ignored). */
export function childElements(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((c) => c.name === localName || c.name.endsWith(`:${localName}`));
}
