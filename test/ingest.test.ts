import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeBytes,
  extractHtml,
  type IngestItem,
  isoDay,
  type RawArticle,
  readArticleFile,
  readInputs,
} from '../src/ingest/index.ts';
import { makeFixtures } from './fixtures/ingest/make-fixtures.ts';

const FIX = fileURLToPath(new URL('./fixtures/ingest/', import.meta.url));
const GOOD = join(FIX, 'good');
const BAD = join(FIX, 'bad');
const DUP = join(FIX, 'dup');
const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));

async function collect(inputs: string[], options = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) out.push(item);
  return out;
}
const articles = (items: IngestItem[]): RawArticle[] =>
  items.flatMap((i) => (i.type === 'article' ? [i.article] : []));
const byId = (items: IngestItem[]) => new Map(articles(items).map((a) => [a.id, a]));

/** Every file below a folder, relative to it. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, base) : [relative(base, p)];
  });
}

describe('ingest: committed byte fixtures', () => {
  it('are exactly what make-fixtures.ts writes', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'dg-fix-'));
    makeFixtures(new URL(`file://${tmp}/`));
    const written = walk(tmp).sort();
    expect(written.length).toBeGreaterThan(20);
    for (const f of written) {
      expect(readFileSync(join(FIX, f)).equals(readFileSync(join(tmp, f))), f).toBe(true);
    }
  });
});

describe('ingest: decoding', () => {
  let items: IngestItem[];
  let a: Map<string, RawArticle>;
  beforeAll(async () => {
    items = await collect([GOOD]);
    a = byId(items);
  });

  it('reads every good fixture as an article, nothing skipped', () => {
    expect(items.filter((i) => i.type !== 'article')).toEqual([]);
    expect([...a.keys()].sort()).toEqual(
      [
        'ahram-like',
        'cp1256',
        'cr',
        'crlf',
        'en-note',
        'gz-1',
        'gz-2',
        'irna-85281300',
        'irna-like',
        'notes',
        'plain',
        'reuters-like',
        'tass-2023-11-05-lavrov',
        'utf16be-bom',
        'utf16le-bom',
        'utf16le-nobom',
        'utf8-bom',
      ].sort(),
    );
  });

  it('detects each encoding and strips BOMs', () => {
    const enc = (id: string) => a.get(id)?.encoding;
    expect(enc('plain')).toBe('utf-8');
    expect(enc('utf8-bom')).toBe('utf-8-bom');
    expect(enc('utf16le-bom')).toBe('utf-16le');
    expect(enc('utf16be-bom')).toBe('utf-16be');
    expect(enc('utf16le-nobom')).toBe('utf-16le');
    expect(enc('cp1256')).toBe('windows-1256');
    expect(a.get('utf8-bom')!.text.startsWith('أجرى وزير الخارجية الكويتي')).toBe(true);
    expect(a.get('utf16le-bom')!.text).toContain('همتای عمانی');
    expect(a.get('utf16be-bom')!.text).toContain('سفیر ایران در مسکو');
    expect(a.get('utf16le-nobom')!.text).toContain('سخنگوی وزارت امور خارجه');
    for (const x of a.values()) expect(x.text.includes('\uFEFF')).toBe(false);
  });

  it('decodes windows-1256 Arabic to the right letters', () => {
    expect(a.get('cp1256')!.text).toBe(
      'قال وزير الخارجية اللبناني إن بيروت تتابع باهتمام المساعي العربية لوقف التصعيد في الجنوب.\n',
    );
    expect(a.get('cp1256')!.bytes).toBe(statSync(join(GOOD, 'cp1256.txt')).size);
  });

  it('turns CRLF and CR line ends into \\n', () => {
    for (const id of ['crlf', 'cr', 'cp1256', 'notes', 'tass-2023-11-05-lavrov']) {
      expect(a.get(id)!.text.includes('\r'), id).toBe(false);
    }
    expect(a.get('cr')!.text.split('\n')).toHaveLength(3);
    expect(a.get('crlf')!.text).toBe(
      'أعلنت وزارة الخارجية الأردنية أن الوزير سيزور بغداد.\nوسيلتقي نظيره العراقي.\n',
    );
  });

  it('puts text in NFC (decomposed hamza and madda compose)', () => {
    const decomposed = 'ا\u0653لاف وا\u0654كد'; // آلاف وأكد written with combining marks
    const d = decodeBytes(Buffer.from(decomposed));
    expect(d.ok && d.text).toBe('آلاف وأكد');
    expect(d.ok && d.text.length).toBe(decomposed.length - 2);
  });

  it('hashes content with sha256 and keeps source paths', () => {
    const p = a.get('plain')!;
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(p.source).toBe(join(GOOD, 'plain.txt'));
    expect(p.line).toBeUndefined();
  });
});

describe('ingest: HTML', () => {
  it('keeps the main text, drops scripts, styles, navigation, asides and footers', async () => {
    const [item] = await readArticleFile(join(GOOD, 'ahram-like.html'));
    expect(item?.type).toBe('article');
    const art = (item as { article: RawArticle }).article;
    const lines = art.text.split('\n').filter((l) => l.trim());
    expect(lines[0]).toBe('شكري يبحث مع نظيره الأردني تطورات الأوضاع في غزة');
    expect(lines[1]).toMatch(/^تلقى سامح شكري وزير الخارجية/);
    expect(art.text).toContain('اقرأ أيضا: السيسي يستقبل وزير خارجية الاتحاد الأوروبي');
    for (const gone of [
      'dataLayer',
      'ليس نصاً',
      'color',
      'عربي وعالمي',
      'الأكثر قراءة',
      'جميع الحقوق',
    ]) {
      expect(art.text.includes(gone), gone).toBe(false);
    }
    expect(art.meta).toEqual({
      title: 'شكري يبحث مع نظيره الأردني تطورات الأوضاع في غزة',
      date: '2023-10-14',
      url: 'https://gate.example.eg/News/4571234.aspx',
      outlet: 'بوابة الأهرام',
      lang: 'ar',
    });
    expect(art.encoding).toBe('utf-8');
  });

  it('reads an <article> page with header, lists as bullets and JSON-LD date', async () => {
    const [item] = await readArticleFile(join(GOOD, 'irna-like.html'));
    const art = (item as { article: RawArticle }).article;
    const lines = art.text.split('\n').filter((l) => l.trim());
    expect(lines.slice(0, 3)).toEqual([
      'دیدار امیرعبداللهیان با نخست‌وزیر قطر در دوحه',
      '۹ آبان ۱۴۰۲، ۱۹:۴۰',
      'کد خبر: 85281234',
    ]);
    expect(lines).toContain('• گفت‌وگوی تلفنی وزیران خارجه ایران و ترکیه درباره غزه');
    expect(lines).toContain('برچسب‌ها');
    expect(art.text.includes('صفحه نخست')).toBe(false);
    expect(art.text.includes('کلیه حقوق')).toBe(false);
    expect(art.meta.date).toBe('2023-10-31');
    expect(art.meta.lang).toBe('fa');
    expect(art.meta.outlet).toBe('خبرگزاری جمهوری اسلامی');
  });

  it('falls back to JSON-LD, <time> and the body', () => {
    const x = extractHtml(
      '<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-01-15T09:00:00+01:00","publisher":{"name":"Al Example"}}]}</script></head>' +
        '<body><header>Menu</header><div><p>Paragraph one about talks in Cairo between the two ministers on Monday.</p><p>Paragraph two with more detail about the visit and its agenda.</p></div></body></html>',
    );
    expect(x.meta.date).toBe('2024-01-15');
    expect(x.meta.outlet).toBe('Al Example');
    expect(x.text.split('\n\n')).toEqual([
      'Paragraph one about talks in Cairo between the two ministers on Monday.',
      'Paragraph two with more detail about the visit and its agenda.',
    ]);
    const t = extractHtml('<p>short</p><time datetime="2023-11-03">Friday</time>');
    expect(t.meta.date).toBe('2023-11-03');
  });

  it('normalises stated dates without shifting time zones', () => {
    expect(isoDay('2023-11-02T23:30:00+03:30')).toBe('2023-11-02');
    expect(isoDay('2023/11/2')).toBe('2023-11-02');
    expect(isoDay('Thu, 02 Nov 2023 10:00:00 GMT')).toBe('2023-11-02');
    expect(isoDay('2023-02-30')).toBeUndefined();
    expect(isoDay('yesterday')).toBeUndefined();
    expect(isoDay('12')).toBeUndefined();
  });

  it('uses a declared windows-1256 charset for HTML bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-html-'));
    const { encodeCp1256 } = await import('./fixtures/ingest/make-fixtures.ts');
    const body = encodeCp1256('<p>التقى وزير الخارجية العماني نظيره الإيراني في مسقط.</p>');
    const head = Buffer.from('<html><head><meta charset="windows-1256"></head><body>');
    writeFileSync(
      join(dir, 'legacy.html'),
      Buffer.concat([head, body, Buffer.from('</body></html>')]),
    );
    const [item] = await readArticleFile(join(dir, 'legacy.html'));
    const art = (item as { article: RawArticle }).article;
    expect(art.encoding).toBe('windows-1256');
    expect(art.text).toBe('التقى وزير الخارجية العماني نظيره الإيراني في مسقط.');
  });
});

describe('ingest: JSONL', () => {
  it('reads records with their ids, line numbers and stated metadata', async () => {
    const items = await collect([join(GOOD, 'articles.jsonl')]);
    const arts = articles(items);
    expect(arts.map((x) => [x.id, x.line])).toEqual([
      ['tass-2023-11-05-lavrov', 1],
      ['irna-85281300', 2],
      ['en-note', 3],
    ]);
    const [tass, irna, en] = arts as [RawArticle, RawArticle, RawArticle];
    expect(tass.meta).toEqual({
      date: '2023-11-05',
      url: 'https://example.org/ar/1',
      outlet: 'تاس',
      lang: 'ar',
    });
    expect(tass.text).not.toContain('\r');
    expect(tass.encoding).toBe('jsonl');
    expect(irna.text).toBe(
      'گفت‌وگوی وزیران خارجه ایران و عراق\n\nوزیر امور خارجه کشورمان با همتای عراقی خود تلفنی گفت‌وگو کرد.',
    );
    expect(irna.meta.date).toBe('2023-11-04');
    expect(irna.meta.outlet).toBe('ایرنا');
    expect(en.meta.date).toBe('2023-11-06');
  });

  it('reads a gzip copy to the same articles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-gz-'));
    writeFileSync(join(dir, 'copy.jsonl.gz'), gzipSync(readFileSync(join(GOOD, 'articles.jsonl'))));
    const gz = articles(await collect([join(dir, 'copy.jsonl.gz')]));
    const plain = articles(await collect([join(GOOD, 'articles.jsonl')]));
    expect(gz.map((x) => [x.id, x.line, x.hash, x.text, x.meta])).toEqual(
      plain.map((x) => [x.id, x.line, x.hash, x.text, x.meta]),
    );
  });

  it('derives an id for a record without one', async () => {
    const items = await collect(['-'], {
      stdin: Readable.from([Buffer.from('{"text":"نص بلا معرّف عن زيارة الوزير."}\n')]),
    });
    expect(articles(items).map((x) => x.id)).toEqual(['stdin-l1']);
  });

  it('reports a record over the size limit with its line and reads the next ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-big-'));
    const big = JSON.stringify({ id: 'big', text: 'خ'.repeat(3000) });
    const small = JSON.stringify({ id: 'small', text: 'نص قصير عن لقاء الوزيرين.' });
    writeFileSync(join(dir, 'x.jsonl'), `${big}\n${small}\n`);
    const items = await collect([dir], { maxBytes: 1000 });
    expect(items).toEqual([
      {
        type: 'skip',
        skip: {
          source: join(dir, 'x.jsonl'),
          line: 1,
          reason: expect.stringMatching(/^record too large: 5\.9 KB \(6022 bytes\), limit/),
        },
      },
      expect.objectContaining({
        type: 'article',
        article: expect.objectContaining({ id: 'small', line: 2 }),
      }),
    ]);
  });
});

describe('ingest: bad input', () => {
  let items: IngestItem[];
  beforeAll(async () => {
    items = await collect([BAD], { maxBytes: 4096 });
  });

  it('yields a complete set of skips with clear reasons', () => {
    const skips = items.flatMap((i) =>
      i.type === 'skip' ? [[relative(BAD, i.skip.source), i.skip.line ?? null, i.skip.reason]] : [],
    );
    const expected: [string, number | null, RegExp][] = [
      ['.hidden.txt', null, /^hidden file/],
      ['binary-nul.txt', null, /^binary file \(contains NUL bytes\)$/],
      ['blank-lines.jsonl', null, /^empty file \(no JSONL records\)$/],
      ['control-chars.txt', null, /^binary file \(mostly control characters\)$/],
      ['corrupt.jsonl.gz', null, /^corrupt gzip data after 0 line\(s\): /],
      ['empty.txt', null, /^empty file$/],
      ['nested/deeper/notes.docx', null, /^unsupported file type \(\.docx\)/],
      ['no-text.html', null, /^no text in the HTML page$/],
      ['photo.png', null, /^unsupported file type \(\.png\)/],
      ['records.jsonl', 2, /^invalid JSON: /],
      ['records.jsonl', 3, /^record "no-text" has no text/],
      ['records.jsonl', 4, /^record id is not a string \(number: 42\)$/],
      ['records.jsonl', 5, /^record is not a JSON object$/],
      ['records.jsonl', 6, /^record "empty-text" has no text/],
      ['report.pdf', null, /^unsupported file type \(\.pdf\)/],
      ['too-large.txt', null, /^too large: 4\.9 KB \(5041 bytes\), limit 4\.0 KB \(4096 bytes\)$/],
      [
        'undecodable.txt',
        null,
        /^undecodable bytes \(not UTF-8, not UTF-16 and not Arabic windows-1256\)$/,
      ],
      ['whitespace-only.txt', null, /^empty file \(whitespace only\)$/],
    ];
    expect(skips).toHaveLength(expected.length);
    expected.forEach(([file, line, reason], k) => {
      const [f, l, r] = skips[k]!;
      expect([f, l], String(k)).toEqual([file, line]);
      expect(r).toMatch(reason);
    });
  });

  it('accounts for every file in the folder', () => {
    const named = new Set(
      items.map((i) =>
        relative(
          BAD,
          i.type === 'article' ? i.article.source : i.type === 'skip' ? i.skip.source : i.source,
        ),
      ),
    );
    expect([...named].sort()).toEqual(walk(BAD).sort());
  });

  it('still reads the good lines of a broken JSONL file', () => {
    expect(articles(items).map((x) => [x.id, x.line])).toEqual([
      ['good-1', 1],
      ['good-2', 8],
    ]);
  });

  it('names a missing input instead of crashing', async () => {
    const missing = join(FIX, 'no-such-file.txt');
    expect(await collect([missing, join(GOOD, 'plain.txt')])).toEqual([
      expect.objectContaining({ type: 'article' }),
      { type: 'skip', skip: { source: missing, reason: 'not found' } },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('names an unreadable input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-perm-'));
    const p = join(dir, 'locked.txt');
    writeFileSync(p, 'نص', { mode: 0o000 });
    expect(await collect([p])).toEqual([
      { type: 'skip', skip: { source: p, reason: 'not readable (permission denied)' } },
    ]);
  });

  it('skips an explicitly named unsupported file', async () => {
    const pdf = join(BAD, 'report.pdf');
    expect(await collect([pdf])).toEqual([
      { type: 'skip', skip: { source: pdf, reason: 'unsupported file type (.pdf)' } },
    ]);
  });

  it('throws on the first problem in strict mode', async () => {
    await expect(collect([BAD], { strict: true })).rejects.toThrow(
      `ingest: ${join(BAD, '.hidden.txt')}: hidden file (not read)`,
    );
    await expect(collect([join(BAD, 'records.jsonl')], { strict: true })).rejects.toThrow(
      /^ingest: .*records\.jsonl:2: invalid JSON/,
    );
  });

  it('rejects invalid options with a clear message', async () => {
    await expect(collect([GOOD], { maxBytes: -1 })).rejects.toThrow(
      /^ingest: invalid options: maxBytes/,
    );
    await expect(collect([GOOD], { extensions: ['not an ext!'] })).rejects.toThrow(
      /^ingest: invalid options: extensions/,
    );
  });

  it('honours the extensions option', async () => {
    const items = await collect([GOOD], { extensions: ['TXT'] });
    const arts = articles(items);
    expect(arts.every((x) => x.source.endsWith('.txt'))).toBe(true);
    expect(items.filter((i) => i.type === 'skip')).toHaveLength(6); // 3 html, 1 md, 1 jsonl, 1 jsonl.gz
    expect(arts.map((x) => x.id)).toContain('cr');
  });
});

describe('ingest: duplicates, ids and order', () => {
  it('reads identical content once and reports the copies', async () => {
    const items = await collect([DUP]);
    expect(items).toEqual([
      expect.objectContaining({
        type: 'article',
        article: expect.objectContaining({ id: 'copy-a' }),
      }),
      { type: 'duplicate', source: join(DUP, 'copy-b.txt'), sameAs: 'copy-a' },
      { type: 'duplicate', source: join(DUP, 'copy-c.txt'), sameAs: 'copy-a' },
    ]);
  });

  it('gives the same stream whatever the order of the inputs', async () => {
    const one = await collect([GOOD, DUP, join(BAD, 'records.jsonl')]);
    const two = await collect([join(BAD, 'records.jsonl'), DUP, GOOD, DUP]);
    expect(two).toEqual(one);
  });

  it('keeps ids unique when two files share a name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-ids-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'story.txt'), 'لقاء في القاهرة بين وزيري الخارجية.');
    writeFileSync(join(dir, 'b', 'story.txt'), 'لقاء في عمّان بين وزيري الخارجية.');
    const ids = articles(await collect([dir])).map((x) => x.id);
    expect(ids).toEqual(['story', 'story~2']);
  });

  it('reads stdin as text, HTML or JSONL', async () => {
    const text = await collect(['-'], {
      stdin: Readable.from([Buffer.from('متن خبر درباره سفر وزیر.\r\n')]),
    });
    expect(articles(text).map((x) => [x.id, x.source, x.text])).toEqual([
      ['stdin', '-', 'متن خبر درباره سفر وزیر.\n'],
    ]);
    const html = await collect(['-'], {
      stdin: Readable.from([
        '<html><body><p>Talks in Muscat on Monday between the two ministers ended.</p></body></html>',
      ]),
    });
    expect(articles(html)[0]?.text).toBe(
      'Talks in Muscat on Monday between the two ministers ended.',
    );
    const jsonl = await collect(['-'], {
      stdin: Readable.from([
        Buffer.from('{"id":"x1","text":"نص أول"}\n{"id":"x2","te'),
        Buffer.from('xt":"نص ثان"}\n'),
      ]),
    });
    expect(articles(jsonl).map((x) => [x.id, x.line, x.text])).toEqual([
      ['x1', 1, 'نص أول'],
      ['x2', 2, 'نص ثان'],
    ]);
    expect(await collect(['-'], { stdin: Readable.from([]) })).toEqual([
      { type: 'skip', skip: { source: '-', reason: 'empty file' } },
    ]);
  });

  it('reads the seed articles as UTF-8 with ids from their file names', async () => {
    const items = await collect([SEEDS]);
    const arts = articles(items);
    expect(arts.map((x) => x.id)).toEqual([
      '000_d988ddf8144c68ad',
      '001_d4a48e037e937963',
      '002_03a7cb4089f8f198',
      '003_45e66460cca4ecb8',
      '004_afc2de359b47cd15',
    ]);
    for (const x of arts) expect(x.encoding).toBe('utf-8');
  });
});
