/**
 * Hostile text never runs in a reader's browser.
 *
 * Two sites are built into temporary folders (the project's dist/ is untouched):
 *  - "corpus": the articles in tests/fixtures/hostile (plus one file with a hostile *name*,
 *    created here) run through the real extractor, then `astro build`;
 *  - "all fields": tests/fixtures/hostile/events-all-fields.json, an events file with a payload
 *    in every string field the pages may show (titles, sentences, actor names and roles,
 *    organisations, locations, document titles, skip reasons).
 * For every page (main page, with hostile URL parameters too, country index and pages, event
 * pages, about, 404) the test asserts: no dialog opened, no payload ran (window.__pwned), no
 * Content-Security-Policy violation, no page error, no request left the test server, no
 * element carries an event-handler attribute or a javascript: URL, no injected
 * iframe/object/embed/base/refresh; and the hostile strings are shown as text.
 * The built HTML is also checked statically (CSP meta, no inline script, no raw payload), and
 * the CSV export neutralises formula cells.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCSV, toICS } from '../../src/lib/export.ts';
import { EventsFileSchema, type EventsFile } from '../../src/lib/schema.ts';
import { buildSite, extractTo, listFiles, ROOT, tempBuildDir } from './build-site.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDir, type StaticServer } from './helpers/server.ts';

const FIXTURES = path.join(ROOT, 'tests/fixtures/hostile');
/** A file name that is itself a payload (created at test time, not committed). */
const HOSTILE_NAME = `"'><img src=x onerror=alert('name')>`;
const HOSTILE_NAME_TEXT = ` date 2025-07-16 A file whose name is markup\n\nCanadian Prime Minister Mark Carney met Mexican President Claudia Sheinbaum in Ottawa on Tuesday, the two governments said.\n`;

interface Site {
  name: string;
  dir: string;
  dist: string;
  file: EventsFile;
  server?: StaticServer;
}

let browser: Browser;
const sites: Site[] = [];
const tmpRoot = tempBuildDir('hostile');

beforeAll(async () => {
  // Site 1: the hostile corpus through the real extractor.
  const corpusDir = path.join(tmpRoot, 'corpus');
  const input = path.join(corpusDir, 'in');
  mkdirSync(input, { recursive: true });
  for (const n of readdirSync(FIXTURES)) if (/\.(txt|md)$/.test(n)) copyFileSync(path.join(FIXTURES, n), path.join(input, n));
  writeFileSync(path.join(input, `${HOSTILE_NAME}.txt`), HOSTILE_NAME_TEXT);
  const corpusJson = path.join(corpusDir, 'events.json');
  extractTo(input, corpusJson);
  // Site 2: payloads in every field.
  const fieldsDir = path.join(tmpRoot, 'fields');
  mkdirSync(fieldsDir, { recursive: true });
  const fieldsJson = path.join(FIXTURES, 'events-all-fields.json');
  for (const [name, dir, json] of [
    ['corpus', corpusDir, corpusJson],
    ['all fields', fieldsDir, fieldsJson],
  ] as const) {
    const dist = path.join(dir, 'dist');
    buildSite(json, dist);
    const file = EventsFileSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    const site: Site = { name, dir, dist, file };
    site.server = await serveDir(dist);
    sites.push(site);
  }
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const s of sites) await s.server?.close();
  rmSync(tmpRoot, { recursive: true, force: true });
});

function site(name: string): Site {
  const s = sites.find((x) => x.name === name);
  if (!s) throw new Error(`site ${name} was not built`);
  return s;
}

const collapse = (s: string): string => s.replace(/[\s\u2028\u2029]+/g, ' ').trim();

interface Visit {
  dialogs: string[];
  foreign: string[];
  errors: string[];
  violations: string[];
  pwned: unknown;
  bad: string[];
  text: string;
  title: string;
  /** What `interact` returned (texts read from the page after user actions). */
  seen: string[];
}

