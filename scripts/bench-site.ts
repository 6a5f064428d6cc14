/**
 * `npm run bench:site -- --events N [--source extract|generate] [--seed S] [--keep] [--heap MB]`
 *
 * Benchmark of the real static site at N events. Steps:
 *  1. Events: `extract` (default up to 20,000 events) writes a synthetic corpus of articles
 *     (scripts/eval/synthetic-corpus.ts, about 10 events per article) and runs the real extraction
 *     pipeline on it; `generate` (default above 20,000) writes a valid events file directly
 *     (scripts/eval/synthetic-events.ts), because extracting a corpus that large takes too long here.
 *     The events file is trimmed to N events when extraction gives more.
 *  2. Build: the real `astro build` on that file (EVENTS_JSON) into a temporary folder, under
 *     /usr/bin/time: wall time and peak resident memory of the build process.
 *  3. dist/: files and bytes, by kind, and the largest HTML page and file.
 *  4. Browser: serves the build on 127.0.0.1 (tests/browser/helpers/server.ts) and measures in
 *     Debian's Chromium (playwright-core): first list row, first contentful paint, first timeline
 *     item (`.vis-item`) in the DOM and on screen (the frame that lays it out in the viewport, from
 *     an IntersectionObserver), the bytes fetched before it (raw and gzip), a pan (drag), a brush on the
 *     overview, and opening a filtered link. A step that the page does not support is reported
 *     as n/a with the reason. `--trace` prints the page's timeline up to the first item (each
 *     fetch's start and end, the page's `mp:` performance marks, long tasks); `--runs K` repeats
 *     the two cold loads K times and prints the median.
 * Figures only: nothing is asserted. Timings depend on the load of the machine (printed).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { generateCorpus } from './eval/synthetic-corpus.ts';
import { generateEventsFile } from './eval/synthetic-events.ts';
import { pageScripts } from './eval/page-scripts.ts';
import { runPipeline } from './pipeline/run.ts';
import type { EventsFile } from '../src/lib/schema.ts';
import { launchChromium } from '../tests/browser/helpers/browser.ts';
import { serveDir } from '../tests/browser/helpers/server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/.bin/astro');

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    source: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    heap: { type: 'string' },
    json: { type: 'string' },
    /** A folder kept by an earlier --keep run: measure its dist/ again without rebuilding. */
    reuse: { type: 'string' },
    /** Print a per-phase timeline of the first view and of the filtered link (fetches, marks, long tasks). */
    trace: { type: 'boolean', default: false },
    /** Repeat the first view and the filtered link this many times (fresh context each) and print the median. */
    runs: { type: 'string', default: '1' },
  },
});
const N = Math.max(1, Number.parseInt(values.events ?? '1000', 10) || 1000);
const SEED = Number.parseInt(values.seed ?? '1', 10) || 1;
const SOURCE = values.source === 'extract' || values.source === 'generate' ? values.source : N <= 20_000 ? 'extract' : 'generate';

const results: Record<string, string | number> = {};
const out = (label: string, value: string | number, key?: string): void => {
  console.log(`${label.padEnd(44)} ${value}`);
  if (key) results[key] = value;
};
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ');

function makeEvents(dir: string): { file: string; note: string; ms: number } {
  const t = performance.now();
  let data: EventsFile;
  let note: string;
  if (SOURCE === 'extract') {
    const docs = generateCorpus(Math.max(1, Math.ceil(N / 9)), SEED);
    data = runPipeline(docs).file as EventsFile;
    const got = data.events.length;
    if (got > N) data = { ...data, events: data.events.slice(0, N) };
    note = `extracted from ${docs.length} synthetic articles (${got} events, first ${data.events.length} kept)`;
  } else {
    data = generateEventsFile(N, SEED);
    note = `generated directly (${data.events.length} events, ${data.documents.length} documents; no extraction)`;
  }
  const file = path.join(dir, 'events.json');
  writeFileSync(file, JSON.stringify(data));
  return { file, note, ms: performance.now() - t };
}

