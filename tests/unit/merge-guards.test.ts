/**
 * Merge guards: merge.counterpart-person (a person of unknown state placed on the report's one
 * state without a person), merge.anchored-day (a day counted from another act sets two reports
 * apart) and merge.quoted-speaker (a quotation's speaker acts, not its subject). Sentences and
 * names are invented.
 */
import { describe, expect, it } from 'vitest';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import { actingStates, quotedSpeakerStates } from '../../scripts/pipeline/merge/direction.ts';
import { counterpartConflict } from '../../scripts/pipeline/merge/names.ts';
import { anchoredApart, sameEvent } from '../../scripts/pipeline/merge/same-event.ts';
import type { Actor } from '../../scripts/pipeline/types.ts';
import { reportBuilder } from './merge-helpers.ts';

const ev = reportBuilder({ evidence: 'weekday', sentence: (s, start) => `Report in ${s.doc} at ${start}.` });

const VISITOR: Actor = { name: 'Anika Holm', country: 'NOR', role: 'Foreign Minister' };
const PRESIDENT_UNPLACED: Actor = { name: 'Pedro Salazar' };
const PRESIDENT: Actor = { name: 'Pedro Salazar', country: 'PRT', role: 'President' };
const MINISTER: Actor = { name: 'Lucia Mendes', country: 'PRT', role: 'Foreign Minister' };
const SPEAKER_UNPLACED: Actor = { name: 'Rui Barros' };

describe('merge.counterpart-person', () => {
  it('keeps the talks with the president (state unknown) apart from the talks with the foreign minister', () => {
    const withPresident = ev({ doc: 'a', date: '2024-05-03', countries: ['NOR', 'PRT'], actors: [VISITOR, PRESIDENT_UNPLACED] });
    const withMinister = ev({ doc: 'a', start: 500, date: '2024-05-03', evidence: 'anchor', countries: ['NOR', 'PRT'], actors: [VISITOR, MINISTER] });
    expect(counterpartConflict(withPresident, withMinister)).toBe(true);
    expect(sameEvent(withPresident, withMinister)).toBe(false);
    const out = mergeEvents([withPresident, withMinister]);
    expect(out).toHaveLength(2);
  });

  it('still joins the same counterpart named once without and once with his state', () => {
    const a = ev({ doc: 'a', date: '2024-05-03', countries: ['NOR', 'PRT'], actors: [VISITOR, PRESIDENT_UNPLACED] });
    const b = ev({ doc: 'b', date: '2024-05-03', countries: ['NOR', 'PRT'], actors: [VISITOR, PRESIDENT] });
    expect(counterpartConflict(a, b)).toBe(false);
    expect(mergeEvents([a, b])).toHaveLength(1);
  });

  it('does not place two people of unknown state (they may be anyone)', () => {
    const a = ev({ doc: 'a', date: '2024-05-03', countries: ['NOR', 'PRT'], actors: [PRESIDENT_UNPLACED, SPEAKER_UNPLACED] });
    const b = ev({ doc: 'a', start: 300, date: '2024-05-03', countries: ['NOR', 'PRT'], actors: [VISITOR, MINISTER] });
    expect(counterpartConflict(a, b)).toBe(false);
  });

  it('does not place a person when two states of the report have no person', () => {
    const a = ev({ doc: 'a', date: '2024-05-03', countries: ['ESP', 'NOR', 'PRT'], actors: [VISITOR, PRESIDENT_UNPLACED] });
    const b = ev({ doc: 'a', start: 300, date: '2024-05-03', countries: ['NOR', 'PRT'], actors: [VISITOR, MINISTER] });
    expect(counterpartConflict(a, b)).toBe(false);
  });

  it('leaves reports without people alone', () => {
    const a = ev({ doc: 'a', date: '2024-05-03', countries: ['NOR', 'PRT'] });
    const b = ev({ doc: 'a', start: 300, date: '2024-05-03', countries: ['NOR', 'PRT'], actors: [VISITOR, MINISTER] });
    expect(counterpartConflict(a, b)).toBe(false);
    expect(mergeEvents([a, b])).toHaveLength(1);
  });
});

