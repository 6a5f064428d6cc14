/**
 * Issue 9, third round: one act told twice in one document stays one event
 * (scripts/pipeline/events/retelling.ts, rules events.retelling.*). Bodies are written for the
 * test and read as articles published on Tuesday 2025-07-15.
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { definiteAct, reception, referringSubject, retellingOf, type Told } from '../../scripts/pipeline/events/retelling.ts';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (...sentences: string[]) => extractDocument(segOf(sentences.join('\n\n')), actors, { trace: true });
const merged = (...sentences: string[]) => mergeEvents(extract(...sentences).events);
const retellingRules = (ev: ExtractedEvent) => (ev.trace ?? []).filter((s) => s.rule.startsWith('events.retelling.')).map((s) => s.rule);

/** A report whose trigger is the `trigger` words of `sentence`. */
function report(sentence: string, trigger: string, over: Partial<ExtractedEvent> = {}): ExtractedEvent {
  const start = sentence.indexOf(trigger);
  if (start < 0) throw new Error(`no "${trigger}" in the sentence`);
  return {
    type: 'meeting',
    date: '2025-07-14',
    datePrecision: 'day',
    dateEvidence: 'weekday',
    countries: ['KAZ', 'UZB'],
    organizations: [],
    actors: [],
    title: 't',
    confidence: 0.9,
    source: { document: 'doc', published: '2025-07-15', sentence, start: sentence.length * 7, end: sentence.length * 8, trigger: { start, end: start + trigger.length } },
    ...over,
  };
}

describe('the constructions that refer back to an act', () => {
  it.each([
    ['The talks lasted four hours, the ministry said.', 'talks'],
    ['During the two-day visit the ministers toured a port.', 'two-day visit'],
    ["The minister's visit to the capital drew protests.", 'visit'],
    ['The summit took place at a lakeside resort.', 'summit took place'],
    ['During their talks the presidents discussed grain exports.', 'talks'],
  ])('a determiner or possessive before the act noun is a definite act: %s', (sentence, trigger) => {
    expect(definiteAct(report(sentence, trigger))).toBe(true);
  });

  it.each([
    ['A meeting of the two ministers is planned for autumn.', 'meeting'],
    ['Their previous meeting took place in March.', 'meeting'],
    ['The ministers agreed on another visit by the trade envoy.', 'visit'],
    ['Officials held talks on the border.', 'held talks'],
  ])('an indefinite, earlier or other act noun is not one: %s', (sentence, trigger) => {
    expect(definiteAct(report(sentence, trigger))).toBe(false);
  });

  it('reads "the parties" and "the two leaders" right before the verb as a subject that refers back, not "one of the parties"', () => {
    expect(referringSubject(report('The foreign minister said that the parties exchanged views on transit.', 'exchanged views'))).toBe(true);
    expect(referringSubject(report('The two leaders also discussed water sharing.', 'discussed'))).toBe(true);
    expect(referringSubject(report('One of the parties discussed water sharing with Kabul.', 'discussed'))).toBe(false);
  });

  it('counts a welcome as a reception only when the sentence tells the arrival', () => {
    expect(reception(report('The prince was welcomed by the deputy premier on his arrival at the airport.', 'was welcomed by'))).toBe(true);
    expect(reception(report('The president received the prince at the palace.', 'received'))).toBe(false);
  });
});

