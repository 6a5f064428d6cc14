import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGold } from '../../scripts/eval/gold.ts';

// The committed development and hold-out sets: annotations and provenance only, never article text.
for (const file of ['gold.json', 'holdout-gold.json']) {
  const text = readFileSync(new URL(`../devset/${file}`, import.meta.url), 'utf8');
  const raw = JSON.parse(text) as { articles: Record<string, unknown>[] };
  const { gold, errors } = parseGold(text);
  const minArticles = file === 'gold.json' ? 15 : 8;

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
      if (file === 'gold.json') {
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
