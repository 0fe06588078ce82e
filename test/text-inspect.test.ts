import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../src/ingest/index.ts';
import { processArticle, resolveDates } from '../src/text/index.ts';
import { describeDate, formatInspect, inspectJson } from '../src/text/inspect.ts';

const SEEDS = new URL('../../shared/seeds/', import.meta.url);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const seedPath = (id: string) => fileURLToPath(new URL(`${id}.txt`, SEEDS));

async function processed(id: string) {
  const [item] = await readArticleFile(seedPath(id));
  if (item?.type !== 'article') throw new Error(id);
  return processArticle(item.article);
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'inspect', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('formatInspect', () => {
  it('shows the header, every segment with kind, language and reason, sentences and dates', async () => {
    const p = await processed('003_45e66460cca4ecb8');
    const s = formatInspect(p, { color: false });
    const lines = s.split('\n');
    expect(lines[0]).toBe('article 003_45e66460cca4ecb8');
    expect(s).toContain('  language   ar 1.00');
    expect(s).toContain('  published  2023-11-02 (from the date line)');
    expect(s).toContain(
      '  segments   20: headline 1, lead 1, body 4, teaser 10, tags 1, source 2, dateline 1',
    );
    expect(lines).toContain('L11   TEASER    ar 0.56    «إقرأ أيضاً»   (not the story: not linked)');
    expect(lines).toContain('L1    HEADLINE  ar 0.99    first title-like line');
    expect(s).toContain('⟦2nd, November 2023 → 2023-11-02⟧');
    expect(s).toContain('في ⟦1 نوفمبر → 2023-11-01⟧ مع');
    expect(s).toContain('⟦اليوم الخميس → ?⟧');
    expect(s).toContain(
      '«اليوم الخميس»  gregorian, weekday, Thursday, today, outside the story → unresolved: outside the story',
    );
    // one line per segment header, and every sentence shown
    expect(lines.filter((l) => /^L\d+ /.test(l))).toHaveLength(p.segments.length);
    expect(lines.filter((l) => /^ {6}│ s\d+ /.test(l))).toHaveLength(p.sentences.length);
    expect(s.includes('\u001b[')).toBe(false);
  });

  it('colours for a terminal only when asked, and is deterministic', async () => {
    const p = await processed('000_d988ddf8144c68ad');
    const c = formatInspect(p, { color: true });
    expect(c).toContain('\u001b[33mTEASER');
    expect(c.replace(/\u001b\[[0-9;]*m/g, '')).toBe(formatInspect(p, { color: false }));
    expect(formatInspect(await processed('000_d988ddf8144c68ad'), { color: true })).toBe(c);
  });

  it('describes dates with their resolution', async () => {
    const p = await processed('002_03a7cb4089f8f198');
    const [d] = resolveDates(p.dates, { terms: [{ from: '2021-08-25', to: '2024-05-19' }] });
    expect(describeDate(d!)).toBe('jalali, partial, ····-08-12, Friday, today → 2023-11-03');
    expect(describeDate(p.dates[0]!)).toMatch(/→ unresolved: day and month without a year/);
  });
});

describe('inspectJson', () => {
  it('dumps segments and sentences with their text and line, dates, and the article', async () => {
    const p = await processed('002_03a7cb4089f8f198');
    const j = JSON.parse(JSON.stringify(inspectJson(p)));
    expect(j.id).toBe('002_03a7cb4089f8f198');
    expect(j.lang).toBe('fa');
    expect(j.published).toBeNull();
    expect(j.segments[2]).toMatchObject({ kind: 'footer', line: 4, text: 'کد خبر: ۱۴۲۹۰۳۵' });
    expect(j.sentences[0].text).toBe('رایزنی تلفنی وزرای خارجه ایران و روسیه درباره غزه');
    expect(j.dates).toHaveLength(p.dates.length);
    expect(j.norm).toBeUndefined();
  });
});

describe('diplograph inspect', () => {
  it('prints an article, resolving with --term', () => {
    const r = cli(seedPath('002_03a7cb4089f8f198'), '--term', '2021-08-25..2024-05-19');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('⟦امشب (جمعه) ۱۲ آبان ماه → 2023-11-03⟧');
    expect(r.stdout).toContain('L18   BODY      fa 0.78    sub-heading');
  });

  it('--json for one JSONL record chosen by --id, with --published', () => {
    const r = cli(
      'test/fixtures/ingest/good/articles.jsonl',
      '--json',
      '--id',
      'en-note',
      '--published',
      '2023-11-07',
    );
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.id).toBe('en-note');
    expect(j.published).toBe('2023-11-07');
    expect(j.dates.map((d: { text: string; iso: string }) => [d.text, d.iso])).toEqual([
      ['Monday', '2023-11-06'],
    ]);
  });

  it('reads HTML and reports files it cannot read', () => {
    const ok = cli('test/fixtures/ingest/good/irna-like.html');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('published  2023-10-31 (stated by the source)');
    const bad = cli('test/fixtures/ingest/bad/binary-nul.txt');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('binary file (contains NUL bytes)');
    expect(bad.stderr).toContain('inspect: no article could be read');
    const term = cli(seedPath('002_03a7cb4089f8f198'), '--term', 'yesterday');
    expect(term.status).toBe(1);
    expect(term.stderr).toContain('inspect: --term wants FROM..TO');
  });
});
