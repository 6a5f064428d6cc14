/**
 * The whole pure pipeline over a corpus already read from disk:
 * per document (document-report.ts): parse -> segment -> extract;
 * then once over all of them (finishPipeline): merge -> published ids -> curate -> validate.
 * One bad document never stops the run: it is skipped or reported with a warning.
 * `runPipeline` is the in-memory form; scripts/pipeline/corpus.ts streams documents from disk
 * through worker threads and a cache and hands the reports to `finishPipeline`.
 */
import { validateEvents } from './validate.ts';
import { type DocumentEntry, type EventsFile, type TimelineEvent } from '../../src/lib/schema.ts';
import { createActorResolver, type ActorResolver } from './actors.ts';
import { applyCuration, parseCuration, type Curation } from './curate.ts';
import { reportDocument, type DocReport } from './document-report.ts';
import { applyRegistry, updateRegistry, type Registry } from './id-registry.ts';
import { mergeEvents, type MergeCache, type MergeOptions } from './merge.ts';
import { oneSided } from './merge/one-sided.ts';
import { futurePublicationWarnings } from './parse-document.ts';
import { buildReport, type BuildReport } from './report.ts';
import type { ExtractedEvent, RawDocument } from './types.ts';

export interface PipelineOptions {
  /** A curation file's text and path (for messages). */
  curation?: { path: string; text: string };
  /** Warnings from reading the corpus (unreadable folders, symlink loops). */
  corpusWarnings?: string[];
  onProgress?: (done: number, total: number) => void;
  /**
   * The id registry of earlier builds (id-registry.ts). When given, events keep their published
   * ids, events.json gets `aliases`, and the result carries the updated registry.
   */
  registry?: Registry;
  /** Keep every decision on the events (`trace`), for `--explain`; off, the output is unchanged. */
  trace?: boolean;
  /**
   * finishPipeline may empty each report's `events` once it has taken them, so that the reports
   * found in documents can be garbage once merged (the CLI's memory peak on large corpora).
   */
  consumeReports?: boolean;
  /**
   * Each report's document cache key (aligned with the reports; null for none) and a cache of the
   * merge's blocks (corpus/merge-cache.ts): blocks whose reports did not change keep their clusters.
   */
  reportKeys?: readonly (string | null)[];
  mergeCache?: MergeCache;
  /** Filled with the merge's block counts when given. */
  mergeStats?: NonNullable<MergeOptions['stats']>;
}

export interface PipelineResult {
  file: EventsFile;
  report: BuildReport;
  /** The registry after this build (only when `registry` was given). */
  registry?: Registry;
}

/** Events validated at a time (see finishPipeline). */
const VALIDATE_SLICE = 4096;

let sharedResolver: ActorResolver | undefined;
/** The gazetteers are compiled once per process (per worker thread). */
export function resolver(): ActorResolver {
  sharedResolver ??= createActorResolver();
  return sharedResolver;
}

export function runPipeline(raws: RawDocument[], opts: PipelineOptions = {}): PipelineResult {
  const actors = resolver();
  const reports = raws.map((raw, i) => {
    const r = reportDocument(raw, actors, { trace: opts.trace === true });
    opts.onProgress?.(i + 1, raws.length);
    return r;
  });
  return finishPipeline(reports, opts);
}

/** Curation ids written against an older build follow the registry's aliases to the current ids. */
function followAliases(curation: Curation, aliases: Record<string, string>, current: ReadonlySet<string>): Curation {
  const to = (id: string) => (current.has(id) ? id : (aliases[id] ?? id));
  return {
    ...curation,
    fix: curation.fix.map((f) => ({ ...f, id: to(f.id) })),
    suppress: curation.suppress.map((s) => ({ ...s, id: to(s.id) })),
    merge: curation.merge.map((m) => ({ ...m, ids: m.ids.map(to) })),
  };
}

