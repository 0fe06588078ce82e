/**
 * ingest/html — an HTML page → its main text (one paragraph per block, list items as «• …»)
 * and the metadata the page states (title, publication date, canonical URL, site name,
 * language). Scripts, styles, navigation, forms, asides and page footers are dropped; the
 * main container is the page's `articleBody` / `<article>` / `<main>` when it has one.
 */
import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';
import type { ArticleMeta } from './types.ts';

/** Main text and stated metadata of a page. */
export interface HtmlExtract {
  text: string;
  meta: ArticleMeta;
}

/** Elements whose content is never article text. */
const DROP =
  'script,style,noscript,template,svg,canvas,iframe,object,embed,form,button,select,input,' +
  'textarea,nav,aside,footer,[role=navigation],[role=contentinfo],[aria-hidden=true],[hidden]';

/** Main-container candidates, best first. */
const MAIN = [
  '[itemprop=articleBody]',
  'article',
  '[role=main]',
  'main',
  '.article-body,.article-content,.story-body,.entry-content,.post-content,.news-text,.item-text,#article-body',
];

/** Elements that start a new paragraph. */
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Meta tags carrying the publication date, best first. */
const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[property="og:published_time"]',
];

/** A stated date (ISO timestamp, `YYYY/MM/DD`, RFC 2822) → `YYYY-MM-DD`, as written (no time-zone shift). */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(v);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    if (!/[a-z]{3}/i.test(v)) return undefined;
    const t = Date.parse(v);
    if (Number.isNaN(t)) return undefined;
    const date = new Date(t);
    y = date.getUTCFullYear();
    mo = date.getUTCMonth() + 1;
    d = date.getUTCDate();
  }
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return undefined;
  }
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function metaContent(root: HTMLElement, selector: string): string | undefined {
  const v = root.querySelector(selector)?.getAttribute('content')?.trim();
  return v ? v : undefined;
}

function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
}

/** JSON-LD objects of the page (NewsArticle etc.), flattened through `@graph`. */
function jsonLd(root: HTMLElement): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const s of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.rawText));
    } catch {
      // a broken JSON-LD block states nothing
    }
  }
  return out;
}

/** The charset a page declares in `<meta charset>` / `http-equiv`, read from its first bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1];
}

/** Paragraph texts of an element, in document order. */
function paragraphs(el: HTMLElement): string[] {
  const out: string[] = [];
  let buf = '';
  let bullet = false;
  const flush = () => {
    const t = collapse(buf);
    if (t) out.push(bullet && !/^[•·▪●◦-]/.test(t) ? `• ${t}` : t);
    buf = '';
    bullet = false;
  };
  const walk = (n: Node) => {
    if (n.nodeType === NodeType.TEXT_NODE) {
      buf += n.text;
      return;
    }
    if (n.nodeType !== NodeType.ELEMENT_NODE) return;
    const tag = (n as HTMLElement).rawTagName?.toLowerCase() ?? '';
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'li') bullet = true;
    for (const c of n.childNodes) walk(c);
    if (block) flush();
  };
  walk(el);
  flush();
  return out;
}

/**
 * Reduce an HTML page to its main text and stated metadata. Never throws: a page without a
 * recognisable container falls back to `<body>`, a fragment to the whole fragment.
 */
export function extractHtml(html: string): HtmlExtract {
  const root = parse(html, { comment: false });
  const ld = jsonLd(root);
  const ldArticle = ld.find((o) => typeof o.datePublished === 'string');
  const publisher = ld.map((o) => o.publisher).find((p) => p && typeof p === 'object') as
    | Record<string, unknown>
    | undefined;

  const meta: ArticleMeta = {};
  const ogTitle = metaContent(root, 'meta[property="og:title"]');
  const titleTag = collapse(root.querySelector('title')?.text ?? '');
  const date =
    DATE_META.map((s) => isoDay(metaContent(root, s))).find(Boolean) ??
    isoDay(ldArticle?.datePublished as string | undefined) ??
    isoDay(root.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (date) meta.date = date;
  const url =
    root.querySelector('link[rel=canonical]')?.getAttribute('href') ??
    metaContent(root, 'meta[property="og:url"]');
  if (url) meta.url = url.trim();
  const outlet =
    metaContent(root, 'meta[property="og:site_name"]') ??
    (typeof publisher?.name === 'string' ? publisher.name : undefined) ??
    metaContent(root, 'meta[name="application-name"]');
  if (outlet) meta.outlet = outlet;
  const lang = root.querySelector('html')?.getAttribute('lang')?.trim().toLowerCase();
  if (lang && /^[a-z]{2,3}\b/.test(lang))
    meta.lang = lang.slice(0, /^[a-z]{3}\b/.test(lang) ? 3 : 2);

  const h1 = collapse(root.querySelector('h1')?.text ?? '');
  for (const el of root.querySelectorAll(DROP)) el.remove();
  let main: HTMLElement | undefined;
  for (const sel of MAIN) {
    const found = root.querySelectorAll(sel);
    if (found.length === 0) continue;
    main = found.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    if (collapse(main.text).length >= 80) break;
  }
  const body = root.querySelector('body') ?? root;
  if (!main || collapse(main.text).length < 80) {
    for (const el of body.querySelectorAll('header')) el.remove();
    main = body;
  }
  const paras = paragraphs(main);
  if (h1 && !paras.some((p) => p.includes(h1))) paras.unshift(h1);
  const title = ogTitle ?? (titleTag || h1);
  if (title) meta.title = title;
  return { text: paras.join('\n\n'), meta };
}
