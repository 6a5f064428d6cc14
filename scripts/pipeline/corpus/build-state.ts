/**
 * Incremental corpus-wide half of the pipeline (issue 10): the previous build's state in ONE packed
 * file (`build-state.bin` in the cache folder), so that a rebuild after adding or removing a few
 * articles neither reads 20,000 per-document cache files nor partitions, clusters, combines and
 * validates 300,000 reports again. The state holds, for the previous build:
 * - every document's cache key, its documents[] entry, warnings and bytes, and its reports
 *   (extracted events) as JSON text;
 * - the merge's independent blocks (merge/blocks.ts), each as the list of its reports;
 * - every merged event: day, id, base id and order key (for `assignIds`), its validation warnings
 *   and its validated, serialized text exactly as events.json holds it;
 * - an index of the blocks by (type group, state or organisation key, day), sentence text and
 *   document, a superset of every link `mergeBlocks` can make;
 * - for each block of 1,000 reports or more, how it was clustered (corpus/recluster.ts): the block a
 *   new article joins is replayed from it, recomputing only the decisions the new reports can change.
 * A rebuild diffs the documents' cache keys, re-clusters only the blocks of removed documents and
 * the blocks the new reports can reach through the index (together with the new reports), assigns
 * ids over every event's (base id, order key) again, and writes events.json from the cached texts
 * of untouched events. Within the re-clustered blocks, a cluster of exactly the same reports as
 * before (same hash of its members' refs) keeps its event: it is not combined, validated or
 * serialized again. A new block that holds whole old blocks takes the id of the largest of them,
 * whose reports' index terms then stay as they are (only the other reports are indexed again): so
 * an article that joins a block of 48,000 reports costs the clustering of that block, not the
 * rewriting of its events and index. Clustering a union of independent blocks gives the clusters of each, so the
 * output is byte-identical to a clean build (tested against runPipeline).
 *
 * Every build of a corpus folder into an events file uses it, except traced ones (--explain). With an
 * id registry or curation, `merged()` gives the merged events (each valid one from its kept text, the
 * others from their merged form, kept for them) and run.ts's publishMerged applies ids, curation and
 * validation as finishPipeline does (tested against runPipeline with registry and curation).
 *
 * File layout: body bytes | sections | header JSON (UTF-8) | trailer "DTBS" + 12-digit header offset +
 * 12-digit header length. The body holds texts that stay where they are from build to build (each
 * document's reports, each event's text and merged form, the index buckets); the sections hold the
 * lists of records (documents, blocks, events, their Lites, their registry matching), one record a
 * line (state-sections.ts); the header is a small JSON object that points at them. A rebuild appends
 * to the body (events, reports and index buckets that are new), writes the sections again after it
 * (copying the runs of records that did not change as bytes) and a new header; the body is compacted
 * when more than half of it is garbage. A rebuild parses the documents and events whole (it needs
 * all of them), each block only when it clusters it again.
 */
import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentEntry, TimelineEvent } from '../../../src/lib/schema.ts';
import type { DocReport } from '../document-report.ts';
import { baseId, cmp, shortHash } from '../ids.ts';
import {
  contentKey,
  eventSourceKeys,
  firstSourceOrder,
  matchRegistry,
  patchRegistryText,
  scoreRegistry,
  typeOfKey,
  updateRegistryFrom,
  weakKey,
  RegistryText,
  type PublishedInput,
  type Registry,
  type RegistryEntry,
  type RegistryInput,
} from '../id-registry.ts';
import { clusterWithCopies, combine, normalized } from '../merge.ts';
import { mergeBlocks, SAME_TEXT_DAYS } from '../merge/blocks.ts';
import { oneSided } from '../merge/one-sided.ts';
import { COPY_WINDOW_DAYS } from '../merge/copies.ts';
import { fileKeys, lookupKeys, windowDays } from '../merge/index-keys.ts';
import { datesCompatible, reportSentenceKey, typeGroup, typesCompatible } from '../merge/same-event.ts';
import { futurePublicationWarnings } from '../parse-document.ts';
import { buildReport, type BuildReport } from '../report.ts';
import type { ExtractedEvent } from '../types.ts';
import type { DocumentSide } from '../run.ts';
import { validateEvents } from '../validate.ts';
import { inEventOrder } from './event-order.ts';
import { applyDelta, deltaRegistry, scanFromState, updateRegistryDelta } from './publish-delta.ts';
import { BufferedFile, nested } from './write-json.ts';
import { ClusterTable, oldClusters, replay, tableLimits, tableOf } from './recluster.ts';
import { BlockLines, LinesWriter, recordLines } from './state-sections.ts';

/**
 * The layout of the state file. @8: sections one record a line after the body, documents numbered
 * once for good (blocks name them by number), index buckets of same-sentence terms by sentence and of
 * key terms by day and key (bucketOf).
 * A state of another layout is not read (BuildState.note says so): the build merges afresh once.
 */
const FORMAT = 'diplomatic-timeline/build-state@8';
/** What every layout's header starts with (to tell a state of another layout from a broken file). */
const FORMAT_FAMILY = '{"format":"diplomatic-timeline/build-state@';
export const STATE_FILE = 'build-state.bin';
const TRAILER = 28;
/** Longest run of old event texts read from the state at once (bytes). */
const READ_RUN = 1 << 22;
/** A bucket that the new reports' lookups would search this many times is parsed instead (step 1 of incrementalFinish). */
const BUCKET_PARSE_SEARCHES = 24;
/** Longest stretch of text no one needs that a run of reads goes over rather than start another read (bytes). */
const RUN_GAP = 1 << 16;

/** One document of the previous build. */
interface DocRec {
  key: string;
  /** Its number, for good (blocks name their documents by it). */
  serial: number;
  /** Its position in the documents' section (its record's line). */
  line: number;
  entry: DocumentEntry;
  warnings: string[];
  bytes: number;
  /** Its reports (events before merging), as JSON text in the body: [offset, length]. */
  rep: [number, number];
  /** Number of reports. */
  n: number;
  /** Blocks holding its reports. */
  blocks: number[];
  /** Its file's signature (extract-corpus.ts fileSignature), when it had one to trust. */
  sig?: string;
}

/** One merged event of the previous build. */
export interface EventRec {
  date: string;
  id: string;
  base: string;
  order: string;
  block: number;
  /** Its text in the body (as events.json holds it, without separator), or len -1 when it failed validation. */
  off: number;
  len: number;
  /** Validation warnings (they name the id). */
  warnings: string[];
  /**
   * A hash of its cluster: the sorted refs of its reports (document key, position), copies marked.
   * A cluster with the same hash after clustering again is the same event (combine() reads only
   * its members' content and which are copies; a ref names content): its text is kept.
   */
  sig: string;
  /** New text not yet in the body (a new event, or an old one whose id changed). */
  text?: Buffer;
  /**
   * An event that validation changed (a source left out) or rejected (it has warnings) also keeps
   * its merged form as JSON, for builds with an id registry or curation, which validate after
   * those steps: [offset, length] in the body, or `rawText` when new. Its "id" is not kept up to
   * date (the record's id is).
   */
  raw?: [number, number];
  rawText?: Buffer;
  /** What the id registry reads of its merged form (see Lite); kept in the body's lite list. */
  lite?: Lite;
  /** Its position in the previous build's events (a record read from the state, or a copy of one). */
  at?: number;
  /**
   * A merged event that is not published (merge.drop.one-sided, merge/one-sided.ts): it keeps its
   * cluster and its place in the numbering of content ids, as in mergeEvents, and publishMerged
   * leaves it out before published ids and validation.
   */
  one?: true;
}

/**
 * What the id registry's matching (id-registry.ts) reads of a merged event: its type, countries,
 * first source (`firstSourceOrder`) and source keys (`eventSourceKeys`), so that a build with a
 * registry neither parses nor validates nor serializes the events it keeps.
 */
export type Lite = [type: string, countries: string[], first: string, keys: string[]];

function liteOf(ev: Pick<TimelineEvent, 'type' | 'countries' | 'sources'>): Lite {
  return [ev.type, ev.countries, firstSourceOrder(ev), eventSourceKeys(ev)];
}

/** A section: [offset in the file, length, number of records]. */
type Section = [number, number, number];
/** A document's record: key, entry, warnings, bytes, its reports' text [offset, length], their number, its blocks, its number, its file's signature. */
type DocLine = [string, DocumentEntry, string[], number, number, number, number, number[], number, string?];
/** A block's record: its id and its reports as [document number, report position]. */
type BlockLine = [number, [number, number][]];
/** An event's record (EventRec): date, id, base id (0: the id), order, block, off, len, sig, warnings, raw. */
type EventLine = [string, string, string | 0, string, number, number, number, string, string[]?, [number, number]?];

interface Header {
  format: string;
  version: string;
  nextBlock: number;
  /** The number the next new document takes. */
  nextDoc: number;
  /** Where the body ends (the sections follow it). */
  bodyLength: number;
  garbage: number;
  /** Sections, after the body, one record a line (state-sections.ts). */
  docs: Section;
  blocks: Section;
  events: Section;
  /** The index in buckets (by day, or by hash for sentence and document terms), each a JSON object in the body. */
  index: Record<string, [number, number]>;
  /** Each event's Lite (0 when not known), aligned with `events`, one a line: a section. */
  lite?: [number, number];
  /** Positions in `events` of the one-sided events (EventRec.one). */
  one?: number[];
  /** The registry matching of these events (a build with an id registry): see matchFromState. */
  match?: MatchHeader;
  /**
   * Hash of a registry file known to be formatRegistry's text: the one this build wrote, or the one
   * it read when it was such a file and the build did not write another. The next build reads that
   * file without checking each entry and writes its successor patched from it (patchRegistryText).
   */
  canon?: string;
  /** Cluster tables of the large blocks (corpus/recluster.ts), each a JSON text in the body: [block, offset, length]. */
  clu?: [number, number, number][];
}

/**
 * What the state keeps of a build's registry matching (step 1 of id-registry.ts), so that the next
 * build matches again only what can have changed (matchFromState).
 */
export interface MatchHeader {
  /** Hash of the registry file's text the events were matched against. */
  reg: string;
  /**
   * Hash of the registry file that build wrote after it (or of the one it read, when it found that
   * one's text the same), and the ids whose entries differ there.
   */
  next?: string;
  dirty?: string[];
  /** The ids of that registry no event of the build was published under (publish-delta.ts). */
  idle?: string[];
  /** Registered ids that several events tied for, and the positions in `events` of those events. */
  ties: string[];
  tieEvents: number[];
  /** Each event's `pub` (EventRec), one line each in the order of `events`: a section. */
  at: [number, number];
}

/** With EXTRACT_TIMINGS=1, the CPU time of each step of a build from the state on stderr (for profiling). */
let stepCpu = 0;
function step(label: string): void {
  if (process.env.EXTRACT_TIMINGS !== '1') return;
  const u = process.cpuUsage();
  const cpu = (u.user + u.system) / 1e6;
  if (label !== '') process.stderr.write(`extract: timing:   ${label} (CPU ${(cpu - stepCpu).toFixed(2)} s)\n`);
  stepCpu = cpu;
}

