import { describe, expect, it } from 'vitest';
import { chooseWeekday, chooseYear } from '../../scripts/pipeline/dates/choose-day.ts';
import { DROPPED_PARSERS, KEPT_REFINERS, PARSER_GATES, casualNames, createNewsChrono } from '../../scripts/pipeline/dates/chrono-instance.ts';
import { extractCues, type DateCue } from '../../scripts/pipeline/dates/cues.ts';
import { addDays, dayNumberOf, fromDayNumber, partsOf, toDayNumber, weekdayOnOrBefore } from '../../scripts/pipeline/dates/day-math.ts';
import { GATE_NAMES, gateMask } from '../../scripts/pipeline/dates/gates.ts';
import { monthSpanDay, spanDay, yearPartDay } from '../../scripts/pipeline/dates/spans.ts';

const TUE = '2025-07-15';
const tue = toDayNumber(TUE)!;
const day = (iso: string) => toDayNumber(iso)!;

function kinds(text: string, published = TUE): Array<[DateCue['kind'], string]> {
  return extractCues(text, published).map((c) => [c.kind, c.text.trim().replace(/[,.]$/, '')]);
}

describe('day math', () => {
  it('converts both ways without Date quirks', () => {
    expect(fromDayNumber(tue)).toBe(TUE);
    expect(partsOf(tue)).toEqual({ year: 2025, month: 7, day: 15, weekday: 2 });
    expect(toDayNumber('2024-02-29')).not.toBeNull();
    expect(toDayNumber('2025-02-29')).toBeNull();
    expect(toDayNumber('2025-7-15')).toBeNull();
    expect(dayNumberOf(2025, 13, 1)).toBeNull();
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(fromDayNumber(weekdayOnOrBefore(tue, 0))).toBe('2025-07-13');
  });
});

describe('choosing the day of a weekday or a year-less date', () => {
  it('weekdays: past by default, forward for the future, modifiers', () => {
    expect(fromDayNumber(chooseWeekday(tue, 2, 'none', 'past'))).toBe('2025-07-15');
    expect(fromDayNumber(chooseWeekday(tue, 3, 'none', 'past'))).toBe('2025-07-09');
    expect(fromDayNumber(chooseWeekday(tue, 3, 'none', 'future'))).toBe('2025-07-16');
    expect(fromDayNumber(chooseWeekday(tue, 5, 'last', 'past'))).toBe('2025-07-11');
    expect(fromDayNumber(chooseWeekday(tue, 5, 'next', 'past'))).toBe('2025-07-18');
    expect(fromDayNumber(chooseWeekday(tue, 0, 'this', 'past'))).toBe('2025-07-20');
  });

  it('years: not after publication (a week of grace), forward for the future, deadlines', () => {
    expect(fromDayNumber(chooseYear(tue, 7, 13, 'past')!)).toBe('2025-07-13');
    expect(fromDayNumber(chooseYear(tue, 7, 20, 'past')!)).toBe('2025-07-20');
    expect(fromDayNumber(chooseYear(tue, 8, 1, 'past')!)).toBe('2024-08-01');
    expect(fromDayNumber(chooseYear(tue, 1, 3, 'future')!)).toBe('2026-01-03');
    expect(fromDayNumber(chooseYear(tue, 7, 10, 'deadline')!)).toBe('2025-07-10');
    expect(fromDayNumber(chooseYear(day('2026-01-05'), 12, 28, 'past')!)).toBe('2025-12-28');
    expect(fromDayNumber(chooseYear(tue, 2, 29, 'past')!)).toBe('2024-02-29');
  });
});