function build(eventsJson: string, outDir: string): { ms: number; maxRssKb: number; cpuSec: number } {
  const timeFile = path.join(path.dirname(eventsJson), 'time.txt');
  const env: NodeJS.ProcessEnv = { ...process.env, EVENTS_JSON: eventsJson, ASTRO_TELEMETRY_DISABLED: '1' };
  if (values.heap) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${Number(values.heap)}`.trim();
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timeFile, ASTRO, 'build', '--outDir', outDir], {
    cwd: ROOT, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`astro build failed (${r.status ?? r.signal}):\n${(r.stderr || r.stdout).slice(-4000)}`);
  const [, rss, user, sys] = readFileSync(timeFile, 'utf8').trim().split(/\s+/);
  return { ms, maxRssKb: Number(rss), cpuSec: Number(user) + Number(sys) };
}

interface Walk { files: number; bytes: number; html: number; htmlBytes: number; data: number; dataBytes: number; biggestHtml: [string, number]; biggest: [string, number] }
function walk(dir: string): Walk {
  const w: Walk = { files: 0, bytes: 0, html: 0, htmlBytes: 0, data: 0, dataBytes: 0, biggestHtml: ['', 0], biggest: ['', 0] };
  const go = (abs: string, rel: string): void => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      const p = path.join(abs, e.name);
      if (e.isDirectory()) go(p, r);
      else {
        const size = statSync(p).size;
        w.files++;
        w.bytes += size;
        if (e.name.endsWith('.html')) {
          w.html++;
          w.htmlBytes += size;
          if (size > w.biggestHtml[1]) w.biggestHtml = [r, size];
        }
        if (r.startsWith('/data/')) {
          w.data++;
          w.dataBytes += size;
        }
        if (size > w.biggest[1]) w.biggest = [r, size];
      }
    }
  };
  go(dir, '');
  return w;
}

/** Marks, from an init script, the first moment a list row and a timeline item exist. */
const MARKS = `(() => {
  const marks = (window.__bench = {});
  const check = () => {
    if (!('row' in marks) && document.querySelector('#mp-list li[data-event-id]')) marks.row = performance.now();
    if (!('item' in marks) && document.querySelector('#mp-timeline .vis-item')) marks.item = performance.now();
    // When an item was first on screen: the DOM may hold items for a while before a frame lays
    // them out. An IntersectionObserver entry is computed after layout in the frame that shows
    // the item; its time is when that frame was drawn (vis-timeline keeps its root hidden until
    // its first draw: then the next frame's time counts).
    if ('item' in marks && !('painted' in marks)) {
      for (const e of document.querySelectorAll('#mp-timeline .vis-item:not([data-bench])')) {
        if (observed++ > 400) break;
        e.setAttribute('data-bench', '');
        io.observe(e);
      }
    }
  };
  let observed = 0;
  const shown = () => {
    const root = document.querySelector('#mp-timeline .vis-timeline');
    return root && getComputedStyle(root).visibility !== 'hidden';
  };
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if ('painted' in marks || !e.isIntersecting || e.boundingClientRect.width === 0) continue;
      if (shown()) marks.painted = e.time;
      else {
        const poll = (t) => (shown() ? (marks.painted ??= t) : requestAnimationFrame(poll));
        requestAnimationFrame(poll);
      }
      io.disconnect();
      break;
    }
  });
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
  // Long tasks (main thread busy > 50 ms), for --trace.
  const long = (window.__benchLong = []);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** The page's own timeline until the first item: fetches (start to end), performance marks, long tasks. */
