/**
 * The boilerplate.json patterns rewritten for issue #12 (menu line, byline, "more from ..." line,
 * signature of an embedded post, "photo: ..." caption cue; correctness in tests/unit/boilerplate-rewrites.test.ts) on long versions of the attack
 * strings recheck reported for their old forms: the pumped part repeated to about 1 MB, then a
 * character that makes the match fail. The pipeline never runs them on more than a few hundred
 * characters (chromeKind), so this only checks that the rewritten forms stay linear: a CPU time
 * per megabyte that a quadratic pattern on 1 MB (minutes) cannot meet.
 */
import { describe, expect, it } from 'vitest';
import boilerplate from '../../scripts/data/boilerplate.json' with { type: 'json' };
import { compileOne } from '../../scripts/pipeline/events/patterns.ts';

const MB = 1024 * 1024;
const MAX_SECONDS_PER_MB = 2;

function entry(list: readonly string[], head: string): string {
  const found = list.filter((s) => s.startsWith(head));
  expect(found, head).toHaveLength(1);
  return found[0]!;
}

/** `prefix`, then `pump` repeated to about 1 MB, then `suffix`. */
const attack = (prefix: string, pump: string, suffix: string): string => prefix + pump.repeat(Math.ceil(MB / pump.length)) + suffix;

const cases: { name: string; raw: string; texts: Record<string, string> }[] = [
  {
    name: 'menu line',
    raw: entry(boilerplate.line, '^(?=[\\p{L}'),
    texts: {
      'a label then spaces': attack('&', ' ', '!'),
      'spaced labels and separators': attack('&&&   |', '&  && &&&    & | |    ', '!'),
      'tabs and spaces between separators': attack(' |', '\t ', 'x'),
      'long labels': attack('a |', 'a a a a a ', '| a!'),
    },
  },
  {
    name: 'byline',
    raw: entry(boilerplate.line, '(?c)^(?:By|BY|by)'),
    texts: {
      'hyphenated name': attack('By A&A\tA\tB\tB Aa', '-Ya', '!'),
      'glued and': attack('By Aa', 'andAa', '!'),
      'spaces around separators': attack('By Aa ,', ' ', 'Aa !'),
      'separator tail': attack('By Aa - A', 'a ', '!'),
    },
  },
  {
    name: '"more from ..." line',
    raw: entry(boilerplate.line, '^(?:more from|more in|'),
    texts: {
      'whitespace after the words': attack('more in\t', ' ', '.'),
      'a long link': attack('more from ', 'a ', '.'),
    },
  },
  {
    name: 'signature of an embedded post',
    raw: entry(boilerplate.line, '$(?<=(?:—|–|-)'),
    texts: {
      'repeated handles': attack('(@—u', '(@', ''),
      'repeated dashes and handles': attack('', '— a (@x) ', 'july 15, 2025'),
      'spaces before the date': attack('— a (@x)', ' ', 'july 15, 2025'),
    },
  },
  {
    name: 'photo caption cue',
    raw: entry(boilerplate.captionCue, '$(?<=(?:photo|photograph|image|picture)'),
    texts: {
      'repeated credits': attack('', 'photo:h', '.'),
      'spaces after the cue': attack('photo:', ' ', '.'),
      'credits ending in spaces': attack('', 'photo by ', ''),
    },
  },
];

describe('the rewritten boilerplate patterns stay linear on 1 MB attack strings', () => {
  for (const { name, raw, texts } of cases) {
    it(name, () => {
      const { re, onLower } = compileOne(raw);
      const figures: string[] = [];
      for (const [shape, text] of Object.entries(texts)) {
        const input = onLower ? text.toLowerCase() : text;
        const cpu = process.cpuUsage();
        re.test(input);
        const used = process.cpuUsage(cpu);
        const perMb = (used.user + used.system) / 1e6 / (input.length / MB);
        figures.push(`${shape} ${perMb.toFixed(3)} CPU s/MB`);
        expect(perMb, `${name} on ${shape}`).toBeLessThan(MAX_SECONDS_PER_MB);
      }
      console.log(`${name}: ${figures.join(', ')}`);
    });
  }
});