/** Opens a page, lets its scripts run, and collects everything that would show an attack. */
async function visit(s: Site, urlPath: string, interact?: (page: Page) => Promise<string[]>): Promise<Visit> {
  const origin = new URL(s.server!.url).origin;
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const dialogs: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!(u.startsWith(`${origin}/`) || u === origin || u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:'))) foreign.push(u);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  await page.goto(`${s.server!.url}${urlPath}`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(150);
  const seen = interact ? await interact(page) : [];
  const result = await page.evaluate(() => {
    const bad: string[] = [];
    const all = Array.from(document.querySelectorAll('*'));
    for (const el of all) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) bad.push(`<${el.localName} ${attr.name}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(attr.name.toLowerCase()) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value)) {
          bad.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 40)}">`);
        }
      }
      const tag = el.localName;
      if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].includes(tag)) bad.push(`<${tag}>`);
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) bad.push('<meta http-equiv=refresh>');
      if (tag === 'script') {
        const type = (el.getAttribute('type') ?? '').toLowerCase();
        if (!el.hasAttribute('src') && !['application/json', 'application/ld+json'].includes(type)) bad.push(`inline <script>${(el.textContent ?? '').slice(0, 60)}`);
      }
      if (tag === 'img' && /^x$/.test(el.getAttribute('src') ?? '')) bad.push('<img src=x>');
      if (tag === 'svg' && el.closest('main') && /onload/i.test(el.outerHTML)) bad.push('<svg onload>');
      if (tag === 'style' && !el.closest('svg')) bad.push('<style> element');
    }
    return {
      bad,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      violations: (window as unknown as { __violations: string[] }).__violations,
      text: document.body.innerText,
      title: document.title,
    };
  });
  await context.close();
  return { dialogs, foreign, errors, seen, ...result };
}

/** Everything on a visited page that shows an attack or a policy breach, one line each. */
function problemsOf(v: Visit, where: string): string[] {
  return [
    ...v.dialogs.map((d) => `${where}: dialog opened (${d})`),
    ...(v.pwned === undefined ? [] : [`${where}: payload ran (window.__pwned = ${String(v.pwned)})`]),
    ...v.foreign.map((u) => `${where}: request to another origin ${u}`),
    ...v.violations.map((x) => `${where}: CSP violation ${x}`),
    ...v.bad.map((b) => `${where}: injected markup ${b}`),
    ...v.errors.map((e) => `${where}: page error ${e}`),
  ];
}

function expectClean(v: Visit, where: string): void {
  expect(problemsOf(v, where)).toEqual([]);
}

function pagesOf(s: Site): string[] {
  const files = listFiles(s.dist).filter((f) => f.endsWith('index.html'));
  return files.map((f) => `/${f.replace(/index\.html$/, '')}`);
}

describe('the static HTML scanner', () => {
  it('sees injected tags and handlers but not markup-looking text inside attribute values', () => {
    const tags = scanTags(
      '<meta content="<script>alert(1)</script>"><p title=\'<img src=x onerror=alert(2)>\'>x</p>' +
        '<img src=x onerror=alert(3)><a href=" javascript:alert(4)">y</a><script>alert(5)</script><script type="application/json">{"a":"<\\/script>"}</script>',
    );
    expect(tags.map((t) => t.name)).toEqual(['meta', 'p', 'img', 'a', 'script', 'script']);
    expect(tags[2]!.attrs.get('onerror')).toBe('alert(3)');
    expect(tags[3]!.attrs.get('href')).toBe(' javascript:alert(4)');
    expect(tags[4]!.body).toBe('alert(5)');
    expect(tags[5]!.attrs.get('type')).toBe('application/json');
  });
});

