/** compileFinder: the alternations of compileAlternation, returning the leftmost words matched (used by events.context.speechRetold). */
import { describe, expect, it } from 'vitest';
import { compileAlternation, compileFinder } from '../../scripts/pipeline/events/patterns.ts';

const sources = ['\\bwill\\s+retaliate\\b', '(?c)\\bNATO\\b', '\\b\\p{Lu}\\p{Ll}+\\s+warned\\b'];

describe('compileFinder', () => {
  const find = compileFinder(sources);
  const test = compileAlternation(sources);

  it.each([
    ['The ministry said Oslo will retaliate soon.', 'will retaliate'],
    ['Moscow warned that NATO will retaliate.', 'moscow warned'],
    ['They said NATO troops were near.', 'nato'],
    ['Nothing of the kind was said.', undefined],
  ])('%s', (text, expected) => {
    expect(find(text)).toBe(expected);
    expect(test(text)).toBe(expected !== undefined);
  });

  it('a case-sensitive source stays case-sensitive', () => {
    expect(find('the nato summit')).toBeUndefined();
  });
});
