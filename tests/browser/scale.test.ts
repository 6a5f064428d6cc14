/**
 * Scale: the main page with 20,000 generated events (served in place of /data/events.json
 * with page.route). The page must render, show aggregated counts when the window holds too
 * many items, pan, and zoom into single events. Load and pan timings are printed for the
 * README; they are not asserted (speed targets belong in benchmarks, not tests).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, EventsFileSchema, type EventsFile, type TimelineEvent } from '../../src/lib/schema.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';
import { mulberry32 as rng } from '../../scripts/eval/prng.ts';

const DIST = resolve(process.env.SITE_DIR ?? join(import.meta.dirname, '../../dist'));
const N = 20_000;
const COUNTRIES = ['USA', 'CHN', 'RUS', 'IND', 'IRN', 'UKR', 'DEU', 'FRA', 'GBR', 'JPN', 'TUR', 'BRA', 'ZAF', 'SAU', 'ISR', 'EGY', 'PAK', 'KOR', 'PRK', 'AUS', 'CAN', 'MEX', 'ITA', 'POL', 'NGA', 'ETH', 'IDN', 'VNM', 'PHL', 'ARG'];
const ACTORS = ['Envoy Amari', 'Minister Kovac', 'President Lindqvist', 'Spokesperson Oduya', 'Ambassador Restrepo', 'Chancellor Mbeki'];


/** 20,000 events over three years, more of them recently, between 30 countries. */
export function generateEvents(n = N): EventsFile {
  const rand = rng(20_000);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const start = Date.UTC(2022, 0, 1);
  const days = 3 * 365;
  const events: TimelineEvent[] = [];
  const documents = [];
  for (let d = 0; d < 400; d++) documents.push({ id: `gen_${String(d).padStart(4, '0')}`, title: `Generated wire report ${d}`, published: '2024-12-31', path: `gen/${d}.txt`, status: 'ok' as const });
  for (let i = 0; i < n; i++) {
    const day = new Date(start + Math.floor(Math.sqrt(rand()) * days) * 86_400_000).toISOString().slice(0, 10);
    const type = pick(EVENT_TYPES);
    const a = pick(COUNTRIES);
    let b = pick(COUNTRIES);
    if (b === a) b = a === 'USA' ? 'CHN' : 'USA';
    const countries = rand() < 0.15 ? [a] : [a, b].sort();
    const verb = type === 'meeting' ? 'met' : type === 'visit' ? 'visited' : type === 'threat' ? 'warned' : 'announced';
    const sentence = `Officials from ${countries.join(' and ')} ${verb} on trade and security, the generated report number ${i} says.`;
    const t = sentence.indexOf(verb);
    events.push({
      id: `${day}-${type}-${countries.join('-').toLowerCase()}-g${i}`,
      type,
      date: day,
      datePrecision: rand() < 0.1 ? 'approximate' : 'day',
      countries,
      organizations: rand() < 0.05 ? ['UN'] : [],
      actors: [{ name: pick(ACTORS), country: a }],
      title: `${countries.join(' and ')}: ${type} number ${i}`,
      sources: [{ document: pick(documents).id, sentence, start: i * 10, end: i * 10 + sentence.length, trigger: { start: t, end: t + verb.length } }],
    });
  }
  events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1));
  return { schemaVersion: 1, documents, events };
}

let browser: Browser;
let server: StaticServer;
let body = '';
let file: EventsFile;

async function openBig(query = ''): Promise<{ page: Page; loadMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/data/events.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  const t0 = Date.now();
  await page.goto(`${server.url}/${query}`);
  await page.waitForSelector('#mp-app[data-state="ready"]', { timeout: 60_000 });
  await page.waitForSelector('#mp-timeline .vis-item', { timeout: 30_000 });
  const loadMs = Date.now() - t0;
  return { page, loadMs };
}

