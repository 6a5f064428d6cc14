/**
 * The input edge: finds article files under a directory and decodes them.
 * Everything after this stage is pure. Nothing here throws for a bad file: a file that
 * cannot be read becomes a RawDocument with `text: null` and a `readError`, and the
 * pipeline lists it as skipped with that reason.
 *
 * Limits (see docs/security.md): at most MAX_FILE_BYTES are read from any one file (the
 * rest is never loaded), at most MAX_CORPUS_BYTES from the whole corpus, directories
 * are followed at most MAX_DEPTH deep, and every directory is visited once (symlink loops).
 * File names are read as bytes, so a name that is not valid UTF-8 is still opened (and shown
 * with U+FFFD where its bytes are invalid).
 */
import { constants as fsConstants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayLine } from '../../src/lib/sanitize.ts';
import type { RawDocument } from './types.ts';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;
/** Files larger than this are read only up to the cap (at a line break); the rest is never loaded. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Once this many bytes were read in total, further files are listed as skipped, not read. */
export const MAX_CORPUS_BYTES = 256 * 1024 * 1024;
/** Directories nested deeper than this below the input directory are not entered. */
export const MAX_DEPTH = 32;
/** A cut at the file cap backs up to the last line break within this many bytes, so no half sentence is kept. */
const CUT_LOOKBACK_BYTES = 64 * 1024;

export interface ReadCorpusOptions {
  maxFileBytes?: number;
  maxCorpusBytes?: number;
}

interface ReadOneOptions extends ReadCorpusOptions {
  /** The file's real path as bytes, when `rel` is not valid UTF-8 (see listArticleFiles). */
  fsPath?: Buffer;
  /** Why the cap is lower than maxFileBytes (the corpus cap), for the warning. */
  capReason?: string;
}

/**
 * The document id: the file name without its extension, with bidi controls, invisible and
 * control characters removed (ids are shown on pages and in exports). Never empty: a file named
 * ".md" is "md", and a name of nothing but invisible characters is "document".
 */
export function documentId(relPath: string): string {
  const base = relPath.split('/').pop() ?? relPath;
  const id = displayLine(base.replace(/\.(txt|md|markdown)$/i, ''));
  if (id !== '') return id;
  let i = 0;
  const name = displayLine(base);
  while (name[i] === '.') i++;
  return name.slice(i) || 'document';
}

export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Plain code-unit order: the same on every machine and locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function folderOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
}

/**
 * Gives every file a unique document id, deterministically. The first file in sorted path
 * order keeps its plain id (file name without extension). A later file with the same id gets
 * `<id>~<extension>` when it sits in the same folder as the first (report.txt, report.md), else
 * `<id>~<folder>` (folder path with "/" written as "~", "root" for the input directory itself),
 * then `<id>~<folder>~<extension>`; a counter is appended if that is still taken. No file's own
 * plain id is ever given to another file.
 */
