/**
 * Where a state is first named in a sentence, by any of its usual names ("U.S.", "American",
 * "Washington"), so that a title can put the acting state first. Names come from
 * world-countries and scripts/data/country-aliases.json; the list for a state is built on
 * first use and kept.
 */
import countries from 'world-countries';
import aliasData from '../../data/country-aliases.json' with { type: 'json' };
import { emittedCode } from '../actors/codes.ts';

type NameLists = Record<string, string[] | undefined>;
const aliases = aliasData.aliases as NameLists;
const demonyms = aliasData.demonyms as NameLists;
const capitals = aliasData.capitals as NameLists;
const byCode = new Map(countries.map((c) => [emittedCode(c.cca3), c]));
const cache = new Map<string, string[]>();

function namesOf(iso3: string): string[] {
  const hit = cache.get(iso3);
  if (hit) return hit;
  const c = byCode.get(iso3);
  const list = new Set<string>([...(aliases[iso3] ?? []), ...(demonyms[iso3] ?? []), ...(capitals[iso3] ?? [])]);
  if (c) {
    list.add(c.name.common);
    const dem = c.demonyms?.eng?.m;
    if (dem) list.add(dem);
    for (const cap of c.capital ?? []) list.add(cap);
  }
  const names = [...list].filter((n) => n.length >= 2);
  cache.set(iso3, names);
  return names;
}

const WORDISH = /[\p{L}\p{N}]/u;

/** Offset of the first mention of the state in `sentence` (whole words) from `from` on, or Infinity. */
export function firstMention(sentence: string, iso3: string, extra?: string, from = 0): number {
  let best = Infinity;
  const names = extra ? [extra, ...namesOf(iso3)] : namesOf(iso3);
  for (const name of names) {
    let i = sentence.indexOf(name, from);
    while (i >= 0 && i < best) {
      const before = sentence[i - 1];
      const after = sentence[i + name.length];
      if ((!before || !WORDISH.test(before)) && (!after || !WORDISH.test(after) || /[.]$/.test(name))) {
        best = i;
        break;
      }
      i = sentence.indexOf(name, i + 1);
    }
  }
  return best;
}
