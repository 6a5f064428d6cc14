/**
 * The main page answering a reader's questions (issue 11), on a site really built from a wider
 * events file (tests/browser/helpers/wide-corpus.ts): links that never break, the selection
 * brought into view, lanes collapsed per window, keyboard and wheel, whole-word search, the
 * relations graph of the window, the first screen, date presets, embed and print.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsFile } from '../../src/lib/schema.ts';
import { buildSite, tempBuildDir } from './build-site.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';
import { APPROX_ID, CURRENT_ID, LONE_ID, MOSCOW_ID, OLD_ID, SCO_ID, wideCorpus } from './helpers/wide-corpus.ts';

let browser: Browser;
let server: StaticServer;
let file: EventsFile;
const errors: string[] = [];
const requests: string[] = [];
const SHOTS = process.env.SHOT_DIR;

beforeAll(async () => {
  const dir = tempBuildDir('views');
  file = wideCorpus();
  const json = path.join(dir, 'events.json');
  writeFileSync(json, JSON.stringify(file));
  buildSite(json, path.join(dir, 'dist'));
  server = await serveDir(path.join(dir, 'dist'));
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = '', opts: { width?: number; height?: number; touch?: boolean } = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 }, hasTouch: opts.touch ?? false, isMobile: opts.touch ?? false });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/${query}`);
  await page.waitForSelector('#mp-app[data-timeline="ready"]', { timeout: 30_000 });
  await page.waitForTimeout(400);
  return page;
}
const close = (page: Page): Promise<void> => page.context().close();
const shot = async (page: Page, name: string): Promise<void> => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};
const params = (page: Page): Promise<URLSearchParams> => page.evaluate(() => location.search).then((s) => new URLSearchParams(s));
const windowOf = (page: Page) => page.$eval('#mp-timeline', (e) => ({ from: (e as HTMLElement).dataset.from ?? '', to: (e as HTMLElement).dataset.to ?? '' }));
const detailsId = (page: Page): Promise<string> => page.$eval('#mp-details', (e) => (e as HTMLElement).dataset.eventId ?? '');
/** The first timeline item drawn inside the visible window (vis-timeline also draws items a little outside it, clipped). */
async function itemInWindow(page: Page) {
  const key = await page.$$eval('#mp-timeline .tl-item', (els) => {
    const c = document.querySelector('#mp-timeline .vis-panel.vis-center')!.getBoundingClientRect();
    const e = els.find((x) => {
      const r = x.getBoundingClientRect();
      return r.width > 0 && r.left >= c.left && r.right <= c.right;
    }) as HTMLElement | undefined;
    return e ? [e.dataset.eventId ?? '', e.dataset.lane ?? ''] : undefined;
  });
  expect(key).toBeDefined();
  return page.locator(`#mp-timeline .tl-item[data-event-id="${key![0]}"][data-lane="${key![1]}"]`);
}
const inView = (page: Page): Promise<number> => page.$eval('#mp-status', (e) => Number((e as HTMLElement).dataset.inView));

