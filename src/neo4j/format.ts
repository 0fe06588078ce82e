/**
 * neo4j/format — query results as plain values, and those values as an aligned terminal table,
 * JSON or CSV. Arabic and Persian text is kept exactly as stored: no reshaping, no reordering;
 * column widths count what a terminal shows (combining marks and zero-width joiners take no
 * column, wide East Asian characters two).
 */
import neo4j from 'neo4j-driver';

/** A plain JSON-able value. */
export type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

/** Convert driver values (nodes, relationships, paths, temporal, integers) to plain values. */
export function toPlain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return Number(v);
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map(toPlain);
  if (
    neo4j.isDate(v as never) ||
    neo4j.isDateTime(v as never) ||
    neo4j.isLocalDateTime(v as never) ||
    neo4j.isTime(v as never) ||
    neo4j.isLocalTime(v as never) ||
    neo4j.isDuration(v as never)
  ) {
    return String(v);
  }
  if (neo4j.isNode(v as never)) {
    const n = v as { labels: string[]; properties: Record<string, unknown> };
    return { labels: [...n.labels].sort(), properties: plainProps(n.properties) };
  }
  if (neo4j.isRelationship(v as never)) {
    const r = v as { type: string; properties: Record<string, unknown> };
    return { type: r.type, properties: plainProps(r.properties) };
  }
  if (neo4j.isPath(v as never)) {
    const p = v as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    const out: Plain[] = [toPlain(p.start)];
    for (const s of p.segments) out.push(toPlain(s.relationship), toPlain(s.end));
    return out;
  }
  if (neo4j.isPoint(v as never)) return String(v);
  if (typeof v === 'object') {
    const out: Record<string, Plain> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toPlain(x);
    return out;
  }
  return String(v);
}

function plainProps(p: Record<string, unknown>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const k of Object.keys(p).sort()) {
    if (k.startsWith('_')) continue; // loader bookkeeping (_fp, _lock)
    out[k] = toPlain(p[k]);
  }
  return out;
}

/** A short, readable rendering of one value for a table cell. */
export function cellText(v: Plain): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) {
      // Sentences (evidence) one per line; short values on one line.
      const long = v.some((x) => typeof x === 'string' && x.length > 30);
      return v.map((x) => cellText(x)).join(long ? '\n' : ', ');
    }
    return JSON.stringify(v);
  }
  const o = v as Record<string, Plain>;
  if (Array.isArray(o.labels) && o.properties && typeof o.properties === 'object') {
    const p = o.properties as Record<string, Plain>;
    const name = p.label ?? p.id ?? '';
    return `(${(o.labels as string[]).map((l) => `:${l}`).join('')} ${cellText(name)})`;
  }
  if (typeof o.type === 'string' && o.properties) return `[:${o.type}]`;
  return JSON.stringify(v);
}

/** Display width of a string in a terminal cell. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (/\p{M}/u.test(ch) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff)
      continue;
    if (
      (cp >= 0x200e && cp <= 0x200f) ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069)
    )
      continue;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** Split text into lines no wider than `width`, at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (width <= 0 || displayWidth(para) <= width) {
      out.push(para);
      continue;
    }
    let line = '';
    for (const word of para.split(/(?<= )/)) {
      if (line && displayWidth(line + word.trimEnd()) > width) {
        out.push(line.trimEnd());
        line = '';
      }
      if (displayWidth(word) > width) {
        // A word longer than the column: cut it by characters.
        let piece = line;
        for (const ch of word) {
          if (displayWidth(piece + ch) > width) {
            out.push(piece);
            piece = '';
          }
          piece += ch;
        }
        line = piece;
      } else {
        line += word;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** An aligned table: header, a rule, the rows (cells wrapped at `maxWidth`), a row count. */
export function formatTable(columns: string[], rows: Plain[][], maxWidth = 60): string {
  const cells = rows.map((r) => r.map((v) => wrap(cellText(v), maxWidth)));
  const widths = columns.map((c, i) =>
    Math.max(
      displayWidth(c),
      ...cells.map((r) => Math.max(0, ...(r[i] ?? ['']).map(displayWidth))),
    ),
  );
  const lines: string[] = [];
  const join = (parts: string[]) => parts.join(' │ ').trimEnd();
  lines.push(join(columns.map((c, i) => pad(c, widths[i]!))));
  lines.push(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of cells) {
    const height = Math.max(1, ...r.map((c) => c.length));
    for (let k = 0; k < height; k++) lines.push(join(r.map((c, i) => pad(c[k] ?? '', widths[i]!))));
  }
  lines.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
  return `${lines.join('\n')}\n`;
}

/** JSON: an array of objects, one per record, keys in column order. */
export function formatJson(columns: string[], rows: Plain[][]): string {
  const objs = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
  return `${JSON.stringify(objs, null, 2)}\n`;
}

function csvField(v: Plain): string {
  const s =
    v === null
      ? ''
      : typeof v === 'string'
        ? v
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (RFC 4180, UTF-8, CRLF): lists and maps as JSON in one field. */
export function formatCsv(columns: string[], rows: Plain[][]): string {
  const lines = [columns.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
