/**
 * End-to-end tests of the viewer in headless Chromium (playwright-core + Debian's chromium):
 * search in Arabic, Persian and English, details and evidence, filters, hover, URL state,
 * exports, hostile article text, and that interactions never change the graph's data.
 * Screenshots go to /tmp/diplograph-shots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import {
  HOSTILE_ARTICLE,
  HOSTILE_SCRIPT,
  writeFixture,
} from '../viewer/test/fixtures/make-fixture.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SHOTS = '/tmp/diplograph-shots';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  const hint = `viewer e2e: no Chromium at ${CHROMIUM}; install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(hint);
  console.warn(`\n⚠ SKIPPING ${hint}\n`);
}

const L = 'person:sergey-lavrov';
const B_S_MEETING = 'interaction:meeting:person:antony-blinken->person:ayman-safadi';

const tmp = mkdtempSync(join(tmpdir(), 'diplograph-e2e-'));
let browser: Browser;
let server: RunningServer;
let sampleServer: RunningServer;
const problems: string[] = [];
const dialogs: string[] = [];
const failed: string[] = [];

async function openViewer(hash = '', srv = server, width = 1400): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Failed requests are checked by URL below (one 404 is expected).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url().replace(/:\d+/, ':PORT')}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${srv.url}${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(
    () => window.__diplograph?.ready === true || !!window.__diplograph?.error,
  );
  expect(await page.evaluate(() => window.__diplograph?.error)).toBeNull();
  await page.waitForFunction(() => window.__diplograph?.fontsReady === true);
  return page;
}

const counts = (page: Page) => page.evaluate(() => window.__diplograph!.counts());
const viewState = (page: Page) => page.evaluate(() => window.__diplograph!.state());
const digest = (page: Page) => page.evaluate(() => window.__diplograph!.digest());
/** Wait for sigma to have drawn the current state (reducers run on the next frame). */
const frame = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function search(page: Page, query: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search actors' });
  await box.fill(query);
  await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBeGreaterThan(0);
  await box.press('Enter');
}

