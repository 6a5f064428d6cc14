/**
 * Five boilerplate.json patterns rewritten for issue #12 so that recheck finds them safe (no
 * overlapping repetitions; a pattern that must reach the end of the line starts with `$` and
 * looks behind, so it runs once): the menu line of separated labels, the byline, the "more from
 * ..." line, the signature line of an embedded post and the caption cue "photo: ..." at the end of
 * a line. Each is checked here as the pipeline compiles it (through
 * compileOne and chromeKind) on real-looking lines, on the edges of its bounds and on the short
 * attack strings recheck reported for the old forms. Timing on long attack strings is in
 * tests/stress/redos-rewrites.test.ts (never timed here).
 */
import { describe, expect, it } from 'vitest';
import boilerplate from '../../scripts/data/boilerplate.json' with { type: 'json' };
import { chromeKind } from '../../scripts/pipeline/events/kinds.ts';
import { compileOne } from '../../scripts/pipeline/events/patterns.ts';

/** The one entry of a boilerplate.json list that starts with `head` (found by content, not index). */
function entry(list: readonly string[], head: string): string {
  const found = list.filter((s) => s.startsWith(head));
  expect(found, head).toHaveLength(1);
  return found[0]!;
}

/** A matcher for one raw data-file pattern, run as the pipeline runs it (lower-cased text when lowerable). */
function matcher(raw: string): (text: string) => boolean {
  const { re, onLower } = compileOne(raw);
  return (text) => re.test(onLower ? text.toLowerCase() : text);
}

const MENU_SOURCE = entry(boilerplate.line, '^(?=[\\p{L}');
const BYLINE_SOURCE = entry(boilerplate.line, '(?c)^(?:By|BY|by)');
const MORE_FROM_SOURCE = entry(boilerplate.line, '^(?:more from|more in|');
const SIGNATURE_SOURCE = entry(boilerplate.line, '$(?<=(?:—|–|-)');
const PHOTO_BY_SOURCE = entry(boilerplate.captionCue, '$(?<=(?:photo|photograph|image|picture)');

describe('menu line: labels between | • · » › separators', () => {
  const isMenu = matcher(MENU_SOURCE);

  it('matches section menus, with or without spaces and with an empty slot', () => {
    for (const line of ['Home | World | Business | Politics', 'News•Sport•Weather', 'Asia » Pacific » Fiji', 'Europe ·  · Africa', "Rock 'n' roll | Arts & culture | Op-ed"]) {
      expect(isMenu(line), line).toBe(true);
    }
  });

  it('keeps the 25-character bound on the first, middle and last labels', () => {
    const l25 = 'Abcdefghij klmnopqrst uvw'; // 25 characters, ends on a letter
    const l26 = `${l25}x`;
    expect(l25).toHaveLength(25);
    expect(isMenu(`${l25} | World | ${l25}`)).toBe(true);
    expect(isMenu(`${l26} | World | Sport`)).toBe(false);
    expect(isMenu(`Home | ${l26} | Sport`)).toBe(false);
    expect(isMenu(`Home | World | ${l26}`)).toBe(false);
    // Spaces after a label do not count towards it.
    expect(isMenu(`${l25}      | ${l25}     | ${l25}`)).toBe(true);
  });

  it('leaves sentences with a separator in them alone', () => {
    expect(isMenu('The ministers met in Geneva | the talks went on late into the night')).toBe(false);
    expect(isMenu('Home | World')).toBe(false); // two labels: one separator is not a menu
    expect(isMenu('Home || World')).toBe(false); // an empty slot needs a space
    expect(isMenu('Home | World. | Sport')).toBe(false);
  });

  it("answers on recheck's attack strings for the old form", () => {
    expect(isMenu(`&${' '.repeat(60)}`)).toBe(false);
    expect(isMenu('&&&   |&  && &&&    & | |    &&  && &&  ')).toBe(true);
    expect(isMenu('&&&   |&  && &&&    & | |    &&  && &&  !')).toBe(false);
  });
});

describe('byline', () => {
  const isByline = matcher(BYLINE_SOURCE);

  it('matches bylines with co-authors, particles and an agency or role after a separator', () => {
    for (const line of [
      'By Jane Doe and Ravi Menon',
      'By Maria de la Cruz, Reuters',
      'BY TOMÁS ÁLVAREZ & LI WEI',
      'By Ana Lopez | Staff reporter',
      'By Kenji Sato, Aiko Mori and Sam O’Neill - The Pacific Wire',
      'by Jean-Luc Martin — Paris correspondent',
      'By Ravi Menon and Jane Doe',
      'By Ravi Menon andJane Doe',
    ]) {
      expect(isByline(line), line).toBe(true);
    }
  });

  it('needs a space before an "and" or "-" separator glued to a name (the one change from the old form)', () => {
    // The old form also split "Lopez-Reuters" into a name and a "-" separator, which made it ambiguous.
    expect(isByline('By Ana Lopez-Reuters news')).toBe(false);
    expect(isByline('By Ana Lopez - Reuters news')).toBe(true);
    expect(isByline('By Ana Lopez-Reuters')).toBe(true); // still a byline: one hyphenated name
  });

  it('leaves sentences that start with "By" alone', () => {
    for (const line of ['By Tuesday, the two sides had agreed to extend the truce.', 'By then the envoy had left Kabul', 'by the end of the week']) {
      expect(isByline(line), line).toBe(false);
    }
  });

  it("answers on recheck's attack string for the old form", () => {
    expect(isByline('By A&A\tA\tB\tB Aa-Ya-Ya-Ya-Ya-Ya-Ya')).toBe(true);
    expect(isByline('By A&A\tA\tB\tB Aa-Ya-Ya-Ya-Ya-Ya-Ya!')).toBe(false);
  });
});

