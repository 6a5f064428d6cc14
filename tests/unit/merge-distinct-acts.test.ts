/**
 * merge.distinct-acts (events/act-kinds.ts): two reports of one type whose triggers name different
 * kinds of act (a recall of one's own envoy, an expulsion of the other side's diplomats) are two
 * events, however alike their day, states and people. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { actKind, differentActs, mergeByKind } from '../../scripts/pipeline/events/act-kinds.ts';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { reportBuilder } from './merge-helpers.ts';

const sanction = reportBuilder({ evidence: 'weekday', sentence: () => '' });

/** A sanction report of document `doc` whose trigger is `trigger`, inside `sentence` (tests/unit/merge-helpers.ts). */
function report(doc: string, start: number, sentence: string, trigger: string): ExtractedEvent {
  return sanction({
    doc,
    start,
    sentence,
    trigger,
    type: 'sanction',
    date: '2025-07-14',
    published: '2025-07-15',
    countries: ['CHL', 'PER'],
    agents: ['PER'],
    title: 'Peru sanctions Chile',
  });
}

describe('act kinds of a sanction', () => {
  it.each([
    ['recalled its ambassador', 'recall'],
    ['withdrawal of its envoy', 'recall'],
    ['recalling the high commissioner', 'recall'],
    ['expelled three Chilean diplomats', 'expel'],
    ['declared the consul persona non grata', 'expel'],
    ['ordered the attaché to leave', 'expel'],
    ['withdrew from the fisheries treaty', undefined],
    ['imposed sanctions', undefined],
  ])('%s -> %s', (trigger, kind) => {
    expect(actKind('sanction', trigger)).toBe(kind);
  });

  it('reads military kinds for the events stage only, not for the merge', () => {
    expect(actKind('military', 'launched joint naval drills')).toBe('exercise');
    expect(actKind('military', 'launch of a cruise missile')).toBe('fire');
    expect(actKind('military', 'struck targets')).toBe('fire');
    expect(mergeByKind('military')).toBe(false);
    expect(mergeByKind('sanction')).toBe(true);
  });

  it('lists no kinds for other types', () => {
    expect(actKind('meeting', 'recalled its ambassador')).toBeUndefined();
    expect(differentActs('sanction', 'recalled its ambassador', 'imposed sanctions')).toBe(false);
    expect(differentActs('sanction', 'recalled its ambassador', 'expelled two diplomats')).toBe(true);
  });
});

describe('merge: a recall and an expulsion by one state on one day stay two events', () => {
  const expel1 = report('lima', 0, 'Peru on Monday expelled three Chilean diplomats over a spying row.', 'expelled three Chilean diplomats');
  const expel2 = report('lima', 80, 'The three diplomats were declared persona non grata and given two days to go.', 'declared persona non grata');
  const recall = report('lima', 200, 'Lima has also recalled its ambassador from Santiago.', 'recalled its ambassador');

  it('keeps the recall apart from the expulsion told twice', () => {
    const out = mergeEvents([expel1, expel2, recall]);
    expect(out).toHaveLength(2);
    expect(out.map((e) => e.sources.length).sort()).toEqual([1, 2]);
  });

  it('still joins a report of no listed kind to one of them', () => {
    const cut = report('lima', 300, 'The move came as Peru broke off relations with Chile.', 'broke off relations');
    expect(mergeEvents([expel1, recall, cut])).toHaveLength(2);
  });

  it('joins two outlets telling the same recall', () => {
    const other = report('wire', 0, 'Peru recalled its envoy to Chile on Monday.', 'recalled its envoy');
    expect(mergeEvents([recall, other])).toHaveLength(1);
  });
});
