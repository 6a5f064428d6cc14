/**
 * The per-document half of the pipeline: one file as read from disk -> its documents[] entry,
 * its warnings and the events found in it (before merging). A DocReport is plain JSON: it is
 * what a worker thread sends back, what the per-document cache stores and what
 * `extract --reports-dir` writes, so that the corpus-wide half (run.ts: merge, curation, ids,
 * validation) can run once over reports made anywhere. Holds no raw text: once a document is
 * reported, its text can be garbage.
 */
import type { DocumentEntry } from '../../src/lib/schema.ts';
import type { ActorResolver } from './actors.ts';
import { extractDocument } from './extract-document.ts';
import { parseDocument } from './parse-document.ts';
import { segment } from './segment.ts';
import type { ExtractedEvent, RawDocument } from './types.ts';

export interface DocReport {
  /** The documents[] entry of events.json. */
  entry: DocumentEntry;
  /** Warnings about the document, in the order the build report lists them. */
  warnings: string[];
  /** Events extracted from it, before merging (none for a skipped document). */
  events: ExtractedEvent[];
  /** UTF-8 bytes of the decoded text (0 when unread): counted against the corpus cap. */
  bytes: number;
}

/** Optional provenance fields of a parsed document, copied to its documents[] entry when present. */
const PROVENANCE = ['url', 'source', 'author'] as const;

function provenance(doc: object): Partial<Pick<DocumentEntry, 'url' | 'source' | 'author'>> {
  const out: Partial<Pick<DocumentEntry, 'url' | 'source' | 'author'>> = {};
  for (const key of PROVENANCE) {
    const value = (doc as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

/**
 * Runs parse -> segment -> extract on one document. Never throws. `actors` may be a function, so
 * that a document that is skipped never pays for compiling the gazetteers.
 */
export function reportDocument(
  raw: RawDocument,
  actors: ActorResolver | (() => ActorResolver),
  opts: { trace?: boolean } = {},
): DocReport {
  const bytes = raw.text === null ? 0 : Buffer.byteLength(raw.text, 'utf8');
  const parsed = parseDocument(raw);
  if (!parsed.ok) {
    const s = parsed.skipped;
    return {
      entry: { id: s.id, title: s.title, published: s.published, path: s.path, status: 'skipped', reason: s.reason, ...provenance(s) },
      warnings: [...s.warnings],
      events: [],
      bytes,
    };
  }
  const { doc } = parsed;
  const entry: DocumentEntry = { id: doc.id, title: doc.title, published: doc.published, path: doc.path, status: 'ok', ...provenance(doc) };
  const warnings = [...doc.warnings];
  try {
    return { entry, warnings, events: extractDocument(segment(doc), typeof actors === 'function' ? actors() : actors, { trace: opts.trace === true }).events, bytes };
  } catch (err) {
    // A bug in a stage must not sink the corpus: the document stays listed, with the reason.
    warnings.push(`extraction failed: ${(err as Error).message}`);
    return { entry, warnings, events: [], bytes };
  }
}