describe('spans', () => {
  it('represents a span by its middle day, cut at publication', () => {
    expect(fromDayNumber(spanDay('lastWeek', tue, false).day!)).toBe('2025-07-10');
    expect(fromDayNumber(spanDay('thisMonth', tue, false).day!)).toBe('2025-07-08');
    expect(fromDayNumber(spanDay('lastMonth', day('2025-01-20'), false).day!)).toBe('2024-12-16');
    expect(fromDayNumber(spanDay('weekend', day('2025-07-13'), false).day!)).toBe('2025-07-12');
    expect(spanDay('future', tue, false)).toEqual({ day: null, future: true });
    expect(spanDay('thisWeek', tue, true)).toEqual({ day: null, future: true });
    // "last week" stays in the past even in a future clause.
    expect(spanDay('lastWeek', tue, true).future).toBe(false);
  });

  it('months and years', () => {
    expect(fromDayNumber(monthSpanDay(7, null, 'none', 'whole', tue, false).day!)).toBe('2025-07-08');
    expect(fromDayNumber(monthSpanDay(11, null, 'none', 'late', tue, false).day!)).toBe('2024-11-25');
    expect(fromDayNumber(monthSpanDay(3, null, 'last', 'whole', tue, false).day!)).toBe('2025-03-16');
    expect(monthSpanDay(9, null, 'none', 'whole', tue, true)).toEqual({ day: null, future: true });
    expect(monthSpanDay(9, 2025, 'none', 'whole', tue, false)).toEqual({ day: null, future: true });
    expect(fromDayNumber(yearPartDay(2022, 'late', tue).day!)).toBe('2022-10-31');
  });
});

describe('gates', () => {
  it('finds the kinds of date words in one scan', () => {
    const bit = (name: string) => 1 << GATE_NAMES.indexOf(name);
    expect(gateMask('Xi met Lavrov on Tuesday.')).toBe(bit('weekday'));
    expect(gateMask('Talks in Geneva ended.')).toBe(0);
    expect(gateMask('In 2022 the sides met two days after the summit.')).toBe(bit('digits') | bit('anchor') | bit('period'));
    expect(gateMask('Mondays and mid-July')).toBe(bit('weekday') | bit('month'));
    // Not whole words: no gate.
    expect(gateMask('Dayan Sundays2 Thursdayx 12345')).toBe(0);
  });

  it('every parser of ours has a gate, and every gate name exists', () => {
    const names = createNewsChrono().parsers.map((p) => p.constructor.name);
    for (const n of names) expect(PARSER_GATES[n], n).toBeDefined();
    for (const g of Object.values(PARSER_GATES)) expect(GATE_NAMES).toContain(g);
  });

  it('the chrono classes we drop or keep still exist in chrono-node', () => {
    const { parsers, refiners } = casualNames();
    for (const n of DROPPED_PARSERS) expect(parsers).toContain(n);
    for (const n of KEPT_REFINERS) expect(refiners).toContain(n);
  });
});

describe('extractCues', () => {
  it('reads days, spans, deadlines and anchors', () => {
    expect(kinds('The envoys met on Sunday, two days after the vote, and will meet again within 30 days.')).toEqual([
      ['day', 'on Sunday'],
      ['anchor', 'two days after'],
      ['deadline', 'within 30 days'],
    ]);
    expect(kinds('Earlier this month and last year, talks stalled; a deal is due by July 31.')).toEqual([
      ['span', 'Earlier this month'],
      ['span', 'last year'],
      ['deadline', 'July 31'],
    ]);
  });

  it('ignores what is not a date in news text', () => {
    expect(kinds('The EU may impose sanctions as protesters march in Minsk.')).toEqual([]);
    expect(kinds('The minister sat down with 10 members at 2 p.m.')).toEqual([]);
    expect(kinds('The Sept 11 attacks and the October 7 attack were cited.')).toEqual([]);
    expect(kinds('Sanctions have been in force since June and since 2014.')).toEqual([]);
    expect(kinds('the 1990s and World War II')).toEqual([]);
  });

  it('tags the future context of a cue', () => {
    const [visit, said] = extractCues('Putin will visit India on July 20, the Kremlin said on Monday.', TUE);
    expect(visit).toMatchObject({ kind: 'day', date: '2025-07-20', futureContext: true });
    expect(said).toMatchObject({ kind: 'day', date: '2025-07-14', futureContext: false });
  });

  it('reads ISO dates and explicit years as they are', () => {
    expect(extractCues('The pact signed on 2024-11-02 took effect.', TUE)[0]).toMatchObject({ kind: 'day', date: '2024-11-02' });
    expect(extractCues('The pact was signed on March 3, 2019.', TUE)[0]).toMatchObject({ kind: 'day', date: '2019-03-03' });
  });

  it('reads a range of days written with an en or em dash from its first day (dates.cue.dash-range)', () => {
    const text = 'Talks between the two delegations were held in Muscat from June 2–4, 2024.';
    const [cue] = extractCues(text, TUE);
    expect(cue).toMatchObject({ kind: 'day', date: '2024-06-02', dashRange: true });
    expect(text.slice(cue!.start, cue!.end)).toBe(cue!.text);
    expect(extractCues('Talks were held in Muscat on 2—4 June 2024.', TUE)[0]).toMatchObject({ kind: 'day', date: '2024-06-02' });
    expect(extractCues('Talks were held in Muscat from June 2-4, 2024.', TUE)[0]).not.toHaveProperty('dashRange');
  });

  it('returns nothing for an invalid publication day or empty text', () => {
    expect(extractCues('They met on Sunday.', '2025-13-01')).toEqual([]);
    expect(extractCues('', TUE)).toEqual([]);
  });
});