export function assignDocumentIds(sortedPaths: readonly string[]): { ids: string[]; warnings: Map<number, string> } {
  const taken = new Map<string, string>();
  const ids: string[] = [];
  const warnings = new Map<number, string>();
  // Plain ids are reserved first, so a renamed duplicate never steals a later file's own id.
  const plain = sortedPaths.map(documentId);
  const firstOwner = new Map<string, number>();
  plain.forEach((id, i) => {
    if (!firstOwner.has(id)) firstOwner.set(id, i);
  });
  sortedPaths.forEach((rel, i) => {
    const id = plain[i]!;
    if (firstOwner.get(id) === i) {
      taken.set(id, rel);
      ids.push(id);
      return;
    }
    const owner = sortedPaths[firstOwner.get(id)!]!;
    const folder = folderOf(rel);
    const ext = rel.slice(rel.lastIndexOf('.') + 1).toLowerCase();
    const slug = folder === '' ? 'root' : folder.replace(/\//g, '~');
    const candidates = folder === folderOf(owner) ? [`${id}~${ext}`] : [`${id}~${slug}`, `${id}~${slug}~${ext}`];
    let chosen = candidates.find((c) => !taken.has(c) && !firstOwner.has(c));
    for (let n = 2; chosen === undefined; n++) {
      const c = `${candidates[0]}~${n}`;
      if (!taken.has(c) && !firstOwner.has(c)) chosen = c;
    }
    taken.set(chosen, rel);
    ids.push(chosen);
    warnings.set(i, `id "${id}" is already used by ${owner}; this document's id is "${chosen}"`);
  });
  return { ids, warnings };
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

/** A directory entry's name as text, and whether its bytes were valid UTF-8. */
function nameOf(raw: Buffer): { name: string; valid: boolean } {
  try {
    return { name: utf8Strict.decode(raw), valid: true };
  } catch {
    return { name: utf8Lossy.decode(raw), valid: false };
  }
}

/**
 * Lists article files recursively, in sorted path order, visiting each real directory once.
 * `fsPaths` holds the real (byte) path of each file whose path is not valid UTF-8: its listed
 * path shows U+FFFD for the invalid bytes and cannot be used to open it.
 */
export async function listArticleFiles(dir: string): Promise<{ files: string[]; warnings: string[]; fsPaths: Map<string, Buffer> }> {
  const files: string[] = [];
  const warnings: string[] = [];
  const fsPaths = new Map<string, Buffer>();
  const seen = new Set<string>();
  async function walk(abs: Buffer, rel: string, depth: number): Promise<void> {
    if (depth > MAX_DEPTH) {
      warnings.push(`${rel}: nested deeper than ${MAX_DEPTH} folders, not entered`);
      return;
    }
    let real: string;
    try {
      real = (await realpath(abs, { encoding: 'buffer' })).toString('latin1');
    } catch (err) {
      warnings.push(`${rel || '.'}: cannot resolve (${errorCode(err)})`);
      return;
    }
    if (seen.has(real)) {
      warnings.push(`${rel || '.'}: folder already visited (symlink loop or second link), skipped`);
      return;
    }
    seen.add(real);
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      warnings.push(`${rel || '.'}: cannot list folder (${errorCode(err)})`);
      return;
    }
    const named = entries.map((entry) => ({ entry, ...nameOf(entry.name) }));
    named.sort((a, b) => byCodeUnit(a.name, b.name) || Buffer.compare(a.entry.name, b.entry.name));
    for (const { entry, name, valid } of named) {
      const childAbs = Buffer.concat([abs, Buffer.from(path.sep), entry.name]);
      const childRel = rel ? `${rel}/${name}` : name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = await stat(childAbs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          if (isArticleFile(name) || errorCode(err) === 'ELOOP') {
            warnings.push(`${childRel}: broken or looping symlink (${errorCode(err)}), skipped`);
          }
          continue;
        }
      }
      if (!valid) warnings.push(`${childRel}: the name is not valid UTF-8 (invalid bytes shown as U+FFFD)`);
      if (isDir) await walk(childAbs, childRel, depth + 1);
      else if (isArticleFile(name)) {
        // FIFOs, sockets and devices named *.txt are never opened: reading them could block forever.
        if (!isFile) warnings.push(`${childRel}: not a regular file, skipped`);
        else {
          files.push(childRel);
          // A file whose name (or a folder's) is not valid UTF-8 is opened by its bytes.
          if (childRel.includes('\uFFFD')) fsPaths.set(childRel, childAbs);
        }
      }
    }
  }
  await walk(Buffer.from(dir), '', 0);
  files.sort(byCodeUnit);
  return { files, warnings, fsPaths };
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}

