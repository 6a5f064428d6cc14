/**
 * compileAlternation tests the branches anchored at the start apart from the others (a speed-up):
 * the yes/no answer must be that of the one alternation of every branch.
 */
import { describe, expect, it } from 'vitest';
import { anchoredAtStart, compileAlternation } from '../../scripts/pipeline/events/patterns.ts';

describe('anchoredAtStart', () => {
  it('reads only a leading ^ with no top-level |', () => {
    expect(anchoredAtStart('^share\\b')).toBe(true);
    expect(anchoredAtStart('^(?:a|b)c')).toBe(true);
    expect(anchoredAtStart('^[|]x')).toBe(true);
    expect(anchoredAtStart('^\\|x')).toBe(true);
    expect(anchoredAtStart('^[\\]|]x')).toBe(true);
    expect(anchoredAtStart('^a|b')).toBe(false);
    expect(anchoredAtStart('\\bcookie\\b')).toBe(false);
    expect(anchoredAtStart('(?:^a)')).toBe(false);
  });
});

describe('compileAlternation with anchored and free branches', () => {
  const sources = ['^share\\b', '\\bcookies?\\b', '^a|b$', '(?c)^By\\s+\\p{Lu}', '^(?:x|y)z', 'q[|^]w'];
  const whole = (text: string) =>
    new RegExp(['^share\\b', '\\bcookies?\\b', '^a|b$', '^(?:x|y)z', 'q[|^]w'].map((s) => `(?:${s})`).join('|'), 'u').test(text.toLowerCase()) ||
    /^By\s+\p{Lu}/u.test(text);
  const test = compileAlternation(sources);
  it.each(['Share this', 'we use cookies', 'a story', 'the sob', 'By John', 'by john', 'xz', 'yz', 'zxz', 'q|w', 'q^w', 'nothing here', ''])('"%s"', (text) => {
    expect(test(text)).toBe(whole(text));
  });
});