describe('links never break', () => {
  it('?event=<old id> opens the event that now carries it, and says so', async () => {
    const page = await open(`?event=${OLD_ID}`);
    expect(await detailsId(page)).toBe(CURRENT_ID);
    expect(await page.isVisible('#mp-details')).toBe(true);
    expect(await page.textContent('#mp-notice')).toContain(OLD_ID);
    expect((await params(page)).get('event')).toBe(CURRENT_ID);
    await close(page);
  });

  it('an id that no longer exists shows a visible notice, not a silent empty panel', async () => {
    const page = await open('?event=2024-01-01-meeting-nowhere');
    expect(await page.isVisible('#mp-notice')).toBe(true);
    expect(await page.textContent('#mp-notice')).toContain('2024-01-01-meeting-nowhere');
    expect(await page.isVisible('#mp-details')).toBe(false);
    expect((await params(page)).get('event')).toBeNull();
    await close(page);
  });

  it('?countries=XXX (not a country of the data) is ignored: no chip, every event, dropped from the address', async () => {
    const page = await open('?countries=XXX');
    expect(await page.locator('#mp-active-countries li').count()).toBe(0);
    expect(await page.textContent('#mp-status')).toContain(`${file.events.length} events of ${file.events.length}`);
    expect((await params(page)).get('countries')).toBeNull();
    await close(page);
  });

  it('?from= without to is dropped from the address bar', async () => {
    const page = await open('?from=2025-07-01&types=meeting');
    const p = await params(page);
    expect(p.get('from')).toBeNull();
    expect(p.get('types')).toBe('meeting');
    await close(page);
  });

  it('an event hidden by the filter does not open silently: a notice offers to show it', async () => {
    const page = await open(`?types=threat&event=${CURRENT_ID}`);
    expect(await page.isVisible('#mp-details')).toBe(false);
    const notice = page.locator('#mp-notice');
    expect(await notice.textContent()).toContain('hidden by the current filters');
    await shot(page, 'hidden-by-filter');
    await notice.locator('button', { hasText: 'Show it' }).click();
    await page.waitForTimeout(500);
    expect(await detailsId(page)).toBe(CURRENT_ID);
    expect(await page.isVisible('#mp-details')).toBe(true);
    expect((await params(page)).get('types')).toBeNull();
    await close(page);
  });

  it('a window with no events offers a way back to the data ("Fit all")', async () => {
    const page = await open('?from=2024-01-01&to=2024-02-01');
    expect(await inView(page)).toBe(0);
    expect(await page.isVisible('#mp-empty')).toBe(true);
    await shot(page, 'empty-window');
    await page.click('#mp-empty button');
    await page.waitForTimeout(500);
    expect(await inView(page)).toBe(file.events.length);
    expect(await page.isVisible('#mp-empty')).toBe(false);
    await close(page);
  });
});