const attr = (page: Page, name: string): Promise<string> => page.$eval('#mp-timeline', (e, n) => (e as HTMLElement).dataset[n] ?? '', name);

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no index.html: run \`npm run build\` first`);
  file = generateEvents();
  // The generated corpus is a valid events file.
  EventsFileSchema.parse(file);
  body = JSON.stringify(file);
  server = await serveDir(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('20,000 events', () => {
  it('renders with aggregated counts, pans, and zooms into single events', async () => {
    expect(file.events).toHaveLength(N);
    const { page, loadMs } = await openBig();
    const status = await page.textContent('#mp-status');
    expect(status).toContain(`${N.toLocaleString('en')} events of ${N.toLocaleString('en')}`);
    // The window holds more than the threshold: counts, not 20,000 DOM items.
    const visible = Number(await attr(page, 'visibleItems'));
    expect(visible).toBeGreaterThan(1500);
    expect(await attr(page, 'mode')).toBe('counts');
    const aggCount = await page.locator('#mp-timeline .vis-item.tl-agg').count();
    expect(aggCount).toBeGreaterThan(0);
    expect(await page.locator('#mp-timeline .vis-item').count()).toBeLessThan(3000);
    // Counts add up to the events in the loaded range (one per lane copy), never more.
    const total = await page.$$eval('#mp-timeline .tl-agg__n', (els) => els.reduce((s, e) => s + Number((e as HTMLElement).dataset.count), 0));
    expect(total).toBeGreaterThanOrEqual(visible);
    // The list renders a first page, not 20,000 rows.
    expect(await page.locator('#mp-list li[data-event-id]').count()).toBeLessThanOrEqual(300);

    // Pan: drag the timeline to the right (back in time).
    const before = await attr(page, 'from');
    const box = (await page.locator('#mp-timeline .vis-center').boundingBox())!;
    const y = box.y + 40;
    const p0 = Date.now();
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.3 + 0.04 * i), y);
    await page.mouse.up();
    await page.waitForFunction((b) => (document.querySelector('#mp-timeline') as HTMLElement).dataset.from !== b, before, { timeout: 20_000 });
    // One more frame: the page answers right after the pan.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const panMs = Date.now() - p0;
    const after = await attr(page, 'from');
    expect(after < before).toBe(true);

    // Brush on the overview: a wide window, still counts.
    const ov = (await page.locator('#mp-overview svg').boundingBox())!;
    const fromBeforeBrush = await attr(page, 'from');
    const b0 = Date.now();
    await page.mouse.move(ov.x + ov.width * 0.2, ov.y + 30);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(ov.x + ov.width * (0.2 + 0.02 * i), ov.y + 30);
    await page.mouse.up();
    await page.waitForFunction((b) => (document.querySelector('#mp-timeline') as HTMLElement).dataset.from !== b, fromBeforeBrush, { timeout: 20_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const brushMs = Date.now() - b0;
    expect(await attr(page, 'mode')).toBe('counts');
    expect(await attr(page, 'from') < '2023-01-01').toBe(true);

    // Zoom in with the keyboard until single events show.
    await page.focus('#mp-timeline-wrap');
    for (let i = 0; i < 6 && (await attr(page, 'mode')) === 'counts'; i++) {
      await page.keyboard.press('+');
      await page.waitForTimeout(450);
    }
    expect(await attr(page, 'mode')).toBe('events');
    const items = await page.locator('#mp-timeline .tl-item').count();
    expect(items).toBeGreaterThan(0);
    expect(items).toBeLessThanOrEqual(4500);

    // Filtering 20,000 events by a country stays quick and correct.
    const f0 = Date.now();
    await page.goto(`${server.url}/?countries=ZAF&types=threat`);
    await page.waitForSelector('#mp-app[data-state="ready"]', { timeout: 60_000 });
    const filterLoadMs = Date.now() - f0;
    const expected = file.events.filter((e) => e.type === 'threat' && e.countries.includes('ZAF')).length;
    expect(await page.textContent('#mp-list-count')).toBe(`${expected.toLocaleString('en')} events`);

    console.log(
      `[scale] 20,000 events (${(body.length / 1e6).toFixed(1)} MB JSON): first view ${loadMs} ms, ` +
        `pan ${panMs} ms (drag to redrawn window), brush ${brushMs} ms, ${aggCount} count boxes at first, ` +
        `${items} single items after zooming in, filtered link ${filterLoadMs} ms`,
    );
    await page.close();
  }, 180_000);
});
