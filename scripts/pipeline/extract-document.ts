/**
 * Assembles one document's events from the pure stages: find candidates in each body
 * sentence, resolve their actors and dates, and keep only what the text asserts happened
 * on a knowable day. Pure: same document in, same events out.
 */
import type { ActorResolver } from './actors.ts';
import { resolveDate } from './dates.ts';
import { findEvents } from './find-events.ts';
import { makeTitle } from './title.ts';
import type { DateContext, ExtractedEvent, Modality, SegmentedDocument } from './types.ts';

/** Modalities that describe something that happened. Planned, negated, habitual and background events are dropped. */
const HAPPENED: ReadonlySet<Modality> = new Set<Modality>(['asserted', 'reported']);

export interface DocumentExtraction {
  events: ExtractedEvent[];
  /** Candidates dropped, by reason; for the build report and the eval's diagnostics. */
  dropped: Record<string, number>;
}

export function extractDocument(seg: SegmentedDocument, actors: ActorResolver): DocumentExtraction {
  const { doc } = seg;
  const docActors = actors.forDocument(seg);
  const previous: NonNullable<DateContext['previous']> = [];
  const events: ExtractedEvent[] = [];
  const dropped: Record<string, number> = {};
  const drop = (why: string) => {
    dropped[why] = (dropped[why] ?? 0) + 1;
  };

  for (const sentence of seg.sentences) {
    if (sentence.kind !== 'body') continue;
    for (const candidate of findEvents(sentence, seg)) {
      const who = docActors.resolve(sentence, candidate);
      if (!HAPPENED.has(candidate.modality)) {
        drop(candidate.modality);
        continue;
      }
      const when = resolveDate(sentence, candidate, { published: doc.published, dateline: seg.dateline, previous });
      if (when.date === null) {
        drop('no knowable day');
        continue;
      }
      if (when.future || when.date > doc.published) {
        drop('after publication');
        continue;
      }
      if (who.countries.length === 0 && who.organizations.length === 0) {
        drop('no state or organisation');
        continue;
      }
      const base: Omit<ExtractedEvent, 'title'> = {
        type: candidate.type,
        date: when.date,
        datePrecision: when.precision,
        dateEvidence: when.evidence,
        ...(when.deadline ? { deadline: when.deadline } : {}),
        countries: [...new Set(who.countries)].sort(),
        organizations: [...new Set(who.organizations)].sort(),
        actors: who.actors,
        ...(who.location ? { location: who.location } : {}),
        confidence: candidate.confidence,
        source: {
          document: doc.id,
          published: doc.published,
          sentence: sentence.text,
          start: sentence.start,
          end: sentence.end,
          trigger: { start: candidate.trigger.start - sentence.start, end: candidate.trigger.end - sentence.start },
        },
      };
      events.push({ ...base, title: makeTitle(base, (iso3) => actors.countryName(iso3)) });
      previous.push({ type: candidate.type, date: when.date, trigger: candidate.trigger.text });
    }
  }
  return { events, dropped };
}
