/**
 * The one schema of the event JSON (see CONTRACT.md). The build script validates
 * what it writes with it; the pages parse what they read with it.
 * Fields may be added; the contract's fields are never renamed or dropped.
 */
import { z } from 'zod';
import { isIsoDay } from './days.ts';
import { EVENT_TYPES, type EventType } from './event-types.ts';

export { EVENT_TYPES, type EventType };

export const IsoDay = z.string().refine(isIsoDay, { message: 'expected a real calendar day as YYYY-MM-DD' });
export const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');

export const ActorSchema = z.object({
  name: z.string().min(1),
  country: Iso3.optional(),
  role: z.string().optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const SourceSchema = z.object({
  document: z.string().min(1),
  sentence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Trigger words inside `sentence`, as offsets relative to the sentence (for highlighting). */
  trigger: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
  /** The publication day of the source document. */
  published: IsoDay.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const EventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(EVENT_TYPES),
  date: IsoDay,
  datePrecision: z.enum(['day', 'approximate']),
  countries: z.array(Iso3),
  organizations: z.array(z.string()),
  actors: z.array(ActorSchema),
  title: z.string().min(1),
  sources: z.array(SourceSchema).min(1),
  /** Where the event took place, when the text says so (a city or country name). */
  location: z.string().optional(),
  /** A deadline set by a threat ("within 50 days"), as a day. */
  deadline: IsoDay.optional(),
  /** How the date was found: explicit, relative, weekday, dateline, publication, anchor, curated. */
  dateEvidence: z.string().optional(),
  /** True when a curation file added or edited this event. */
  curated: z.boolean().optional(),
  /**
   * With `extract --explain` only: every decision behind the event, in pipeline order, each with the
   * rule id that made it (see scripts/pipeline/trace.ts). Never emitted by a normal build.
   */
  trace: z
    .array(z.object({ stage: z.string(), rule: z.string(), action: z.string(), detail: z.string().optional() }))
    .optional(),
});
export type TimelineEvent = z.infer<typeof EventSchema>;

export const DocumentSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  published: z.string(),
  path: z.string(),
  status: z.enum(['ok', 'skipped']),
  reason: z.string().optional(),
  /** The original article's address (front matter `url:`, or a plain-text second line ` url <address>`). */
  url: z.string().optional(),
  /** The outlet that published the article (front matter `source:`). */
  source: z.string().optional(),
  /** The article's author (front matter `author:`). */
  author: z.string().optional(),
});
export type DocumentEntry = z.infer<typeof DocumentSchema>;

export const EventsFileSchema = z.object({
  schemaVersion: z.literal(1),
  documents: z.array(DocumentSchema),
  events: z.array(EventSchema),
  /**
   * Ids that were published by an earlier build and no longer name an event, mapped to the id of
   * the event that now carries them (merged, re-dated or renamed). Kept from the id registry
   * beside `seeds/`, so that shared links keep resolving. Sorted by key.
   */
  aliases: z.record(z.string(), z.string()).optional(),
});
export type EventsFile = z.infer<typeof EventsFileSchema>;
