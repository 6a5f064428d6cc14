import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGold } from '../../scripts/eval/gold.ts';

// The committed development and hold-out sets: annotations and provenance only, never article text.
for (const file of ['gold.json', 'holdout-gold.json', 'gold-2.json']) {
  const text = readFileSync(new URL(`../devset/${file}`, import.meta.url), 'utf8');
  const raw = JSON.parse(text) as { articles: Record<string, unknown>[] };
  const { gold, errors } = parseGold(text);
  const minArticles = file === 'holdout-gold.json' ? 8 : 15;

  describe(`development set ${file}`, () => {
    it('is a valid gold file', () => {
      expect(errors).toEqual([]);
      expect(gold).toBeDefined();
    });

    it('has enough articles from at least 8 outlets, each with a URL and publication day', () => {
      const articles = gold!.articles;
      expect(articles.length).toBeGreaterThanOrEqual(minArticles);
      for (const a of articles) {
        expect(a.url).toMatch(/^https?:\/\//);
        expect(a.outlet).toBeTruthy();
        expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const outlets = new Set(articles.map((a) => a.outlet!.replace(/\s*\(.*\)$/, '')));
      expect(outlets.size).toBeGreaterThanOrEqual(8);
    });

    it('holds no article text', () => {
      const allowed = new Set(['id', 'published', 'title', 'url', 'outlet', 'events']);
      for (const a of raw.articles) for (const key of Object.keys(a)) expect(allowed.has(key)).toBe(true);
      for (const a of gold!.articles) for (const e of a.events) expect((e.note ?? '').length).toBeLessThan(260);
    });

    it('follows the annotation conventions: sorted unique codes, no event after publication, notes on required events', () => {
      for (const a of gold!.articles) {
        for (const e of a.events) {
          expect(e.countries).toEqual([...new Set(e.countries)].sort());
          expect(e.date <= a.published!).toBe(true);
          if (e.required) expect(e.note).toBeTruthy();
        }
      }
    });

    it('mixes event types among required events and avoids the seed story', () => {
      const types = new Set(gold!.articles.flatMap((a) => a.events.filter((e) => e.required).map((e) => e.type)));
      if (file !== 'holdout-gold.json') {
        expect([...types].sort()).toEqual(['accusation', 'agreement', 'meeting', 'military', 'sanction', 'statement', 'threat', 'visit']);
      } else {
        expect(types.size).toBeGreaterThanOrEqual(5);
      }
      // The seed's story (Lavrov's July 2025 trip to North Korea and China) stays a clean test.
      const seedStory = (a: { title?: string; published?: string }) =>
        /lavrov/i.test(a.title ?? '') && (a.published ?? '').startsWith('2025-07');
      expect(gold!.articles.some(seedStory)).toBe(false);
      expect(seedStory({ title: "China's Xi vows greater support for Russia as meets Lavrov", published: '2025-07-15' })).toBe(true);
    });
  });
}

// The second to tenth blind sets (all drawn 2026-12-07): annotations only, one article per outlet, every
// type among required events, no outlet shared with any other gold file.
for (const set of ['blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10', 'blind11']) {
  const text = readFileSync(new URL(`../${set}/gold.json`, import.meta.url), 'utf8');
  const raw = JSON.parse(text) as { articles: Record<string, unknown>[] };
  const { gold, errors } = parseGold(text);

  describe(`blind set tests/${set}/gold.json`, () => {
    it('is a valid gold file of at least 28 articles, each from a different outlet', () => {
      expect(errors).toEqual([]);
      const articles = gold!.articles;
      expect(articles.length).toBeGreaterThanOrEqual(28);
      for (const a of articles) {
        expect(a.url).toMatch(/^https?:\/\//);
        expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const outlets = articles.map((a) => a.outlet!.replace(/\s*\(.*\)$/, '').toLowerCase());
      expect(new Set(outlets).size).toBe(articles.length);
    });

    it('holds annotations only and follows the conventions (sorted codes, no event after publication, short notes)', () => {
      const allowed = new Set(['id', 'published', 'title', 'url', 'outlet', 'events']);
      for (const a of raw.articles) for (const key of Object.keys(a)) expect(allowed.has(key)).toBe(true);
      for (const a of gold!.articles) {
        for (const e of a.events) {
          expect(e.countries).toEqual([...new Set(e.countries)].sort());
          expect(e.date <= a.published!).toBe(true);
          expect(e.note).toBeTruthy();
          expect(e.note!.length).toBeLessThan(260);
        }
      }
    });

    it('shares no outlet (URL host) with the other gold files under tests/', () => {
      const host = (u: string) => new URL(u).host.replace(/^(www|amp|today|en)\./, '');
      const mine = new Set(gold!.articles.map((a) => host(a.url!)));
      const others = allArticles.filter((a) => a.file !== `tests/${set}/gold.json` && a.url).map((a) => host(a.url!));
      expect(others.length).toBeGreaterThan(50);
      expect(others.filter((h) => mine.has(h))).toEqual([]);
    });

    it('has all eight event types among its required events', () => {
      const types = new Set(gold!.articles.flatMap((a) => a.events.filter((e) => e.required).map((e) => e.type)));
      expect([...types].sort()).toEqual(['accusation', 'agreement', 'meeting', 'military', 'sanction', 'statement', 'threat', 'visit']);
    });
  });
}

// Every gold file under tests/ (development, hold-out, blind sets, fixtures): its URLs must not be reserved for the
// team's blind check, and no article may sit in two gold files (an article scored twice, or a blind article that is
// also development data, would make the reported figures dishonest).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const reservedFile = process.env.RESERVED_URLS_FILE ?? join(repoRoot, '..', 'shared', 'eval', 'reserved-urls.sha256');

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The URLs of `urls` whose sha256 (of the exact string, as `printf %s URL | sha256sum`) is in `reserved`. */
export function reservedUrls(urls: string[], reserved: Set<string>): string[] {
  return urls.filter((u) => reserved.has(sha256(u)));
}

/** One key per article page: scheme, "www.", query, fragment and trailing slash do not make a different article. */
export function urlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .replace(/\/amp$/, '');
}

function goldFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...goldFiles(path));
    else if (/gold[^/]*\.json$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

type GoldArticleRef = { file: string; id: string; url?: string };
const allArticles: GoldArticleRef[] = goldFiles(join(repoRoot, 'tests')).flatMap((file) => {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { articles?: { id: string; url?: string }[] };
  return (raw.articles ?? []).map((a) => ({ file: file.slice(repoRoot.length), id: a.id, url: a.url }));
});

describe('gold files under tests/', () => {
  it('finds the development, hold-out and blind gold files', () => {
    const files = new Set(allArticles.map((a) => a.file));
    for (const f of ['tests/devset/gold.json', 'tests/devset/holdout-gold.json', 'tests/heldout/gold.json', 'tests/blind/gold.json', 'tests/blind2/gold.json', 'tests/blind3/gold.json', 'tests/blind4/gold.json', 'tests/blind5/gold.json', 'tests/blind6/gold.json', 'tests/blind7/gold.json', 'tests/blind8/gold.json', 'tests/blind9/gold.json', 'tests/blind10/gold.json', 'tests/blind11/gold.json']) {
      expect(files.has(f)).toBe(true);
    }
  });

  it('flags a reserved URL by the hash of its exact string (checker self-test)', () => {
    const reserved = new Set([sha256('https://example.org/news/reserved-story')]);
    expect(reservedUrls(['https://example.org/news/reserved-story', 'https://example.org/news/other'], reserved)).toEqual([
      'https://example.org/news/reserved-story',
    ]);
    // A different spelling is a different string: the list is checked against the URL exactly as stored.
    expect(reservedUrls(['https://example.org/news/reserved-story/'], reserved)).toEqual([]);
  });

  // Skipped on a machine without the shared list (a worktree outside the team layout); never skipped in CI, where a
  // missing list makes the test fail instead of passing silently.
  it.skipIf(!existsSync(reservedFile) && !process.env.CI)('holds no URL reserved for the blind check (../shared/eval/reserved-urls.sha256)', () => {
    const reserved = new Set(
      readFileSync(reservedFile, 'utf8')
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0] ?? '')
        .filter((h) => /^[0-9a-f]{64}$/.test(h)),
    );
    expect(reserved.size).toBeGreaterThan(0);
    const urls = allArticles.flatMap((a) => (a.url ? [a.url] : []));
    expect(urls.length).toBeGreaterThan(50);
    expect(reservedUrls(urls, reserved)).toEqual([]);
  });

  it('puts no article in two gold files (same id or same page)', () => {
    const byKey = new Map<string, string>();
    const clashes: string[] = [];
    for (const a of allArticles) {
      for (const key of [`id:${a.id}`, ...(a.url ? [`url:${urlKey(a.url)}`] : [])]) {
        const seen = byKey.get(key);
        if (seen && seen !== a.file) clashes.push(`${key} in ${seen} and ${a.file}`);
        else byKey.set(key, a.file);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('normalises URLs to one key per page', () => {
    expect(urlKey('https://www.Example.org/a/b/?utm=1')).toBe(urlKey('http://example.org/a/b'));
    expect(urlKey('https://example.org/a/b/amp')).toBe(urlKey('https://example.org/a/b'));
    expect(urlKey('https://example.org/a/b')).not.toBe(urlKey('https://example.org/a/c'));
  });
});
