/**
 * The static pages: every /country/ and /event/ page renders with a title, a description,
 * Open Graph and Twitter tags, links that resolve, no inline script, no script run from
 * article text, and nothing fetched from another origin.
 *
 * Two sites are checked:
 *  - a fixture site built here from a hand-made events file full of hostile strings, deployed
 *    under a sub-path (BASE_PATH=/sub/) with a custom SITE_URL;
 *  - the project's own dist/ (built by `npm run build` before the browser tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

const ROOT = process.cwd();
const HOSTILE = `</title><script>alert(1)</script>"'><img src=x onerror=alert(2)> & “more”`;
const SITE = 'https://timeline.example.org';

/** A small corpus written for this test: several countries, merged sources, hostile text. */
function fixture() {
  const src = (document: string, sentence: string, trigger?: string, published = '2025-07-16') => {
    const at = trigger ? sentence.indexOf(trigger) : -1;
    return {
      document,
      sentence,
      start: 0,
      end: sentence.length,
      ...(at >= 0 ? { trigger: { start: at, end: at + trigger!.length } } : {}),
      published,
    };
  };
  const base = { datePrecision: 'day', organizations: [] as string[], actors: [] as object[] };
  const events = [
    {
      ...base,
      id: '2025-06-02-agreement-fra-ind',
      type: 'agreement',
      date: '2025-06-02',
      countries: ['FRA', 'IND'],
      title: 'France and India sign a space cooperation pact',
      sources: [src('doc-b', 'Paris and New Delhi signed a pact on space cooperation on Monday.', 'signed', '2025-06-03')],
    },
    {
      ...base,
      id: '2025-06-05-statement-fra-ind',
      type: 'statement',
      date: '2025-06-05',
      countries: ['FRA', 'IND'],
      actors: [{ name: `Spokesperson${'X'.repeat(80)}`, country: 'FRA', role: 'Spokesperson' }],
      title: `France comments on ${'https://example.org/'.padEnd(160, 'a')}`,
      sources: [src('doc-b', `The ministry posted ${'https://example.org/'.padEnd(220, 'b')} on its site.`, 'posted', '2025-06-05')],
    },
    {
      ...base,
      id: '2025-07-14-threat-rus-usa-trump',
      type: 'threat',
      date: '2025-07-14',
      countries: ['RUS', 'USA'],
      actors: [{ name: 'Donald Trump', country: 'USA', role: 'President' }],
      title: 'US threatens =tariffs on buyers of Russian oil',
      deadline: '2025-09-02',
      sources: [src('doc-a', 'The US president warned of steep tariffs within 50 days.', 'warned')],
    },
    {
      ...base,
      id: '2025-07-15-meeting-chn-rus-lavrov-yi',
      type: 'meeting',
      date: '2025-07-15',
      countries: ['CHN', 'RUS'],
      organizations: ['SCO'],
      actors: [
        { name: 'Wang Yi', country: 'CHN', role: 'Foreign Minister' },
        { name: `Sergei Lavrov ${HOSTILE}`, country: 'RUS' },
      ],
      title: `Wang Yi meets Lavrov ${HOSTILE}`,
      location: `Tianjin ${HOSTILE}`,
      sources: [
        src('doc-a', `The ministers met in Tianjin on Tuesday <script>alert("s")</script> officials said.`, 'met'),
        src('doc-b', `Wang and Lavrov held talks, <img src=x onerror=alert(3)> according to a statement.`, 'held talks'),
      ],
    },
    {
      ...base,
      id: '2025-07-16-accusation-chn-usa',
      type: 'accusation',
      date: '2025-07-16',
      datePrecision: 'approximate',
      countries: ['CHN', 'USA'],
      title: 'China accuses the US of "bullying"',
      sources: [src('doc-a', 'Beijing accused Washington of bullying over chips.', 'accused')],
    },
  ];
  return {
    schemaVersion: 1,
    documents: [
      { id: 'doc-a', title: `Ministers meet ${HOSTILE}`, published: '2025-07-16', path: 'a.txt', status: 'ok', source: 'Harbour Wire', url: 'https://news.example.org/a?x=1&y=2' },
      { id: 'doc-b', title: 'Space and talks', published: '2025-06-03', path: 'b.md', status: 'ok', source: `Outlet ${HOSTILE}`, url: 'javascript:alert(4)' },
      { id: 'doc-c', title: '', published: '', path: 'c.txt', status: 'skipped', reason: 'no usable date' },
    ],
    events,
    // Ids published by an earlier build: one renamed event, one unsafe id (no page), one to nowhere.
    aliases: {
      '../escape': '2025-07-14-threat-rus-usa-trump',
      '2025-07-13-meeting-chn-rus-lavrov-yi': '2025-07-15-meeting-chn-rus-lavrov-yi',
      'gone-event': 'no-such-event',
    },
  };
}