describe('caption cue: "photo: ..." at the end of a line', () => {
  const hasCue = matcher(PHOTO_BY_SOURCE);

  it('finds a credit at the end of a caption, anywhere the word photo starts', () => {
    expect(hasCue('Delegates walk to the opening session in Brasília. Photo: Ana Lopez')).toBe(true);
    expect(hasCue('The two envoys before their meeting (image by Example Agency')).toBe(true);
    expect(hasCue('Leaders pose for a group picture credit Example Pictures')).toBe(true);
    expect(hasCue('photo: ')).toBe(true);
    expect(chromeKind('The two envoys shake hands before their meeting in Hanoi, photo by Example Agency')).toBe('caption');
  });

  it('needs the credit to run to the end without a full stop and within 60 characters', () => {
    expect(hasCue('Photo: Ana Lopez. The talks resumed on Monday')).toBe(false);
    expect(hasCue(`Photo: ${'a'.repeat(60)}`)).toBe(true);
    expect(hasCue(`Photo: ${'a'.repeat(61)}`)).toBe(false);
    expect(hasCue('The photographer said the minister left early')).toBe(false);
  });

  it("answers on recheck's attack string for the old form", () => {
    expect(hasCue('photo:hphoto:hphoto:hphoto:hphoto:hphoto:hphoto:hphoto:hphot')).toBe(true);
    expect(hasCue('photo:hphoto:hphoto:hphoto:hphoto:hphoto:hphoto:hphoto:hphot.')).toBe(false);
  });
});

describe('"more from ..." line', () => {
  const isMore = matcher(MORE_FROM_SOURCE);

  it('matches a section link of 2 to 40 characters after the words', () => {
    for (const line of ['More from Asia', 'Latest from Europe & Central Asia', 'Also on Al-Monitor', 'More in  Middle East']) expect(isMore(line), line).toBe(true);
    expect(isMore(`More from ${'a'.repeat(40)}`)).toBe(true);
    expect(isMore(`More from ${'a'.repeat(41)}`)).toBe(false);
    expect(isMore('More from a')).toBe(false); // one letter is too short...
    expect(isMore('More from  a')).toBe(true); // ...unless a space before it counts
    expect(isMore('More from')).toBe(false);
    expect(isMore('More from the minister, who spoke on Monday')).toBe(false);
  });

  it("answers on recheck's attack string for the old form", () => {
    expect(isMore(`more in\t${' '.repeat(32)}`)).toBe(true);
    expect(isMore(`more in\t${' '.repeat(32)}.`)).toBe(false);
  });
});

describe('signature line of an embedded post', () => {
  const isSignature = matcher(SIGNATURE_SOURCE);

  it('matches a dash, a name, the handle and a date at the end', () => {
    expect(isSignature('The talks were constructive. — Example Ministry (@ExampleMFA) July 15, 2025')).toBe(true);
    expect(isSignature('— Jane Doe (@janedoe) Jul. 3, 2025 ')).toBe(true);
    expect(isSignature('- (@envoy) Aug 1, 2025')).toBe(true);
  });

  it('needs the dash within 80 characters before the handle, and the date last', () => {
    expect(isSignature(`— ${'a'.repeat(79)}(@x) July 15, 2025`)).toBe(true);
    expect(isSignature(`— ${'a'.repeat(81)}(@x) July 15, 2025`)).toBe(false);
    expect(isSignature('Example Ministry (@ExampleMFA) July 15, 2025')).toBe(false);
    expect(isSignature('— Example Ministry (@ExampleMFA) July 15, 2025, the post said')).toBe(false);
  });

  it("answers on recheck's attack string for the old form", () => {
    expect(isSignature(`(@—u${'(@'.repeat(30)}`)).toBe(false);
    expect(isSignature(`(@—u${'(@'.repeat(30)}x) july 15, 2025`)).toBe(true); // 61 characters from the dash to the handle
    expect(isSignature(`(@—u${'(@'.repeat(50)}x) july 15, 2025`)).toBe(false); // 101
    expect(isSignature(`—u${'(@'.repeat(3)}(@x) july 15, 2025`)).toBe(true);
  });
});
