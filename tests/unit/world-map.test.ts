import { describe, expect, it } from 'vitest';
import { worldMap } from '../../src/lib/world-map.ts';

describe('worldMap (build time)', () => {
  it('projects the Natural Earth countries into SVG paths keyed by ISO alpha-3 codes', () => {
    const map = worldMap();
    expect(map.width).toBe(960);
    expect(map.height).toBe(480);
    const byIso = new Map(map.countries.map((c) => [c.iso, c]));
    for (const iso of ['USA', 'CHN', 'RUS', 'IND', 'BRA', 'ZAF', 'FRA']) {
      expect(byIso.get(iso)?.d, iso).toMatch(/^M[\d.,-]+L/);
    }
    expect(map.countries.length).toBeGreaterThan(150);
    // Paths stay inside the box.
    const nums = byIso.get('USA')!.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...nums)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...nums)).toBeLessThanOrEqual(960);
  });
});

describe('shadeLevel (map)', () => {
  it('gives 0 for no events and 1..5 on a square-root scale up to the largest count', async () => {
    const { shadeLevel } = await import('../../src/client/map.ts');
    expect(shadeLevel(0, 10)).toBe(0);
    expect(shadeLevel(1, 100)).toBe(1);
    expect(shadeLevel(25, 100)).toBe(3);
    expect(shadeLevel(100, 100)).toBe(5);
    expect(shadeLevel(5, 0)).toBe(0);
  });
});
