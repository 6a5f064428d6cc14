/**
 * Datelines: "BEIJING, July 13 (Xinhua) --", "MOSCOW (Reuters) -", "KYIV, Ukraine (AP) —" at
 * the start of the first body paragraph, or a place standing alone on its own line ("BEIJING").
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import boilerplate from '../../data/boilerplate.json' with { type: 'json' };
import countries from 'world-countries';
import aliasData from '../../data/country-aliases.json' with { type: 'json' };
import { compilePattern } from './patterns.ts';

export interface DatelineMatch {
  place?: string;
  agency?: string;
  /** The day as written ("July 13"), not yet resolved. */
  dayText?: string;
  /** Length of the dateline including its dash and the following spaces. */
  length: number;
  /** Length of the dateline proper (up to the end of the dash). */
  textLength: number;
}

const LEADING = compilePattern(rules.segmentation.dateline.pattern);
const STANDALONE = compilePattern(rules.segmentation.dateline.standalone);
const TITLE_CASE = compilePattern(rules.segmentation.dateline.titleCase);
/** "Amman, July 16 Several states ...": a known city and its day, no dash. */
const TITLE_CASE_DAY = compilePattern(rules.segmentation.dateline.titleCaseDay);
/** Places a title-case dateline may name: capitals and a few other dateline cities. */
const KNOWN_PLACES = new Set<string>([
  ...countries.flatMap((c) => c.capital ?? []),
  ...Object.values(aliasData.capitals as Record<string, string[]>).flat(),
  ...rules.segmentation.dateline.extraPlaces,
]);
const NOT_PLACES = new Set(boilerplate.notDatelinePlaces);
/** At most this many leading paragraphs are searched for a dateline. */
export const DATELINE_MAX_PARAGRAPH: number = rules.segmentation.dateline.maxParagraph;

function cleanPlace(place: string | undefined): string | undefined {
  const p = place?.trim().replace(/\s+/g, ' ');
  return p && !NOT_PLACES.has(p.toUpperCase()) ? p : undefined;
}

/** "Thimphu: ...", "New Delhi, July 3 (PTI) —": a title-case place that is a known dateline city. */
function matchTitleCase(text: string): DatelineMatch | null {
  const m = TITLE_CASE.exec(text) ?? TITLE_CASE_DAY.exec(text);
  const place = m?.groups?.place;
  if (!m || !place || !KNOWN_PLACES.has(place)) return null;
  return { place, agency: m.groups?.agency?.trim(), dayText: m.groups?.date, length: m[0].length, textLength: m[0].trimEnd().length };
}

/** A dateline at the start of `text` (a paragraph), or null. */
export function matchLeadingDateline(text: string): DatelineMatch | null {
  const m = LEADING.exec(text);
  if (!m?.groups) return matchTitleCase(text);
  const g = m.groups;
  const agency = (g.agency ?? g.agency2 ?? g.agency3)?.trim();
  const place = cleanPlace(g.place);
  if (g.place && !place) return null;
  if (!place && !agency) return null;
  // Capitals opening a sentence ("NATO - the alliance met") count only with a date, an
  // agency, or a capitalised sentence after the dash.
  if (!agency && !g.date && !/^["“‘'(\[]?[\p{Lu}\p{N}]/u.test(text.slice(m[0].length))) return null;
  const textLength = m[0].trimEnd().length;
  return { place, agency, dayText: g.date, length: m[0].length, textLength };
}

/** Whether a whole short line is a dateline on its own ("BEIJING", "GENEVA, Switzerland"). */
export function matchStandaloneDateline(text: string): DatelineMatch | null {
  if (text.length > 60) return null;
  const m = STANDALONE.exec(text);
  if (!m?.groups) return null;
  const place = cleanPlace(m.groups.place);
  if (!place) return null;
  return { place, agency: (m.groups.agency ?? m.groups.agency2)?.trim(), dayText: m.groups.date, length: text.length, textLength: text.length };
}
