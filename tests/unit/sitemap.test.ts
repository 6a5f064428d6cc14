import { describe, expect, it } from 'vitest';
import { buildSiteModel, LIMITS } from '../../src/lib/data.ts';
import type { TimelineEvent } from '../../src/lib/schema.ts';
import { renderSitemapIndex, renderUrlset, sitemapEntries, sitemapFileCount, sitemapFilePath, SITEMAP_MAX_URLS } from '../../src/lib/sitemap.ts';

function ev(i: number, countries: string[], published?: string): TimelineEvent {
  const date = `2025-0${(i % 9) + 1}-1${i % 10}`;
  return {
    id: `${date}-meeting-${i}`, type: 'meeting', date, datePrecision: 'day', countries, organizations: [], actors: [],
    title: `Talks ${i}`, sources: [{ document: `d${i % 3}`, sentence: 'Talks were held.', start: 0, end: 16, ...(published ? { published } : {}) }],
  };
}

const abs = (p: string): string => `https://example.org/sub${p}`;

describe('sitemap entries', () => {
  const events = Array.from({ length: LIMITS.listPage + 5 }, (_, i) => ev(i, i % 2 ? ['CHN', 'RUS'] : ['FRA']));
  const documents = [0, 1, 2].map((n) => ({ id: `d${n}`, title: `Doc ${n}`, published: `2025-10-0${n + 1}`, path: `d${n}.txt`, status: 'ok' as const }));
  const model = buildSiteModel({ schemaVersion: 1, documents, events });
  const entries = sitemapEntries(model);
  const paths = entries.map((e) => e.path);

  it('lists the indexes, every list page, country page, pair page and event page once', () => {
    expect(paths.slice(0, 3)).toEqual(['/', '/country/', '/about/']);
    expect(paths).toContain('/events/');
    expect(paths).toContain('/events/page/2/');
    expect(paths).toContain('/country/fra/');
    expect(paths).not.toContain('/country/fra/page/2/'); // 103 events: one page
    expect(paths).toContain('/country/chn/rus/');
    for (const e of events) expect(paths).toContain(`/event/${e.id}/`);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('dates pages by their sources’ publication days, never by the clock', () => {
    expect(entries[0]!.lastmod).toBe('2025-10-03');
    expect(entries.find((e) => e.path === '/about/')!.lastmod).toBeUndefined();
    const one = entries.find((e) => e.path === `/event/${events[4]!.id}/`)!;
    expect(one.lastmod).toBe('2025-10-02'); // document d1
  });

  it('leaves event pages out when the build writes none', () => {
    const big = sitemapEntries(buildSiteModel(model.file, 10));
    expect(big.some((e) => e.path.startsWith('/event/'))).toBe(false);
  });
});

describe('sitemap files', () => {
  it('is a single urlset up to 50,000 URLs and an index of files past it', () => {
    expect(sitemapFileCount(SITEMAP_MAX_URLS)).toBe(0);
    expect(sitemapFileCount(SITEMAP_MAX_URLS + 1)).toBe(2);
    expect(sitemapFileCount(120_000)).toBe(3);
    const index = renderSitemapIndex(3, abs);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([1, 2, 3].map((n) => abs(sitemapFilePath(n))));
  });

  it('escapes URLs in the urlset', () => {
    const xml = renderUrlset([{ path: "/event/a&b'c/", lastmod: '2025-01-02' }, { path: '/about/' }], abs);
    expect(xml).toContain('<loc>https://example.org/sub/event/a&amp;b&apos;c/</loc><lastmod>2025-01-02</lastmod>');
    expect(xml).toContain('<url><loc>https://example.org/sub/about/</loc></url>');
  });
});
