/**
 * The assembler's own rules, on short articles written for the test (published Tuesday 2025-07-15):
 * only what happened on a knowable day, up to publication, with a state or organisation, is kept.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { parseDocument } from '../../scripts/pipeline/parse-document.ts';
import { segment } from '../../scripts/pipeline/segment.ts';

const actors = createActorResolver();

function extract(body: string, published = '2025-07-15') {
  const parsed = parseDocument({ id: 'doc', path: 'doc.txt', text: ` date ${published} Test article\n\n${body}\n`, warnings: [] });
  if (!parsed.ok) throw new Error(parsed.skipped.reason);
  return extractDocument(segment(parsed.doc), actors);
}

describe('extractDocument', () => {
  it('dates a lead event without a cue on the publication day', () => {
    const { events } = extract('French President Emmanuel Macron met Kenyan President William Ruto in Paris.');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'meeting', date: '2025-07-15', countries: ['FRA', 'KEN'] });
  });

  it('places a weekday on the latest such day on or before publication', () => {
    const { events } = extract('Japanese Foreign Minister Takeshi Iwaya met his Australian counterpart Penny Wong on Sunday.');
    expect(events.map((e) => e.date)).toEqual(['2025-07-13']);
  });

  it('drops an event that only a vague period dates', () => {
    const { events, dropped } = extract('Brazil signed a trade agreement with Argentina last month.');
    expect(events).toEqual([]);
    expect(dropped['vague period'] ?? 0).toBeGreaterThan(0);
  });

  it('drops planned events and events after publication', () => {
    const { events } = extract('Indian Prime Minister Narendra Modi will visit Japan on July 20.\n\nThe Turkish president is expected to meet Ukraine\'s leader next week.');
    expect(events).toEqual([]);
  });

  it('keeps the source offsets exact and the trigger inside the sentence', () => {
    const { events } = extract('Vietnam condemned China on Monday over the seizure of a fishing boat.');
    expect(events).toHaveLength(1);
    const s = events[0]!.source;
    expect(s.sentence.slice(s.trigger.start, s.trigger.end).toLowerCase()).toContain('condemn');
    expect(s.end - s.start).toBe(s.sentence.length);
  });

  it('carries an opening time phrase over from an eventless sentence before', () => {
    const { events } = extract(
      'India expelled a Pakistani diplomat on Tuesday, July 8. Just hours later, Pakistan answered in kind. It expelled an Indian diplomat and gave him a day to leave.',
    );
    const pakistani = events.find((e) => e.source.sentence.startsWith('It expelled'));
    expect(pakistani?.date).toBe('2025-07-08');
  });

  it('keeps where a meeting happened but no "in X" topic on a threat', () => {
    const { events } = extract(
      'German Chancellor Friedrich Merz met Polish Prime Minister Donald Tusk in Warsaw on Monday.\n\nOn Sunday, Russia warned Poland that it would retaliate against new missile sites in Poland.',
    );
    expect(events.find((e) => e.type === 'meeting')?.location).toBe('Warsaw');
    const threat = events.find((e) => e.type === 'threat');
    expect(threat).toBeDefined();
    expect(threat?.location).toBeUndefined();
  });
});

describe('dated background whose date cue runs past the act phrase', () => {
  it('keeps "the accord signed on 17 January 2024": the cue starts inside the act phrase, its year follows', () => {
    const { events } = extract(
      'The Ghanaian and Togolese foreign ministers met in Accra on Monday to review border trade.\n\nThe ministers noted that the Ghana-Togo border accord signed on 17 January 2024 has cut waiting times.',
    );
    expect(events.map((e) => `${e.type} ${e.date} ${e.countries.join(',')}`)).toEqual(['meeting 2025-07-14 GHA,TGO', 'agreement 2024-01-17 GHA,TGO']);
  });
});

describe('a dated dateline opening a later paragraph (page.dateline.mid-text)', () => {
  it('dates the story by it and reads its paragraph as the lead', () => {
    const { events } = extract(
      '"Restraint is needed on all sides," the spokesman said.\n\nNAIROBI, July 14 (Agency) -- Kenya urged Ethiopia to withdraw its troops from the disputed strip.',
    );
    expect(events.map((e) => `${e.type} ${e.date} ${e.countries.join(',')}`)).toEqual(['statement 2025-07-14 ETH,KEN']);
  });
});

describe('dated background naming no state takes the story pair (actors.background.main-pair)', () => {
  const lead = 'Kenyan President William Ruto arrived in Tanzania on Monday for a two-day state visit focused on the new trade pact.';
  const rows = (body: string) => extract(body).events.map((e) => `${e.type} ${e.date} ${e.countries.join(',')}`);

  it('gives a bare dated act noun the two states of the story', () => {
    expect(rows(`${lead}\n\nA first round of negotiations on the pact was held in Arusha on March 3, 2024.`)).toEqual([
      'visit 2025-07-14 KEN,TZA',
      'meeting 2024-03-03 KEN,TZA',
    ]);
  });

  it('gives nothing to the same act without a day of its own', () => {
    expect(rows(`${lead}\n\nA first round of negotiations on the pact was held in Arusha last year.`)).toEqual(['visit 2025-07-14 KEN,TZA']);
  });

  it('leaves it out when a third state is as present in the story as the second', () => {
    const three = 'Kenyan President William Ruto held a trilateral meeting with the leaders of Uganda and Tanzania in Nairobi on Monday.';
    expect(rows(`${three}\n\nA first round of negotiations on the pact was held in Arusha on March 3, 2024.`)).toEqual(['meeting 2025-07-14 KEN,TZA,UGA']);
  });
});

describe('an act dated by the document that reports it (dates.resolver.document-dated)', () => {
  const rows = (body: string) => extract(body).events.map((e) => `${e.type} ${e.date} ${e.countries.join(',')}`);
  const lead = 'Mali has expelled two Danish diplomats over their contacts with rebel leaders, according to a ministry note seen by reporters on Tuesday.';

  it('takes the day of the note the attribution names', () => {
    const out = rows(`${lead}\n\nThe two were declared "persona non grata" and told to leave the country in 72 hours, the foreign ministry said in a note dated Sunday that was handed to the Danish embassy.`);
    expect(out).toEqual(['sanction 2025-07-15 DNK,MLI', 'sanction 2025-07-13 DNK,MLI']);
  });

  it('leaves the act on its default day when the note has no date', () => {
    const out = rows(`${lead}\n\nThe two were declared "persona non grata" and told to leave the country in 72 hours, the foreign ministry said in a note that was handed to the Danish embassy.`);
    expect(out).not.toContain('sanction 2025-07-13 DNK,MLI');
  });
});