describe('the timeline shows the answer', () => {
  it('opening a lone 2023 event from a link brings it into view, lane and all', async () => {
    const page = await open(`?event=${LONE_ID}`);
    const w = await windowOf(page);
    expect(w.from <= '2023-03-02' && w.to >= '2023-03-02').toBe(true);
    expect(await inView(page)).toBeGreaterThanOrEqual(1);
    const item = page.locator('#mp-timeline .vis-item.vis-selected').first();
    await item.waitFor({ timeout: 5000 });
    const box = (await item.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    // Only the lanes with events in this window are open; the others are counted.
    const lanes = await page.$$eval('#mp-timeline .vis-labelset .lane-label', (els) => els.map((e) => (e as HTMLElement).dataset.lane));
    expect(lanes.sort()).toEqual(['BRA', 'ZAF']);
    const toggle = page.locator('#mp-lanes-toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.textContent()).toMatch(/\d+ lanes with no events in this view/);
    expect(await page.textContent('#mp-timeline .lane-label[data-lane="BRA"] .lane-count')).toBe('1');
    await shot(page, 'lone-2023-event');
    await toggle.click();
    await page.waitForTimeout(300);
    const all = await page.$$eval('#mp-timeline .vis-labelset .lane-label', (els) => els.length);
    expect(all).toBeGreaterThan(20);
    await close(page);
  });

  it('lane labels count the events of the window', async () => {
    const page = await open('?from=2025-07-10&to=2025-07-16');
    const counts = await page.$$eval('#mp-timeline .vis-labelset .lane-label', (els) =>
      els.map((e) => [(e as HTMLElement).dataset.lane, Number(e.querySelector('.lane-count')?.textContent)] as const),
    );
    for (const [lane, n] of counts) {
      const expected = file.events.filter((e) => e.date >= '2025-07-10' && e.date <= '2025-07-16' && e.countries.includes(lane!)).length;
      expect(n, lane).toBe(expected);
    }
    await close(page);
  });

  it('the list and the timeline agree on what "in this view" counts', async () => {
    const page = await open('?from=2025-07-01&to=2025-07-31');
    const n = file.events.filter((e) => e.date >= '2025-07-01' && e.date <= '2025-07-31').length;
    expect(await inView(page)).toBe(n);
    expect(await page.locator('#mp-list li[data-event-id]').count()).toBe(n);
    expect(await page.textContent('#mp-list-count')).toBe(`${n} events`);
    await close(page);
  });

  it('keyboard: ↓ reaches every lane shown, ↑ comes back; Escape closes details from inside the panel', async () => {
    const page = await open('?from=2025-07-01&to=2025-07-31');
    const lanes = await page.$$eval('#mp-timeline .vis-labelset .lane-label', (els) => els.map((e) => (e as HTMLElement).dataset.lane ?? ''));
    expect(lanes.length).toBeGreaterThan(6);
    await page.focus('#mp-timeline-wrap');
    // → starts from the window (Home would jump to the lone 2023 event).
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < lanes.length; i++) await page.keyboard.press('ArrowUp');
    expect(await page.$eval('#mp-timeline-wrap', (e) => (e as HTMLElement).dataset.lane)).toBe(lanes[0]);
    const seen = new Set<string>();
    for (let i = 0; i < lanes.length + 2; i++) {
      seen.add(await page.$eval('#mp-timeline-wrap', (e) => (e as HTMLElement).dataset.lane ?? ''));
      await page.keyboard.press('ArrowDown');
    }
    expect([...seen].sort()).toEqual([...lanes].sort());
    // Enter opens the details; Escape inside the panel closes it.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('det-title');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await page.isVisible('#mp-details')).toBe(false);
    expect((await params(page)).get('event')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mp-timeline-wrap');
    await close(page);
  });

  it('a plain wheel over the timeline scrolls the page; Ctrl + wheel zooms; Shift + wheel pans', async () => {
    const page = await open('?from=2025-07-01&to=2025-08-31', { height: 700 });
    const box = (await page.locator('#mp-timeline .vis-center').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, Math.min(box.y + 80, 650));
    const before = await windowOf(page);
    const y0 = await page.evaluate(() => window.scrollY);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 200);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(y0 + 300);
    expect(await windowOf(page)).toEqual(before);
    // Over the timeline, below the sticky header.
    await page.mouse.move(box.x + box.width / 2, 400);
    expect(await page.evaluate(() => document.elementFromPoint(640, 400)?.closest('#mp-timeline') !== null)).toBe(true);
    await page.keyboard.down('Shift');
    await page.mouse.wheel(0, 300);
    await page.keyboard.up('Shift');
    await page.waitForTimeout(600);
    const panned = await windowOf(page);
    expect(panned.from > before.from).toBe(true);
    const span = (w: { from: string; to: string }): number => Date.parse(w.to) - Date.parse(w.from);
    expect(Math.abs(span(panned) - span(before))).toBeLessThanOrEqual(86_400_000);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForTimeout(600);
    expect(span(await windowOf(page))).toBeLessThan(span(panned));
    await close(page);
  });

  it('search matches whole words, country names and codes: SCO is not Moscow, USA finds US events, Russia finds the Russia filter', async () => {
    /** Every match: "Fit all", then the list of the events in view. */
    const ids = async (q: string): Promise<string[]> => {
      const page = await open(`?q=${encodeURIComponent(q)}`);
      await page.click('#mp-fit-all');
      await page.waitForTimeout(500);
      const out = await page.$$eval('#mp-list li[data-event-id]', (els) => els.map((e) => (e as HTMLElement).dataset.eventId ?? '').sort());
      await close(page);
      return out;
    };
    const sco = await ids('SCO');
    expect(sco).toContain(SCO_ID);
    expect(sco).not.toContain(MOSCOW_ID);
    const usa = await ids('USA');
    expect(usa).toEqual(file.events.filter((e) => e.countries.includes('USA')).map((e) => e.id).sort());
    const russia = await ids('Russia');
    for (const e of file.events.filter((x) => x.countries.includes('RUS'))) expect(russia).toContain(e.id);
  });

  it('the relations graph counts the window only, and says how many countries it left out', async () => {
    let page = await open('?from=2023-02-01&to=2023-03-31');
    expect(await page.$eval('#mp-relations', (e) => (e as HTMLElement).dataset.nodes)).toBe('2');
    expect(await page.textContent('#mp-relations .rel-note')).toContain('1 event');
    await close(page);
    page = await open('?from=2025-08-15&to=2025-08-25');
    expect(Number(await page.$eval('#mp-relations', (e) => (e as HTMLElement).dataset.omitted))).toBeGreaterThan(0);
    expect(await page.textContent('#mp-relations .rel-note')).toMatch(/\d+ countries left out/);
    await page.locator('#mp-relations').scrollIntoViewIfNeeded();
    await shot(page, 'relations-cap');
    await close(page);
  });
});

describe('map', () => {
  it('shades the countries of the window, and a click filters by a country', async () => {
    const page = await open('?from=2023-02-01&to=2023-03-31');
    await page.locator('#mp-map').scrollIntoViewIfNeeded();
    await page.waitForSelector('#mp-map[data-ready="true"]', { timeout: 10_000 });
    await page.waitForTimeout(200);
    expect(await page.$eval('#mp-map', (e) => (e as HTMLElement).dataset.shaded)).toBe('2');
    expect(await page.getAttribute('#mp-map path[data-country="BRA"]', 'data-count')).toBe('1');
    expect(await page.getAttribute('#mp-map path[data-country="USA"]', 'data-count')).toBe('0');
    await shot(page, 'map-light');
    // The map and the overview save as standalone SVG (styles inlined) and as PNG.
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('#mp-map button[data-format="svg"]')]);
    expect(svgFile.suggestedFilename()).toBe('diplomatic-events-map.svg');
    const svgText = readFileSync((await svgFile.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('data-country="BRA"');
    expect(svgText).not.toContain('class=');
    const [pngFile] = await Promise.all([page.waitForEvent('download'), page.click('.mp-save button[data-format="png"]')]);
    expect(pngFile.suggestedFilename()).toBe('diplomatic-events-overview.png');
    expect(readFileSync((await pngFile.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.click('#mp-map path[data-country="ZAF"]', { force: true });
    await page.waitForTimeout(400);
    expect((await params(page)).get('countries')).toBe('ZAF');
    await close(page);
  });

  it('is drawn in dark mode with the dark tokens', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/?from=2025-07-01&to=2025-08-31`);
    await page.waitForSelector('#mp-app[data-timeline="ready"]');
    await page.locator('#mp-map').scrollIntoViewIfNeeded();
    await page.waitForSelector('#mp-map[data-ready="true"]', { timeout: 10_000 });
    const fills = await page.$$eval('#mp-map path.map-l0, #mp-map path.map-l5', (els) => [...new Set(els.map((e) => getComputedStyle(e).fill))]);
    expect(fills.length).toBe(2);
    await shot(page, 'map-dark');
    await ctx.close();
  });
});

describe('layout', () => {
  it('at 1280x900 the timeline fills the first screen; details open beside it only when selected', async () => {
    const page = await open();
    const tl = (await page.locator('#mp-timeline').boundingBox())!;
    expect(tl.y).toBeLessThan(500);
    expect(tl.y + tl.height).toBeGreaterThanOrEqual(860);
    expect(tl.width).toBeGreaterThan(1100);
    expect(await page.isVisible('#mp-details')).toBe(false);
    await shot(page, 'first-screen');
    await (await itemInWindow(page)).click();
    await page.waitForTimeout(500);
    const det = (await page.locator('#mp-details').boundingBox())!;
    const tl2 = (await page.locator('#mp-timeline').boundingBox())!;
    expect(det.x).toBeGreaterThanOrEqual(tl2.x + tl2.width - 1);
    await shot(page, 'details-beside');
    // Scrolled down, the panel stays below the sticky header.
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(300);
    const header = (await page.locator('.site-header').boundingBox())!;
    const det2 = (await page.locator('#mp-details').boundingBox())!;
    expect(det2.y).toBeGreaterThanOrEqual(header.y + header.height);
    await close(page);
  });

  it('at 360 px a tapped item selects it and leaves no tooltip behind', async () => {
    const page = await open('?from=2025-07-10&to=2025-07-20', { width: 360, height: 740, touch: true });
    const item = page.locator('#mp-timeline .tl-item').first();
    await item.tap();
    await page.waitForTimeout(600);
    expect(await page.isVisible('#mp-timeline .tl-tooltip')).toBe(false);
    expect(await detailsId(page)).not.toBe('');
    await shot(page, 'narrow-tap');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await close(page);
  });

  it('one date style: approximate days read "≈12 Jul" in the list and the details', async () => {
    const page = await open(`?event=${APPROX_ID}`);
    const row = await page.textContent(`#mp-list li[data-event-id="${APPROX_ID}"] time`);
    expect(row).toBe('≈10 Aug 2025');
    expect(await page.textContent('#mp-details time')).toBe('≈10 Aug 2025');
    expect(await page.textContent('#mp-app')).not.toContain('c. ');
    await close(page);
  });

  it('the printout states its filters and window', async () => {
    const page = await open('?countries=RUS&types=meeting,threat&from=2025-07-01&to=2025-07-31');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#mp-print-summary')).toBe(true);
    const text = (await page.textContent('#mp-print-summary')) ?? '';
    expect(text).toContain('Russia (RUS)');
    expect(text).toContain('Meeting');
    expect(text).toContain('1 Jul 2025 to 31 Jul 2025');
    await close(page);
  });

  it('"only this type" buttons are rendered and filter to that type', async () => {
    const page = await open();
    expect(await page.locator('#mp-type-list button[data-only]').count()).toBe(8);
    await page.hover('label[for="mp-t-threat"]');
    await page.click('button[data-only="threat"]');
    await page.waitForTimeout(400);
    expect((await params(page)).get('types')).toBe('threat');
    await close(page);
  });
});

describe('new controls', () => {
  it('date inputs and month / quarter / year / all presets set the window; reset view goes back', async () => {
    const page = await open(`?event=${CURRENT_ID}`);
    await page.click('button[data-preset="month"]');
    await page.waitForTimeout(400);
    expect(await windowOf(page)).toEqual({ from: '2025-07-01', to: '2025-07-31' });
    expect(await page.inputValue('#mp-from')).toBe('2025-07-01');
    await page.click('button[data-preset="quarter"]');
    await page.waitForTimeout(400);
    expect(await windowOf(page)).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    await page.click('button[data-preset="year"]');
    await page.waitForTimeout(400);
    expect(await windowOf(page)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    await page.waitForTimeout(500);
    expect((await params(page)).get('from')).toBe('2025-01-01');
    await page.fill('#mp-from', '2025-06-10');
    await page.fill('#mp-to', '2025-06-20');
    await page.dispatchEvent('#mp-to', 'change');
    await page.waitForTimeout(400);
    expect(await windowOf(page)).toEqual({ from: '2025-06-10', to: '2025-06-20' });
    await shot(page, 'range-inputs');
    await page.click('#mp-fit-all');
    await page.waitForTimeout(400);
    expect(await inView(page)).toBe(file.events.length);
    await page.click('#mp-reset');
    await page.waitForTimeout(600);
    const p = await params(page);
    expect(p.get('event')).toBeNull();
    expect(p.get('from')).toBeNull();
    await close(page);
  });

  it('?embed=1 shows the timeline alone, and the Embed menu gives a copyable iframe snippet', async () => {
    let page = await open('?countries=CHN&embed=1');
    expect(await page.isVisible('#mp-timeline')).toBe(true);
    for (const sel of ['.site-header', '#mp-controls', '.mp-head', '#mp-list']) expect(await page.isVisible(sel), sel).toBe(false);
    expect(await page.getAttribute('#mp-full-view', 'href')).not.toContain('embed');
    await shot(page, 'embed');
    await close(page);
    page = await open('?countries=CHN');
    await page.click('#mp-embed-pop summary');
    // The snippet is written on the details element's `toggle` event, which fires after the click returns.
    await page.waitForFunction(() => (document.querySelector('#mp-embed-code') as HTMLTextAreaElement).value !== '');
    const code = await page.inputValue('#mp-embed-code');
    expect(code).toMatch(/^<iframe src="http[^"]+countries=CHN&amp;from=\d{4}-\d{2}-\d{2}&amp;to=\d{4}-\d{2}-\d{2}&amp;embed=1" title="[^"]+"/);
    await close(page);
  });

  it('never downloads the whole corpus: index, compact index and chunks only', () => {
    expect(requests.some((r) => r.endsWith('/data/events.json'))).toBe(false);
    expect(requests.some((r) => r.endsWith('/data/index.json'))).toBe(true);
    expect(requests.some((r) => /\/data\/chunks\/\d{4}-\d{2}\.json$/.test(r))).toBe(true);
  });

  it('logged no script errors', () => {
    expect(errors).toEqual([]);
  });
});