describe('all-number dates', () => {
  it('reads day-first or month-first from the numbers, else the reading nearest publication', () => {
    expect(extractCues('Updated: 24-03-2022 05:34 IST', TUE)[0]).toMatchObject({ kind: 'day', date: '2022-03-24' });
    expect(extractCues('Posted 07/15/2025', TUE)[0]).toMatchObject({ date: '2025-07-15' });
    expect(extractCues('Posted 03/04/2025', TUE)[0]).toMatchObject({ date: '2025-04-03' });
    expect(extractCues('Posted 12.07.2025', TUE)[0]).toMatchObject({ date: '2025-07-12' });
  });

  it('needs a four-digit year and a real date', () => {
    expect(extractCues('the 9/11 attacks and 24/7 coverage', TUE)).toEqual([]);
    expect(extractCues('code 99/99/2025 and 1-2-3-2024', TUE)).toEqual([]);
  });
});

describe('weekday of last/next week', () => {
  it('"Monday last week" is the Monday of the week before, "Friday next week" of the week after', () => {
    expect(extractCues('They met on Monday last week.', TUE)[0]).toMatchObject({ kind: 'day', date: '2025-07-07' });
    expect(extractCues('They will meet on Friday next week.', TUE)[0]).toMatchObject({ kind: 'day', date: '2025-07-25' });
    expect(fromDayNumber(chooseWeekday(tue, 1, 'lastWeek', 'past'))).toBe('2025-07-07');
  });
});

describe('more periods and anchors', () => {
  it('month parts, past weekends, the day before yesterday', () => {
    const first = (t: string) => extractCues(t, TUE)[0];
    expect(first('late last month')).toMatchObject({ kind: 'span', date: '2025-06-25', range: { from: '2025-06-21', to: '2025-06-30' } });
    expect(first('early this month')).toMatchObject({ kind: 'span', range: { from: '2025-07-01', to: '2025-07-10' } });
    expect(first('this past weekend')).toMatchObject({ kind: 'span', date: '2025-07-12' });
    expect(first('the day before yesterday')).toMatchObject({ kind: 'day', date: '2025-07-13', evidence: 'relative' });
  });

  it('"on the eve of", "the following week" are anchors, not dates', () => {
    expect(first2('on the eve of the summit')).toMatchObject({ kind: 'anchor', relation: 'before', unit: 'day', count: 1, implicit: false });
    expect(first2('The following week, they met.')).toMatchObject({ kind: 'anchor', relation: 'after', unit: 'week', implicit: true });
  });
});

function first2(t: string) {
  return extractCues(t, TUE)[0];
}

describe('a relative day restated by an explicit date (dates.cue.appositive-day)', () => {
  it('reads the pair as one explicit cue when the two disagree', () => {
    expect(kinds('The deal was signed today, the 14th July 2025, in Accra.')).toEqual([['day', 'today, the 14th July 2025']]);
    const [cue] = extractCues('The deal was signed today (July 14) in Accra.', TUE);
    expect(cue).toMatchObject({ kind: 'day', date: '2025-07-14', evidence: 'explicit', restates: 'today' });
  });

  it('keeps both cues when they agree or stand apart', () => {
    const agree = extractCues('The envoys met on Monday, July 14, in Geneva.', TUE);
    expect(agree.every((c) => c.kind === 'day' && c.date === '2025-07-14' && c.restates === undefined)).toBe(true);
    const apart = extractCues('The deal was signed today in Accra, where talks had opened on July 8.', TUE);
    expect(apart.map((c) => (c.kind === 'day' ? c.date : c.kind))).toEqual([TUE, '2025-07-08']);
  });
});
