/**
 * The interactive main page in headless Chromium, against the built site (dist/, built by
 * `npm run build` from seeds/; SITE_DIR overrides). Expected events come from the site's own data
 * files, so the tests follow whatever the extractor produces for the seed; the page itself never
 * fetches /data/events.json (see main-page-views.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsFile, TimelineEvent } from '../../src/lib/schema.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

const DIST = resolve(process.env.SITE_DIR ?? join(import.meta.dirname, '../../dist'));

let browser: Browser;
let server: StaticServer;
let data: EventsFile;
const errors: string[] = [];

const shift = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function open(query = '', opts: { width?: number } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${server.url}/${query}`);
  await page.waitForSelector('#mp-app[data-state="ready"]', { timeout: 20_000 });
  await page.waitForSelector('#mp-timeline[data-from]', { timeout: 10_000 });
  // vis-timeline loads after the first paint.
  await page.waitForSelector('#mp-app[data-timeline="ready"]', { timeout: 20_000 });
  // vis-timeline draws on the next frames.
  await page.waitForTimeout(300);
  return page;
}

/** Event ids drawn on the timeline (one entry per lane copy). */
const timelineIds = (page: Page): Promise<string[]> =>
  page.$$eval('#mp-timeline .tl-item', (els) => els.map((e) => (e as HTMLElement).dataset.eventId ?? ''));
const listIds = (page: Page): Promise<string[]> =>
  page.$$eval('#mp-list li[data-event-id]', (els) => els.map((e) => (e as HTMLElement).dataset.eventId ?? ''));
const search = (page: Page): Promise<URLSearchParams> => page.evaluate(() => location.search).then((s) => new URLSearchParams(s));
const windowOf = (page: Page) =>
  page.$eval('#mp-timeline', (e) => ({ from: (e as HTMLElement).dataset.from ?? '', to: (e as HTMLElement).dataset.to ?? '' }));