describe('merge.anchored-day', () => {
  // "The raid came a day after a drone hit a tanker": the counted day is another act.
  const raid = ev({ doc: 'a', type: 'military', date: '2024-02-06', evidence: 'anchor', countries: ['DNK', 'SWE'] });
  const earlier = ev({ doc: 'a', start: 400, type: 'military', date: '2024-02-05', evidence: 'anchor', precision: 'approximate', countries: ['SWE'] });

  it('keeps a strike counted "a day after" apart from the strike it is counted from', () => {
    expect(anchoredApart(raid, earlier)).toBe(true);
    expect(sameEvent(raid, earlier)).toBe(false);
    const out = mergeEvents([raid, earlier]);
    expect(out.map((e) => e.date).sort()).toEqual(['2024-02-05', '2024-02-06']);
  });

  it('keeps an approximate counted day apart from a firm day of another article within the approximate window', () => {
    const other = ev({ doc: 'b', type: 'military', date: '2024-02-02', evidence: 'explicit', countries: ['DNK', 'NOR', 'SWE'] });
    expect(anchoredApart(earlier, other)).toBe(true);
    expect(mergeEvents([earlier, other])).toHaveLength(2);
  });

  it('still lets a report dated by publication join within the publication window', () => {
    const later = ev({ doc: 'b', type: 'military', date: '2024-02-06', evidence: 'publication', countries: ['SWE'] });
    expect(anchoredApart(earlier, later)).toBe(false);
    expect(mergeEvents([earlier, later])).toHaveLength(1);
  });

  it('still joins two reports counted to the same day', () => {
    const again = ev({ doc: 'b', type: 'military', date: '2024-02-05', evidence: 'explicit', countries: ['SWE'] });
    expect(anchoredApart(earlier, again)).toBe(false);
    expect(mergeEvents([earlier, again])).toHaveLength(1);
  });

  it('still joins copies of one sentence reprinted on another publication day', () => {
    const sentence = 'The raid came two days after a drone hit a Swedish tanker off the coast.';
    const first = ev({ doc: 'a', sentence, published: '2024-02-07', type: 'military', date: '2024-02-05', evidence: 'anchor', countries: ['SWE'] });
    const reprint = ev({ doc: 'c', sentence, published: '2024-02-08', type: 'military', date: '2024-02-06', evidence: 'anchor', countries: ['SWE'] });
    expect(anchoredApart(first, reprint)).toBe(false);
    expect(mergeEvents([first, reprint])).toHaveLength(1);
  });

  it('does nothing when neither day was counted from another act', () => {
    const a = ev({ doc: 'a', type: 'military', date: '2024-02-05', evidence: 'weekday', countries: ['SWE'] });
    const b = ev({ doc: 'a', start: 200, type: 'military', date: '2024-02-06', evidence: 'relative', precision: 'approximate', countries: ['SWE'] });
    expect(anchoredApart(a, b)).toBe(false);
  });
});

describe('merge.quoted-speaker', () => {
  const summons = ev({
    doc: 'a',
    type: 'accusation',
    date: '2024-03-08',
    countries: ['BEL', 'NLD'],
    agents: ['BEL'],
    sentence: 'Belgium summoned the Dutch envoy on Friday over the border incident.',
    trigger: 'summoned',
  });
  const readout = ev({
    doc: 'a',
    start: 300,
    type: 'accusation',
    date: '2024-03-08',
    countries: ['BEL', 'NLD'],
    // the actor stage took the quotation's subject
    agents: ['NLD'],
    sentence: '"The Dutch envoy was called in and our firm protest was handed over," a ministry note said on Friday.',
    trigger: 'said',
  });

  it('reads the acting states from the speaker, unknown when the speaker names no state', () => {
    expect(quotedSpeakerStates(readout)).toEqual([]);
    expect(actingStates(readout)).toEqual([]);
    expect(mergeEvents([summons, readout])).toHaveLength(1);
  });

  it('a speaker that names a state is the actor', () => {
    const reply = ev({
      doc: 'a',
      start: 500,
      type: 'accusation',
      date: '2024-03-08',
      countries: ['BEL', 'NLD'],
      agents: ['BEL'],
      sentence: '"Belgium has no grounds for this protest," the Dutch foreign ministry said.',
      trigger: 'said',
    });
    expect(quotedSpeakerStates(reply)).toEqual(['NLD']);
    // the protest and the rejection of it stay two acts
    expect(mergeEvents([summons, reply])).toHaveLength(2);
  });

  it('leaves a reporting verb without a quotation to the other readings', () => {
    const plain = ev({
      doc: 'a',
      start: 700,
      type: 'accusation',
      date: '2024-03-08',
      countries: ['BEL', 'NLD'],
      agents: ['NLD'],
      sentence: 'The Dutch government rejected the protest as baseless, a spokesman said.',
      trigger: 'said',
    });
    expect(quotedSpeakerStates(plain)).toBeUndefined();
    expect(actingStates(plain)).toEqual(['NLD']);
  });
});
