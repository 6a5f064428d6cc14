/**
 * The whole pure pipeline over a corpus already read from disk:
 * parse -> segment -> extract -> merge -> curate -> validate.
 * One bad document never stops the run: it is skipped or reported with a warning.
 */
import { EventSchema, type DocumentEntry, type EventsFile, type TimelineEvent } from '../../src/lib/schema.ts';
import { createActorResolver, type ActorResolver } from './actors.ts';
import { applyCuration, parseCuration } from './curate.ts';
import { extractDocument } from './extract-document.ts';
import { mergeEvents } from './merge.ts';
import { futurePublicationWarnings, parseDocument } from './parse-document.ts';
import { buildReport, type BuildReport } from './report.ts';
import { segment } from './segment.ts';
import type { ExtractedEvent, RawDocument } from './types.ts';

export interface PipelineOptions {
  /** A curation file's text and path (for messages). */
  curation?: { path: string; text: string };
  /** Warnings from reading the corpus (unreadable folders, symlink loops). */
  corpusWarnings?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Keep every decision on the events (`trace`), for `--explain`; off, the output is unchanged. */
  trace?: boolean;
}

export interface PipelineResult {
  file: EventsFile;
  report: BuildReport;
}

let sharedResolver: ActorResolver | undefined;
/** The gazetteers are compiled once per process. */
function resolver(): ActorResolver {
  sharedResolver ??= createActorResolver();
  return sharedResolver;
}

export function runPipeline(raws: RawDocument[], opts: PipelineOptions = {}): PipelineResult {
  const actors = resolver();
  const documents: DocumentEntry[] = [];
  const extracted: ExtractedEvent[] = [];
  const perDocument: Record<string, number> = {};
  const warnings: { document?: string; message: string }[] = (opts.corpusWarnings ?? []).map((message) => ({ message }));

  const ids = new Map<string, string>();
  raws.forEach((raw, i) => {
    const clash = ids.get(raw.id);
    if (clash !== undefined) {
      warnings.push({ document: raw.id, message: `same id as ${clash}; events from both are kept, sources name the id` });
    } else ids.set(raw.id, raw.path);

    const parsed = parseDocument(raw);
    if (!parsed.ok) {
      const s = parsed.skipped;
      documents.push({ id: s.id, title: s.title, published: s.published, path: s.path, status: 'skipped', reason: s.reason });
      for (const message of s.warnings) warnings.push({ document: s.id, message });
    } else {
      const { doc } = parsed;
      documents.push({ id: doc.id, title: doc.title, published: doc.published, path: doc.path, status: 'ok' });
      for (const message of doc.warnings) warnings.push({ document: doc.id, message });
      try {
        const { events } = extractDocument(segment(doc), actors, { trace: opts.trace === true });
        extracted.push(...events);
        perDocument[doc.id] = (perDocument[doc.id] ?? 0) + events.length;
      } catch (err) {
        // A bug in a stage must not sink the corpus: the document stays listed, with the reason.
        warnings.push({ document: doc.id, message: `extraction failed: ${(err as Error).message}` });
        perDocument[doc.id] = perDocument[doc.id] ?? 0;
      }
    }
    opts.onProgress?.(i + 1, raws.length);
  });

  // A publication day far after every other document's is most likely a typo in the header.
  warnings.push(...futurePublicationWarnings(documents.filter((d) => d.status === 'ok')));

  let events: TimelineEvent[] = mergeEvents(extracted);
  const curationWarnings: string[] = [];
  let curationSummary: ReturnType<typeof applyCuration>['summary'] | undefined;
  if (opts.curation) {
    const { curation, errors } = parseCuration(opts.curation.text, opts.curation.path);
    curationWarnings.push(...errors);
    const applied = applyCuration(events, curation);
    events = applied.events;
    curationWarnings.push(...applied.warnings);
    curationSummary = applied.summary;
  }

  // Validate every event against the shared schema; an invalid one is reported, not written.
  const valid: TimelineEvent[] = [];
  for (const ev of events) {
    const checked = EventSchema.safeParse(ev);
    if (checked.success) valid.push(checked.data);
    else warnings.push({ message: `event ${ev.id} failed validation and was left out: ${checked.error.issues[0]?.message ?? 'invalid'}` });
  }

  const file: EventsFile = { schemaVersion: 1, documents, events: valid };
  const report = buildReport({ documents, eventsPerDocument: perDocument, warnings, mergedEvents: valid.length,
    curationWarnings,
    ...(curationSummary ? { curation: curationSummary } : {}),
  });
  return { file, report };
}