/** The hash of a registry file's text (or its UTF-8 bytes) that the state keeps (matchFromState). */
export function registryDigest(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Index buckets of each kind of sentence and document term (`t`, `p`, `T`, `d`), and of key terms a day (`f`, `l`). */
const HASH_BUCKETS = 1024;
const DAY_BUCKETS = 16;

/** The day of a key term (`f`, `l`): after its last U+0001, before its class (U+0002) when it has one. */
function termDay(term: string): string {
  const end = term.indexOf('\u0002');
  return term.slice(term.lastIndexOf('\u0001', end < 0 ? term.length : end) + 1, end < 0 ? term.length : end);
}

/**
 * The bucket of an index term: for key terms (`f`, `l`) its day and a share of that day's keys (a
 * lookup searches a sixteenth of a day's terms), for the same-sentence terms by day (`t`, `p`) its
 * sentence's hash (a report's lookups over 15 or 31 days read one bucket), else a share of the
 * sentence or document terms. A term and its classes (after U+0002) share a bucket.
 */
function bucketOf(term: string): string {
  const c = term.charCodeAt(0);
  if (c === 102 || c === 108) {
    // f, l: "f" U+0001 group U+0001 key U+0001 day, then U+0002 and the class when it has one
    const end = term.indexOf('\u0002');
    const base = end < 0 ? term : term.slice(0, end);
    return `${termDay(base)}/${parseInt(shortHash(base), 36) % DAY_BUCKETS}`;
  }
  if (c === 116 || c === 112) {
    // t, p: "t" U+0001 sentence hash U+0001 day
    const end = term.indexOf('\u0001', 2);
    return `${term[0]}${parseInt(shortHash(end < 0 ? term : term.slice(2, end)), 36) % HASH_BUCKETS}`;
  }
  if (c === 84 || c === 100) return `${term[0]}${parseInt(shortHash(term), 36) % HASH_BUCKETS}`; // T, d
  return term;
}

/** The previous build, as read from the state file. */
export class BuildState {
  readonly docs = new Map<string, DocRec>();
  /** Document cache keys by file signature. */
  readonly files = new Map<string, string>();
  /**
   * Per block: its reports as in the state, [document number (DocRec.serial), report position], each
   * block parsed when asked for (blockRefs names the documents by key; only the blocks a build
   * clusters again need that).
   */
  blocks = new BlockLines();
  /** The documents' keys by number (what `blocks` names them by). */
  docKeys: string[] = [];
  events: EventRec[] = [];
  /** Index buckets in the body, and those read or changed in this build. */
  buckets = new Map<string, [number, number]>();
  readonly loaded = new Map<string, Map<string, number[]>>();
  readonly dirty = new Set<string>();
  nextBlock = 0;
  nextDoc = 0;
  bodyLength = 0;
  garbage = 0;
  /** Where the events' Lite list is (a section). */
  liteAt: [number, number] | undefined;
  /** The text of the Lite list read (liteLines), once read. */
  liteText: Buffer | undefined;
  /** Whether this build computed a Lite the state did not have (the state is then written again). */
  litesAdded = false;
  /** The hash of the registry file the previous build knew to be formatRegistry's text (Header.canon). */
  canon: string | undefined;
  /** The previous build's registry matching, and each event's `pub` line once read (loadMatches). */
  matchInfo: MatchHeader | undefined;
  pubs: string[] | undefined;
  /** Where the cluster table of each large block is in the body (Header.clu). */
  readonly tables = new Map<number, [number, number]>();
  /** Why the state file there was not read, when it is one of another layout (for the build's messages). */
  note: string | undefined;
  /** The sections' bytes (from the end of the body to the header), read at once; the sections of documents and events. */
  private sections: Buffer | undefined;
  docsText: Buffer | undefined;
  eventsText: Buffer | undefined;
  private fd: Awaited<ReturnType<typeof open>> | undefined;

  private constructor(
    readonly file: string,
    readonly version: string,
  ) {}

  /** The state in `cacheDir` for this extractor version; empty when missing, broken or of another version or layout. */
  static async open(cacheDir: string, version: string): Promise<BuildState> {
    const file = path.join(cacheDir, STATE_FILE);
    const state = new BuildState(file, version);
    let note: string | undefined;
    try {
      const fd = await open(file, 'r');
      try {
        const { size } = await fd.stat();
        if (size < TRAILER) throw new Error('short');
        const tail = Buffer.alloc(TRAILER);
        await fd.read(tail, 0, TRAILER, size - TRAILER);
        const t = tail.toString('latin1');
        if (!t.startsWith('DTBS')) throw new Error('no trailer');
        const at = Number(t.slice(4, 16));
        const len = Number(t.slice(16, 28));
        if (!(at >= 0 && len > 0 && at + len + TRAILER === size)) throw new Error('bad trailer');
        // The header starts with its format and version: another one is not parsed at all.
        const lead = Buffer.from(JSON.stringify({ format: FORMAT, version }).slice(0, -1), 'utf8');
        const head = Buffer.alloc(len);
        await fd.read(head, 0, len, at);
        if (!head.subarray(0, lead.length).equals(lead)) {
          const start = head.toString('utf8', 0, Math.min(len, 100));
          if (start.startsWith(FORMAT_FAMILY) && !start.startsWith(`{"format":${JSON.stringify(FORMAT)}`)) {
            const other = start.slice(FORMAT_FAMILY.length - 'build-state@'.length, start.indexOf('"', FORMAT_FAMILY.length));
            note = `the build state ${file} is in another layout (${other}, this version writes ${FORMAT.slice(FORMAT.indexOf('/') + 1)}): this build merges every report afresh and writes it again`;
          }
          throw new Error('other format');
        }
        const h = JSON.parse(head.toString('utf8')) as Header;
        if (h.format !== FORMAT || h.version !== version || !(h.bodyLength >= 0 && h.bodyLength <= at)) throw new Error('other format');
        const sections = Buffer.allocUnsafe(at - h.bodyLength);
        for (let done = 0; done < sections.length; ) {
          const { bytesRead } = await fd.read(sections, done, sections.length - done, h.bodyLength + done);
          if (bytesRead === 0) throw new Error('short');
          done += bytesRead;
        }
        state.load(h, sections);
        state.fd = fd;
      } catch (err) {
        await fd.close();
        throw err;
      }
    } catch {
      const empty = new BuildState(file, version);
      empty.note = note;
      return empty;
    }
    return state;
  }

  /** The bytes of a section ([offset, length] in the file), which lies in `sections`. */
  private part(at: readonly number[]): Buffer {
    const from = at[0]! - this.bodyLength;
    if (!this.sections || !(from >= 0 && at[1]! >= 0 && from + at[1]! <= this.sections.length)) throw new Error('build state: a section outside the sections');
    return this.sections.subarray(from, from + at[1]!);
  }

  private load(h: Header, sections: Buffer): void {
    this.sections = sections;
    this.bodyLength = h.bodyLength;
    this.docsText = this.part(h.docs);
    this.eventsText = this.part(h.events);
    const docs = JSON.parse(this.docsText.toString('utf8')) as DocLine[];
    const events = JSON.parse(this.eventsText.toString('utf8')) as EventLine[];
    if (docs.length !== h.docs[2] || events.length !== h.events[2]) throw new Error('build state: sections of another length');
    this.blocks = new BlockLines(this.part(h.blocks), h.blocks[2]);
    const keys: string[] = [];
    for (let line = 0; line < docs.length; line++) {
      const [key, entry, warnings, bytes, off, len, n, blocks, serial, sig] = docs[line]!;
      keys[serial] = key;
      this.docs.set(key, { key, serial, line, entry, warnings, bytes, rep: [off, len], n, blocks, ...(sig !== undefined ? { sig } : {}) });
      if (sig !== undefined) this.files.set(sig, key);
    }
    this.docKeys = keys;
    this.events = events.map(([date, id, base, order, block, off, len, sig, warnings, raw], at) => ({
      at,
      date,
      id,
      base: base === 0 ? id : base,
      order,
      block,
      off,
      len,
      sig,
      warnings: warnings ?? [],
      ...(raw ? { raw } : {}),
    }));
    for (const i of h.one ?? []) this.events[i]!.one = true;
    this.buckets = new Map(Object.entries(h.index));
    this.nextBlock = h.nextBlock;
    this.nextDoc = h.nextDoc;
    this.garbage = h.garbage;
    this.liteAt = h.lite;
    this.matchInfo = h.match;
    this.canon = h.canon;
    if (this.liteAt) this.part(this.liteAt);
    if (this.matchInfo) this.part(this.matchInfo.at);
    for (const [b, off, len] of h.clu ?? []) this.tables.set(b, [off, len]);
  }

  /** The cluster table of block `b` (corpus/recluster.ts), or undefined when the state has none (or a broken one). */
  async clusterTable(b: number): Promise<ClusterTable | undefined> {
    const at = this.tables.get(b);
    return at ? ClusterTable.parse((await this.read(at[0], at[1])).toString('utf8')) : undefined;
  }

  /** Whether the registry file of hash `digest` is one a build wrote (formatRegistry's text, see Header.canon). */
  wroteRegistry(digest: string): boolean {
    return digest === this.canon || (this.matchInfo !== undefined && this.matchInfo.next === digest);
  }

  /** Reads each event's `pub` line of the previous registry matching (once), when the state has them. */
  async loadMatches(): Promise<void> {
    if (this.matchInfo === undefined || this.pubs !== undefined) return;
    const lines = this.part(this.matchInfo.at).toString('utf8').split('\n');
    if (lines.length === this.events.length) this.pubs = lines;
    else this.matchInfo = undefined;
  }

  /** Reads the events' Lite list (once; for builds with an id registry). */
  async loadLites(): Promise<void> {
    if (this.liteAt === undefined || this.liteText !== undefined) return;
    const text = this.part(this.liteAt);
    const list = JSON.parse(text.toString('utf8')) as (Lite | 0)[];
    this.liteText = text;
    if (list.length !== this.events.length) return;
    for (let i = 0; i < list.length; i++) {
      const l = list[i]!;
      if (l !== 0) this.events[i]!.lite = l;
    }
  }

  /** The reports of block `b` as (document key, report position); empty for a block it does not have. */
  blockRefs(b: number): Ref[] {
    const refs = this.blocks.get(b);
    return refs === undefined ? [] : refs.map(([d, j]) => [this.docKeys[d]!, j]);
  }

  /** A report stub for a document of the previous build (its events stay in the state), or undefined. */
  known(key: string): DocReport | undefined {
    const d = this.docs.get(key);
    return d ? { entry: d.entry, warnings: d.warnings, events: [], bytes: d.bytes } : undefined;
  }

  /** The cache key of the document whose file had signature `sig` in the previous build, or undefined. */
  fileKey(sig: string): string | undefined {
    return this.files.get(sig);
  }

  /** Index buckets read as text (for lookups) and not parsed yet. */
  private readonly texts = new Map<string, Buffer>();

  private async bucketText(name: string): Promise<Buffer> {
    let t = this.texts.get(name);
    if (t === undefined) {
      const at = this.buckets.get(name);
      t = at ? await this.read(at[0], at[1]) : Buffer.from('{}');
      this.texts.set(name, t);
    }
    return t;
  }

  /** The index bucket `name` (read from the body once), parsed: for buckets this build changes. */
  async bucket(name: string): Promise<Map<string, number[]>> {
    let m = this.loaded.get(name);
    if (m === undefined) {
      m = new Map(Object.entries(JSON.parse((await this.bucketText(name)).toString('utf8')) as Record<string, number[]>));
      this.texts.delete(name);
      this.loaded.set(name, m);
    }
    return m;
  }

  private readonly byPrefix = new Map<string, Map<string, [string, number[]][]>>();

  /**
   * The blocks filed under `term`, by the class (type, precision, evidence) of their reports ('' for
   * none). A bucket this build has not parsed is searched in its text (findTerm): a lookup reads a few
   * hundred buckets of which a build changes a third.
   */
  async lookup(term: string): Promise<[string, number[]][]> {
    const name = bucketOf(term);
    if (!this.loaded.has(name)) return findTerm(await this.bucketText(name), term);
    let pm = this.byPrefix.get(name);
    if (pm === undefined) {
      pm = new Map();
      for (const [t, blocks] of await this.bucket(name)) {
        const at = t.indexOf('\u0002');
        const prefix = at < 0 ? t : t.slice(0, at);
        const list = pm.get(prefix);
        const entry: [string, number[]] = [at < 0 ? '' : t.slice(at + 1), blocks];
        if (list) list.push(entry);
        else pm.set(prefix, [entry]);
      }
      this.byPrefix.set(name, pm);
    }
    return pm.get(term) ?? [];
  }

  async read(off: number, len: number): Promise<Buffer> {
    // (Not zero-filled: every byte is read, or the state is found short.)
    const buf = Buffer.allocUnsafe(len);
    for (let done = 0; done < len; ) {
      const { bytesRead } = await this.fd!.read(buf, done, len - done, off + done);
      if (bytesRead === 0) throw new Error('build state: shorter than its header says');
      done += bytesRead;
    }
    return buf;
  }

  /** Reads `len` bytes of the state at `off` into `target` at `at` (events.json's writer). */
  async readInto(target: Buffer, at: number, off: number, len: number): Promise<void> {
    for (let done = 0; done < len; ) {
      const { bytesRead } = await this.fd!.read(target, at + done, len - done, off + done);
      if (bytesRead === 0) throw new Error('build state: shorter than its header says');
      done += bytesRead;
    }
  }

  /** `read`, synchronously (for reports parsed in the middle of a replay, recluster.ts). */
  readSync(off: number, len: number): Buffer {
    const buf = Buffer.allocUnsafe(len);
    for (let done = 0; done < len; ) {
      const n = readSync(this.fd!.fd, buf, done, len - done, off + done);
      if (n === 0) throw new Error('build state: shorter than its header says');
      done += n;
    }
    return buf;
  }

  async close(): Promise<void> {
    await this.fd?.close();
    this.fd = undefined;
  }
}

/**
 * The entries of an index bucket's text (JSON.stringify of an object: term -> block ids) whose term
 * is `term` (class '') or `term` + U+0002 + a class, in the order of the text, as the parsed object
 * would give them. Every key begins with a quote right after "{" or ",", which inside a JSON string
 * is always escaped; each candidate key is parsed and compared whole.
 */
export function findTerm(text: Buffer, term: string): [string, number[]][] {
  const pattern = Buffer.from(JSON.stringify(term).slice(0, -1), 'utf8');
  const out: [string, number[]][] = [];
  for (let p = text.indexOf(pattern); p >= 0; p = text.indexOf(pattern, p + 1)) {
    const before = text[p - 1];
    if (before !== 0x7b && before !== 0x2c) continue;
    let q = p + 1;
    while (q < text.length && text[q] !== 0x22) q += text[q] === 0x5c ? 2 : 1;
    const key = JSON.parse(text.toString('utf8', p, q + 1)) as string;
    let cls: string;
    if (key === term) cls = '';
    else if (key.length > term.length && key.startsWith(term) && key.charCodeAt(term.length) === 2) cls = key.slice(term.length + 1);
    else continue;
    if (text[q + 1] !== 0x3a || text[q + 2] !== 0x5b) throw new Error('build state: unexpected index text');
    const end = text.indexOf(0x5d, q + 2);
    out.push([cls, JSON.parse(text.toString('latin1', q + 2, end + 1)) as number[]]);
  }
  return out;
}

/** Calendar days from `days` before `day` to `days` after it. */
function daysAround(day: string, days: number): string[] {
  const t = Date.parse(`${day}T00:00:00Z`);
  const out: string[] = [];
  for (let d = -days; d <= days; d++) out.push(new Date(t + d * 86_400_000).toISOString().slice(0, 10));
  return out;
}

const CANONICAL_DAY = /^\d{4}-\d{2}-\d{2}$/;
function canonicalDay(day: string): boolean {
  if (!CANONICAL_DAY.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/**
 * Index terms a report is filed under: its index keys (`f`) and lookup keys (`l`) at its day and type
 * group, its sentence text and its document. A report with a day that is not a plain calendar day is
 * filed under `odd` (every query looks there): the day window is symmetric only between calendar days.
 */
export function fileTerms(ev: ExtractedEvent): string[] {
  const g = typeGroup(ev.type);
  const h = shortHash(reportSentenceKey(ev));
  const published = ev.source.published ?? '';
  const out = [
    // Same sentence text: by day and by publication day (merge/blocks.ts links them within
    // SAME_TEXT_DAYS and COPY_WINDOW_DAYS); "*" for a day that is not a calendar day (it links all).
    `t\u0001${h}\u0001${canonicalDay(ev.date) ? ev.date : '*'}`,
    `p\u0001${h}\u0001${canonicalDay(published) ? published : '*'}`,
    `T\u0001${h}`,
    `d\u0001${ev.source.document}`,
  ];
  if (!canonicalDay(ev.date)) out.push('odd');
  const cls = `\u0002${ev.type}|${ev.datePrecision}|${ev.dateEvidence}`;
  for (const k of fileKeys(ev)) out.push(`f\u0001${g}\u0001${k}\u0001${ev.date}${cls}`);
  for (const k of lookupKeys(ev)) out.push(`l\u0001${g}\u0001${k}\u0001${ev.date}${cls}`);
  return out;
}

/**
 * Terms under which every report that `mergeBlocks` could join with `ev` is filed: what its lookups
 * find (`f` over the day window), what finds it (`l` over the window), same sentence text, same
 * document. A superset: the kind of slot (firm or loose) is not looked at.
 */
export function queryTerms(ev: ExtractedEvent): string[] {
  const g = typeGroup(ev.type);
  const h = shortHash(reportSentenceKey(ev));
  const published = ev.source.published ?? '';
  const out = [`d\u0001${ev.source.document}`, 'odd', `t\u0001${h}\u0001*`, `p\u0001${h}\u0001*`];
  // A day that is not a calendar day links every report of the same text.
  if (!canonicalDay(ev.date) || !canonicalDay(published)) out.push(`T\u0001${h}`);
  if (canonicalDay(ev.date)) for (const day of daysAround(ev.date, SAME_TEXT_DAYS)) out.push(`t\u0001${h}\u0001${day}`);
  if (canonicalDay(published)) for (const day of daysAround(published, COPY_WINDOW_DAYS)) out.push(`p\u0001${h}\u0001${day}`);
  const look = lookupKeys(ev);
  const file = fileKeys(ev);
  for (const day of canonicalDay(ev.date) ? windowDays(ev.date) : [ev.date]) {
    for (const k of look) out.push(`f\u0001${g}\u0001${k}\u0001${day}`);
    for (const k of file) out.push(`l\u0001${g}\u0001${k}\u0001${day}`);
  }
  return out;
}

/**
 * Whether `ev` and a report of class `cls` (type|precision|evidence) on `day` are compatible in type and
 * day: the test merge/blocks.ts makes before joining two reports the index links.
 */
function compatibleWith(ev: ExtractedEvent, cls: string, day: string): boolean {
  const [type, precision, evidence] = cls.split('|');
  const other = { ...ev, type, date: day, datePrecision: precision, dateEvidence: evidence } as ExtractedEvent;
  return typesCompatible(ev.type, other.type) && (datesCompatible(ev, other) || datesCompatible(other, ev));
}

/** Ids as `assignIds` (ids.ts) gives them, from each event's base id and order key (no taken ids). */
export function assignIdsFrom(events: readonly { base: string; order: string }[]): string[] {
  const groups = new Map<string, number[]>();
  events.forEach((ev, i) => {
    const g = groups.get(ev.base);
    if (g) g.push(i);
    else groups.set(ev.base, [i]);
  });
  const used = new Set<string>();
  const out: string[] = new Array(events.length);
  for (const [id, group] of [...groups].sort((a, b) => cmp(a[0], b[0]))) {
    const ordered = group.length > 1 ? [...group].sort((a, b) => cmp(events[a]!.order, events[b]!.order)) : group;
    let n = 1;
    for (const i of ordered) {
      let candidate = n === 1 ? id : `${id}-${n}`;
      while (used.has(candidate)) candidate = `${id}-${++n}`;
      used.add(candidate);
      out[i] = candidate;
      n++;
    }
  }
  return out;
}

/**
 * The family of an id: the id without its trailing "-N" numbers. Every candidate assignIdsFrom tries
 * for a base id (the base, base-2, base-3...) is of the base's family, so two bases of different
 * families never compete for an id, and each family is numbered as if it were alone (its groups in
 * the same order among themselves).
 */
export function idFamily(id: string): string {
  // (Most ids do not end with a digit: they are their own family.)
  const last = id.charCodeAt(id.length - 1);
  if (!(last >= 48 && last <= 57)) return id;
  let end = id.length;
  for (;;) {
    const at = id.lastIndexOf('-', end - 1);
    if (at < 0 || at >= end - 1) break;
    let digits = true;
    for (let i = at + 1; i < end; i++) {
      const c = id.charCodeAt(i);
      if (c < 48 || c > 57) {
        digits = false;
        break;
      }
    }
    if (!digits) break;
    end = at;
  }
  return end === id.length ? id : id.slice(0, end);
}

/**
 * assignIdsFrom(events) when each event's `id` is what assignIdsFrom gave it in the previous build
 * and only the families in `touched` (idFamily of base ids) gained, lost or reordered events since:
 * the other families are numbered as before (see idFamily), so only the touched ones are numbered
 * again (in the same relative order, which decides between equal order keys).
 */
export function reassignIds(events: readonly { base: string; order: string; id: string }[], touched: ReadonlySet<string>): string[] {
  const out: string[] = new Array(events.length);
  const sub: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (touched.has(idFamily(e.base))) sub.push(i);
    else out[i] = e.id;
  }
  const ids = assignIdsFrom(sub.map((i) => events[i]!));
  for (let k = 0; k < sub.length; k++) out[sub[k]!] = ids[k]!;
  return out;
}

export interface IncrementalInput {
  /** Reports in sorted path order; those of documents the state knows are stubs (no events). */
  reports: readonly DocReport[];
  /** Each report's document cache key (none may be null). */
  keys: readonly string[];
  /** Each file's signature to keep for the next build (null: none), aligned with `reports`. */
  sigs?: readonly (string | null)[];
  corpusWarnings: readonly string[];
}

/** The build with an id registry (and no curation): what publishMerged (run.ts) would give. */
export interface Published {
  report: BuildReport;
  /** The registry after this build (made on first read when it was updated from the registry's text: see publish-delta.ts). */
  readonly registry: Registry;
  /** Writes events.json, the same bytes as writeEventsFile would write for publishMerged's file. */
  write(output: string): Promise<void>;
  /**
   * The new registry's text made from `prev`, the bytes of the registry file read, when the state
   * knows that file to be formatRegistry's text (written by an earlier build): 'same' when the text
   * does not change, else formatRegistry(registry) patched from `prev` (patchRegistryText).
   * Undefined: format it whole.
   */
  registryText(prev: Buffer): Buffer | 'same' | undefined;
  /** Whether the registry was matched again only where something changed (matchFromState). */
  incremental: boolean;
  /** Whether the new registry was made from what changed, from the text of the one read (publish-delta.ts). */
  delta: boolean;
  /**
   * Tells the state the hash (registryDigest) of the registry file written after this build, so
   * that the next build, reading it, can match incrementally.
   */
  written(digest: string): void;
}

export interface IncrementalResult {
  documents: DocumentEntry[];
  report: BuildReport;
  stats: {
    blocks: number;
    reclustered: number;
    reports: number;
    newEvents: number;
    /** Events of re-clustered blocks whose clusters did not change (kept, not combined again). */
    reused: number;
    /** Reports whose index terms were filed again (those of blocks that did not keep their id). */
    refiled: number;
    /** Of `reclustered`, the reports of blocks whose clustering was replayed (corpus/recluster.ts), and the decisions recomputed there. */
    replayed: number;
    recomputed: number;
    events: number;
    idsChanged: number;
  };
  /** Writes events.json (the same bytes as writeEventsFile) and then the new state. */
  write(output: string): Promise<void>;
  saveState(): Promise<void>;
  /** The documents' side of the build report, for publishMerged (run.ts). */
  side: DocumentSide;
  /**
   * The merged events as mergeEvents gives them, up to what validation ignores (for publishMerged,
   * with an id registry or curation): each valid one from its kept text, the others from their merged form.
   */
  merged(): Promise<TimelineEvent[]>;
  /**
   * Published ids and validation as publishMerged does them with an id registry and no curation
   * (same events file, build report and registry), from the events' Lite records: the events the
   * state kept valid are neither parsed, validated nor serialized again (validation does not look at
   * an event's id, and a valid event's validated form is itself).
   */
  publish(registry: Registry | RegistryText, digest?: string): Promise<Published>;
}

/** A re-clustered report: its document's key and its position there. */
type Ref = [string, number];

/**
 * The corpus-wide half from the previous build's state (an empty state: a full build that leaves
 * its state). Same events file and build report as finishPipeline without registry or curation.
 */
export async function incrementalFinish(state: BuildState, input: IncrementalInput): Promise<IncrementalResult> {
  const { reports, keys } = input;
  const present = new Set(keys);
  if (present.size !== keys.length) throw new Error('build state: two documents with one cache key');
  // (Read in every build that has them: the state written after it keeps them.)
  step('');
  await state.loadLites();
  step('state: events\' registry records read');

  // 1. Which blocks must be clustered again: those of removed documents, and those new reports can reach.
  const affected = new Set<number>();
  for (const d of state.docs.values()) if (!present.has(d.key)) for (const b of d.blocks) affected.add(b);
  const fresh: { ev: ExtractedEvent; ref: Ref }[] = [];
  for (let i = 0; i < reports.length; i++) {
    const key = keys[i]!;
    if (state.docs.has(key) || reports[i]!.entry.status !== 'ok') continue;
    reports[i]!.events.forEach((ev, j) => fresh.push({ ev: normalized(ev), ref: [key, j] }));
  }
  // (An empty state, as in a first build, has nothing to find: no lookups.) The blocks each new
  // report reaches are kept for step 3.
  const reach: Set<number>[] = [];
  // A sentence text the state does not file under its all-days term (T) is filed under no day term
  // (t, p) either: fileTerms files all three for every report, and they are dropped together. So a
  // new sentence (most are) skips the 2 x 16 day terms, each a search of another bucket.
  const queries: string[][] = [];
  for (const { ev } of state.docs.size > 0 ? fresh : []) {
    const text = `T\u0001${shortHash(reportSentenceKey(ev))}`;
    const known = (await state.lookup(text)).length > 0;
    queries.push(known ? queryTerms(ev) : queryTerms(ev).filter((t) => !(t.startsWith('t\u0001') || t.startsWith('p\u0001') || t === text)));
  }
  // Buckets that many lookups search are parsed once (then looked up by term) rather than searched each time.
  const searches = new Map<string, number>();
  for (const terms of queries) for (const t of terms) searches.set(bucketOf(t), (searches.get(bucketOf(t)) ?? 0) + 1);
  for (const [name, n] of searches) if (n >= BUCKET_PARSE_SEARCHES) await state.bucket(name);
  for (const [k, { ev }] of (state.docs.size > 0 ? fresh : []).entries()) {
    const reached = new Set<number>();
    for (const t of queries[k]!) {
      for (const [cls, list] of await state.lookup(t)) {
        if (cls !== '' && !compatibleWith(ev, cls, termDay(t))) continue;
        for (const b of list) {
          affected.add(b);
          reached.add(b);
        }
      }
    }
    reach.push(reached);
  }

  step('state: blocks the new reports reach looked up');
  // 2. Their reports (from the state's per-document text, each report parsed once), with the new ones.
  const parsed = new Map<string, DocReports>();
  /** The reports to cluster again (parsed when first asked for: memberAt), their refs and old blocks. */
  const members: (ExtractedEvent | undefined)[] = [];
  const refs: Ref[] = [];
  /** The old block of each member (-1 for a new report). */
  const fromBlock: number[] = [];
  /** Old blocks none of whose documents was removed: they stay whole (their links are their reports'). */
  const whole = new Set<number>();
  const oldReports = new Map<number, ExtractedEvent[]>();
  const refsOf = new Map<number, Ref[]>();
  for (const b of affected) refsOf.set(b, state.blockRefs(b));
  const ordered = [...affected].sort((x, y) => x - y);
  for (const b of ordered) {
    let intact = true;
    for (const ref of refsOf.get(b)!) {
      if (!present.has(ref[0])) {
        intact = false;
        continue;
      }
      refs.push(ref);
      fromBlock.push(b);
    }
    if (intact && state.blocks.has(b)) whole.add(b);
  }
  const firstNew = refs.length;
  for (const f of fresh) {
    members[refs.length] = f.ev;
    refs.push(f.ref);
    fromBlock.push(-1);
  }
  const byReach = fresh.length > 0 && reach.length === fresh.length && ordered.every((b) => whole.has(b));
  const blocksReached = byReach ? blocksByReach(firstNew, fromBlock, fresh, reach) : undefined;
  /** A new block's heir: the largest whole old block it holds (-1 for none). */
  const heirOf = (block: readonly number[]): number => {
    let heir = -1;
    const seen = new Set<number>();
    for (const i of block) {
      const b = fromBlock[i]!;
      if (b < 0 || seen.has(b) || !whole.has(b)) continue;
      seen.add(b);
      if (heir < 0 || state.blocks.get(b)!.length > state.blocks.get(heir)!.length) heir = b;
    }
    return heir;
  };
  // Old blocks whose clustering is replayed (corpus/recluster.ts) from the table the state keeps: the
  // heirs of the new blocks, when they have one. Their reports are parsed only when the replay asks.
  const tables = new Map<number, ClusterTable>();
  /** Why blocks were clustered in full rather than replayed (EXTRACT_TIMINGS). */
  const notes: string[] = [];
  for (const block of blocksReached ?? []) {
    const heir = heirOf(block);
    if (heir < 0 || state.blocks.get(heir)!.length < tableLimits.minReports) continue;
    const table = await state.clusterTable(heir);
    if (table !== undefined && table.n === state.blocks.get(heir)!.length) tables.set(heir, table);
    else notes.push(`block of ${state.blocks.get(heir)!.length} reports clustered in full: ${table ? 'its cluster table does not fit it' : 'the state has no cluster table for it'}`);
  }
  if (!byReach && state.docs.size > 0 && refs.length >= tableLimits.minReports) notes.push(`${refs.length} reports clustered in full: ${fresh.length === 0 || reach.length !== fresh.length ? 'no report added' : 'documents removed or changed'}`);
  // The texts of the documents the other blocks hold, read in the order of the body, in runs (a block
  // of 50,000 reports spans some 15,000 documents: not one read each).
  const needed = new Set<string>();
  for (const [b, list] of refsOf) if (!tables.has(b)) for (const [key] of list) needed.add(key);
  const texts = [...needed].map((key) => state.docs.get(key)!).sort((x, y) => x.rep[0] - y.rep[0]);
  for (let i = 0; i < texts.length; ) {
    const from = texts[i]!.rep[0];
    let to = from + texts[i]!.rep[1];
    let j = i + 1;
    while (j < texts.length && texts[j]!.rep[0] - to <= RUN_GAP && texts[j]!.rep[0] + texts[j]!.rep[1] - from <= READ_RUN * 4) {
      to = Math.max(to, texts[j]!.rep[0] + texts[j]!.rep[1]);
      j++;
    }
    const buf = await state.read(from, to - from);
    for (; i < j; i++) {
      const d = texts[i]!;
      parsed.set(d.key, new DocReports(buf.subarray(d.rep[0] - from, d.rep[0] - from + d.rep[1]), d.n));
    }
  }
  let pos = 0;
  for (const b of ordered) {
    if (tables.has(b)) {
      pos += refsOf.get(b)!.length;
      continue;
    }
    const list: ExtractedEvent[] = [];
    for (const [key, j] of refsOf.get(b)!) {
      const ev = normalized(parsed.get(key)!.at(j));
      list.push(ev);
      if (present.has(key)) members[pos++] = ev;
    }
    oldReports.set(b, list);
  }
  /** Member i, parsed now if it was not (a report of a replayed block: its document read alone). */
  const memberAt = (i: number): ExtractedEvent => {
    let ev = members[i];
    if (ev === undefined) {
      const [key, j] = refs[i]!;
      let d = parsed.get(key);
      if (d === undefined) {
        const rec = state.docs.get(key)!;
        parsed.set(key, (d = new DocReports(state.readSync(rec.rep[0], rec.rep[1]), rec.n)));
      }
      ev = members[i] = normalized(d.at(j));
    }
    return ev;
  };
  // The events of the blocks clustered again, by the hash of their cluster (see EventRec.sig).
  const oldEvents = new Map<string, EventRec>();
  const eventsOf = new Map<number, EventRec[]>();
  for (const e of state.events) {
    if (!affected.has(e.block)) continue;
    oldEvents.set(e.sig, e);
    if (tables.has(e.block)) {
      const list = eventsOf.get(e.block);
      if (list) list.push(e);
      else eventsOf.set(e.block, [e]);
    }
  }

  step('state: reports of those blocks read');
  // 3. Cluster, combine and validate them block by block (validated under the base id; the final
  // id only changes the text's "id" and the warnings' prefix, and a non-empty id is always valid).
  const newBlocks = new Map<number, Ref[]>();
  /** Cluster tables of the new blocks (those of at least tableLimits.minReports reports). */
  const newTables = new Map<number, ClusterTable>();
  const added: EventRec[] = [];
  const reused: EventRec[] = [];
  /** Reports whose index terms are filed again (under their new block), and old blocks whose terms go. */
  const refile: { block: number; ev: ExtractedEvent }[] = [];
  const heirs = new Set<number>();
  let nextBlock = state.nextBlock;
  const blocks = blocksReached ?? (refs.length ? mergeBlocks(refs.map((_, i) => memberAt(i))) : []);
  /** Refs of a cluster's members ("~" before a copy's), for its hash. */
  const refText = (i: number, copy: boolean): string => {
    const [k, j] = refs[i]!;
    return `${copy ? '~' : ''}${k}#${j}`;
  };
  /** A cluster's event: the previous one when the cluster has the same reports, else combined and validated. */
  const eventOf = (c: ExtractedEvent[], copies: ReadonlySet<ExtractedEvent>, sig: string, id: number): void => {
    const old = oldEvents.get(sig);
    if (old !== undefined) {
      // The same reports as before: the same event, text and warnings (its id is assigned below).
      oldEvents.delete(sig);
      reused.push(old);
      added.push({ ...old, block: id });
      return;
    }
    const { orderKey, ...ev } = combine(c, copies);
    const base = baseId(ev);
    const checked = validateEvents([{ id: base, ...ev } satisfies TimelineEvent]);
    const valid = checked.valid[0];
    added.push({
      lite: liteOf(ev),
      date: ev.date,
      id: base,
      base,
      order: orderKey,
      block: id,
      off: -1,
      len: valid ? 0 : -1,
      sig,
      warnings: checked.warnings,
      ...(oneSided(ev) ? { one: true as const } : {}),
      ...(valid ? { text: Buffer.from(nested(valid, 2), 'utf8') } : {}),
      ...(checked.warnings.length ? { rawText: Buffer.from(JSON.stringify({ id: base, ...ev }), 'utf8') } : {}),
    });
  };
  let replayed = 0;
  let recomputed = 0;
  for (const block of blocks) {
    // A new block that holds whole old blocks takes the id of the largest (its heir): the index
    // terms of that block's reports stay as they are, only the others' are filed again.
    const heir = heirOf(block);
    const id = heir >= 0 ? heir : nextBlock++;
    if (heir >= 0) heirs.add(heir);
    for (const i of block) if (fromBlock[i] !== heir || heir < 0) refile.push({ block: id, ev: memberAt(i) });
    newBlocks.set(id, block.map((i) => refs[i]!));
    const table = heir >= 0 ? tables.get(heir) : undefined;
    if (table !== undefined) {
      // The heir's reports (in the order of its refs, the table's) and the others (added to it).
      const kept: number[] = [];
      const others: number[] = [];
      for (const i of block) (fromBlock[i] === heir ? kept : others).push(i);
      const r = replay({ table, base: (p) => memberAt(kept[p]!), inserted: others.map(memberAt) });
      const member = (p: number) => (p < kept.length ? kept[p]! : others[p - kept.length]!);
      let why = r.ok ? '' : r.reason;
      if (r.ok) {
        // The previous events of the clusters that did not change are kept as they are: each is one of
        // the heir's events (which are its clusters' events, one each), found by its hash.
        const gone = new Set<string>();
        for (const list of oldClusters(table, r.oldChanged).values()) gone.add(clusterSig(list.map((p) => refText(kept[p < 0 ? ~p : p]!, p < 0))));
        const before = eventsOf.get(heir) ?? [];
        const stay = before.filter((e) => !gone.has(e.sig));
        const clusters = new Set(table.cluster).size;
        if (before.length !== clusters || stay.length !== before.length - gone.size || stay.length !== r.clusters.length - r.changed.length) why = 'its events do not match its cluster table';
        else {
          for (const e of stay) {
            oldEvents.delete(e.sig);
            reused.push(e);
            added.push({ ...e, block: id });
          }
          for (const ci of r.changed) {
            const c = r.clusters[ci]!;
            const evs = c.map((p) => memberAt(member(p)));
            const copies = new Set(evs.filter((_, k) => r.copies.has(c[k]!)));
            eventOf(evs, copies, clusterSig(c.map((p) => refText(member(p), r.copies.has(p)))), id);
          }
          const to = new Int32Array(r.table.n);
          const place = new Map<number, number>(block.map((i, k) => [i, k] as const));
          for (let p = 0; p < to.length; p++) to[p] = place.get(member(p))!;
          newTables.set(id, r.table.permuted(to));
          replayed += block.length;
          recomputed += r.stats.recomputed;
          notes.push(`block of ${block.length} reports replayed: ${r.stats.recomputed} decisions recomputed, ${r.stats.parsed} of its reports parsed, ${r.changed.length} clusters changed`);
          continue;
        }
      }
      notes.push(`block of ${block.length} reports clustered in full: ${why}`);
    }
    const evs = block.map(memberAt);
    const at = new Map<ExtractedEvent, number>();
    block.forEach((i, p) => at.set(evs[p]!, i));
    const result = clusterWithCopies(evs);
    const { clusters, copies } = result;
    for (const c of clusters) eventOf(c, copies, clusterSig(c.map((m) => refText(at.get(m)!, copies.has(m)))), id);
    if (block.length >= tableLimits.minReports) {
      const t = tableOf(evs, result);
      if (t) newTables.set(id, t);
    }
  }

  step(`state: blocks clustered, new events combined${notes.length ? ` (${notes.join('; ')})` : ''}`);
  const oldTerms: { block: number; ev: ExtractedEvent }[] = [];
  for (const [b, list] of oldReports) if (!heirs.has(b)) for (const ev of list) oldTerms.push({ block: b, ev });

  // 4. Ids over every event, then the order of events.json.
  const kept = state.events.filter((e) => !affected.has(e.block));
  // Old events kept as they were go the way of the untouched ones (their text is in the body).
  for (const e of added) if (e.text === undefined && e.len >= 0 && e.off >= 0) kept.push(e);
  const listed = kept.concat(added.filter((e) => !(e.text === undefined && e.len >= 0 && e.off >= 0)));
  // Numbered again: the id families of the events of the re-clustered blocks (gone, kept, moved to
  // the end of the list) and of the new events; every other family has the same events in the same
  // order as in the previous build, so the same ids (reassignIds).
  const touched = new Set<string>();
  for (const e of state.events) if (affected.has(e.block)) touched.add(idFamily(e.base));
  for (const e of added) touched.add(idFamily(e.base));
  const ids = reassignIds(listed, touched);
  let idsChanged = 0;
  /** Records of the previous build whose id changed (for inEventOrder). */
  const moved = new Set<EventRec>();
  for (let i = 0; i < listed.length; i++) {
    let e = listed[i]!;
    const id = ids[i]!;
    if (e.id === id) continue;
    if (i < kept.length) {
      idsChanged++;
      // An old event's text moves: it is written again with its new id.
      const old = e.len >= 0 ? await state.read(e.off, e.len) : undefined;
      listed[i] = e = { ...e, ...(old ? { text: retext(old, e.id, id) } : {}) };
      if (old) state.garbage += e.len;
    } else if (e.text) e.text = retext(e.text, e.id, id);
    e.warnings = e.warnings.map((w) => (w.startsWith(`event ${e.id}`) ? `event ${id}${w.slice(6 + e.id.length)}` : w));
    e.id = id;
    moved.add(e);
  }
  // (In the order of events.json: as all.sort by day and id would put them.)
  const all = inEventOrder(listed, moved, state.events.length);

  step('state: ids');
  // 5. Documents and the build report, as finishPipeline makes them.
  const documents: DocumentEntry[] = [];
  const perDocument = new Map<string, number>();
  const documentChars = new Map<string, number>();
  const warnings: { document?: string; message: string }[] = input.corpusWarnings.map((message) => ({ message }));
  const seenIds = new Map<string, string>();
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    const { entry } = r;
    const clash = seenIds.get(entry.id);
    if (clash !== undefined) warnings.push({ document: entry.id, message: `same id as ${clash}; events from both are kept, sources name the id` });
    else seenIds.set(entry.id, entry.path);
    documents.push(entry);
    for (const message of r.warnings) warnings.push({ document: entry.id, message });
    if (entry.status === 'ok') {
      const n = state.docs.get(keys[i]!)?.n ?? r.events.length;
      perDocument.set(entry.id, (perDocument.get(entry.id) ?? 0) + n);
      documentChars.set(entry.id, (documentChars.get(entry.id) ?? 0) + r.bytes);
    }
  }
  warnings.push(...futurePublicationWarnings(documents.filter((d) => d.status === 'ok')));
  const side: DocumentSide = { documents, perDocument, documentChars, warnings: [...warnings] };
  // (One-sided events are left out before validation, as in publishMerged.)
  const shown = all.some((e) => e.one) ? all.filter((e) => !e.one) : all;
  let valid = 0;
  for (const e of shown) {
    if (e.len >= 0) valid++;
    for (const message of e.warnings) warnings.push({ message });
  }
  const report = buildReport({ documents, eventsPerDocument: perDocument, documentChars, warnings, mergedEvents: valid, curationWarnings: [] });
  step('state: documents and build report');

  const stats = {
    blocks: state.blocks.size - [...affected].filter((b) => state.blocks.has(b)).length + newBlocks.size,
    reclustered: refs.length,
    replayed,
    recomputed,
    reports: 0,
    newEvents: added.length - reused.length,
    reused: reused.length,
    refiled: refile.length,
    events: valid,
    idsChanged,
  };
  for (const d of state.docs.values()) if (present.has(d.key)) stats.reports += d.n;
  for (let i = 0; i < reports.length; i++) if (!state.docs.has(keys[i]!)) stats.reports += reports[i]!.events.length;

  /**
   * Writes events.json from `items` (valid events in order, each under `id`, from `text` when given,
   * else from its record's text, its id replaced when it differs) and `aliases` when given.
   */
  const writeFile = async (output: string, items: readonly { e: EventRec; id: string; text?: Buffer }[], aliases?: Record<string, string>): Promise<void> => {
    const out = await BufferedFile.create(output);
    try {
      await out.text('{\n  "schemaVersion": 1');
      if (documents.length === 0) await out.text(',\n  "documents": []');
      else {
        await out.text(',\n  "documents": [');
        for (let i = 0; i < documents.length; i++) await out.text(`${i === 0 ? '' : ','}\n${nested(documents[i], 2)}`);
        await out.text('\n  ]');
      }
      if (items.length === 0) await out.text(',\n  "events": []');
      else {
        await out.text(',\n  "events": [');
        // Runs of old events that lie one after another in the body are read at once, straight into
        // the file's buffer; a run with members published under another id than their text's is read
        // apart and has their ids replaced in their slices.
        let first = true;
        let runOff = -1;
        let runLen = 0;
        /** Members of the run whose id changes: their event and new id. */
        const renamed: { e: EventRec; id: string }[] = [];
        const sep = Buffer.from(',\n');
        const nl = Buffer.from('\n');
        const endRun = async () => {
          if (runOff < 0) return;
          const start = runOff;
          const len = runLen;
          runOff = -1;
          if (renamed.length === 0) return out.fill(len, (target, at) => state.readInto(target, at, start, len));
          const buf = await state.read(start, len);
          let from = 0;
          for (const { e, id } of renamed) {
            const at = e.off - start;
            await out.bytes(buf.subarray(from, at));
            await out.bytes(retext(buf.subarray(at, at + e.len), e.id, id));
            from = at + e.len;
          }
          renamed.length = 0;
          await out.bytes(from === 0 ? buf : buf.subarray(from));
        };
        for (const { e, id, text: own } of items) {
          const lead = first ? nl : sep;
          first = false;
          if (own !== undefined || e.text !== undefined) {
            await endRun();
            await out.bytes(lead);
            const body = own ?? e.text!;
            await out.bytes(own === undefined && id !== e.id ? retext(body, e.id, id) : body);
            continue;
          }
          // In the body, each old event's text is stored right after its ",\n" separator.
          if (runOff >= 0 && runOff + runLen === e.off - 2 && runLen < READ_RUN) runLen += 2 + e.len;
          else {
            await endRun();
            await out.bytes(lead);
            runOff = e.off;
            runLen = e.len;
          }
          if (id !== e.id) renamed.push({ e, id });
        }
        await endRun();
        await out.text('\n  ]');
      }
      if (aliases !== undefined) await out.text(`,\n  "aliases": ${JSON.stringify(aliases, null, 2).replace(/\n/g, '\n  ')}`);
      await out.text('\n}\n');
    } finally {
      await out.close();
    }
  };
  const write = (output: string): Promise<void> =>
    writeFile(
      output,
      shown.filter((e) => e.len >= 0).map((e) => ({ e, id: e.id })),
    );

  const publish = async (source: Registry | RegistryText, digest?: string): Promise<Published> => {
    // (A registry read from a text the state knows is parsed whole only where it must be: see publish-delta.ts.)
    const text = source instanceof RegistryText ? source : undefined;
    const full = (): Registry => (text ? text.registry() : (source as Registry));
    const entryOf = (id: string): RegistryEntry | undefined => (text ? text.entry(id) : Object.hasOwn(full().ids, id) ? full().ids[id] : undefined);
    const regAliases = text ? text.aliases : full().aliases;
    // Each event's Lite: from the state, or from its merged form (its raw form when validation
    // changed it, else its valid text).
    for (const e of all) {
      if (e.lite !== undefined) continue;
      const raw = e.rawText ?? (e.raw ? await state.read(e.raw[0], e.raw[1]) : undefined);
      const textOf = raw ?? e.text ?? (e.len >= 0 ? await state.read(e.off, e.len) : undefined);
      if (textOf === undefined) throw new Error('build state: an event without text or merged form');
      e.lite = liteOf(JSON.parse(textOf.toString('utf8')) as TimelineEvent);
      state.litesAdded = true;
    }
    step('');
    // Step 1 of the registry, as applyRegistry does it on the merged events (in this order; the
    // one-sided ones are left out first, as publishMerged does): from the previous build's matching
    // where it can be shown to be the same (matchFromState), else in full.
    // (Whether the registry file read is one a build wrote with formatRegistry: then the new one is patched from it.)
    const canonical = digest !== undefined && state.wroteRegistry(digest);
    canonOut = canonical ? digest : undefined;
    if (digest !== undefined) await state.loadMatches();
    // Step 2 from what changed (publish-delta.ts) when the registry read is the one the previous build
    // wrote or found unchanged, its text known, and the state keeps its idle ids.
    const info = state.matchInfo;
    const delta = text !== undefined && canonical && info?.idle !== undefined && info.next === digest && state.pubs !== undefined;
    const inputs = registryInputs(shown);
    const scan = delta
      ? (dirty: readonly number[]) =>
          scanFromState({ dirtyKeys: dirty.map((i) => shown[i]!.lite![3]), docs: state.docs.values(), events: state.events, pubs: state.pubs!, idle: info!.idle!, text: text! })
      : undefined;
    const fromState = digest !== undefined ? matchFromState(shown, text ?? full(), digest, state, inputs, scan) : undefined;
    const m = fromState ?? matchRegistry(inputs, full(), (i) => liteKey(shown[i]!));
    const { named, matched } = m;
    step(`registry: matched ${fromState ? 'from the state' : 'in full'}`);
    // What the next build needs of this matching: who chose each event, and the ties.
    matchOut = undefined;
    if (digest !== undefined) {
      const lines = fromState?.lines ?? choosersOf(named, matched);
      // (Ids with a space or a line break, which no build gives, cannot be kept that way; lines kept
      // from the state were checked when they were made.)
      const bad = (l: string | undefined) => l !== undefined && l !== '' && (/[\n\r]/.test(l) || l.split(' ').some((id) => id === ''));
      if (!(fromState ? fromState.changed.some((i) => bad(lines[i])) : lines.some(bad))) {
        // (Each event's line, aligned with all events: the one-sided ones have none.)
        let kept = lines;
        if (shown !== all) {
          kept = new Array<string>(all.length);
          for (let i = 0, j = 0; i < all.length; i++) kept[i] = all[i]!.one ? '' : lines[j++]!;
        }
        matchOut = { reg: digest, ties: m.ties.ids, tieRecs: new Set(m.ties.events.map((i) => shown[i]!)), lines: kept };
      }
    }
    // Fresh ids as assignIds gives them (grouped by base id, numbered by first source), none taken.
    const ids: string[] = new Array(shown.length);
    const groups = new Map<string, number[]>();
    for (let i = 0; i < shown.length; i++) {
      if (named[i] !== undefined) {
        ids[i] = named[i]!;
        continue;
      }
      const g = groups.get(shown[i]!.base);
      if (g) g.push(i);
      else groups.set(shown[i]!.base, [i]);
    }
    // (Taken: every registered id and alias, which includes the ids events took, and those given here.)
    const used = new Set<string>();
    const taken = (id: string) => entryOf(id) !== undefined || Object.hasOwn(regAliases, id) || used.has(id);
    const freshAt: number[] = [];
    for (const [base, group] of [...groups].sort((a, b) => cmp(a[0], b[0]))) {
      const ordered = [...group].sort((a, b) => cmp(shown[a]!.lite![2], shown[b]!.lite![2]));
      let n = 1;
      for (const i of ordered) {
        let candidate = n === 1 ? base : `${base}-${n}`;
        while (taken(candidate)) candidate = `${base}-${++n}`;
        used.add(candidate);
        ids[i] = candidate;
        freshAt.push(i);
        n++;
      }
    }
    step('registry: fresh ids');
    const order = shown.map((_, i) => i).sort((a, b) => cmp(shown[a]!.date, shown[b]!.date) || cmp(ids[a]!, ids[b]!));

    // Validation, as publishMerged does after the registry: only events whose merged form is not
    // their valid text (validation changed or rejected them) are validated again, under their new id.
    const warnings = [...side.warnings];
    const items: { e: EventRec; id: string; text?: Buffer }[] = [];
    /** Source keys of the events validated again and kept (the others' are their Lite's). */
    const validKeys = new Map<number, string[]>();
    const contentKeys = new Map<number, string>();
    const rejected = new Set<string>();
    for (const i of order) {
      const e = shown[i]!;
      const id = ids[i]!;
      if (e.rawText !== undefined || e.raw !== undefined) {
        const raw = e.rawText ?? (await state.read(e.raw![0], e.raw![1]));
        const checked = validateEvents([{ ...(JSON.parse(raw.toString('utf8')) as TimelineEvent), id }]);
        for (const message of checked.warnings) warnings.push({ message });
        const valid = checked.valid[0];
        if (valid) {
          items.push({ e, id, text: Buffer.from(nested(valid, 2), 'utf8') });
          validKeys.set(i, eventSourceKeys(valid));
          contentKeys.set(i, contentKey(valid));
        } else rejected.add(id);
        continue;
      }
      if (e.len < 0) throw new Error('build state: an event without text or merged form');
      items.push({ e, id });
    }
    /** Step 2's input for event i (published, in `order`): its id, content key and source keys. */
    const publishedOf = (i: number): PublishedInput => ({ id: ids[i]!, key: contentKeys.get(i) ?? liteKey(shown[i]!), keys: validKeys.get(i) ?? shown[i]!.lite![3] });
    const isPublished = (i: number) => !(shown[i]!.rawText !== undefined || shown[i]!.raw !== undefined) || validKeys.has(i);
    step('registry: order, validation');
    let registry: () => Registry;
    let aliases: Record<string, string>;
    let dirty: string[];
    let nextGeneration: number;
    let patchFrom: Registry;
    let idle: () => string[];
    if (delta && fromState) {
      // The events whose entries may differ from the registry's: see DeltaInput.touched.
      const touchedAt = new Set<number>(fromState.changed);
      for (const i of freshAt) touchedAt.add(i);
      for (const i of validKeys.keys()) touchedAt.add(i);
      const touched = order.filter((i) => touchedAt.has(i) && isPublished(i)).map(publishedOf);
      // The ids the previous build published under that may not be published now, its changed entries, its idle ids, the aliases.
      const firstOf = (line: string | undefined) => (line === undefined || line === '' ? undefined : line.split(' ', 1)[0]!);
      const old: string[] = [...(info!.dirty ?? []), ...info!.idle!, ...Object.keys(regAliases)];
      for (const k of fromState.dirtyOld) old.push(firstOf(state.pubs![k]) ?? '');
      for (const i of touchedAt) {
        const k = shown[i]!.at;
        if (k !== undefined) old.push(firstOf(state.pubs![k]) ?? '');
      }
      for (let k = 0; k < state.events.length; k++) if (state.events[k]!.raw !== undefined) old.push(firstOf(state.pubs![k]) ?? '');
      const freshIds = new Set(freshAt.map((i) => ids[i]!));
      let sourcesOf: Map<string, string[]> | undefined;
      const d = updateRegistryDelta({
        text: text!,
        touched,
        isCurrent: (id) => (matched.get(id) === id && !rejected.has(id)) || freshIds.has(id),
        old: old.filter((id) => id !== ''),
        matched: (id) => matched.get(id),
        sourcesOf: (id) => (sourcesOf ??= new Map(order.map((i) => [ids[i]!, shown[i]!.lite![3]] as const))).get(id),
        published: function* () {
          for (const i of order) if (isPublished(i)) yield [ids[i]!, publishedOf(i).keys] as const;
        },
      });
      let made: Registry | undefined;
      registry = () => (made ??= applyDelta(text!, d));
      aliases = d.aliases;
      dirty = d.dirty;
      nextGeneration = d.generation;
      patchFrom = deltaRegistry(d);
      idle = () => d.idle;
    } else {
      const reg = full();
      const published = order.filter(isPublished).map(publishedOf);
      const sourcesOf = new Map(order.map((i) => [ids[i]!, shown[i]!.lite![3]] as const));
      const updated = updateRegistryFrom(published, reg, { matched, sourcesOf });
      registry = () => updated.registry;
      aliases = updated.aliases;
      nextGeneration = updated.registry.generation;
      patchFrom = updated.registry;
      // The ids whose entries the new registry changes or adds (every other entry is the old one).
      dirty = [];
      for (const p of published) {
        const a = Object.hasOwn(reg.ids, p.id) ? reg.ids[p.id] : undefined;
        const b = updated.registry.ids[p.id]!;
        if (!a || a.since !== b.since || a.key !== b.key || a.sources.length !== b.sources.length || a.sources.some((x, j) => x !== b.sources[j])) dirty.push(p.id);
      }
      idle = () => {
        const current = new Set(published.map((p) => p.id));
        return Object.keys(updated.registry.ids).filter((id) => !current.has(id));
      };
    }
    step(`registry: updated${delta && fromState ? ' from what changed' : ''}`);
    const report = buildReport({ documents, eventsPerDocument: perDocument, documentChars, warnings, mergedEvents: items.length, curationWarnings: [] });
    const oldGeneration = text ? text.generation : full().generation;
    // The registry is the one read (same text): the next build can take it for this build's.
    if (matchOut && canonical && nextGeneration === oldGeneration) Object.assign(matchOut, { next: digest, dirty: [], idle: idle() });
    step('registry: report, changed entries');
    return {
      report,
      get registry() {
        return registry();
      },
      write: (output: string) => writeFile(output, items, aliases),
      incremental: fromState !== undefined,
      delta: delta && fromState !== undefined,
      registryText: (prev: Buffer) => {
        if (!canonical) return undefined;
        if (nextGeneration === oldGeneration) return 'same';
        return patchRegistryText(prev, patchFrom, dirty);
      },
      written: (d: string) => {
        canonOut = d;
        if (matchOut) Object.assign(matchOut, { next: d, dirty, idle: idle() });
      },
    };
  };
  let matchOut: MatchOut | undefined;
  /** The registry file known to be formatRegistry's after this build (Header.canon). */
  let canonOut: string | undefined;

  // Nothing to write when the build is the previous one: same documents in the same order with the
  // same entries and warnings, no block clustered again, no id changed (the header would be the same).
  const unchanged = (): boolean => {
    if (affected.size > 0 || idsChanged > 0 || state.litesAdded || state.bodyLength === 0 || state.docs.size !== keys.length) return false;
    // (A matching the state does not have yet is written once; one it has stays valid: see MatchHeader.)
    if (matchOut !== undefined && state.matchInfo === undefined) return false;
    // (Nor one that now knows the registry read to be this build's: see publish-delta.ts.)
    if (matchOut?.next !== undefined && (state.matchInfo?.next !== matchOut.next || state.matchInfo.idle === undefined)) return false;
    if (canonOut !== undefined && canonOut !== state.canon) return false;
    let i = 0;
    for (const d of state.docs.values()) {
      const r = reports[i]!;
      if (d.key !== keys[i] || d.sig !== (input.sigs?.[i] ?? undefined) || d.bytes !== r.bytes || JSON.stringify(d.entry) !== JSON.stringify(r.entry) || JSON.stringify(d.warnings) !== JSON.stringify(r.warnings)) return false;
      i++;
    }
    return true;
  };
  const saveState = async (): Promise<void> => {
    if (unchanged()) {
      await state.close();
      return;
    }
    try {
      await saveNewState(state, { reports, keys, sigs: input.sigs ?? [], present, affected, newBlocks, all, oldTerms, refile, reused: new Set(reused), nextBlock, match: matchOut, canon: canonOut, tables: newTables });
    } catch {
      // A state that cannot be written only costs time: the next build is a full one.
      await rm(state.file, { force: true }).catch(() => undefined);
    }
  };
  const merged = async (): Promise<TimelineEvent[]> => {
    const out: TimelineEvent[] = new Array(all.length);
    // Runs of old texts that lie one after another in the body are read at once.
    let runOff = -1;
    let runLen = 0;
    let runFrom = 0;
    const endRun = async (to: number) => {
      if (runOff < 0) return;
      const buf = await state.read(runOff, runLen);
      for (let i = runFrom; i < to; i++) {
        const e = all[i]!;
        if (e.text === undefined && e.raw === undefined && e.rawText === undefined && e.len >= 0) {
          out[i] = JSON.parse(buf.toString('utf8', e.off - runOff, e.off - runOff + e.len)) as TimelineEvent;
        }
      }
      runOff = -1;
    };
    for (let i = 0; i < all.length; i++) {
      const e = all[i]!;
      if (e.rawText !== undefined || e.raw !== undefined) {
        const raw = e.rawText ?? (await state.read(e.raw![0], e.raw![1]));
        out[i] = { ...(JSON.parse(raw.toString('utf8')) as TimelineEvent), id: e.id };
      } else if (e.text !== undefined) out[i] = JSON.parse(e.text.toString('utf8')) as TimelineEvent;
      else if (e.len < 0) throw new Error('build state: an event without text or merged form');
      else if (runOff >= 0 && runOff + runLen === e.off - 2 && runLen < READ_RUN) runLen += 2 + e.len;
      else {
        await endRun(i);
        runOff = e.off;
        runLen = e.len;
        runFrom = i;
      }
    }
    await endRun(all.length);
    return out;
  };
  return { documents, report, stats, write, saveState, side, merged, publish };
}

/**
 * The blocks of the reports to cluster again when every old block among them is whole (no document
 * of theirs removed) and new reports reached them: each group of new reports that `mergeBlocks` joins
 * among themselves, together with every old block their index lookups reached, and so on
 * transitively; the members' positions in each block ascending, blocks in the order of their first
 * position (as mergeBlocks gives them). Neither the old blocks nor their 50,000 reports are
 * partitioned again: an old block is closed (no report of it links to a report of another; links
 * depend only on the two reports, merge/blocks.ts) and stays so while none of its reports goes, new
 * reports link among themselves as mergeBlocks says, and to old reports only within the blocks their
 * lookups reached (queryTerms is a superset). So each block here is a union of the blocks mergeBlocks
 * would give, possibly of more than one when a lookup reached a block no link joins; clustering a
 * union of blocks gives the clusters of each (merge/blocks.ts), so the events are the same.
 * `fromBlock`: each member's old block (members of one old block lie together, before the new ones,
 * which start at `firstNew`); `reach`: the old blocks each new report's lookups reached.
 */
function blocksByReach(firstNew: number, fromBlock: readonly number[], fresh: readonly { ev: ExtractedEvent }[], reach: readonly Set<number>[]): number[][] {
  // Old blocks: their members' range; then one node per group of new reports.
  const range = new Map<number, [number, number]>();
  for (let i = 0; i < firstNew; i++) {
    const r = range.get(fromBlock[i]!);
    if (r) r[1] = i + 1;
    else range.set(fromBlock[i]!, [i, i + 1]);
  }
  const oldIds = [...range.keys()];
  const node = new Map<number, number>(oldIds.map((b, k) => [b, k] as const));
  const groups = mergeBlocks(fresh.map((f) => f.ev));
  const parent = Array.from({ length: oldIds.length + groups.length }, (_, k) => k);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  groups.forEach((g, k) => {
    for (const f of g) {
      for (const b of reach[f]!) {
        const n = node.get(b);
        if (n === undefined) continue;
        const ra = find(n);
        const rb = find(oldIds.length + k);
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  });
  const out = new Map<number, number[]>();
  const add = (root: number, positions: Iterable<number>) => {
    let list = out.get(root);
    if (!list) out.set(root, (list = []));
    for (const p of positions) list.push(p);
  };
  oldIds.forEach((b, k) => {
    const [from, to] = range.get(b)!;
    const positions: number[] = [];
    for (let i = from; i < to; i++) positions.push(i);
    add(find(k), positions);
  });
  groups.forEach((g, k) => add(find(oldIds.length + k), g.map((f) => firstNew + f)));
  const blocks = [...out.values()];
  for (const b of blocks) b.sort((x, y) => x - y);
  return blocks.sort((x, y) => x[0]! - y[0]!);
}

/** Each event's `pub` line from a matching: the registered ids that chose it, the one it took first. */
export function choosersOf(named: readonly (string | undefined)[], matched: ReadonlyMap<string, string>): string[] {
  const by = new Map<string, string[]>();
  for (const [n, id] of matched) {
    if (n === id) continue;
    const list = by.get(id);
    if (list) list.push(n);
    else by.set(id, [n]);
  }
  return named.map((id) => (id === undefined ? '' : [id, ...(by.get(id)?.sort(cmp) ?? [])].join(' ')));
}

/** An event record's contentKey (id-registry.ts), from its day and its Lite's type and states. */
function liteKey(e: Pick<EventRec, 'date' | 'lite'>): string {
  return contentKey({ date: e.date, type: e.lite![0] as TimelineEvent['type'], countries: e.lite![1] });
}

/** What the registry's matching reads of each event record (its source keys from its Lite). */
function registryInputs(shown: readonly MatchRec[]): RegistryInput[] {
  return shown.map((e) => ({ id: e.id, date: e.date, type: e.lite![0], keys: e.lite![3] }));
}

/** What matchFromState reads of an event record (EventRec). */
export type MatchRec = Pick<EventRec, 'id' | 'date' | 'lite' | 'at' | 'one'>;

/** What matchFromState reads of the previous build (BuildState after loadMatches and loadLites). */
export interface PreviousMatch {
  matchInfo: MatchHeader | undefined;
  pubs: string[] | undefined;
  events: readonly MatchRec[];
}

/**
 * Step 1 of the id registry (matchRegistry) for this build's published events `shown`, from the
 * previous build's matching kept in the state, or undefined when it cannot be shown to be the same
 * (then the caller matches in full). Why it is the same:
 * - The previous matching was made against the registry of hash `reg`; the one read now is that one,
 *   or the one of hash `next` that the previous build wrote, which differs from it only in the
 *   entries of `dirty` (any other registry: undefined).
 * - matchRegistry gives each registered id n the event that is the unique best by (score, closeness)
 *   among the events that share a source (strong or weak of n's type) with it or have n as their
 *   content id; several best: a tie, settled globally. Both depend only on n's entry and on those
 *   events' source keys, type, day, states and content id.
 * - An event is clean when it is a record of the previous build (a kept event, or a re-clustered one
 *   with the same members: the same Lite) with the same content id; the others (new, or renumbered)
 *   are dirty, and so are the previous events that are gone. The registered ids to decide again (A):
 *   the dirty entries, every id that chose a dirty or gone event, and every id that shares a source
 *   with, or is the content id of, a dirty event. Any other id has the same entry and the same
 *   candidates with the same scores, so the same best: the unique best does not depend on the order
 *   of the events nor on candidates that are not best.
 * - Ids in A are decided again over every event they touch, exactly as matchRegistry scores them.
 *   Each event then takes the oldest id that chose it: the choosers of an event that no id of A chose
 *   before or chooses now are the same as before, so it takes the same id.
 * - Ties are settled in one pass over all tied ids that reads which events other ids claimed: when an
 *   id of A tied, before or now, or a tie's event is gone, renumbered or chosen by an id of A before or
 *   now, undefined.
 */
export function matchFromState(
  shown: readonly MatchRec[],
  reg: Registry | RegistryText,
  digest: string,
  state: PreviousMatch,
  inputs?: readonly RegistryInput[],
  scan?: (dirty: readonly number[]) => Iterable<ScanEntry>,
): FromState | undefined {
  const entryOf = (id: string): RegistryEntry | undefined => (reg instanceof RegistryText ? reg.entry(id) : Object.hasOwn(reg.ids, id) ? reg.ids[id] : undefined);
  const info = state.matchInfo;
  const pubs = state.pubs;
  const old = state.events;
  if (info === undefined || pubs === undefined || pubs.length !== old.length) return undefined;
  let dirtyIds: readonly string[];
  if (digest === info.reg) dirtyIds = [];
  else if (info.next !== undefined && digest === info.next) dirtyIds = info.dirty ?? [];
  else return undefined;
  const choosers = (k: number): string[] => (pubs[k] === '' ? [] : pubs[k]!.split(' '));

  // Dirty events (new, renumbered) and gone ones; the ids that chose them.
  const A = new Set<string>(dirtyIds);
  const dirtyNew: number[] = [];
  const dirtyOld: number[] = [];
  const newOf = new Int32Array(old.length).fill(-1);
  for (let i = 0; i < shown.length; i++) {
    const e = shown[i]!;
    const k = e.at;
    if (k === undefined || k < 0 || k >= old.length || newOf[k] !== -1) {
      dirtyNew.push(i);
      continue;
    }
    newOf[k] = i;
    const o = old[k]!;
    if (o.one || o.id !== e.id || o.date !== e.date || o.lite !== e.lite) {
      dirtyNew.push(i);
      dirtyOld.push(k);
      for (const c of choosers(k)) A.add(c);
    }
  }
  for (let k = 0; k < old.length; k++) {
    if (old[k]!.one || newOf[k] !== -1) continue;
    dirtyOld.push(k);
    for (const c of choosers(k)) A.add(c);
  }
  const tieEvents = new Set(info.tieEvents);
  for (const k of dirtyOld) if (tieEvents.has(k)) return undefined;

  // Every registered id that shares a source with a dirty event or is its content id.
  const strong = new Set<string>();
  const weakTypes = new Map<string, Set<string>>();
  const own = new Set<string>();
  for (const i of dirtyNew) {
    const e = shown[i]!;
    own.add(e.id);
    for (const k of e.lite![3]) {
      strong.add(k);
      const w = weakKey(k);
      let t = weakTypes.get(w);
      if (!t) weakTypes.set(w, (t = new Set()));
      t.add(e.lite![0]);
    }
  }
  if (dirtyNew.length > 0) {
    // (Every entry, or those `scan` gives: a superset of the entries that can share a source with a dirty event.)
    for (const id of own) if (!A.has(id) && entryOf(id) !== undefined) A.add(id);
    const entries: Iterable<ScanEntry> = scan ? scan(dirtyNew) : allEntries(reg instanceof RegistryText ? reg.registry() : reg);
    for (const [id, type, sources] of entries) {
      if (A.has(id)) continue;
      if (own.has(id)) {
        A.add(id);
        continue;
      }
      let hit = false;
      for (const src of sources) {
        if (strong.has(src)) {
          hit = true;
          break;
        }
      }
      if (!hit) {
        for (const src of sources) {
          if (weakTypes.get(weakKey(src))?.has(type)) {
            hit = true;
            break;
          }
        }
      }
      if (hit) A.add(id);
    }
  }
  for (const id of info.ties) if (A.has(id)) return undefined;

  // The ids of A decided again over every event, by matchRegistry's own scorer.
  // (From the registry's text, only the entries of A are read: scoreRegistry reads no other.)
  const sub: Registry = reg instanceof RegistryText ? { version: 1, generation: reg.generation, ids: Object.fromEntries([...A].flatMap((id) => {
    const e = reg.entry(id);
    return e ? [[id, e] as const] : [];
  })), aliases: {} } : reg;
  const scored = scoreRegistry(inputs ?? registryInputs(shown), sub, A, (i) => liteKey(shown[i]!));
  if (scored.ties.size > 0) return undefined;
  const best = new Map<string, number>();
  for (let n = 0; n < scored.ids.length; n++) if (scored.best[n]! >= 0) best.set(scored.ids[n]!, scored.best[n]!);

  // Events whose choosers change: those ids of A chose before or choose now.
  const oldBest = new Map<string, number>();
  for (let k = 0; k < old.length; k++) {
    const line = pubs[k]!;
    if (line === '') continue;
    if (line.indexOf(' ') < 0) {
      if (A.has(line)) oldBest.set(line, k);
    } else for (const c of line.split(' ')) if (A.has(c)) oldBest.set(c, k);
  }
  const now = new Map<number, string[]>();
  for (const [n, i] of best) {
    const list = now.get(i);
    if (list) list.push(n);
    else now.set(i, [n]);
  }
  const changed = new Set<number>(now.keys());
  for (const k of oldBest.values()) {
    if (tieEvents.has(k)) return undefined;
    if (newOf[k]! >= 0) changed.add(newOf[k]!);
  }
  for (const i of now.keys()) {
    const k = shown[i]!.at;
    if (k !== undefined && tieEvents.has(k)) return undefined;
  }

  // Each event takes the oldest id that chose it; the others become its aliases.
  const older = (a: string, b: string) => entryOf(a)!.since - entryOf(b)!.since || cmp(a, b);
  const named: (string | undefined)[] = new Array(shown.length);
  const lines: string[] = new Array(shown.length);
  const matched = new Map<string, string>();
  for (let i = 0; i < shown.length; i++) {
    const k = shown[i]!.at;
    const clean = k !== undefined && newOf[k] === i;
    let line: string;
    if (!changed.has(i)) line = clean ? pubs[k]! : '';
    else {
      const list = clean ? choosers(k).filter((c) => !A.has(c)) : [];
      for (const n of now.get(i) ?? []) list.push(n);
      list.sort(older);
      line = list.join(' ');
    }
    lines[i] = line;
    if (line === '') continue;
    if (line.indexOf(' ') < 0) {
      named[i] = line;
      matched.set(line, line);
      continue;
    }
    const list = line.split(' ');
    named[i] = list[0]!;
    for (const c of list) matched.set(c, list[0]!);
  }
  const ties = { ids: info.ties, events: info.tieEvents.map((k) => newOf[k]!).sort((a, b) => a - b) };
  return { named, matched, ties, lines, changed: [...changed, ...dirtyNew], dirtyOld };
}

/** A registered id as matchFromState tests it against the dirty events: its id, its type (typeOfKey of its key), its sources. */
export type ScanEntry = readonly [id: string, type: string, sources: readonly string[]];

/** What matchFromState gives: matchRegistry's answer, each event's `pub` line, and what it decided again. */
export interface FromState {
  named: (string | undefined)[];
  matched: Map<string, string>;
  ties: { ids: string[]; events: number[] };
  lines: string[];
  /** Positions in `shown` of the events whose line was made again or that are dirty (new, renumbered); may repeat. */
  changed: number[];
  /** Positions in the previous build's events of the records that went or changed (dirty). */
  dirtyOld: number[];
}

function* allEntries(reg: Registry): Generator<ScanEntry> {
  for (const id of Object.keys(reg.ids)) {
    const e = reg.ids[id]!;
    yield [id, typeOfKey(e.key), e.sources];
  }
}

/**
 * A document's reports as the state keeps them: a JSON array with one report a line (reportsText),
 * so that a rebuild parses only the reports it clusters again (a block of 51,000 reports spans
 * documents that hold 226,000). A text without those lines (a state written before) is parsed whole.
 */
export function reportsText(events: readonly ExtractedEvent[]): string {
  return events.length === 0 ? '[]' : `[${events.map((ev) => JSON.stringify(ev)).join(',\n')}]`;
}

/** The reports of a document's text (reportsText), each parsed when first asked for. */
export class DocReports {
  private readonly starts: number[] | undefined;
  private readonly parsed: ExtractedEvent[] = [];
  private whole: ExtractedEvent[] | undefined;

  constructor(
    private readonly text: Buffer,
    n: number,
  ) {
    // Line k starts after the k-th line break (JSON text has no raw line break inside a value).
    const starts = [0];
    for (let at = text.indexOf(10); at >= 0 && starts.length <= n; at = text.indexOf(10, at + 1)) starts.push(at + 1);
    this.starts = n > 1 && starts.length === n ? starts : undefined;
  }

  at(j: number): ExtractedEvent {
    if (this.starts === undefined) {
      this.whole ??= JSON.parse(this.text.toString('utf8')) as ExtractedEvent[];
      return this.whole[j]!;
    }
    let ev = this.parsed[j];
    if (ev === undefined) {
      const n = this.starts.length;
      // Line j: "[" first, "," or "]" last, then the line break.
      const from = this.starts[j]! + (j === 0 ? 1 : 0);
      const to = j + 1 < n ? this.starts[j + 1]! - 2 : this.text.length - 1;
      ev = this.parsed[j] = JSON.parse(this.text.toString('utf8', from, to)) as ExtractedEvent;
    }
    return ev;
  }
}

/** The hash of a cluster from its members' refs ("~" before a copy's): order-independent. */
function clusterSig(refs: string[]): string {
  const h = createHash('sha256');
  for (const r of refs.sort(cmp)) {
    h.update(r);
    h.update('\u0000');
  }
  return h.digest('base64url').slice(0, 24);
}

/** `text` (an event's serialized form) with its id `from` replaced by `to` (the id is its first field). */
function retext(text: Buffer, from: string, to: string): Buffer {
  const s = text.toString('utf8');
  const head = `{\n      "id": ${JSON.stringify(from)},`;
  const at = s.indexOf(head);
  if (at !== 4) throw new Error('build state: unexpected event text');
  return Buffer.from(`${s.slice(0, at)}{\n      "id": ${JSON.stringify(to)},${s.slice(at + head.length)}`, 'utf8');
}

interface SaveInput {
  reports: readonly DocReport[];
  keys: readonly string[];
  sigs: readonly (string | null)[];
  present: Set<string>;
  affected: Set<number>;
  newBlocks: Map<number, Ref[]>;
  all: EventRec[];
  /** Reports whose terms are dropped from their old block's (blocks that did not pass on their id). */
  oldTerms: { block: number; ev: ExtractedEvent }[];
  /** Reports whose terms are filed under their new block. */
  refile: { block: number; ev: ExtractedEvent }[];
  /** Old events of re-clustered blocks that stay (their text stays in the body). */
  reused: Set<EventRec>;
  nextBlock: number;
  /** This build's registry matching, when it had one to keep. */
  match: MatchOut | undefined;
  /** Header.canon. */
  canon: string | undefined;
  /** Cluster tables of the new blocks (Header.clu). */
  tables: Map<number, ClusterTable>;
}

/** A build's registry matching for the next state (MatchHeader before it is written). */
interface MatchOut {
  reg: string;
  next?: string;
  dirty?: string[];
  idle?: string[];
  ties: string[];
  tieRecs: Set<EventRec>;
  /** Each event's `pub` line (MatchHeader.at), aligned with the events. */
  lines: readonly string[];
}

/**
 * Where each element of a Lite list's text (liteLines) lies: [start, end) of element k at 2k, 2k + 1;
 * undefined when the text is not laid out one element a line or has not `n` (recordLines).
 */
export function liteLines(text: Buffer, n: number): Uint32Array | undefined {
  return n === 0 ? undefined : recordLines(text, n);
}

/**
 * The Lite list of `all` (a section: one element a line, "[" L0 ",\n" L1 ... "]"): the elements of
 * records read from the state whose Lite is the one read are copied from the state's text,
 * consecutive ones in one piece; the others are written.
 */
function litesSection(state: BuildState, all: readonly EventRec[]): LinesWriter {
  const old = state.liteText;
  const lines = old !== undefined ? liteLines(old, state.events.length) : undefined;
  const out = new LinesWriter(old, lines);
  for (const e of all) {
    const k = e.at;
    if (lines !== undefined && k !== undefined && e.lite !== undefined && state.events[k]?.lite === e.lite) out.copy(k);
    else out.add(JSON.stringify(e.lite ?? 0));
  }
  return out;
}

/** Whether an event's record is the one read from the state at its position `o` (its line is then copied). */
function sameRecord(e: EventRec, o: EventRec): boolean {
  if (e.date !== o.date || e.id !== o.id || e.base !== o.base || e.order !== o.order || e.block !== o.block) return false;
  if (e.off !== o.off || e.len !== o.len || e.sig !== o.sig || e.raw !== o.raw) return false;
  return e.warnings === o.warnings || (e.warnings.length === o.warnings.length && e.warnings.every((w, i) => w === o.warnings[i]));
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/**
 * Writes the state after this build: appends new reports, event texts and index buckets to the body
 * (or compacts it into a new file), then the sections and the new header after it.
 */
async function saveNewState(state: BuildState, s: SaveInput): Promise<void> {
  step('');
  // Index: drop the terms of the blocks clustered again, add the new blocks'.
  // Buckets already read are taken without a promise (millions of terms in a first build).
  const bucketFor = (t: string): Map<string, number[]> | Promise<Map<string, number[]>> => {
    const name = bucketOf(t);
    state.dirty.add(name);
    return state.loaded.get(name) ?? state.bucket(name);
  };
  for (const { block, ev } of s.oldTerms) {
    for (const t of fileTerms(ev)) {
      const got = bucketFor(t);
      const index = got instanceof Map ? got : await got;
      const list = index.get(t);
      if (!list) continue;
      const kept = list.filter((b) => b !== block);
      if (kept.length) index.set(t, kept);
      else index.delete(t);
    }
  }
  for (const { block: b, ev } of s.refile) {
    for (const t of fileTerms(ev)) {
      const got = bucketFor(t);
      const index = got instanceof Map ? got : await got;
      const list = index.get(t);
      if (!list) index.set(t, [b]);
      else if (list[list.length - 1] !== b && !list.includes(b)) list.push(b);
    }
  }
  // Documents keep their numbers; a new one takes the next. Blocks name documents by number, so the
  // blocks that stay keep their records (copied) whatever documents come or go.
  let nextDoc = state.nextDoc;
  const serial = new Map<string, number>();
  for (const key of s.keys) serial.set(key, state.docs.get(key)?.serial ?? nextDoc++);
  const blocks = new LinesWriter(state.blocks.text, state.blocks.lines);
  for (const [b, line] of state.blocks.entries()) if (!s.affected.has(b)) blocks.copy(line);
  for (const [b, refs] of s.newBlocks) blocks.add(JSON.stringify([b, refs.map(([k, j]) => [serial.get(k)!, j])] satisfies BlockLine));
  // Each document's blocks: its old ones that stay (a block that passed on its id to the new block
  // holding it stays in its place: that new block holds every report of the old one), then the new
  // ones holding its reports. (Only which blocks, not their order, is read.)
  const docBlocks = new Map<string, number[]>();
  for (const d of state.docs.values()) {
    if (!s.present.has(d.key)) continue;
    const stays = (b: number) => !s.affected.has(b) || s.newBlocks.has(b);
    docBlocks.set(d.key, d.blocks.every(stays) ? d.blocks : d.blocks.filter(stays));
  }
  for (const [b, refs] of s.newBlocks) {
    for (const [k] of refs) {
      let list = docBlocks.get(k);
      if (list === undefined) docBlocks.set(k, (list = []));
      else if (list === state.docs.get(k)?.blocks) docBlocks.set(k, (list = [...list]));
      if (list[list.length - 1] !== b && !list.includes(b)) list.push(b);
    }
  }

  step('write state: index terms, blocks');
  // Compact when more than half of the body would be garbage: everything is written afresh.
  let garbage = state.garbage;
  for (const d of state.docs.values()) if (!s.present.has(d.key)) garbage += d.rep[1];
  for (const e of state.events) if (s.affected.has(e.block) && e.len > 0 && !s.reused.has(e)) garbage += e.len + 2;
  for (const name of state.dirty) garbage += state.buckets.get(name)?.[1] ?? 0;
  for (const [b, at] of state.tables) if (s.affected.has(b)) garbage += at[1];
  const compact = state.bodyLength === 0 || garbage * 2 > state.bodyLength;
  const target = compact ? `${state.file}.${process.pid}.tmp` : state.file;
  const fd = await open(target, compact ? 'w' : 'r+');
  try {
    // The sections and header are written again after the body, over the old ones (whose records
    // to copy are in memory): cut them first, so that a build stopped halfway leaves no state
    // rather than a header naming sections written over.
    if (!compact) await fd.truncate(state.bodyLength);
    let pos = compact ? 0 : state.bodyLength;
    const pending: Buffer[] = [];
    let pendingSize = 0;
    const flush = async () => {
      if (pendingSize === 0) return;
      const at = pos - pendingSize;
      const { bytesWritten } = await fd.writev(pending, at);
      if (bytesWritten !== pendingSize) throw new Error('build state: short write');
      pending.length = 0;
      pendingSize = 0;
    };
    const append = async (b: Buffer): Promise<number> => {
      const at = pos;
      pending.push(b);
      pendingSize += b.length;
      pos += b.length;
      if (pendingSize >= 1 << 22 || pending.length >= 512) await flush();
      return at;
    };
    /** Writes a section after what is written, returns where it lies. */
    const appendSection = async (w: LinesWriter): Promise<Section> => {
      const { parts, bytes, count } = w.finish();
      const at = pos;
      for (const b of parts) await append(b);
      return [at, bytes, count];
    };
    // Documents: the reports of new ones appended (all when compacting); records of unchanged ones copied.
    const oldDocLines = !compact && state.docsText ? recordLines(state.docsText, state.docs.size) : undefined;
    const docs = new LinesWriter(state.docsText, oldDocLines);
    for (let i = 0; i < s.reports.length; i++) {
      const key = s.keys[i]!;
      const r = s.reports[i]!;
      const old = state.docs.get(key);
      let rep: [number, number];
      let n: number;
      if (old && !compact) {
        rep = old.rep;
        n = old.n;
      } else {
        const text = old ? await state.read(old.rep[0], old.rep[1]) : Buffer.from(reportsText(r.events), 'utf8');
        n = old ? old.n : r.events.length;
        rep = [await append(text), text.length];
      }
      const sig = s.sigs[i] || undefined;
      const inBlocks = docBlocks.get(key) ?? [];
      if (old && oldDocLines && r.entry === old.entry && r.warnings === old.warnings && r.bytes === old.bytes && sig === old.sig && sameNumbers(inBlocks, old.blocks)) {
        docs.copy(old.line);
        continue;
      }
      const rec: DocLine = [key, r.entry, r.warnings, r.bytes, rep[0], rep[1], n, inBlocks, serial.get(key)!];
      if (sig) rec.push(sig);
      docs.add(JSON.stringify(rec));
    }
    step('write state: documents');
    // Event texts, each after a ",\n", in the order of events.json (so that runs of them are read at
    // once); records of events kept as they were copied.
    const oldEventLines = !compact && state.eventsText ? recordLines(state.eventsText, state.events.length) : undefined;
    const events = new LinesWriter(state.eventsText, oldEventLines);
    const sep = Buffer.from(',\n');
    const one: number[] = [];
    for (let i = 0; i < s.all.length; i++) {
      const e = s.all[i]!;
      if (e.one) one.push(i);
      const o = oldEventLines && e.at !== undefined && e.text === undefined && e.rawText === undefined ? state.events[e.at] : undefined;
      if (o !== undefined && sameRecord(e, o)) {
        events.copy(e.at!);
        continue;
      }
      let off = e.off;
      if (e.len >= 0 && (compact || e.text)) {
        const text = e.text ?? (await state.read(e.off, e.len));
        await append(sep);
        off = await append(text);
        e.len = text.length;
      }
      let raw = e.raw;
      if (e.rawText !== undefined || (raw !== undefined && compact)) {
        const text = e.rawText ?? (await state.read(raw![0], raw![1]));
        raw = [await append(text), text.length];
      }
      const tail = e.warnings.length ? (raw ? [e.warnings, raw] : [e.warnings]) : [];
      events.add(JSON.stringify([e.date, e.id, e.base === e.id ? 0 : e.base, e.order, e.block, off, e.len, e.sig, ...tail]));
    }
    step('write state: events');
    // Index buckets: changed ones written again, the others kept where they are (copied when compacting).
    const index: Header['index'] = {};
    const names = new Set([...state.buckets.keys(), ...state.dirty]);
    for (const name of [...names].sort()) {
      if (state.dirty.has(name)) {
        const m = state.loaded.get(name)!;
        if (m.size === 0) continue;
        const text = Buffer.from(JSON.stringify(Object.fromEntries(m)), 'utf8');
        index[name] = [await append(text), text.length];
      } else {
        const at = state.buckets.get(name)!;
        index[name] = compact ? [await append(await state.read(at[0], at[1])), at[1]] : at;
      }
    }
    step('write state: index buckets');
    // Cluster tables, in the body: those of blocks not clustered again stay where they are (copied when compacting).
    const clu: [number, number, number][] = [];
    for (const [b, at] of state.tables) if (!s.affected.has(b)) clu.push([b, compact ? await append(await state.read(at[0], at[1])) : at[0], at[1]]);
    for (const [b, t] of s.tables) {
      const text = Buffer.from(t.text(), 'utf8');
      clu.push([b, await append(text), text.length]);
    }
    step('write state: cluster tables');
    // The sections, after the body.
    const bodyLength = pos;
    const blocksAt = await appendSection(blocks);
    const docsAt = await appendSection(docs);
    const eventsAt = await appendSection(events);
    // Every event's Lite (about 150 bytes an event), one a line: those read from the state are copied
    // from its text, in runs, not written again.
    const lite = await appendSection(litesSection(state, s.all));
    // The registry matching: who chose each event (one line each), the ties.
    let match: MatchHeader | undefined;
    if (s.match) {
      const text = Buffer.from(s.match.lines.join('\n'), 'utf8');
      const tieEvents: number[] = [];
      s.all.forEach((e, i) => {
        if (s.match!.tieRecs.has(e)) tieEvents.push(i);
      });
      match = {
        reg: s.match.reg,
        ...(s.match.next !== undefined ? { next: s.match.next, dirty: s.match.dirty ?? [], ...(s.match.idle ? { idle: s.match.idle } : {}) } : {}),
        ties: s.match.ties,
        tieEvents,
        at: [await append(text), text.length],
      };
    }
    await flush();
    step('write state: sections (blocks, documents, events, registry records, matching)');
    const header: Header = {
      format: FORMAT,
      version: state.version,
      nextBlock: s.nextBlock,
      nextDoc,
      bodyLength,
      garbage: compact ? 0 : garbage,
      docs: docsAt,
      blocks: blocksAt,
      events: eventsAt,
      index,
      lite: [lite[0], lite[1]],
      ...(one.length ? { one } : {}),
      ...(match ? { match } : {}),
      ...(s.canon !== undefined ? { canon: s.canon } : {}),
      ...(clu.length ? { clu } : {}),
    };
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    const trailer = Buffer.from(`DTBS${String(pos).padStart(12, '0')}${String(head.length).padStart(12, '0')}`, 'latin1');
    await fd.write(head, 0, head.length, pos);
    await fd.write(trailer, 0, trailer.length, pos + head.length);
    await fd.truncate(pos + head.length + trailer.length);
    step('write state: header');
  } finally {
    await fd.close();
  }
  await state.close();
  if (compact) await rename(target, state.file);
}