const detailsId = (page: Page): Promise<string> => page.$eval('#mp-details', (e) => (e as HTMLElement).dataset.eventId ?? '');
/** The details panel shows `id` (it may fill after a chunk or id shard arrives): waits up to 5 s, then reads it. */
const detailsIdBecomes = async (page: Page, id: string): Promise<string> => {
  await page
    .waitForFunction((want) => ((document.querySelector('#mp-details') as HTMLElement | null)?.dataset.eventId ?? '') === want, id, { timeout: 5_000 })
    .catch(() => undefined);
  return detailsId(page);
};
const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();
const sortedIds = (evs: TimelineEvent[]): string[] => evs.map((e) => e.id).sort();

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no index.html: run \`npm run build\` first`);
  // The expected events: the site's events file when it publishes one, else its monthly chunks.
  if (existsSync(join(DIST, 'data/events.json'))) data = JSON.parse(readFileSync(join(DIST, 'data/events.json'), 'utf8')) as EventsFile;
  else {
    const chunks = readdirSync(join(DIST, 'data/chunks')).filter((f) => f.endsWith('.json')).sort();
    const events = chunks.flatMap((f) => (JSON.parse(readFileSync(join(DIST, 'data/chunks', f), 'utf8')) as { events: TimelineEvent[] }).events);
    data = { schemaVersion: 1, documents: [], events };
  }
  if (data.events.length < 3) throw new Error('the built site should hold the seed events');
  server = await serveDir(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('main page', () => {
  it('shows every seed event on the timeline, once per country lane, and in the list', async () => {
    const page = await open();
    const ids = await timelineIds(page);
    expect(uniq(ids)).toEqual(sortedIds(data.events));
    for (const ev of data.events) {
      const copies = ids.filter((id) => id === ev.id).length;
      expect(copies, ev.id).toBe(Math.max(1, new Set(ev.countries).size));
    }
    expect((await listIds(page)).sort()).toEqual(sortedIds(data.events));
    // Lanes carry country names, not only codes.
    const lanes = await page.$$eval('#mp-timeline .lane-code', (els) => els.map((e) => e.textContent));
    expect(lanes.length).toBeGreaterThan(1);
    await page.close();
  });

  it('lists every event without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/`);
    expect((await listIds(page)).sort()).toEqual(sortedIds(data.events));
    expect(await page.locator('noscript').count()).toBeGreaterThan(0);
    await ctx.close();
  });

  it('?countries=USA shows only events involving the United States', async () => {
    const expected = data.events.filter((e) => e.countries.includes('USA'));
    expect(expected.length).toBeGreaterThan(0);
    const page = await open('?countries=USA');
    expect(uniq(await timelineIds(page))).toEqual(sortedIds(expected));
    expect((await listIds(page)).sort()).toEqual(sortedIds(expected));
    expect(await page.locator('#mp-active-countries li').count()).toBe(1);
    await page.close();
  });

  it('a link with countries, mode, types, window, event and grouping restores that view', async () => {
    const target = data.events.find((e) => e.countries.length >= 2) ?? data.events[0]!;
    const countries = [...target.countries].sort().slice(0, 2);
    const otherType = data.events.find((e) => e.type !== target.type)?.type;
    const types = [target.type, ...(otherType ? [otherType] : [])].sort();
    const from = shift(target.date, -6);
    const to = shift(target.date, 8);
    const query = `?countries=${countries.join(',')}&mode=all&types=${types.join(',')}&from=${from}&to=${to}&event=${encodeURIComponent(target.id)}&group=type`;
    const page = await open(query);
    expect(await detailsId(page)).toBe(target.id);
    expect(await page.textContent('#det-title')).toBe(target.title);
    expect(await windowOf(page)).toEqual({ from, to });
    expect(await page.isChecked('#mp-mode-all')).toBe(true);
    expect(await page.isChecked('#mp-group-type')).toBe(true);
    for (const input of await page.$$('#mp-type-list input[data-type]')) {
      const t = await input.getAttribute('data-type');
      expect(await input.isChecked(), t ?? '').toBe(types.includes(t as TimelineEvent['type']));
    }
    // Type lanes, and only events that match every filter.
    expect(await page.locator('#mp-timeline .lane-label--type').count()).toBeGreaterThan(0);
    const shown = uniq(await timelineIds(page));
    const expected = data.events.filter((e) => types.includes(e.type) && countries.every((c) => e.countries.includes(c)));
    expect(shown).toEqual(sortedIds(expected));
    // The selected event is highlighted on the timeline.
    const selected = await page.$$eval('#mp-timeline .vis-selected .tl-item', (els) => els.map((e) => (e as HTMLElement).dataset.eventId));
    expect(selected).toContain(target.id);
    // Opening the link does not rewrite it.
    await page.waitForTimeout(600);
    const params = await search(page);
    expect(params.get('from')).toBe(from);
    expect(params.get('to')).toBe(to);
    expect(params.get('event')).toBe(target.id);
    await page.close();
  });

  it('ignores malformed parameters', async () => {
    const page = await open('?countries=XX,%ZZ&types=party&from=2025-02-31&mode=some&group=&event=no-such-event&utm=1');
    expect(uniq(await timelineIds(page)).length).toBe(data.events.length);
    expect(await detailsId(page)).toBe('');
    await page.close();
  });

  it('changing a filter updates the URL, and Back restores the previous filter', async () => {
    const type = data.events[0]!.type;
    const page = await open();
    await page.click(`label[for="mp-t-${type}"]`);
    await page.waitForTimeout(200);
    let params = await search(page);
    expect(params.get('types')).toBeTruthy();
    expect(params.get('types')!.split(',')).not.toContain(type);
    const withoutType = uniq(await timelineIds(page));
    expect(withoutType).toEqual(sortedIds(data.events.filter((e) => e.type !== type)));

    // A country from the filter menu: another history entry.
    await page.click('#mp-countries summary');
    const code = data.events[0]!.countries[0] ?? 'USA';
    await page.check(`#mp-c-${code}`);
    await page.waitForTimeout(200);
    params = await search(page);
    expect(params.get('countries')).toBe(code);

    await page.goBack();
    await page.waitForTimeout(300);
    params = await search(page);
    expect(params.get('countries')).toBeNull();
    expect(params.get('types')!.split(',')).not.toContain(type);

    await page.goBack();
    await page.waitForTimeout(300);
    params = await search(page);
    expect(params.get('types')).toBeNull();
    expect(await page.isChecked(`#mp-t-${type}`)).toBe(true);
    expect(uniq(await timelineIds(page))).toEqual(sortedIds(data.events));
    await page.close();
  });

  it('the search box filters by whole words of titles, people, organisations and countries', async () => {
    const withActor = data.events.find((e) => e.actors.length > 0);
    const page = await open();
    if (withActor) {
      const word = withActor.actors[0]!.name.split(' ').pop()!;
      await page.fill('#mp-q', word);
      await page.waitForTimeout(600);
      const fold = (t: string): string[] => t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^\p{L}\p{N}]+/u);
      const w = fold(word).join(' ');
      const expected = data.events.filter((e) => [e.title, ...e.actors.map((a) => a.name), ...e.organizations].some((t) => ` ${fold(t).join(' ')} `.includes(` ${w} `)));
      expect(uniq(await timelineIds(page))).toEqual(sortedIds(expected));
      expect((await search(page)).get('q')).toBe(word);
    }
    await page.fill('#mp-q', 'zzqqxx-nothing-matches');
    await page.waitForTimeout(600);
    expect(await timelineIds(page)).toEqual([]);
    expect(await page.textContent('#mp-list')).toContain('No events match');
    await page.close();
  });

  it('the brush on the overview moves the timeline window, and the URL follows', async () => {
    const page = await open();
    const before = await windowOf(page);
    const box = (await page.locator('#mp-overview svg').boundingBox())!;
    const y = box.y + 30;
    await page.mouse.move(box.x + box.width * 0.15, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.35, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.45, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(700);
    const after = await windowOf(page);
    expect(after).not.toEqual(before);
    expect(after.from < after.to).toBe(true);
    const params = await search(page);
    expect(params.get('from')).toBe(after.from);
    expect(params.get('to')).toBe(after.to);
    // The brush follows the timeline: its selection spans the same days.
    const sel = (await page.locator('#mp-overview .selection').boundingBox())!;
    expect(sel.x).toBeGreaterThan(box.x + box.width * 0.1);
    expect(sel.x + sel.width).toBeLessThan(box.x + box.width * 0.5);
    await page.close();
  });

  it('keyboard: arrows walk the events in time, Enter opens details, +/- zoom, Escape clears', async () => {
    const page = await open();
    const ordered = [...data.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    await page.focus('#mp-timeline-wrap');
    await page.keyboard.press('Home');
    expect(await detailsIdBecomes(page, ordered[0]!.id)).toBe(ordered[0]!.id);
    await page.keyboard.press('ArrowRight');
    expect(await detailsIdBecomes(page, ordered[1]!.id)).toBe(ordered[1]!.id);
    await page.keyboard.press('ArrowRight');
    expect(await detailsIdBecomes(page, ordered[2]!.id)).toBe(ordered[2]!.id);
    await page.keyboard.press('ArrowLeft');
    expect(await detailsIdBecomes(page, ordered[1]!.id)).toBe(ordered[1]!.id);
    await page.keyboard.press('End');
    expect(await detailsIdBecomes(page, ordered[ordered.length - 1]!.id)).toBe(ordered[ordered.length - 1]!.id);
    const selected = await page.$$eval('#mp-timeline .vis-selected .tl-item', (els) => els.map((e) => (e as HTMLElement).dataset.eventId));
    expect(selected).toContain(ordered[ordered.length - 1]!.id);

    const span = async (): Promise<number> => {
      const w = await windowOf(page);
      return (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000;
    };
    const s0 = await span();
    await page.keyboard.press('-');
    await page.waitForTimeout(500);
    const s1 = await span();
    expect(s1).toBeGreaterThan(s0);
    await page.keyboard.press('+');
    await page.waitForTimeout(500);
    expect(await span()).toBeLessThan(s1);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('det-title');
    await page.focus('#mp-timeline-wrap');
    await page.keyboard.press('Escape');
    expect(await detailsId(page)).toBe('');
    await page.close();
  });

  it('clicking an event shows its details with the source sentence and trigger highlighted', async () => {
    const page = await open();
    const item = page.locator('#mp-timeline .tl-item').first();
    const id = await item.getAttribute('data-event-id');
    await item.click();
    await page.waitForTimeout(200);
    expect(await detailsId(page)).toBe(id);
    const ev = data.events.find((e) => e.id === id)!;
    expect(await page.textContent('#det-title')).toBe(ev.title);
    const quotes = await page.$$eval('#mp-details blockquote', (els) => els.map((e) => e.textContent));
    // One quotation per distinct sentence (sources quoting the same sentence are grouped).
    expect(quotes).toEqual([...new Map(ev.sources.map((s) => [`${s.document}|${s.start}|${s.sentence}`, s.sentence])).values()]);
    const withTrigger = ev.sources.find((s) => s.trigger);
    if (withTrigger) {
      const marks = await page.$$eval('#mp-details blockquote mark', (els) => els.map((e) => e.textContent ?? ''));
      const word = withTrigger.sentence.slice(withTrigger.trigger!.start, withTrigger.trigger!.end);
      expect(marks.some((m) => m.includes(word))).toBe(true);
    }
    expect((await search(page)).get('event')).toBe(id);
    await page.close();
  });

  it('the relations graph filters by a clicked country', async () => {
    const page = await open();
    const node = page.locator('#mp-relations .rel-node').first();
    const code = await node.getAttribute('data-country');
    await node.click();
    await page.waitForTimeout(200);
    expect((await search(page)).get('countries')).toBe(code);
    const shown = uniq(await timelineIds(page));
    expect(shown).toEqual(sortedIds(data.events.filter((e) => e.countries.includes(code!))));
    await page.close();
  });

  it('renders article text as text, never as markup', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const hostile = structuredClone(data);
    const ev = hostile.events[0]!;
    ev.title = '<img src=x id=pwn1 onerror="window.__pwned=1">Summit <b>bold</b>';
    ev.actors = [{ name: '<script>window.__pwned=2</script>Mr X', country: ev.countries[0] }];
    ev.sources = [{ ...ev.sources[0]!, sentence: 'He said <img src=y id=pwn2 onerror="window.__pwned=3"> "hello".', trigger: { start: 3, end: 7 } }];
    // The page reads events from the monthly chunks: serve the hostile records in the event's chunk.
    const key = ev.date.slice(0, 7);
    await page.route(`**/data/chunks/${key}.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ key, events: hostile.events.filter((e) => e.date.startsWith(key)) }) }));
    await page.goto(`${server.url}/?event=${encodeURIComponent(ev.id)}`);
    await page.waitForSelector('#mp-app[data-timeline="ready"]');
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#pwn1, #pwn2, #mp-app b').count()).toBe(0);
    expect(await page.textContent('#det-title')).toBe(ev.title);
    expect(await page.locator('#mp-timeline .tl-title', { hasText: '<img src=x' }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('exports the filtered events as CSV, JSON and iCalendar downloads', async () => {
    const expected = data.events.filter((e) => e.countries.includes('USA'));
    const page = await open('?countries=USA');
    const grab = async (button: string): Promise<{ name: string; text: string }> => {
      await page.click('.mp-actions summary');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const csv = await grab('#mp-export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    const csvLines = csv.text.trim().split(/\r\n/);
    expect(csvLines[0]).toMatch(/^id,date,/);
    for (const ev of expected) expect(csv.text).toContain(ev.id);
    for (const ev of data.events.filter((e) => !e.countries.includes('USA'))) expect(csv.text).not.toContain(ev.id);
    const json = await grab('#mp-export-json');
    expect((JSON.parse(json.text) as EventsFile).events.map((e) => e.id).sort()).toEqual(sortedIds(expected));
    const ics = await grab('#mp-export-ics');
    expect(ics.name).toMatch(/\.ics$/);
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text.match(/BEGIN:VEVENT/g)?.length).toBe(expected.length);
    // The menu closes after an export.
    expect(await page.$eval('.mp-actions details', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.close();
  });

  it('"Copy link" copies a link that holds the whole view, window included', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/?countries=USA&types=threat,statement`);
    await page.waitForSelector('#mp-app[data-state="ready"]');
    await page.waitForSelector('#mp-app[data-timeline="ready"]');
    await page.click('#mp-copy');
    await page.waitForTimeout(200);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const w = await windowOf(page);
    const params = new URL(copied).searchParams;
    expect(params.get('countries')).toBe('USA');
    expect(params.get('types')).toBe('statement,threat');
    expect(params.get('from')).toBe(w.from);
    expect(params.get('to')).toBe(w.to);
    expect(await page.textContent('#mp-copy-label')).toBe('Link copied');
    // The copied link opens the same view.
    const again = await open(new URL(copied).search);
    expect(await windowOf(again)).toEqual(w);
    await again.close();
    await ctx.close();
  });

  it('shows a tooltip with the event title on hover', async () => {
    const page = await open();
    const item = page.locator('#mp-timeline .tl-item').last();
    const id = await item.getAttribute('data-event-id');
    // vis-timeline may redraw the item under a pointer that is already there (the window settles after load),
    // and then no itemover follows; a user moves the pointer again, so the test does too (at most three moves).
    let shown = false;
    for (let attempt = 0; attempt < 3 && !shown; attempt++) {
      await page.mouse.move(0, 0);
      await item.hover({ force: true });
      shown = await page.waitForSelector('#mp-timeline .tl-tooltip:not([hidden])', { timeout: 2000 }).then(() => true, () => false);
    }
    expect(shown, 'tooltip shown after hovering the item').toBe(true);
    const ev = data.events.find((e) => e.id === id)!;
    expect(await page.textContent('#mp-timeline .tl-tooltip .tl-tip__title')).toBe(ev.title);
    await page.close();
  });

  it('leaves vertical touch swipes to the page (touch-action: pan-y on the timeline)', async () => {
    const page = await open();
    const actions = await page.$$eval('#mp-timeline .vis-timeline, #mp-timeline .vis-panel.vis-center', (els) => els.map((e) => getComputedStyle(e).touchAction));
    expect(actions.length).toBeGreaterThan(1);
    for (const a of actions) expect(a).toBe('pan-y');
    await page.close();
  });

  it('says so when the data cannot load, and keeps the list', async () => {
    const page = await browser.newPage();
    await page.route('**/data/index.json', (route) => route.fulfill({ status: 500, body: 'no' }));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#mp-app[data-state="error"]');
    expect(await page.textContent('#mp-status')).toContain('could not load');
    expect((await listIds(page)).length).toBe(data.events.length);
    await page.close();
  });

  it('works at 360 px wide', async () => {
    const page = await open('', { width: 360 });
    expect(uniq(await timelineIds(page)).length).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('logged no script errors', () => {
    expect(errors).toEqual([]);
  });
});