describe('retellingOf: which earlier report is told again', () => {
  const first = report('Tokayev held talks with Mirziyoyev in Astana on Monday.', 'held talks', { title: 'first' });
  const told: Told[] = [{ event: first, sentence: 0 }];

  it('joins a definite retelling dated only by the publication day to the earlier act, taking its day', () => {
    const again = report('The meeting lasted three hours.', 'meeting', { date: '2025-07-15', dateEvidence: 'publication', countries: ['UZB'] });
    const r = retellingOf(again, 2, told);
    expect(r).toMatchObject({ of: 0, rule: 'events.retelling.definite-act', folds: 'later' });
    expect(r!.dated).toBe(first);
  });

  it('keeps the better day: a retelling with its own day dates an earlier report that had only the publication day', () => {
    const weak = report('Tokayev held talks with Mirziyoyev in Astana.', 'held talks', { date: '2025-07-15', dateEvidence: 'publication' });
    const again = report('The meeting took place on Monday.', 'meeting', { date: '2025-07-14', dateEvidence: 'weekday' });
    expect(retellingOf(again, 1, [{ event: weak, sentence: 0 }])!.dated).toBe(again);
  });

  it('does not join when both give a day of their own and the days differ', () => {
    const again = report('The meeting on Wednesday lasted three hours.', 'meeting', { date: '2025-07-09', dateEvidence: 'weekday' });
    expect(retellingOf(again, 1, told)).toBeUndefined();
  });

  it('does not join a retelling that names a state the earlier report lacks, another type, or one too far away', () => {
    expect(retellingOf(report('The meeting was also attended by Tajikistan.', 'meeting', { countries: ['KAZ', 'TJK', 'UZB'] }), 1, told)).toBeUndefined();
    expect(retellingOf(report('The visit lasted two days.', 'visit', { type: 'visit' }), 1, told)).toBeUndefined();
    expect(retellingOf(report('The meeting lasted three hours.', 'meeting'), 30, told)).toBeUndefined();
  });

  it('does not join two directed acts whose acting states (the actors stage\'s agents) differ: an expulsion and the answer to it', () => {
    const expel = report('Russia expelled two Estonian diplomats on Monday.', 'expelled', { type: 'sanction', countries: ['EST', 'RUS'], agents: ['RUS'] });
    const answer = report('Estonia announced the expulsion of a Russian diplomat.', 'expulsion', { type: 'sanction', countries: ['EST', 'RUS'], agents: ['EST'], dateEvidence: 'anchor' });
    expect(definiteAct(answer)).toBe(true);
    expect(retellingOf(answer, 1, [{ event: expel, sentence: 0 }])).toBeUndefined();
  });
});

describe('extracting a document: the retelling joins its act', () => {
  it('"the parties exchanged views" after the talks is the same meeting: one event with both sentences', () => {
    const body = [
      'Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev in Astana on Monday.',
      'Mirziyoyev said that the parties exchanged views on water sharing and transport links.',
    ];
    const out = extract(...body);
    expect(out.events.map(retellingRules)).toEqual([[], ['events.retelling.referring-subject']]);
    const events = merged(...body);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'meeting', date: '2025-07-14', countries: ['KAZ', 'UZB'] });
    expect(events[0]!.sources).toHaveLength(2);
  });

  it('an airport welcome by a minister and the talks with the president of one visit are one meeting', () => {
    const events = merged(
      'The Emir of Qatar arrived in Ankara on Monday for talks with Turkish President Recep Tayyip Erdogan.',
      'The Emir was received by Turkish Vice President Cevdet Yilmaz upon his arrival at Esenboga Airport on Monday.',
      'He met Erdogan at the presidential complex.',
    );
    // "upon his arrival at the airport" also tells the trip (visit.arrival-noun): a visit beside the one meeting.
    expect(events.filter((e) => e.type === 'meeting').map((e) => `${e.type} ${e.date} ${e.countries.join(',')}`)).toEqual(['meeting 2025-07-14 QAT,TUR']);
    expect(events.filter((e) => e.type !== 'meeting' && e.type !== 'visit')).toEqual([]);
  });

  it('an audience at the palace and a meeting with another minister of the visit stay two meetings', () => {
    const events = merged(
      'Kenyan President William Ruto received Saudi Foreign Minister Prince Faisal bin Farhan at State House in Nairobi on Monday.',
      'Prince Faisal also met his Kenyan counterpart Musalia Mudavadi during his official visit.',
    );
    expect(events.filter((e) => e.type === 'meeting')).toHaveLength(2);
  });

  it('a tit-for-tat expulsion told with a definite noun stays its own event', () => {
    const events = merged('Russia expelled two Estonian diplomats on Monday.', 'Hours later, Estonia announced the expulsion of a Russian diplomat in response.');
    expect(events.map((e) => e.type)).toEqual(['sanction', 'sanction']);
  });
});