/** Length of the longest prefix of `bytes` that does not end inside a UTF-8 multi-byte sequence. */
export function utf8SafeLength(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  // Walk back over at most 3 continuation bytes to the lead byte of the last sequence.
  let back = 0;
  while (i >= 0 && back < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return bytes.length;
  const lead = bytes[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + need > bytes.length ? i : bytes.length;
}

/** True for a byte that ends a sentence (. ! ?) when followed by whitespace or a closing quote. */
function sentenceEndAt(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i];
  if (b !== 0x2e && b !== 0x21 && b !== 0x3f) return false;
  const next = bytes[i + 1];
  return next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09 || next === 0x22 || next === 0x27 || next === 0xe2;
}

/**
 * Where to cut bytes that were truncated at the cap, so that no half sentence is kept ("Wang Yi
 * meets Serg" must not become an event): after the last paragraph break (blank line) near the
 * end, else after the last sentence end (. ! ? before a space or quote), else after the last line
 * break near the end, else at a UTF-8 boundary.
 */
export function cutPoint(bytes: Uint8Array): number {
  const from = Math.max(0, bytes.length - CUT_LOOKBACK_BYTES);
  let paragraph = -1;
  for (let i = bytes.length - 1; i > from; i--) {
    if (bytes[i] === 0x0a && (bytes[i - 1] === 0x0a || (bytes[i - 1] === 0x0d && bytes[i - 2] === 0x0a))) {
      paragraph = i + 1;
      break;
    }
  }
  // The last byte may be a sentence end whose following space was cut off: it cannot be told from "3.5", so it is not used.
  let sentence = -1;
  for (let i = bytes.length - 2; i > paragraph && i >= 0; i--) {
    if (sentenceEndAt(bytes, i)) {
      let j = i + 1;
      // Keep a closing quote (ASCII or a UTF-8 curly quote, 3 bytes) with its sentence ...
      if (bytes[j] === 0x22 || bytes[j] === 0x27) j++;
      else if (bytes[j] === 0xe2 && bytes[j + 1] === 0x80 && (bytes[j + 2] === 0x9d || bytes[j + 2] === 0x99)) j += 3;
      // ... and the line break that ends its line.
      if (bytes[j] === 0x0d && bytes[j + 1] === 0x0a) j += 2;
      else if (bytes[j] === 0x0a || bytes[j] === 0x0d) j++;
      sentence = Math.min(j, bytes.length);
      break;
    }
  }
  // The later of the two clean cuts; else a line break near the end; else a UTF-8 boundary.
  if (sentence > 0 || paragraph > 0) return Math.max(sentence, paragraph);
  const nl = bytes.lastIndexOf(0x0a);
  if (nl >= from) return nl + 1;
  return utf8SafeLength(bytes);
}

/** True when the bytes look like binary data rather than text (NUL bytes, or many control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) {
    // C0 control bytes other than tab, LF, VT, FF and CR are rare in text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/**
 * Decodes file bytes to text. UTF-8 with its byte-order mark removed when valid; UTF-16 when
 * the file starts with a UTF-16 byte-order mark; UTF-8 with U+FFFD replacements when only a
 * few bytes are invalid among many valid multi-byte characters; else Windows-1252 (Latin-1).
 * Returns a warning whenever the text is not plain valid UTF-8.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; warning?: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warning: 'decoded as UTF-16LE (byte-order mark)' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warning: 'decoded as UTF-16BE (byte-order mark)' };
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(body);
    let replaced = 0;
    let validNonAscii = 0;
    for (const ch of lossy) {
      if (ch === '\ufffd') replaced++;
      else if (ch.charCodeAt(0) > 0x7f) validNonAscii++;
    }
    if (validNonAscii > replaced) {
      return { text: lossy, warning: `not valid UTF-8: ${replaced} invalid byte sequence(s) replaced with U+FFFD` };
    }
    return { text: new TextDecoder('latin1').decode(body), warning: 'not valid UTF-8; decoded as Latin-1 (Windows-1252)' };
  }
}

/**
 * Reads one file, never more than `maxFileBytes` of it (a larger file is read up to the cap,
 * cut at a line break, with a warning). Never throws.
 */
export async function readRawDocument(dir: string, rel: string, opts: ReadOneOptions = {}): Promise<RawDocument> {
  return (await readCapped(dir, rel, opts)).doc;
}

/** readRawDocument, also telling how many bytes were kept (for the corpus cap). */
async function readCapped(dir: string, rel: string, opts: ReadOneOptions): Promise<{ doc: RawDocument; bytes: number }> {
  const cap = opts.maxFileBytes ?? MAX_FILE_BYTES;
  const doc: RawDocument = { id: documentId(rel), path: rel, text: null, warnings: [] };
  const abs = opts.fsPath ?? path.join(dir, rel);
  let kept = 0;
  let handle;
  try {
    // O_NONBLOCK: should the file have been replaced by a pipe since it was listed, opening it does not hang.
    handle = await open(abs, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const st = await handle.stat();
    if (!st.isFile()) {
      doc.readError = 'not a regular file';
      return { doc, bytes: 0 };
    }
    // Read at most cap + 1 bytes, whatever stat said (files can grow while being read, and
    // pseudo-files report size 0): chunk by chunk until end of file or just past the cap.
    const limit = cap + 1;
    const chunks: Buffer[] = [];
    let filled = 0;
    let chunk = Buffer.alloc(Math.min(Math.max(st.size, 64 * 1024), limit));
    let used = 0;
    while (filled < limit) {
      if (used === chunk.length) {
        chunks.push(chunk);
        chunk = Buffer.alloc(Math.min(Math.max(chunk.length, 64 * 1024), limit - filled));
        used = 0;
      }
      const { bytesRead } = await handle.read(chunk, used, chunk.length - used, null);
      if (bytesRead === 0) break;
      used += bytesRead;
      filled += bytesRead;
    }
    chunks.push(chunk.subarray(0, used));
    const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, filled);
    let bytes: Uint8Array = buffer.subarray(0, filled);
    if (filled > cap) {
      bytes = bytes.subarray(0, cap);
      bytes = bytes.subarray(0, cutPoint(bytes));
      doc.warnings.push(
        opts.capReason
          ? `file is ${Math.max(st.size, filled)} bytes; ${opts.capReason}: only its first ${bytes.length} bytes were read`
          : `file is ${Math.max(st.size, filled)} bytes, over the ${cap}-byte cap; only its first ${bytes.length} bytes were read`,
      );
    }
    kept = bytes.length;
    if (looksBinary(bytes) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
      doc.readError = 'binary file (NUL or control bytes), not text';
      return { doc, bytes: kept };
    }
    const { text, warning } = decodeBytes(bytes);
    if (warning) doc.warnings.push(warning);
    if (text.includes('\0')) {
      doc.readError = 'binary file (NUL characters), not text';
      return { doc, bytes: kept };
    }
    doc.text = text;
  } catch (err) {
    doc.readError = `cannot read file (${errorCode(err)})`;
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return { doc, bytes: kept };
}

/** The input must be a readable folder; throws with the message the CLI prints otherwise. */
export async function checkInputDir(dir: string): Promise<void> {
  const st = await stat(dir).catch((err: unknown) => {
    const code = errorCode(err);
    throw new Error(code === 'ENOENT' ? `input directory not found: ${dir}` : `cannot read input directory ${dir} (${code})`);
  });
  if (!st.isDirectory()) throw new Error(`input is not a directory: ${dir}`);
  await readdir(dir).catch((err: unknown) => {
    throw new Error(`cannot read input directory ${dir} (${errorCode(err)})`);
  });
}

/**
 * Reads every article file under `dir`, in sorted path order, with unique ids (see
 * assignDocumentIds). Throws only when `dir` itself is missing or not a directory.
 */
export async function readCorpus(dir: string, opts: ReadCorpusOptions = {}): Promise<{ docs: RawDocument[]; warnings: string[] }> {
  await checkInputDir(dir);
  const { files, warnings, fsPaths } = await listArticleFiles(dir);
  const { ids, warnings: idWarnings } = assignDocumentIds(files);
  const fileCap = opts.maxFileBytes ?? MAX_FILE_BYTES;
  const corpusCap = opts.maxCorpusBytes ?? MAX_CORPUS_BYTES;
  let total = 0;
  let full = false;
  const docs: RawDocument[] = [];
  for (const [i, rel] of files.entries()) {
    let doc: RawDocument;
    const left = corpusCap - total;
    if (left <= 0 || full) {
      doc = { id: documentId(rel), path: rel, text: null, warnings: [], readError: `not read: the corpus already reached its ${corpusCap}-byte cap` };
    } else {
      // A file never takes the corpus past its cap: the last one read is cut like an over-long file.
      const byCorpus = left < fileCap;
      const read = await readCapped(dir, rel, {
        ...opts,
        maxFileBytes: byCorpus ? left : fileCap,
        ...(byCorpus ? { capReason: `the corpus reached its ${corpusCap}-byte cap` } : {}),
        ...(fsPaths.has(rel) ? { fsPath: fsPaths.get(rel)! } : {}),
      });
      doc = read.doc;
      total += read.bytes;
      // The file that met the cap was cut there: the corpus is full, whatever its cut left over.
      if (byCorpus && doc.warnings.some((w) => w.includes('corpus reached'))) full = true;
    }
    doc.id = ids[i]!;
    const idWarning = idWarnings.get(i);
    if (idWarning) doc.warnings.push(idWarning);
    docs.push(doc);
  }
  return { docs, warnings };
}