/** The page of an old event id (a link and a meta refresh to the current page). */
const ALIAS_PAGE = '/sub/event/2025-07-13-meeting-chn-rus-lavrov-yi/';

/** Every HTML file under dir, as site paths ("/country/chn/"). */
function htmlPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(`/${relative(dir, p).replace(/\\/g, '/')}`.replace(/index\.html$/, ''));
    }
  };
  walk(dir);
  return out.sort();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What a page's parsed DOM says about its head and its inline code (read in Chromium). */
async function headReport(page: Page, url: string) {
  const res = await page.goto(url);
  const report = await page.evaluate(() => {
    const m = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? null;
    const all = [...document.querySelectorAll('*')];
    return {
      titles: document.querySelectorAll('head > title').length,
      title: document.title,
      description: m('meta[name="description"]'),
      ogTitle: m('meta[property="og:title"]'),
      ogDescription: m('meta[property="og:description"]'),
      ogType: m('meta[property="og:type"]'),
      ogUrl: m('meta[property="og:url"]'),
      ogImage: m('meta[property="og:image"]'),
      twitterCard: m('meta[name="twitter:card"]'),
      csp: m('meta[http-equiv="Content-Security-Policy"]'),
      inlineScripts: [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !/^application\/(ld\+)?json$/.test(s.getAttribute('type') ?? ''))
        .map((s) => s.outerHTML.slice(0, 80)),
      styleAttrs: all.filter((e) => e.hasAttribute('style')).map((e) => e.tagName),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}[${a.name}]`)),
    };
  });
  return { status: res?.status(), ...report };
}

/** Runs `fn` with a page that has JavaScript turned off (the DOM is still parsed). */
async function withStaticPage<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Checks every page must pass. */
async function checkHead(page: Page, url: string, site: string) {
  const r = await headReport(page, url);
  expect(r.status, url).toBe(200);
  expect(r.titles, `${url} one <title>`).toBe(1);
  expect(r.title, `${url} <title>`).toBeTruthy();
  expect(r.description, `${url} description`).toBeTruthy();
  expect(r.ogTitle, `${url} og:title`).toBeTruthy();
  expect(r.ogDescription, `${url} og:description`).toBeTruthy();
  expect(r.ogType, `${url} og:type`).toBeTruthy();
  expect(r.twitterCard, `${url} twitter:card`).toBeTruthy();
  expect(r.ogUrl?.startsWith(site), `${url} og:url ${r.ogUrl} absolute under ${site}`).toBe(true);
  expect(r.ogImage?.startsWith(site), `${url} og:image ${r.ogImage} absolute under ${site}`).toBe(true);
  expect(r.csp, `${url} CSP`).toMatch(/script-src 'self'/);
  expect(r.csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(r.inlineScripts, `${url} inline scripts`).toEqual([]);
  expect(r.styleAttrs, `${url} style attributes`).toEqual([]);
  expect(r.handlers, `${url} inline event handlers`).toEqual([]);
  return r;
}

interface Site {
  dir: string;
  base: string;
  server: StaticServer;
}

async function visitAll(browser: Browser, site: Site, paths: string[]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = site.server.url;
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`foreign request: ${r.url()}`);
  });
  for (const p of paths) {
    const res = await page.goto(origin + p);
    expect(res?.status(), p).toBe(200);
    expect((await page.title()).length, `${p} title`).toBeGreaterThan(0);
    await expect(page.locator('h1').count(), `${p} h1`).resolves.toBe(1);
  }
  await context.close();
  return problems;
}

/** Every same-origin link of every page, checked to resolve (query strings and fragments dropped). */
async function brokenLinks(site: Site, pages: string[]): Promise<string[]> {
  const seen = new Map<string, number>();
  const broken: string[] = [];
  for (const p of pages) {
    const html = await (await fetch(site.server.url + p)).text();
    for (const m of html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
      const href = decodeEntities(m[1]!);
      const url = new URL(href, site.server.url + p);
      if (url.origin !== site.server.url) continue;
      const key = url.pathname;
      if (!seen.has(key)) seen.set(key, (await fetch(site.server.url + key)).status);
      if (seen.get(key) !== 200) broken.push(`${p} -> ${href} (${seen.get(key)})`);
    }
  }
  return broken;
}

describe('fixture site with hostile text, under a sub-path', () => {
  let work: string;
  let site: Site;
  let browser: Browser;
  let pages: string[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dt-pages-'));
    const eventsPath = join(work, 'events.json');
    writeFileSync(eventsPath, JSON.stringify(fixture(), null, 2));
    const outDir = join(work, 'root', 'sub');
    // Vitest puts BASE_URL, MODE, DEV, PROD, SSR and NODE_ENV=test in process.env; Astro would take them
    // over its own config in the child build, so they are left out.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(k) && !k.startsWith('VITEST')),
    );
    const build = () =>
      spawnSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
        cwd: ROOT,
        env: { ...env, EVENTS_JSON: eventsPath, BASE_PATH: '/sub/', SITE_URL: SITE },
        encoding: 'utf8',
        timeout: 170_000,
      });
    // One retry: another build running in the same checkout at the same time can trip
    // over Astro's shared cache directories.
    let run = build();
    if (run.status !== 0) run = build();
    if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
    site = { dir: outDir, base: '/sub', server: await serveDir(join(work, 'root')) };
    // The old-id page redirects at once (meta refresh): checked on its own below, not in the loops.
    pages = htmlPages(outDir).map((p) => `/sub${p}`).filter((p) => p !== ALIAS_PAGE);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.server.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has one page per country with events and one per event', () => {
    const countries = pages.filter((p) => /^\/sub\/country\/[a-z]{3}\/$/.test(p));
    expect(countries).toEqual(['CHN', 'FRA', 'IND', 'RUS', 'USA'].map((c) => `/sub/country/${c.toLowerCase()}/`));
    const events = pages.filter((p) => p.startsWith('/sub/event/'));
    expect(events).toEqual(fixture().events.map((e) => `/sub/event/${e.id}/`).sort());
    expect(pages).toEqual(expect.arrayContaining(['/sub/country/', '/sub/about/', '/sub/404.html']));
  });

  it('leads an old event id to the current event with a static page (link and meta refresh, no script)', async () => {
    const html = readFileSync(join(site.dir, 'event', '2025-07-13-meeting-chn-rus-lavrov-yi', 'index.html'), 'utf8');
    const target = '/sub/event/2025-07-15-meeting-chn-rus-lavrov-yi/';
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
    expect(html).toContain(`href="${target}"`);
    expect(html).toContain('name="robots" content="noindex"');
    // No script at all, inline or not (parsed by Chromium: hostile text in attributes is not markup).
    await withStaticPage(browser, async (p) => {
      await p.goto(site.server.url + ALIAS_PAGE);
      await expect(p.locator('script').count()).resolves.toBe(0);
    });
    // Unsafe and dangling aliases get no page, and the build went on.
    expect(existsSync(join(site.dir, 'escape'))).toBe(false);
    expect(existsSync(join(site.dir, 'event', 'gone-event'))).toBe(false);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.server.url + ALIAS_PAGE);
    await page.waitForURL(`**${target}`, { timeout: 10_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe(`Wang Yi meets Lavrov ${HOSTILE}`);
    // An id that never existed: the 404 page says so (its script looks the id up in /data/index.json).
    // The test server only knows the root's 404.html; a host serving this sub-path answers with /sub/404.html.
    await page.route('**/sub/event/never-published/', (route) =>
      route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', path: join(site.dir, '404.html') }),
    );
    const res = await page.goto(`${site.server.url}/sub/event/never-published/`);
    expect(res?.status()).toBe(404);
    await page.waitForFunction(() => /No event has the id/.test(document.getElementById('nf-event')?.textContent ?? ''), null, { timeout: 10_000 });
    await context.close();
  });

  it('names the outlet of each source and links the original article (http/https only)', async () => {
    await withStaticPage(browser, async (page) => {
      await page.goto(`${site.server.url}/sub/event/2025-07-15-meeting-chn-rus-lavrov-yi/`);
      const outlets = await page.locator('.source .source__outlet').allTextContents();
      expect(outlets).toEqual(['Harbour Wire', `Outlet ${HOSTILE}`]);
      const links = await page.locator('.source a.source__link').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
      expect(links).toEqual([['https://news.example.org/a?x=1&y=2', 'noopener noreferrer nofollow']]);
      await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
      // The pair page of the two countries, from the facts.
      await expect(page.locator('.facts a[href="/sub/country/chn/rus/"]').count()).resolves.toBe(1);
    });
  });

  it('has a page per pair of countries with shared events, linked from both countries, with the mode=all timeline', async () => {
    const pairs = pages.filter((p) => /^\/sub\/country\/[a-z]{3}\/[a-z]{3}\/$/.test(p));
    expect(pairs).toEqual(['/sub/country/chn/rus/', '/sub/country/chn/usa/', '/sub/country/fra/ind/', '/sub/country/rus/usa/']);
    await withStaticPage(browser, async (page) => {
      await page.goto(`${site.server.url}/sub/country/fra/ind/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('France and India');
      await expect(page.locator('#events ~ ol.event-list > li').count()).resolves.toBe(2);
      await expect(page.locator('a[href="/sub/?countries=FRA,IND&mode=all"]').count()).resolves.toBeGreaterThan(0);
      for (const [country, others] of [['chn', ['rus', 'usa']], ['usa', ['chn', 'rus']], ['ind', ['fra']]] as const) {
        await page.goto(`${site.server.url}/sub/country/${country}/`);
        const hrefs = await page.locator('#pairs ~ ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(hrefs.sort()).toEqual(others.map((o) => `/sub/country/${[country, o].sort().join('/')}/`).sort());
      }
    });
  });

  it('lists every event without JavaScript on /events/, newest first', async () => {
    await withStaticPage(browser, async (page) => {
      await page.goto(`${site.server.url}/sub/events/`);
      const hrefs = await page.locator('ol.event-list a[href^="/sub/event/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(
        fixture().events.map((e) => e.id).sort((a, b) => (a > b ? -1 : 1)).map((id) => `/sub/event/${id}/`),
      );
      await page.goto(`${site.server.url}/sub/`);
      await expect(page.locator('#mp-list li[data-event-id]').count()).resolves.toBe(5);
    });
  });

  it('gives every page a title, description, Open Graph and Twitter tags, and no inline script', async () => {
    await withStaticPage(browser, async (page) => {
      for (const p of pages) {
        if (p === '/sub/404.html') continue;
        await checkHead(page, site.server.url + p, `${SITE}/sub/`);
      }
    });
  });

  it('keeps hostile text as text in <title>, meta tags and the page body', async () => {
    const id = '2025-07-15-meeting-chn-rus-lavrov-yi';
    const head = await withStaticPage(browser, (p) => checkHead(p, `${site.server.url}/sub/event/${id}/`, `${SITE}/sub/`));
    expect(head.ogTitle).toBe(`Wang Yi meets Lavrov ${HOSTILE}`);
    expect(head.ogUrl).toBe(`${SITE}/sub/event/${id}/`);
    expect(head.ogType).toBe('article');
    expect(head.description).toContain('<script>alert("s")</script>');

    const context = await browser.newContext();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${site.server.url}/sub/event/${id}/`);
    expect(await page.title()).toBe(`Wang Yi meets Lavrov ${HOSTILE} · Diplomatic Timeline`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Wang Yi meets Lavrov ${HOSTILE}`);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await expect(page.locator('main script:not([src])').count()).resolves.toBe(0);
    // Every source sentence, its trigger words in <mark>.
    await expect(page.locator('.source mark').allTextContents()).resolves.toEqual(['met', 'held talks']);
    await expect(page.locator('.source blockquote').first().textContent()).resolves.toContain('<script>alert("s")</script>');
    await expect(page.locator('.source cite').first().textContent()).resolves.toBe(`Ministers meet ${HOSTILE}`);
    // Countries linked to their pages; back link to the timeline at this event.
    await expect(page.locator('.facts a[href="/sub/country/chn/"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator(`a[href="/sub/?event=${id}"]`).count()).resolves.toBeGreaterThan(0);
    // Related events: the other events with China or Russia, not itself.
    const related = await page.locator('#related ~ ol a[href^="/sub/event/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(related).toContain('/sub/event/2025-07-16-accusation-chn-usa/');
    expect(related).not.toContain(`/sub/event/${id}/`);
    await page.waitForTimeout(200);
    expect(dialogs).toBe(0);
    await context.close();
  });

  it('country pages work without JavaScript: list, counts and a pre-filtered timeline link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/sub/country/chn/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('China');
    await expect(page.locator('#events ~ ol.event-list > li').count()).resolves.toBe(2);
    await expect(page.locator('a[href="/sub/?countries=CHN"]').count()).resolves.toBe(1);
    const counterparts = await page.locator('[aria-labelledby="by-counterpart"] .bar-list li').allInnerTexts();
    expect(counterparts.map((t) => t.replace(/\s+/g, ' ').trim()).sort()).toEqual(['Russia 1', 'United States 1']);
    const types = await page.locator('[aria-labelledby="by-type"] .bar-list li').allInnerTexts();
    expect(types.map((t) => t.replace(/\s+/g, ' ').trim()).sort()).toEqual(['Accusation 1', 'Meeting 1']);
    // The activity card is never an empty box: a chart over several months, or one line for one month.
    const activity = (await page.locator('[aria-labelledby="activity"] .activity').first().innerText()).trim();
    expect(activity).toMatch(/events? falls? in \w+ \d{4}|events per (month|year)/);
    await context.close();
  });

  it('copies the page address with the Copy link button (shown only with JavaScript)', async () => {
    const url = `${site.server.url}/sub/event/2025-07-16-accusation-chn-usa/`;
    await withStaticPage(browser, async (page) => {
      await page.goto(url);
      await expect(page.locator('[data-copy-link] button').isVisible()).resolves.toBe(false);
    });
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForFunction(() => document.querySelector('.copy-link__status')?.textContent !== '', null, { timeout: 5000 });
    await expect(page.locator('.copy-link__status').textContent()).resolves.toBe('Link copied');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(url);
    await context.close();
  });

  it('has no serious or critical axe-core violations on the static pages, light and dark', async () => {
    const axeSource = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const targets = ['/sub/country/', '/sub/country/chn/', '/sub/event/2025-07-15-meeting-chn-rus-lavrov-yi/', '/sub/about/', '/sub/404.html'];
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      for (const p of targets) {
        await page.goto(site.server.url + p);
        await page.evaluate(axeSource); // through the DevTools protocol, not subject to the page's CSP
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }).axe;
          const r = await axe.run(document);
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
        });
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme} ${p}: ${v.id} (${v.impact}, ${v.count})`);
        }
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('is usable at 360 px: no page scrolls sideways, even with long unbroken words', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const p of pages) {
      await page.goto(site.server.url + p);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${p}: ${width}px`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  it('renders every page in Chromium without dialogs, errors, CSP violations or foreign requests', async () => {
    const problems = await visitAll(browser, site, pages.filter((p) => !p.endsWith('404.html')));
    expect(problems).toEqual([]);
  });

  it('has links that all resolve, and a sitemap of every page with absolute URLs', async () => {
    expect(await brokenLinks(site, pages)).toEqual([]);
    const xml = await (await fetch(`${site.server.url}/sub/sitemap.xml`)).text();
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeEntities(m[1]!));
    for (const p of pages.filter((x) => x.startsWith('/sub/country/') || x.startsWith('/sub/event/'))) {
      expect(locs).toContain(`${SITE}${p}`);
    }
    for (const loc of locs) {
      expect(loc.startsWith(`${SITE}/sub/`)).toBe(true);
      const res = await fetch(loc.replace(SITE, site.server.url));
      expect(res.status, loc).toBe(200);
    }
    const image = await fetch(`${site.server.url}/sub/og-image.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const robots = await (await fetch(`${site.server.url}/sub/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${SITE}/sub/sitemap.xml`);
  });
});

describe('the built site (dist/)', () => {
  const dist = join(ROOT, 'dist');
  let site: Site;
  let browser: Browser;
  let pages: string[];

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
    site = { dir: dist, base: '', server: await serveDir(dist) };
    pages = htmlPages(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.server.close();
  });

  it('every /country/ and /event/ page has a title, description and Open Graph tags', async () => {
    const targets = pages.filter((p) => p.startsWith('/country/') || p.startsWith('/event/') || p === '/' || p === '/about/');
    expect(targets.some((p) => p.startsWith('/event/'))).toBe(true);
    await withStaticPage(browser, async (page) => {
      const home = await headReport(page, `${site.server.url}/`);
      const origin = new URL(home.ogUrl ?? 'x:').origin;
      for (const p of targets) await checkHead(page, site.server.url + p, origin);
    });
  });

  it('renders the country and event pages in Chromium without errors', async () => {
    const sample = pages.filter((p) => p.startsWith('/country/') || p.startsWith('/event/'));
    // Every page up to 150, then an even sample, to keep the test fast on a large corpus.
    const step = Math.max(1, Math.ceil(sample.length / 150));
    const problems = await visitAll(browser, site, sample.filter((_, i) => i % step === 0));
    expect(problems).toEqual([]);
  });

  it('has no broken links on the country and event pages', async () => {
    const sample = pages.filter((p) => p.startsWith('/country/') || p.startsWith('/event/') || p === '/about/');
    const step = Math.max(1, Math.ceil(sample.length / 150));
    expect(await brokenLinks(site, sample.filter((_, i) => i % step === 0))).toEqual([]);
  });
});
