/**
 * The trip of a meeting told elsewhere than the meeting's clause (rule id
 * events.structure.tripOfMeeting, data in event-rules.json `context.tripOfMeeting`).
 *
 * A report of talks held abroad often names the guest's trip only in passing: in a relative
 * clause ("the minister, who is on a day-long visit to the island, also held talks with ..."), in
 * a copula of its own sentence ("It is the president's first official visit to the country"), in
 * a remark ("the ongoing state visit will be a milestone") or an adjunct ("during this visit").
 * None of these is the news of its clause, so the events stage finds no visit; the article still
 * tells one, on the day of the meeting it is part of. This pass reads the document once its events
 * are assembled: when the document kept held meetings of exactly one pair of states and no visit of
 * either state, and a body sentence names a current trip with no planning word before it and no
 * state outside the pair next to it, the pair's visit is added on the meeting's day, sourced to
 * the sentence that names the trip.
 */
import countries from 'world-countries';
import rules from '../../data/event-rules.json' with { type: 'json' };
import { emittedCode } from '../actors/codes.ts';
import type { ExtractedEvent, SegmentedDocument } from '../types.ts';
import { firstMention } from './country-mentions.ts';
import { quotedRanges } from './quotes.ts';

const DATA = rules.context.tripOfMeeting;
export const TRIP_OF_MEETING_RULE = DATA.id;
const PHRASES = DATA.phrases.map((p) => new RegExp(p, 'iu'));
const PLANNED = new RegExp(DATA.planned, 'iu');
const WINDOW_AFTER = DATA.windowAfter;

let codes: string[] | undefined;
/** Every state code the pipeline emits (world-countries, as emitted). */
function allCodes(): string[] {
  codes ??= [...new Set(countries.map((c) => emittedCode(c.cca3)))];
  return codes;
}

/** The states named in `text` (whole-word names, demonyms, capitals). */
function statesIn(text: string): string[] {
  return allCodes().filter((c) => firstMention(text, c) !== Infinity);
}

export interface TripEvidence {
  /** Index of the body sentence in `seg.sentences`. */
  sentence: number;
  /** Offsets of the trip phrase inside the sentence. */
  start: number;
  end: number;
  /** States named in the phrase and the words after it (its destination). */
  named: string[];
}

/**
 * The first trip phrase of one sentence's text that speaks of a current trip: not inside a
 * quotation, no planning word before it in the sentence. Undefined when there is none.
 */
export function tripPhrase(text: string): { start: number; end: number; named: string[] } | undefined {
  const quotes = quotedRanges(text, false);
  for (const re of PHRASES) {
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (quotes.some((q) => start >= q.start && start < q.end)) continue;
    if (PLANNED.test(text.slice(0, start))) continue;
    const stop = text.slice(end, end + WINDOW_AFTER).search(/[.;!?](?:\s|$)/u);
    const window = text.slice(start, stop >= 0 ? end + stop : end + WINDOW_AFTER);
    return { start, end, named: statesIn(window) };
  }
  return undefined;
}

/**
 * The visit the document tells in passing, or undefined. `events` are the document's kept
 * events (after assembly); the visit returned is a new report, to be added to them.
 */
export function tripOfMeeting(
  seg: SegmentedDocument,
  events: readonly ExtractedEvent[],
  title: (ev: Omit<ExtractedEvent, 'title'>) => string,
  tracing: boolean,
): ExtractedEvent | undefined {
  const meetings = events.filter((e) => e.type === 'meeting' && new Set(e.countries).size === 2);
  if (meetings.length === 0) return undefined;
  const pair = [...new Set(meetings[0]!.countries)].sort();
  if (meetings.some((m) => [...new Set(m.countries)].sort().join() !== pair.join())) return undefined;
  if (events.some((e) => e.type === 'visit' && e.countries.some((c) => pair.includes(c)))) return undefined;
  let evidence: TripEvidence | undefined;
  for (const s of seg.sentences) {
    if (s.kind !== 'body' || !s.text) continue;
    const found = tripPhrase(s.text);
    if (!found) continue;
    if (found.named.some((c) => !pair.includes(c))) return undefined;
    evidence = { sentence: s.index, ...found };
    break;
  }
  if (!evidence) return undefined;
  const sentence = seg.sentences[evidence.sentence]!;
  // The meeting the trip is part of: the first held one (the lead's, as a rule).
  const meeting = meetings[0]!;
  // The host: the state of the meeting's place, else the one the trip phrase names; the guest is the other.
  const host = pair.find((c) => meeting.location !== undefined && firstMention(meeting.location, c) !== Infinity) ?? (evidence.named.length === 1 ? evidence.named[0] : undefined);
  const guest = host ? pair.find((c) => c !== host) : meeting.agents?.find((c) => pair.includes(c));
  const base: Omit<ExtractedEvent, 'title'> = {
    type: 'visit',
    date: meeting.date,
    datePrecision: meeting.datePrecision,
    dateEvidence: meeting.dateEvidence,
    countries: pair,
    organizations: [],
    actors: guest ? meeting.actors.filter((a) => a.country === guest) : [],
    ...(guest ? { agents: [guest] } : {}),
    ...(meeting.location ? { location: meeting.location } : {}),
    confidence: meeting.confidence * 0.8,
    ...(tracing
      ? {
          trace: [
            {
              stage: 'events',
              rule: TRIP_OF_MEETING_RULE,
              action: `visit of the meeting "${meeting.title}" (${meeting.date})`,
              detail: `trip named in passing: "${sentence.text.slice(evidence.start, evidence.end)}"`,
            },
          ],
        }
      : {}),
    source: {
      document: seg.doc.id,
      published: seg.doc.published,
      sentence: sentence.text,
      start: sentence.start,
      end: sentence.end,
      trigger: { start: evidence.start, end: evidence.end },
    },
  };
  return Object.assign(base, { title: title(base) });
}