async function printTrace(page: Page, label: string): Promise<void> {
  const rows = await page.evaluate(() => {
    const w = window as unknown as { __bench: Record<string, number>; __benchLong: Array<[number, number]> };
    const out: Array<[number, string]> = [];
    const all = performance.getEntries() as unknown as Array<{ name: string; entryType: string; startTime: number; responseEnd: number; encodedBodySize: number; domContentLoadedEventEnd: number }>;
    const nav = all.find((e) => e.entryType === 'navigation');
    if (nav) out.push([nav.responseEnd, `html received (${(nav.encodedBodySize / 1024).toFixed(0)} KB), DOMContentLoaded at ${nav.domContentLoadedEventEnd.toFixed(0)}`]);
    for (const e of all.filter((x) => x.entryType === 'resource')) {
      const u = new URL(e.name);
      out.push([e.startTime, `fetch ${u.pathname} start -> end ${e.responseEnd.toFixed(0)} (${(e.encodedBodySize / 1024).toFixed(0)} KB)`]);
    }
    for (const e of all.filter((x) => x.entryType === 'mark')) out.push([e.startTime, `mark ${e.name}`]);
    for (const e of all.filter((x) => x.entryType === 'paint')) out.push([e.startTime, e.name]);
    for (const [t, d] of w.__benchLong ?? []) out.push([t, `long task ${d.toFixed(0)} ms (to ${(t + d).toFixed(0)})`]);
    if (w.__bench.row !== undefined) out.push([w.__bench.row, 'FIRST LIST ROW']);
    if (w.__bench.item !== undefined) out.push([w.__bench.item, 'FIRST TIMELINE ITEM']);
    const end = w.__bench.item ?? performance.now();
    return out.filter((r) => r[0] <= end + 1).sort((a, b) => a[0] - b[0]);
  });
  console.log(`trace: ${label} (ms after navigation start)`);
  for (const [t, what] of rows) console.log(`  ${t.toFixed(0).padStart(6)}  ${what}`);
}

/** Waits for the first timeline item in the DOM, then on screen; their times (ms after navigation start). */
async function itemTimes(page: Page): Promise<{ item?: number; painted?: number }> {
  const ok = await page.waitForSelector('#mp-timeline .vis-item', { timeout: 120_000 }).then(() => true, () => false);
  if (ok) await page.waitForFunction(() => 'painted' in (window as unknown as { __bench: object }).__bench, null, { timeout: 20_000 }).catch(() => undefined);
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: Record<string, number> }).__bench;
    return { item: b.item, painted: b.painted };
  });
}
const ms = (x: number | undefined, none = 'n/a'): number | string => (x === undefined ? none : Math.round(x));

const raf = (page: Page): Promise<unknown> => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
const attr = (page: Page, name: string): Promise<string> =>
  page.$eval('#mp-timeline', (e, n) => (e as HTMLElement).dataset[n] ?? '', name).catch(() => '');