for (const name of ['corpus', 'all fields']) {
  describe(`hostile site: ${name}`, () => {
    it('the extractor found events in the hostile sentences', () => {
      const s = site(name);
      expect(s.file.events.length).toBeGreaterThan(3);
      const withMarkup = s.file.events.filter((e) => e.sources.some((src) => /<script|<img|<svg|<a href|=HYPERLINK|<iframe|<\/script/i.test(src.sentence)));
      expect(withMarkup.length, 'events whose source sentence carries a payload').toBeGreaterThan(1);
    });

    it('ships a strict CSP and no inline script or raw payload in any HTML file', () => {
      const s = site(name);
      const html = listFiles(s.dist).filter((f) => f.endsWith('.html'));
      expect(html.length).toBeGreaterThan(3);
      for (const f of html) {
        const text = readFileSync(path.join(s.dist, f), 'utf8');
        const csp = [...text.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)].map((m) => m[1]!);
        expect(csp, `${f}: one CSP meta`).toHaveLength(1);
        const policy = csp[0]!;
        expect(policy, f).toMatch(/default-src 'self'/);
        expect(policy, f).toMatch(/script-src 'self'(;|$)/);
        expect(policy, f).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
        for (const tag of scanTags(text)) {
          const where = `${f}: <${tag.name}>`;
          for (const [attr, value] of tag.attrs) {
            expect(attr, `${where} event-handler attribute`).not.toMatch(/^on/i);
            if (/^(href|src|action|formaction|data|xlink:href)$/i.test(attr)) {
              expect(value, `${where} ${attr}`).not.toMatch(/^\s*(javascript|vbscript|data:text\/html)/i);
              expect(value, `${where} ${attr}`).not.toMatch(/^\s*(https?:)?\/\/evil\.example/i);
            }
          }
          expect(['iframe', 'frame', 'object', 'embed', 'base', 'applet'], `${where} injected`).not.toContain(tag.name);
          if (tag.name === 'meta') expect(tag.attrs.get('http-equiv') ?? '', where).not.toMatch(/refresh/i);
          if (tag.name === 'img') expect(tag.attrs.get('src'), where).not.toBe('x');
          if (tag.name === 'script') {
            const src = tag.attrs.get('src');
            if (src !== undefined) {
              expect(src, `${where} from another origin`).not.toMatch(/^\s*(https?:)?\/\//i);
            } else {
              expect(tag.attrs.get('type') ?? '', `${where} inline executable script`).toMatch(/^application\/(ld\+)?json$/i);
              expect(tag.body ?? '', `${where} JSON block breaks out`).not.toMatch(/<\/script|<!--/i);
            }
          }
        }
      }
    });

    it('runs no script and requests nothing from other origins on any page', async () => {
      const s = site(name);
      const pages = pagesOf(s);
      expect(pages).toContain('/');
      expect(pages.some((p) => p.startsWith('/event/'))).toBe(true);
      expect(pages.some((p) => p.startsWith('/country/') && p !== '/country/')).toBe(true);
      const problems: string[] = [];
      for (const p of pages) problems.push(...problemsOf(await visit(s, p), p));
      problems.push(...problemsOf(await visit(s, '/no/such/page/'), '404'));
      // All pages are visited before asserting, so one defect does not hide another.
      expect(problems).toEqual([]);
    }, 300_000);

    it('survives hostile URL parameters on the main page', async () => {
      const s = site(name);
      const first = s.file.events[0]!;
      const problems: string[] = [];
      for (const q of [
        `?event=${encodeURIComponent(first.id)}`,
        `?q=${encodeURIComponent('<script>window.__pwned=1</script>')}&event=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
        `?countries=${encodeURIComponent('<svg onload=alert(1)>')}&types=javascript:alert(1)&from=2025-02-30&to=%00`,
        `?q=${encodeURIComponent(first.title)}&event=${encodeURIComponent(first.id)}&group=type`,
      ]) {
        problems.push(...problemsOf(await visit(s, `/${q}`), q));
      }
      expect(problems).toEqual([]);
    }, 120_000);

    it('shows hostile strings as text in the details panel and the timeline tooltips', async () => {
      const s = site(name);
      const hostile = s.file.events.filter((e) => e.sources.some((src) => /[<>"']/.test(src.sentence))).slice(0, 4);
      expect(hostile.length).toBeGreaterThan(0);
      const problems: string[] = [];
      let tooltips = 0;
      for (const ev of hostile) {
        const v = await visit(s, `/?event=${encodeURIComponent(ev.id)}`, async (page) => {
          const panel = page.locator(`#mp-details[data-event-id="${ev.id}"]`);
          await panel.waitFor({ timeout: 10_000 });
          const texts = [await panel.innerText()];
          // Hover a few timeline items so their tooltips are built and shown.
          const items = page.locator('#mp-timeline .tl-item');
          const n = Math.min(await items.count(), 4);
          for (let i = 0; i < n; i++) {
            const item = items.nth(i);
            const id = await item.getAttribute('data-event-id');
            await item.hover({ force: true, timeout: 3_000 }).catch(() => undefined);
            const tip = page.locator('#mp-timeline .tl-tooltip:not([hidden])');
            await tip.waitFor({ timeout: 3_000 }).catch(() => undefined);
            const title = await page.locator('#mp-timeline .tl-tooltip:not([hidden]) .tl-tip__title').first().textContent({ timeout: 1_000 }).catch(() => null);
            if (id && title !== null) texts.push(`tooltip\t${id}\t${title}`);
          }
          return texts;
        });
        problems.push(...problemsOf(v, `/?event=${ev.id}`));
        const panelText = collapse(v.seen[0] ?? '');
        for (const src of ev.sources) expect(panelText, `${ev.id}: sentence in the details panel`).toContain(collapse(src.sentence));
        for (const line of v.seen.slice(1)) {
          const [, id, title] = line.split('\t');
          tooltips++;
          expect(collapse(title ?? ''), `tooltip of ${id}`).toBe(collapse(s.file.events.find((e) => e.id === id)?.title ?? '(unknown id)'));
        }
      }
      expect(problems).toEqual([]);
      expect(tooltips, 'tooltips seen while hovering timeline items').toBeGreaterThan(0);
    }, 300_000);

    it('shows hostile strings as text on event pages', async () => {
      const s = site(name);
      const hostile = s.file.events.filter((e) => e.sources.some((src) => /[<>"']/.test(src.sentence)) || /[<>"']/.test(e.title));
      expect(hostile.length).toBeGreaterThan(0);
      for (const ev of hostile.slice(0, 12)) {
        const v = await visit(s, `/event/${ev.id}/`);
        expectClean(v, ev.id);
        const text = collapse(v.text);
        expect(text, `${ev.id}: title shown as text`).toContain(collapse(ev.title));
        for (const src of ev.sources) expect(text, `${ev.id}: sentence shown as text`).toContain(collapse(src.sentence));
        expect(v.title, `${ev.id}: <title>`).toContain(collapse(ev.title).slice(0, 40));
      }
    }, 300_000);

    it('shows hostile document titles as text on the main page', async () => {
      const s = site(name);
      const v = await visit(s, '/');
      expectClean(v, '/');
      const text = collapse(v.text);
      const titled = s.file.documents.filter((d) => d.status === 'ok' && /[<>"'=]/.test(d.title));
      expect(titled.length).toBeGreaterThan(0);
      for (const d of titled.slice(0, 12)) expect(text, d.id).toContain(collapse(d.title));
    }, 120_000);

    it('keeps the calendar export well-formed: no injected lines or events', () => {
      const s = site(name);
      const problems = icsProblems(toICS(s.file.events), s.file.events.length, 'toICS');
      for (const f of listFiles(s.dist).filter((x) => x.endsWith('.ics'))) {
        problems.push(...icsProblems(readFileSync(path.join(s.dist, f), 'utf8'), -1, f));
      }
      expect(problems).toEqual([]);
    });

    it('neutralises spreadsheet formulas in the CSV export', () => {
      const s = site(name);
      const csv = toCSV(s.file.events);
      const cells = parseCsv(csv);
      expect(cells.length).toBe(s.file.events.length + 1);
      for (const row of cells) for (const cell of row) expect(cell, 'formula cell').not.toMatch(/^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
      // Files the site itself serves for download get the same treatment.
      for (const f of listFiles(s.dist).filter((x) => x.endsWith('.csv'))) {
        for (const row of parseCsv(readFileSync(path.join(s.dist, f), 'utf8'))) {
          for (const cell of row) expect(cell, f).not.toMatch(/^\s*[=+\-@\t\r]/);
        }
      }
    });
  });
}


/** Problems in an iCalendar text: lines that are not `NAME[;params]:value` or folded continuations, injected components. */
function icsProblems(text: string, events: number, where: string): string[] {
  const out: string[] = [];
  const lines = text.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    if (/[\r\n]/.test(line)) out.push(`${where}:${i + 1}: bare line break inside a line`);
    else if (!/^[A-Z][A-Z0-9-]*(;[^:]*)?:/.test(line) && !/^[ \t]/.test(line)) out.push(`${where}:${i + 1}: not a property line: ${line.slice(0, 60)}`);
  }
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const begins = unfolded.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length;
  if (events >= 0 && begins !== events) out.push(`${where}: ${begins} VEVENT components for ${events} events`);
  for (const l of unfolded.split('\r\n')) if (/^(UID:injected|SUMMARY:Injected|LOCATION:evil|X-INJECT|ATTACH:)/.test(l)) out.push(`${where}: injected property ${l.slice(0, 60)}`);
  return out;
}

/** A small RFC 4180 parser: rows of cells, quotes handled. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Raw text of a <script> or <style> element. */
  body?: string;
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const decode = (v: string): string =>
  v.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(Number(k.slice(1)));
    return ({ amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[k]!;
  });

/** The start tags of an HTML file, as an HTML tokenizer sees them (attribute values cannot hide tags). */
function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) >= 0) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (!m) {
      i++;
      continue;
    }
    const name = m[1]!.toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(ATTR)) attrs.set(a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ''));
    const tag: Tag = { name, attrs };
    i = TAG.lastIndex;
    if (name === 'script' || name === 'style') {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      tag.body = html.slice(i, close < 0 ? html.length : close);
      i = close < 0 ? html.length : close;
    }
    tags.push(tag);
  }
  return tags;
}
