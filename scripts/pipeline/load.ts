/**
 * The input edge: finds article files under a directory and decodes them.
 * Everything after this stage is pure. Nothing here throws for a bad file: a file that
 * cannot be read becomes a RawDocument with `text: null` and a `readError`.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RawDocument } from './types.ts';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;
/** Files larger than this are read only up to the cap (see README, "Limits"). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ReadCorpusOptions {
  maxFileBytes?: number;
}

/** The document id: the file name without its extension. */
export function documentId(relPath: string): string {
  const base = relPath.split('/').pop() ?? relPath;
  return base.replace(/\.(txt|md|markdown)$/i, '');
}

export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Lists article files recursively, in sorted path order, without following symlink loops. */
export async function listArticleFiles(dir: string): Promise<{ files: string[]; warnings: string[] }> {
  const files: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  async function walk(abs: string, rel: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(abs);
    } catch (err) {
      warnings.push(`${rel || '.'}: cannot resolve (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    if (seen.has(real)) {
      warnings.push(`${rel || '.'}: directory already visited (symlink loop?), skipped`);
      return;
    }
    seen.add(real);
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      warnings.push(`${rel || '.'}: cannot list directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childAbs = path.join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = await stat(childAbs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          warnings.push(`${childRel}: broken or looping symlink, skipped`);
          continue;
        }
      }
      if (isDir) await walk(childAbs, childRel);
      else if (isFile && isArticleFile(entry.name)) files.push(childRel);
    }
  }
  await walk(dir, '');
  files.sort();
  return { files, warnings };
}

/** Decodes bytes: UTF-8 (BOM removed) when valid, else Latin-1 with a warning. */
export function decodeBytes(bytes: Uint8Array): { text: string; warning?: string } {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { text: new TextDecoder('latin1').decode(body), warning: 'not valid UTF-8; decoded as Latin-1' };
  }
}

export async function readRawDocument(dir: string, rel: string, opts: ReadCorpusOptions = {}): Promise<RawDocument> {
  const cap = opts.maxFileBytes ?? MAX_FILE_BYTES;
  const doc: RawDocument = { id: documentId(rel), path: rel, text: null, warnings: [] };
  const abs = path.join(dir, rel);
  try {
    const st = await lstat(abs);
    let bytes: Uint8Array = await readFile(abs);
    if (bytes.length > cap) {
      bytes = bytes.subarray(0, cap);
      doc.warnings.push(`file is ${st.size} bytes; only the first ${cap} bytes were read`);
    }
    if (bytes.includes(0)) {
      doc.readError = 'binary file (contains NUL bytes)';
      return doc;
    }
    const { text, warning } = decodeBytes(bytes);
    if (warning) doc.warnings.push(warning);
    doc.text = text;
  } catch (err) {
    doc.readError = `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  return doc;
}

/** Reads every article file under `dir`. Throws only when `dir` itself cannot be read. */
export async function readCorpus(dir: string, opts: ReadCorpusOptions = {}): Promise<{ docs: RawDocument[]; warnings: string[] }> {
  const st = await stat(dir).catch(() => null);
  if (!st) throw new Error(`input directory not found: ${dir}`);
  if (!st.isDirectory()) throw new Error(`input is not a directory: ${dir}`);
  const { files, warnings } = await listArticleFiles(dir);
  const docs: RawDocument[] = [];
  for (const rel of files) docs.push(await readRawDocument(dir, rel, opts));
  return { docs, warnings };
}