/** The corpus-wide half: per-document reports (in sorted path order) -> events.json and the build report. */
export function finishPipeline(reports: Iterable<DocReport>, opts: PipelineOptions = {}): PipelineResult {
  const documents: DocumentEntry[] = [];
  const extracted: ExtractedEvent[] = [];
  // Maps, not objects: a document may be named `constructor` or `__proto__`.
  const perDocument = new Map<string, number>();
  const documentChars = new Map<string, number>();
  const warnings: { document?: string; message: string }[] = (opts.corpusWarnings ?? []).map((message) => ({ message }));

  const ids = new Map<string, string>();
  const eventKeys: (string | null)[] | undefined = opts.reportKeys && opts.mergeCache ? [] : undefined;
  let at = 0;
  for (const r of reports) {
    const docKey = opts.reportKeys?.[at++] ?? null;
    const { entry } = r;
    const clash = ids.get(entry.id);
    if (clash !== undefined) {
      warnings.push({ document: entry.id, message: `same id as ${clash}; events from both are kept, sources name the id` });
    } else ids.set(entry.id, entry.path);
    documents.push(entry);
    for (const message of r.warnings) warnings.push({ document: entry.id, message });
    if (entry.status === 'ok') {
      for (const ev of r.events) extracted.push(ev);
      if (eventKeys) for (let i = 0; i < r.events.length; i++) eventKeys.push(docKey === null ? null : `${docKey}#${i}`);
      perDocument.set(entry.id, (perDocument.get(entry.id) ?? 0) + r.events.length);
      documentChars.set(entry.id, (documentChars.get(entry.id) ?? 0) + r.bytes);
    }
    if (opts.consumeReports) r.events = [];
  }

  // A publication day far after every other document's is most likely a typo in the header.
  warnings.push(...futurePublicationWarnings(documents.filter((d) => d.status === 'ok')));

  const events: TimelineEvent[] = mergeEvents(
    extracted,
    eventKeys && opts.mergeCache ? { reportKeys: eventKeys, cache: opts.mergeCache, ...(opts.mergeStats ? { stats: opts.mergeStats } : {}) } : {},
  );
  extracted.length = 0;
  return publishMerged(events, { documents, perDocument, documentChars, warnings }, opts);
}

/** What finishPipeline gathers from the documents before merging (the build report's inputs). */
export interface DocumentSide {
  documents: DocumentEntry[];
  perDocument: Map<string, number>;
  documentChars: Map<string, number>;
  /** Corpus, document and publication-day warnings, in that order (validation warnings follow). */
  warnings: { document?: string; message: string }[];
}

/**
 * The half after merging: published ids, curation, validation, the build report and the updated
 * registry. `events` are the merged events as mergeEvents gives them (sorted by date, id); it is
 * emptied. The build state (corpus/build-state.ts) calls it with the events it kept.
 */
export function publishMerged(
  merged: TimelineEvent[],
  side: DocumentSide,
  opts: Pick<PipelineOptions, 'registry' | 'curation'> = {},
): PipelineResult {
  const { documents, perDocument, documentChars, warnings } = side;
  // merge.drop.one-sided: a two-sided act left with one state and no organisation (merge/one-sided.ts).
  let events = merged;
  if (merged.some(oneSided)) {
    events = merged.filter((e) => !oneSided(e));
    merged.length = 0;
  }
  let registryMatch: ReturnType<typeof applyRegistry>['match'] | undefined;
  if (opts.registry) {
    const applied = applyRegistry(events, opts.registry);
    events = applied.events;
    registryMatch = applied.match;
  }
  const curationWarnings: string[] = [];
  let curationSummary: ReturnType<typeof applyCuration>['summary'] | undefined;
  if (opts.curation) {
    const { curation, errors } = parseCuration(opts.curation.text, opts.curation.path);
    curationWarnings.push(...errors);
    const applied = applyCuration(events, opts.registry ? followAliases(curation, opts.registry.aliases, new Set(events.map((e) => e.id))) : curation);
    events = applied.events;
    curationWarnings.push(...applied.warnings);
    curationSummary = applied.summary;
  }

  // Validate every event against the shared schema; an invalid one is reported, not written.
  // (validate.ts drops only a bad source of an event, not the whole event).
  // In slices, each dropped once checked: the merged events and their validated copies are never
  // all held at once (the memory peak of a large corpus).
  const valid: TimelineEvent[] = [];
  for (let from = 0; from < events.length; from += VALIDATE_SLICE) {
    const slice = events.slice(from, from + VALIDATE_SLICE);
    events.fill(undefined as unknown as TimelineEvent, from, from + VALIDATE_SLICE);
    const checked = validateEvents(slice);
    for (const ev of checked.valid) valid.push(ev);
    for (const message of checked.warnings) warnings.push({ message });
  }
  events = [];

  const file: EventsFile = { schemaVersion: 1, documents, events: valid };
  let registry: Registry | undefined;
  if (opts.registry && registryMatch) {
    const updated = updateRegistry(valid, opts.registry, registryMatch);
    registry = updated.registry;
    file.aliases = updated.aliases;
  }
  const report = buildReport({ documents, eventsPerDocument: perDocument, documentChars, warnings, mergedEvents: valid.length,
    curationWarnings,
    ...(curationSummary ? { curation: curationSummary } : {}),
  });
  return registry ? { file, report, registry } : { file, report };
}
