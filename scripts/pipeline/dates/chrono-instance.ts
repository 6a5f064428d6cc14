/**
 * Our chrono: chrono.casual without the parsers whose readings news text contradicts (our own
 * parsers read those phrases instead), plus our parsers and refiners:
 *   NewsFilterRefiner first (before chrono's overlap removal), ContextRefiner and
 *   PastPreferringRefiner last. forwardDate stays off.
 */
import * as chrono from 'chrono-node';
import { AnchorParser } from './parsers/anchor-parser.ts';
import { DeadlineDurationParser } from './parsers/deadline-duration-parser.ts';
import { MonthSpanParser } from './parsers/month-span-parser.ts';
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
 *   verb; "in June" is ours), the slash formats ("9/11", "24/7", day/month order unknown).
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
]);

/** chrono refiners we drop: the forward-date refiner (news prefers the past; ours decides). */
export const DROPPED_REFINERS = new Set(['ForwardDateRefiner']);

export function createNewsChrono(): chrono.Chrono {
  const custom = chrono.en.casual.clone();
  custom.parsers = custom.parsers.filter((p) => !DROPPED_PARSERS.has(p.constructor.name));
  custom.refiners = custom.refiners.filter((r) => !DROPPED_REFINERS.has(r.constructor.name));
  custom.parsers.push(new SpanParser(), new MonthSpanParser(), new YearSpanParser(), new DeadlineDurationParser(), new AnchorParser());
  custom.refiners.unshift(new NewsFilterRefiner());
  custom.refiners.push(new ContextRefiner(), new PastPreferringRefiner());
  return custom;
}

/** Names of the parsers chrono.casual has, to check in tests that the drop list still matches. */
export function casualParserNames(): string[] {
  return chrono.en.casual.parsers.map((p) => p.constructor.name);
}
