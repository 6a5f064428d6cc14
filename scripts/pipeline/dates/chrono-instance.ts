/**
 * Our chrono: chrono.casual without the parsers whose readings news text contradicts (our own
 * parsers read those phrases instead), without the time-of-day machinery (a time never changes
 * the day) and with only the refiners we need, plus our parsers and refiners:
 *   NewsFilterRefiner first (before chrono's overlap removal), ContextRefiner and
 *   PastPreferringRefiner last. forwardDate stays off.
 */
import * as chrono from 'chrono-node';
import { GatedChrono } from './gates.ts';
import { AnchorParser } from './parsers/anchor-parser.ts';
import { DayBeforeYesterdayParser } from './parsers/day-before-yesterday-parser.ts';
import { DeadlineDurationParser } from './parsers/deadline-duration-parser.ts';
import { HolidayParser } from './parsers/holiday-parser.ts';
import { MonthSpanParser } from './parsers/month-span-parser.ts';
import { NumericDateParser } from './parsers/numeric-date-parser.ts';
import { OrdinalDayParser } from './parsers/ordinal-day-parser.ts';
import { SpanParser } from './parsers/span-parser.ts';
import { YearSpanParser } from './parsers/year-span-parser.ts';
import { ContextRefiner } from './refiners/context-refiner.ts';
import { NewsFilterRefiner } from './refiners/news-filter-refiner.ts';
import { PastPreferringRefiner } from './refiners/past-preferring-refiner.ts';

/**
 * chrono parsers we drop, by class name:
 *   ENRelativeDateFormatParser ("last week" as an exact day), ENTimeUnitCasualRelativeFormatParser,
 *   ENTimeUnitWithinFormatParser ("within 50 days" as a day), ENTimeUnitLaterFormatParser
 *   ("two days after" from publication), ENEndOfCurrentMonthParser, ENMonthNameParser ("March" the
 *   verb; "in June" is ours), the slash formats ("9/11", "24/7", day/month order unknown), and the
 *   time parsers (ENTimeExpressionParser "2 p.m.", ENCasualTimeParser "morning").
 */
export const DROPPED_PARSERS = new Set([
  'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENEndOfCurrentMonthParser',
  'ENMonthNameParser',
  'SlashDateFormatParser',
  'ENSlashMonthFormatParser',
  'ENTimeExpressionParser',
  'ENCasualTimeParser',
]);

/**
 * chrono refiners we keep, in chrono's order: overlap removal (once), weekday + date merging
 * ("Tuesday, July 15"), the year-suffix reader and range merging ("from Monday to Wednesday":
 * the start day counts). The others handle times, time zones, forward dates, "end of" periods
 * and chrono's own unlikely-format filters, which our parsers, NewsFilterRefiner and toCue's date
 * check replace (and each costs time on every sentence).
 */
export const KEPT_REFINERS = ['OverlapRemovalRefiner', 'MergeWeekdayComponentRefiner', 'ENExtractYearSuffixRefiner', 'ENMergeDateRangeRefiner'];

/** The gate (date-cues.json "gates") each parser needs, by class name. */
export const PARSER_GATES: Readonly<Record<string, string>> = {
  ENWeekdayParser: 'weekday',
  ENMonthNameLittleEndianParser: 'month',
  ENMonthNameMiddleEndianParser: 'month',
  ENYearMonthNameParser: 'month',
  MonthSpanParser: 'month',
  ENYearMonthDayParser: 'digits',
  ISOFormatParser: 'digits',
  YearSpanParser: 'digits',
  NumericDateParser: 'digits',
  ENCasualDateParser: 'casual',
  DayBeforeYesterdayParser: 'casual',
  ENTimeUnitAgoFormatParser: 'ago',
  SpanParser: 'period',
  DeadlineDurationParser: 'deadline',
  AnchorParser: 'anchor',
  OrdinalDayParser: 'ordinal',
  HolidayParser: 'holiday',
};

/** Our chrono behind the gate-word scan (gates.ts): what cues.ts calls. */
export function createGatedNewsChrono(): GatedChrono {
  return new GatedChrono(createNewsChrono(), (name) => PARSER_GATES[name]);
}

export function createNewsChrono(): chrono.Chrono {
  const custom = chrono.en.casual.clone();
  const parsers = custom.parsers.filter((p) => !DROPPED_PARSERS.has(p.constructor.name));
  parsers.push(new SpanParser(), new MonthSpanParser(), new YearSpanParser(), new DeadlineDurationParser(), new AnchorParser(), new NumericDateParser(), new DayBeforeYesterdayParser(), new OrdinalDayParser(), new HolidayParser());
  custom.parsers = parsers;
  const kept = new Set<string>();
  custom.refiners = custom.refiners.filter((r) => {
    const name = r.constructor.name;
    if (!KEPT_REFINERS.includes(name) || kept.has(name)) return false;
    kept.add(name);
    return true;
  });
  custom.refiners.unshift(new NewsFilterRefiner());
  custom.refiners.push(new ContextRefiner(), new PastPreferringRefiner());
  return custom;
}

/** Names of chrono.casual's parsers and refiners, to check in tests that the lists above still match. */
export function casualNames(): { parsers: string[]; refiners: string[] } {
  return {
    parsers: chrono.en.casual.parsers.map((p) => p.constructor.name),
    refiners: chrono.en.casual.refiners.map((r) => r.constructor.name),
  };
}