async function measureBrowser(dist: string, data: EventsFile): Promise<void> {
  const server = await serveDir(dist);
  const browser = await launchChromium();
  try {
    // First view, cold cache.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript(MARKS);
    const t0 = Date.now();
    await page.goto(`${server.url}/`);
    const first = await itemTimes(page);
    const wall = Date.now() - t0;
    const m = await page.evaluate(() => {
      const marks = (window as unknown as { __bench: Record<string, number> }).__bench;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      const until = marks.painted ?? marks.item ?? performance.now();
      const all = performance.getEntries() as unknown as Array<{ entryType: string; name: string; responseEnd: number; encodedBodySize: number }>;
      const entries = all.filter((e) => e.entryType === 'navigation' || e.entryType === 'resource');
      const before = entries.filter((e) => e.responseEnd <= until).map((e) => ({ url: e.name, size: e.encodedBodySize }));
      return { row: marks.row, fcp, before };
    });
    out('first list row (ms after navigation start)', m.row !== undefined ? Math.round(m.row) : 'n/a (no #mp-list row)', 'firstRowMs');
    out('first contentful paint (ms)', m.fcp !== undefined ? Math.round(m.fcp) : 'n/a', 'fcpMs');
    out('first timeline item in the DOM (ms)', ms(first.item, 'n/a (none within 120 s)'), 'firstItemDomMs');
    out('first timeline item on screen (ms)', ms(first.painted), 'firstItemMs');
    if (values.trace) await printTrace(page, 'first view /');
    out('  (wall clock, goto to item on screen, ms)', wall);
    let raw = 0;
    let gz = 0;
    let scripts = 0;
    let scriptsGz = 0;
    for (const r of m.before) {
      raw += r.size;
      const u = new URL(r.url);
      let rel = decodeURIComponent(u.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      try {
        const g = gzipSync(readFileSync(path.join(dist, rel))).length;
        gz += g;
        if (rel.endsWith('.js')) {
          scripts += r.size;
          scriptsGz += g;
        }
      } catch {
        /* not a file of the build */
      }
    }
    out('requests before the first item', m.before.length, 'firstViewRequests');
    out('bytes before the first item (raw / gzip)', `${kb(raw)} / ${kb(gz)}`, 'firstViewBytes');
    results.firstViewGzipBytes = gz;
    out('  of which script (raw / gzip)', `${kb(scripts)} / ${kb(scriptsGz)}`);
    const html = statSync(path.join(dist, 'index.html')).size;
    out('index.html (raw / gzip)', `${kb(html)} / ${kb(gzipSync(readFileSync(path.join(dist, 'index.html'))).length)}`, 'indexHtmlBytes');
    // Script budgets (issue #10: first paint <= 60 KB gzipped, all <= 170 KB), read from the build itself.
    const mainScripts = pageScripts(dist);
    const gzOf = (load?: 'eager' | 'lazy'): number => mainScripts.filter((s) => !load || s.load === load).reduce((n, s) => n + s.gzipBytes, 0);
    out('script at first paint (gzip; entry + imports)', `${kb(gzOf('eager'))} in ${mainScripts.filter((s) => s.load === 'eager').length} files`);
    results.firstPaintScriptGzipBytes = gzOf('eager');
    out('all script of the main page (gzip; + lazy)', `${kb(gzOf())} in ${mainScripts.length} files`);
    results.totalScriptGzipBytes = gzOf();

    // Pan: drag the timeline to the right (back in time), until the window moved and a frame painted.
    try {
      const before = await attr(page, 'from');
      const box = (await page.locator('#mp-timeline .vis-center').boundingBox())!;
      const y = box.y + 40;
      const p0 = Date.now();
      await page.mouse.move(box.x + box.width * 0.3, y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.3 + 0.04 * i), y);
      await page.mouse.up();
      await page.waitForFunction((b) => (document.querySelector('#mp-timeline') as HTMLElement).dataset.from !== b, before, { timeout: 20_000 });
      await raf(page);
      out('pan (drag to redrawn window, ms)', Date.now() - p0, 'panMs');
    } catch (err) {
      out('pan', `n/a (${(err as Error).message.split('\n')[0]})`);
    }
    // Brush on the overview.
    try {
      const before = await attr(page, 'from');
      const ov = (await page.locator('#mp-overview svg').first().boundingBox())!;
      const b0 = Date.now();
      await page.mouse.move(ov.x + ov.width * 0.2, ov.y + 30);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(ov.x + ov.width * (0.2 + 0.02 * i), ov.y + 30);
      await page.mouse.up();
      await page.waitForFunction((b) => (document.querySelector('#mp-timeline') as HTMLElement).dataset.from !== b, before, { timeout: 20_000 });
      await raf(page);
      out('brush on the overview (ms)', Date.now() - b0, 'brushMs');
    } catch (err) {
      out('brush', `n/a (${(err as Error).message.split('\n')[0]})`);
    }
    await ctx.close();

    // A filtered link, warm cache as a reader following a shared link would not have: new context.
    const counts = new Map<string, number>();
    for (const e of data.events) for (const c of e.countries) counts.set(c, (counts.get(c) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USA';
    const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p2 = await ctx2.newPage();
    await p2.addInitScript(MARKS);
    const query = `?countries=${top}&types=threat`;
    await p2.goto(`${server.url}/${query}`);
    const second = await itemTimes(p2);
    out(`filtered link ${query}: first item in the DOM (ms)`, ms(second.item), 'filteredDomMs');
    out(`filtered link ${query}: first item on screen (ms)`, ms(second.painted), 'filteredMs');
    if (values.trace) await printTrace(p2, `filtered link ${query}`);
    await ctx2.close();

    // More cold loads of both (fresh context each): the spread and the median.
    const RUNS = Math.max(1, Number.parseInt(values.runs ?? '1', 10) || 1);
    if (RUNS > 1) {
      const firstItem = async (url: string): Promise<number> => {
        const c = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        try {
          const pg = await c.newPage();
          await pg.addInitScript(MARKS);
          await pg.goto(url);
          return Math.round((await itemTimes(pg)).painted ?? Number.NaN);
        } finally {
          await c.close();
        }
      };
      const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const a: number[] = [Math.round(first.painted ?? Number.NaN)];
      const b: number[] = [Math.round(second.painted ?? Number.NaN)];
      for (let r = 1; r < RUNS; r++) {
        a.push(await firstItem(`${server.url}/`));
        b.push(await firstItem(`${server.url}/${query}`));
      }
      out(`first timeline item on screen, ${RUNS} cold loads (ms)`, `${a.join(', ')}; median ${median(a)}`, 'firstItemMedianMs');
      out(`filtered link on screen, ${RUNS} cold loads (ms)`, `${b.join(', ')}; median ${median(b)}`, 'filteredMedianMs');
    }

    // A static list page deep in the archive and a country page, without JavaScript's help.
    const ctx3 = await browser.newContext({ javaScriptEnabled: false });
    const p3 = await ctx3.newPage();
    for (const url of ['/events/', `/country/${top.toLowerCase()}/`]) {
      const s0 = Date.now();
      const res = await p3.goto(`${server.url}${url}`);
      const size = (await res?.body())?.length ?? 0;
      out(`static page ${url} (load ms, size)`, `${Date.now() - s0} ms, ${kb(size)}`);
    }
    await ctx3.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  console.log(`bench:site: ${N.toLocaleString('en')} events, source ${SOURCE}, seed ${SEED}`);
  console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${mb(os.totalmem())} RAM, Node ${process.version}, load average ${load()} (shared with other jobs)`);
  const parent = path.join(ROOT, 'node_modules/.cache/site-builds');
  mkdirSync(parent, { recursive: true });
  const work = values.reuse ? path.resolve(values.reuse) : mkdtempSync(path.join(parent, `bench-${N}-`));
  try {
    const dist = path.join(work, 'dist');
    let data: EventsFile;
    if (values.reuse) {
      data = JSON.parse(readFileSync(path.join(work, 'events.json'), 'utf8')) as EventsFile;
      out('events', data.events.length, 'events');
      out('build', `reused from ${work} (not rebuilt, not timed)`);
    } else {
      const ev = makeEvents(work);
      data = JSON.parse(readFileSync(ev.file, 'utf8')) as EventsFile;
      out('events', data.events.length, 'events');
      out('events file', `${mb(statSync(ev.file).size)} (${ev.note}, ${(ev.ms / 1000).toFixed(1)} s)`);
      const b = build(ev.file, dist);
      out('astro build (wall s)', (b.ms / 1000).toFixed(1), 'buildSeconds');
      out('  ms per event', (b.ms / data.events.length).toFixed(2), 'buildMsPerEvent');
      out('  CPU time (user + system, s)', b.cpuSec.toFixed(1), 'buildCpuSeconds');
      out('  CPU ms per event', ((b.cpuSec * 1000) / data.events.length).toFixed(2), 'buildCpuMsPerEvent');
      out('  peak memory (max RSS)', mb(b.maxRssKb * 1024), 'buildPeakRssMB');
      results.buildPeakRssMB = Math.round(b.maxRssKb / 1024);
    }
    const w = walk(dist);
    out('dist/ files, bytes', `${w.files.toLocaleString('en')} files, ${mb(w.bytes)}`, 'distFiles');
    results.distBytes = w.bytes;
    out('  HTML pages', `${w.html.toLocaleString('en')} pages, ${mb(w.htmlBytes)}`);
    out('  /data/ files', `${w.data.toLocaleString('en')} files, ${mb(w.dataBytes)}`);
    out('  largest HTML page', `${w.biggestHtml[0]} (${kb(w.biggestHtml[1])})`, 'largestHtml');
    out('  largest file', `${w.biggest[0]} (${kb(w.biggest[1])})`, 'largestFile');
    await measureBrowser(dist, data);
    console.log(`load average at the end: ${load()}`);
    if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    if (values.keep || values.reuse) console.log(`kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