beforeAll(async () => {
  if (!haveChromium) return;
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ dir: writeFixture(join(tmp, 'full')), port: 0 });
  sampleServer = await startServer({ dir: writeFixture(join(tmp, 'sample'), false), port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sampleServer?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!haveChromium)('viewer in Chromium', () => {
  it('loads the graph and draws every node with labels in the bundled font', async () => {
    const page = await openViewer();
    const c = await counts(page);
    expect(c).toMatchObject({
      nodes: 14,
      edges: 18,
      visibleNodes: 14,
      drawnNodes: 14,
      drawnEdges: 18,
    });
    const dbg = await page.evaluate(() => ({
      first: window.__diplograph!.timings.firstRender,
      nodes: window.__diplograph!.firstRenderNodes,
      font: document.fonts.check('500 13px Vazirmatn', 'لافروف'),
      dir: document.getElementById('graph')!.getAttribute('dir'),
    }));
    expect(dbg.first).toBeGreaterThan(0);
    expect(dbg.nodes).toBe(14);
    expect(dbg.font).toBe(true);
    expect(dbg.dir).toBe('ltr');
    await expect.poll(() => page.locator('#status').textContent()).toContain('14 of 14 actors');
    await page.screenshot({ path: join(SHOTS, '01-overview-en.png') });
    await page.close();
  });

  it.each([
    ['لافروف', 'Arabic'],
    ['لاوروف', 'Persian'],
    ['Lavrov', 'English'],
    ['سرگئی لاوروف', 'Persian full name'],
  ])('search %s (%s) finds Sergey Lavrov, opens details and centres on him', async (q) => {
    const page = await openViewer();
    const box = page.getByRole('combobox', { name: 'Search actors' });
    await box.fill(q);
    const first = page.getByRole('listbox').getByRole('option').first();
    await expect.poll(() => first.textContent()).toContain('Sergey Lavrov');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await box.press('Enter');
    const details = page.getByRole('region', { name: 'Details' });
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent())
      .toBe('Sergey Lavrov');
    expect((await viewState(page)).selected).toBe(L);
    await page.waitForFunction((n) => (window.__diplograph!.distanceFromCenter(n) ?? 99) < 3, L);
    expect(page.url()).toContain('actor=person%3Asergey-lavrov');
    await page.close();
  });

  it('shows names in three scripts, offices, metrics and relations; a relation opens its complete evidence', async () => {
    const page = await openViewer();
    await search(page, 'لافروف');
    const details = page.getByRole('region', { name: 'Details' });
    const ar = details.locator('dd[lang="ar"]');
    expect(await ar.textContent()).toBe('سيرغي لافروف');
    expect(await ar.getAttribute('dir')).toBe('rtl');
    expect(await details.locator('dd[lang="fa"]').getAttribute('dir')).toBe('rtl');
    const text = (await details.textContent()) ?? '';
    for (const s of [
      'foreign minister of Russia',
      'PageRank',
      'Weighted degree',
      'Community',
      'person',
    ]) {
      expect(text).toContain(s);
    }
    const relations = details.getByRole('list', { name: 'Relations' }).getByRole('button');
    expect(await relations.count()).toBe(7);
    const call = relations.filter({ hasText: 'phone call' });
    expect(await call.textContent()).toContain('Hossein Amir-Abdollahian');
    expect(await call.textContent()).toContain('weight 2');
    await call.click();
    const evidence = page.getByRole('list', { name: 'Evidence' });
    await expect.poll(() => evidence.getByRole('listitem').count()).toBe(4); // graph.json holds 2
    await expect
      .poll(() => details.locator('.ev-count').textContent())
      .toContain('4 of 4 sentences — complete');
    expect(await call.getAttribute('aria-pressed')).toBe('true');
    const fa = evidence.locator('blockquote[lang="fa"]').first();
    expect(await fa.getAttribute('dir')).toBe('rtl');
    expect(await fa.textContent()).toContain('سرگئی لاوروف');
    expect(await evidence.textContent()).toContain('fa-2023-11-02-lavrov-call');
    expect(await evidence.locator('time').first().getAttribute('datetime')).toBe('2023-11-02');
    expect((await viewState(page)).edges).toHaveLength(1);
    expect(await page.evaluate(() => window.__diplograph!.evidence())).toMatchObject({
      loaded: true,
    });
    await page.screenshot({ path: join(SHOTS, '02-lavrov-call-evidence.png') });
    await page.close();
  });

  it('falls back to the capped sample when evidence.jsonl is missing', async () => {
    const page = await openViewer('', sampleServer);
    await search(page, 'Lavrov');
    await page.getByRole('button', { name: /phone call/ }).click();
    const evidence = page.getByRole('list', { name: 'Evidence' });
    await expect.poll(() => evidence.getByRole('listitem').count()).toBe(2);
    expect(await page.locator('.ev-count').textContent()).toContain('2 of 4 sentences — sample');
    await page.close();
  });

  it('clicking an edge in the graph opens its evidence', async () => {
    const page = await openViewer();
    const p = await page.evaluate((e) => window.__diplograph!.edgeViewportOf(e), B_S_MEETING);
    expect(p).not.toBeNull();
    const box = (await page.locator('#graph').boundingBox())!;
    // Like a user: move around the middle of the edge until the cursor says it is over it.
    let hit: { x: number; y: number } | null = null;
    for (const [dx, dy] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [0, -1],
      [-1, 0],
      [1, 1],
      [-1, -1],
      [2, 0],
      [0, 2],
    ]) {
      const at = { x: box.x + p!.x + dx!, y: box.y + p!.y + dy! };
      await page.mouse.move(at.x, at.y);
      await frame(page);
      if (await page.locator('#graph.pointer').count()) {
        hit = at;
        break;
      }
    }
    expect(hit).not.toBeNull();
    await page.mouse.click(hit!.x, hit!.y);
    await expect.poll(async () => (await viewState(page)).edges).toEqual([B_S_MEETING]);
    const evidence = page.getByRole('list', { name: 'Evidence' });
    await expect
      .poll(() => evidence.textContent())
      .toContain('met Jordanian Foreign Minister Ayman Safadi');
    expect(await page.locator('#evidence-title').textContent()).toBe(
      'Antony Blinken — Ayman Safadi · meeting',
    );
    await page.close();
  });

  it('hovering a node highlights its neighbourhood and leaving restores the view', async () => {
    const page = await openViewer();
    const p = await page.evaluate((n) => window.__diplograph!.viewportOf(n), 'org:arab-league');
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + p!.x, box.y + p!.y);
    await expect.poll(async () => (await counts(page)).drawnEdges).toBe(2);
    await page.screenshot({ path: join(SHOTS, '03-hover-arab-league.png') });
    await page.mouse.move(box.x + 5, box.y + 5);
    await expect.poll(async () => (await counts(page)).drawnEdges).toBe(18);
    await page.close();
  });

  it('filters change what is drawn, and the URL restores them', async () => {
    const page = await openViewer();
    await page.getByRole('checkbox', { name: 'person' }).uncheck();
    await frame(page);
    expect(await counts(page)).toMatchObject({ visibleNodes: 8, drawnNodes: 8, drawnEdges: 3 });
    await page.getByRole('checkbox', { name: 'person' }).check();
    await page.getByRole('checkbox', { name: 'co-mention' }).uncheck();
    await frame(page);
    expect((await counts(page)).drawnEdges).toBe(8);
    await page.getByRole('checkbox', { name: 'phone call' }).uncheck();
    await frame(page);
    expect((await counts(page)).drawnEdges).toBe(7);
    await page.getByRole('checkbox', { name: 'Hide isolated actors' }).check();
    await frame(page);
    const c = await counts(page);
    expect(c.drawnNodes).toBe(9); // five office holders, four countries
    await page.locator('#min-weight').fill('2');
    await frame(page);
    expect((await counts(page)).drawnEdges).toBe(2); // Lavrov–Russia role, Safadi–Lavrov meeting
    await page.getByRole('radio', { name: 'Community' }).check();
    expect(await page.getByRole('list', { name: 'Legend' }).textContent()).toContain('community');
    const url = page.url();
    expect(url).toContain('links=role%2Cinteraction');
    expect(url).toContain('hide=phone_call');
    expect(url).toContain('minw=2');
    expect(url).toContain('isolated=hide');
    expect(url).toContain('color=community');
    await page.screenshot({ path: join(SHOTS, '04-filters.png') });
    const restored = await openViewer(new URL(url).hash.slice(1));
    await frame(restored);
    expect(await counts(restored)).toEqual(await counts(page));
    expect(await restored.getByRole('checkbox', { name: 'co-mention' }).isChecked()).toBe(false);
    expect(await restored.locator('#min-weight').inputValue()).toBe('2');
    await page.close();
    await restored.close();
  });

  it('the date range shows the graph as of those dates', async () => {
    const page = await openViewer('from=2023-11-10&to=2023-11-30');
    await frame(page);
    const c = await counts(page);
    expect(c.drawnNodes).toBeLessThan(14);
    const s = await viewState(page);
    expect(s.from).toBe('2023-11-10');
    expect(await page.locator('output[for="date-from"]').textContent()).toBe('2023-11-10');
    await page.locator('#date-from').fill('0');
    await page.locator('#date-to').fill('0');
    await frame(page);
    const early = await counts(page);
    // 2023-10-10: Putin–Lavrov co-mention, Putin–Russia role, Iran–Russia co-mention (first seen then)
    expect(early.drawnEdges).toBe(3);
    expect((await viewState(page)).to).toBe('2023-10-10');
    await page.close();
  });

  it('restores the selected actor and label language from the URL; RTL labels sit beside their nodes', async () => {
    const page = await openViewer('actor=person%3Asergey-lavrov&lang=fa');
    const details = page.getByRole('region', { name: 'Details' });
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent())
      .toBe('Sergey Lavrov');
    expect(await page.getByLabel('Label language').inputValue()).toBe('fa');
    await frame(page);
    const labels = await page.evaluate(() => window.__diplograph!.labels());
    expect(labels.rtl).toBeGreaterThan(3);
    expect(labels.rtlBeside).toBe(labels.rtl);
    await page.screenshot({ path: join(SHOTS, '05-lavrov-fa-labels.png') });
    await page.getByRole('button', { name: 'Fit view' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, '06-fa-labels-fit.png') });
    await page.close();
  });

  it('shows hostile article ids and evidence as text and runs nothing', async () => {
    const page = await openViewer();
    await search(page, 'الصفدي');
    await page.getByRole('button', { name: /Sergey Lavrov.*meeting/ }).click();
    const evidence = page.getByRole('list', { name: 'Evidence' });
    await expect.poll(() => evidence.getByRole('listitem').count()).toBe(2);
    const text = (await evidence.textContent()) ?? '';
    expect(text).toContain(HOSTILE_SCRIPT);
    expect(text).toContain(HOSTILE_ARTICLE);
    await page.screenshot({ path: join(SHOTS, '07-hostile-as-text.png') });
    await search(page, 'Lavrov');
    expect(await page.getByRole('list', { name: 'Articles' }).textContent()).toContain(
      HOSTILE_ARTICLE,
    );
    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      imgs: document.querySelectorAll('body img').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    }));
    expect(dom).toEqual({ pwned: undefined, imgs: 0, scripts: 0 });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('exports the visible view as GEXF 1.3 and PNG', async () => {
    const page = await openViewer('kinds=person%2Ccountry');
    const [gexf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export GEXF' }).click(),
    ]);
    expect(gexf.suggestedFilename()).toBe('diplograph-view.gexf');
    const xml = readFileSync((await gexf.path())!, 'utf8');
    expect(xml).toMatch(/<gexf[^>]+version="1\.3"/);
    expect(xml.match(/<node /g)).toHaveLength((await counts(page)).visibleNodes);
    expect(xml).not.toContain('<node id="place:gaza-strip"');
    expect(xml).toContain('<node id="person:sergey-lavrov"');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('interactions and the layout worker never change graph data (only x/y move)', async () => {
    const page = await openViewer();
    const before = await digest(page);
    const pos0 = await page.evaluate((n) => window.__diplograph!.viewportOf(n), L);
    await search(page, 'لاوروف');
    await page.getByRole('button', { name: /phone call/ }).click();
    await page.getByRole('checkbox', { name: 'country' }).uncheck();
    await page.getByRole('radio', { name: 'Community' }).check();
    await page.getByLabel('Label language').selectOption('ar');
    const p = await page.evaluate((n) => window.__diplograph!.viewportOf(n), 'place:gaza-strip');
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + p!.x, box.y + p!.y);
    await page.mouse.move(box.x + 2, box.y + 2);
    expect(await digest(page)).toBe(before);
    await page.getByRole('button', { name: 'Start layout' }).click();
    await expect.poll(() => page.evaluate(() => window.__diplograph!.layoutRunning())).toBe(true);
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Stop layout' }).click();
    expect(await page.evaluate(() => window.__diplograph!.layoutRunning())).toBe(false);
    const pos1 = await page.evaluate((n) => window.__diplograph!.viewportOf(n), L);
    expect(pos1).not.toEqual(pos0);
    expect(await digest(page)).toBe(before);
    await page.close();
  });

  it('logged no page errors, opened no dialogs, and only the missing evidence.jsonl failed', () => {
    expect(problems).toEqual([]);
    expect([...new Set(failed)]).toEqual(['404 http://127.0.0.1:PORT/data/evidence.jsonl']);
    expect(dialogs).toEqual([]);
  });
});
