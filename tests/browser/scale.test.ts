/**
 * Scale: a site really built from 3,000 generated events (scripts/eval/synthetic-events.ts,
 * `astro build` into a temporary folder). The main page's HTML holds only the newest rows and a
 * link onward; every event is reachable without JavaScript through bounded list pages; the
 * timeline works without /data/events.json (it reads the index and the chunks); country pages
 * and exports stay bounded. Load, pan and filtered-link timings are printed, not asserted
 * (speed targets belong in `npm run bench:site`).
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEventsFile } from '../../scripts/eval/synthetic-events.ts';
import { LIMITS } from '../../src/lib/data.ts';
import type { EventsFile } from '../../src/lib/schema.ts';
import { buildSite, listFiles, tempBuildDir } from './build-site.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

const N = 3_000;
/** Small export parts, so that the build writes numbered parts (events-2.csv, ...) at this size. */
const PART = 400;

let work: string;
let dist: string;
let file: EventsFile;
let browser: Browser;
let server: StaticServer;
let files: string[];

beforeAll(async () => {
  work = tempBuildDir('scale');
  dist = join(work, 'dist');
  file = generateEventsFile(N, 3);
  const eventsPath = join(work, 'events.json');
  writeFileSync(eventsPath, JSON.stringify(file));
  // Vitest's own variables would override Astro's config in the child build.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(k) && !k.startsWith('VITEST')),
  ) as Record<string, string>;
  const t0 = Date.now();
  buildSite(eventsPath, dist, { ...env, SITE_EXPORT_PART: String(PART) });
  console.log(`[scale] astro build of ${N} events: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  files = listFiles(dist);
  server = await serveDir(dist);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const html = (rel: string): string => readFileSync(join(dist, rel), 'utf8');
/** Rows of the static event lists (each row has one <time datetime=… title=…>). */
const rows = (text: string): number => (text.match(/<time datetime="\d{4}-\d{2}-\d{2}" title=/g) ?? []).length;

describe(`a site built from ${N.toLocaleString('en')} events`, () => {
  it('holds only the newest rows in the main page, with a link to the whole list', () => {
    const index = html('index.html');
    expect((index.match(/<li class="ev t-/g) ?? []).length).toBe(LIMITS.homeRows);
    expect(index).toContain('href="/events/"');
    const newest = [...file.events].sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : a.id < b.id ? -1 : 1))[0]!;
    expect(index).toContain(`data-event-id="${newest.id}"`);
    expect(statSync(join(dist, 'index.html')).size).toBeLessThan(200_000);
  });

  it('reaches every event without JavaScript through bounded list pages', () => {
    const pages = Math.ceil(N / LIMITS.listPage);
    const listPages = files.filter((f) => /^events\/(page\/\d+\/)?index\.html$/.test(f));
    expect(listPages).toHaveLength(pages);
    const seen = new Set<string>();
    for (const f of listPages) {
      const text = html(f);
      for (const m of text.matchAll(/href="\/event\/([^"/]+)\/"/g)) seen.add(decodeURIComponent(m[1]!));
      expect(rows(text)).toBeLessThanOrEqual(LIMITS.listPage);
    }
    expect(seen.size).toBe(N);
    // Each page links to the next.
    expect(html('events/index.html')).toContain('href="/events/page/2/"');
    expect(html(`events/page/${pages}/index.html`)).toContain(`href="/events/page/${pages - 1}/"`);
  });

  it('bounds country pages and splits large exports into parts', () => {
    const counts = new Map<string, number>();
    for (const e of file.events) for (const c of new Set(e.countries)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const code = top.toLowerCase();
    const countryPages = files.filter((f) => f.startsWith(`country/${code}/`) && /^country\/[a-z]{3}\/(page\/\d+\/)?index\.html$/.test(f));
    expect(countryPages).toHaveLength(Math.ceil(n / LIMITS.listPage));
    for (const f of countryPages) expect(rows(html(f))).toBeLessThanOrEqual(LIMITS.listPage);
    expect(rows(html(countryPages[0]!))).toBe(Math.min(n, LIMITS.listPage));
    const csvParts = files.filter((f) => new RegExp(`^country/${code}/events(-\\d+)?\\.csv$`).test(f));
    expect(n).toBeGreaterThan(PART);
    expect(csvParts).toHaveLength(Math.ceil(n / PART));
    for (const ext of ['ics', 'json']) expect(files).toContain(`country/${code}/events-2.${ext}`);
    // Every row of every part, once: header + events.
    const lines = csvParts.map((f) => html(f).split('\r\n').filter((l) => /^\d{4}-\d{2}-\d{2}-/.test(l)).length);
    expect(lines.reduce((s, x) => s + x, 0)).toBe(n);
    // A pair page for the busiest pair, linked from the country page.
    expect(html(`country/${code}/index.html`)).toMatch(new RegExp(`href="/country/(${code}/[a-z]{3}|[a-z]{3}/${code})/"`));
  });

  it('writes a sitemap of every page, under 50,000 URLs per file', () => {
    const xml = html('sitemap.xml');
    const locs = xml.match(/<loc>/g)?.length ?? 0;
    expect(locs).toBeGreaterThan(N);
    expect(locs).toBeLessThanOrEqual(50_000);
  });

  it('shows the timeline without /data/events.json, pans, and opens a filtered link', async () => {
    const open = async (query: string): Promise<{ page: Page; ms: number; requested: string[] }> => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.route('**/data/events.json', (route) => route.abort());
      const t0 = Date.now();
      await page.goto(`${server.url}/${query}`);
      await page.waitForSelector('#mp-timeline .vis-item', { timeout: 60_000 });
      return { page, ms: Date.now() - t0, requested };
    };
    const first = await open('');
    expect(first.requested).not.toContain('/data/events.json');
    expect(first.requested).toContain('/data/index.json');
    const from = () => first.page.$eval('#mp-timeline', (e) => (e as HTMLElement).dataset.from ?? '');
    const before = await from();
    const box = (await first.page.locator('#mp-timeline .vis-center').boundingBox())!;
    const p0 = Date.now();
    await first.page.mouse.move(box.x + box.width * 0.3, box.y + 40);
    await first.page.mouse.down();
    for (let i = 1; i <= 10; i++) await first.page.mouse.move(box.x + box.width * (0.3 + 0.04 * i), box.y + 40);
    await first.page.mouse.up();
    await first.page.waitForFunction((b) => (document.querySelector('#mp-timeline') as HTMLElement).dataset.from !== b, before, { timeout: 20_000 });
    const panMs = Date.now() - p0;
    expect((await from()) < before).toBe(true);
    await first.page.close();

    const filtered = await open('?countries=USA&mode=any&types=threat');
    expect(filtered.requested).not.toContain('/data/events.json');
    await filtered.page.close();
    console.log(`[scale] ${N} events, real build: first timeline item ${first.ms} ms, pan ${panMs} ms, filtered link ${filtered.ms} ms`);
    // The first view knows events by position: no id list, no id shard.
    expect(first.requested.some((r) => r.startsWith('/data/ids/'))).toBe(false);
  }, 120_000);

  it('finds an event a link names through one id shard (compact.json holds no ids)', async () => {
    const compact = JSON.parse(html('data/compact.json')) as Record<string, unknown>;
    expect(Object.keys(compact).sort()).toEqual(['countries', 'days', 'types']);
    const index = JSON.parse(html('data/index.json')) as { idShards: number; total: number };
    expect(index.total).toBe(N);
    const shards = files.filter((f) => /^data\/ids\/[0-9a-f]+\.json$/.test(f));
    expect(shards).toHaveLength(index.idShards);
    // The oldest event: far from the opening window, so its chunk is not loaded by the first view.
    const oldest = [...file.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))[0]!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/?event=${encodeURIComponent(oldest.id)}`);
    await page.waitForFunction((t) => document.querySelector('#det-title')?.textContent?.includes(t) ?? false, oldest.title, { timeout: 60_000 });
    expect(requested.filter((r) => r.startsWith('/data/ids/'))).toHaveLength(1);
    expect(requested).toContain(`/data/chunks/${oldest.date.slice(0, 7)}.json`);
    await page.close();

    // A build without event pages: /event/<id>/ is answered by the 404 page, which looks the id up
    // in its shard and opens the timeline at it, or says that no event has it.
    const noPages = await browser.newPage();
    await noPages.route('**/data/index.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...JSON.parse(html('data/index.json')), eventPages: false }) }),
    );
    await noPages.route(/\/event\/[^/]+\/$/, (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', path: join(dist, '404.html') }));
    await noPages.goto(`${server.url}/event/${encodeURIComponent(oldest.id)}/`);
    await noPages.waitForURL((u) => u.search === `?event=${encodeURIComponent(oldest.id)}`, { timeout: 30_000 });
    await noPages.goto(`${server.url}/event/no-such-event-anywhere/`);
    await noPages.waitForFunction(() => document.querySelector('#nf-event')?.textContent?.includes('No event has the id') ?? false, undefined, { timeout: 30_000 });
    await noPages.close();
  }, 120_000);
});
