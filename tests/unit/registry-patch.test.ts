/**
 * The registry written by patching the previous text (id-registry.ts patchRegistryText): the same
 * bytes as formatRegistry, for changed, added and untouched entries, new aliases and generations.
 */
import { describe, expect, it } from 'vitest';
import { formatRegistry, parseRegistry, patchRegistryText, type Registry } from '../../scripts/pipeline/id-registry.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const entry = (since: number, key: string, sources: string[]) => ({ since, key, sources });
const text = (r: Registry) => Buffer.from(formatRegistry(r), 'utf8');

describe('the registry patched from its previous text (patchRegistryText)', () => {
  const base: Registry = {
    version: 1,
    generation: 4,
    ids: {
      'm-visit-fra': entry(1, '2024-01-02|visit|DEU,FRA', ['b#x#1', 'a#y#0']),
      'c-talks': entry(2, '2024-01-03|talks|CHN,RUS', []),
      'q-"quoted"\\é': entry(3, 'k|"t"|\u2028', ['d#z#']),
      'g-deal': entry(3, '2024-02-01|agreement|BRA,IND', ['e#1#0']),
    },
    aliases: { 'old-m': 'm-visit-fra' },
  };

  it('changes, adds and keeps entries as formatRegistry writes them', () => {
    const next: Registry = {
      ...base,
      generation: 5,
      ids: {
        ...base.ids,
        'c-talks': entry(2, '2024-01-04|talks|CHN,RUS', ['f#2#3', 'f#1#3']),
        'a-first': entry(5, '2024-03-01|visit|ITA', ['g#0#0']),
        'h-middle': entry(5, '2024-03-02|visit|ESP', []),
        'z-last': entry(5, '2024-03-03|visit|PRT', ['h#0#0']),
        'zz-after-last': entry(5, '2024-03-04|visit|PRT', ['h#0#1']),
      },
      aliases: { 'old-m': 'm-visit-fra', 'g-gone': 'c-talks' },
    };
    const got = patchRegistryText(text(base), next, ['zz-after-last', 'c-talks', 'a-first', 'h-middle', 'z-last']);
    expect(got?.toString('utf8')).toBe(formatRegistry(next));
    // Nothing changed but the generation: the same entries, the new generation.
    expect(patchRegistryText(text(base), { ...base, generation: 9 }, [])?.toString('utf8')).toBe(formatRegistry({ ...base, generation: 9 }));
    // Aliases removed.
    expect(patchRegistryText(text(base), { ...base, aliases: {} }, [])?.toString('utf8')).toBe(formatRegistry({ ...base, aliases: {} }));
  });

  it('agrees with formatRegistry on random registries and random changes', () => {
    const r = rng(7);
    const word = () => Math.floor(r() * 36 ** 3).toString(36);
    for (let round = 0; round < 60; round++) {
      const ids: Registry['ids'] = {};
      const n = 1 + Math.floor(r() * 30);
      for (let i = 0; i < n; i++) ids[`${word()}-${word()}`] = entry(Math.floor(r() * 5), `2024-01-0${1 + Math.floor(r() * 9)}|visit|FRA`, Array.from({ length: Math.floor(r() * 3) }, () => `${word()}#${word()}#${Math.floor(r() * 9)}`));
      const prev: Registry = { version: 1, generation: round, ids, aliases: {} };
      const next: Registry = { version: 1, generation: round + (r() < 0.5 ? 1 : 0), ids: { ...ids }, aliases: {} };
      const changed: string[] = [];
      const names = Object.keys(ids);
      for (let c = Math.floor(r() * 6); c > 0; c--) {
        const id = r() < 0.5 ? names[Math.floor(r() * names.length)]! : `${word()}-${word()}`;
        next.ids[id] = entry(9, `2025-01-01|talks|${word()}`, [`${word()}#1#1`]);
        changed.push(id);
        if (r() < 0.3) next.aliases[`${word()}-gone`] = id;
      }
      expect(patchRegistryText(text(prev), next, changed)?.toString('utf8')).toBe(formatRegistry(next));
    }
  });

  it('gives up on a text formatRegistry did not write, an empty registry, and ids JSON puts first', () => {
    const next = { ...base, generation: 5 };
    expect(patchRegistryText(Buffer.from(JSON.stringify(base)), next, [])).toBeUndefined();
    expect(patchRegistryText(text(base).subarray(1), next, [])).toBeUndefined();
    expect(patchRegistryText(text({ ...base, ids: {} }), next, [])).toBeUndefined();
    // An id that is an array index is written first by JSON.stringify, not in code-unit order.
    const numeric = { ...base, ids: { ...base.ids, '42': entry(1, 'k', []) } };
    expect(patchRegistryText(text(numeric), { ...numeric, generation: 5 }, [])).toBeUndefined();
    expect(patchRegistryText(text(base), { ...base, ids: { ...base.ids, '7': entry(1, 'k', []) } }, ['7'])).toBeUndefined();
    // A changed id without an entry in the new registry: not a patch this function makes.
    expect(patchRegistryText(text(base), base, ['no-such-id'])).toBeUndefined();
  });

  it('reads a text a build wrote (written) as the full check reads it, and still refuses what is not a registry', () => {
    const t = formatRegistry(base);
    expect(parseRegistry(t, 'r', true)).toEqual(parseRegistry(t, 'r'));
    expect(parseRegistry(t, 'r', true).registry.ids['m-visit-fra']!.sources).toEqual(['a#y#0', 'b#x#1']);
    expect(parseRegistry('{"version":2}', 'r', true).warning).toMatch(/not an id registry/);
    expect(parseRegistry('not json', 'r', true).warning).toMatch(/not valid JSON/);
  });
});
