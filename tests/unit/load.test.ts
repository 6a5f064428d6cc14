import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignDocumentIds,
  cutPoint,
  decodeBytes,
  documentId,
  isArticleFile,
  listArticleFiles,
  looksBinary,
  readCorpus,
  readRawDocument,
  utf8SafeLength,
} from '../../scripts/pipeline/load.ts';

const enc = new TextEncoder();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'load-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, data: string | Uint8Array): Promise<void> {
  const abs = path.join(dir, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, data);
}

describe('documentId / isArticleFile', () => {
  it('strips the article extension only', () => {
    expect(documentId('a/b/000_x.txt')).toBe('000_x');
    expect(documentId('notes.MD')).toBe('notes');
    expect(documentId('x.markdown')).toBe('x');
    expect(documentId('archive.tar.txt')).toBe('archive.tar');
  });
  it('recognises .txt, .md and .markdown in any case', () => {
    expect(isArticleFile('a.TXT')).toBe(true);
    expect(isArticleFile('a.md')).toBe(true);
    expect(isArticleFile('a.markdown')).toBe(true);
    expect(isArticleFile('a.json')).toBe(false);
    expect(isArticleFile('a.txt.bak')).toBe(false);
  });
});

describe('assignDocumentIds', () => {
  it('keeps plain ids when there is no clash', () => {
    const { ids, warnings } = assignDocumentIds(['a.txt', 'b/c.md']);
    expect(ids).toEqual(['a', 'c']);
    expect(warnings.size).toBe(0);
  });
  it('suffixes a later same-name file with its folder and says so', () => {
    const { ids, warnings } = assignDocumentIds(['asia/report.txt', 'europe/report.txt', 'report.txt']);
    expect(ids).toEqual(['report', 'report~europe', 'report~root']);
    expect(warnings.get(1)).toContain('asia/report.txt');
    expect(warnings.get(1)).toContain('report~europe');
    expect(warnings.has(0)).toBe(false);
  });
  it('suffixes with the extension when both files share a folder', () => {
    expect(assignDocumentIds(['d/x.md', 'd/x.txt']).ids).toEqual(['x', 'x~txt']);
  });
  it('writes nested folders with "~" and never steals another file\'s own id', () => {
    const { ids } = assignDocumentIds(['a/b/x.txt', 'c/d/x.txt', 'x~c~d.txt']);
    expect(ids[0]).toBe('x');
    expect(ids[2]).toBe('x~c~d');
    expect(ids[1]).not.toBe('x~c~d');
    expect(new Set(ids).size).toBe(3);
  });
  it('is unique for many clashes and deterministic', () => {
    const paths = ['a/x.txt', 'a/x.md', 'a/x.markdown', 'b/x.txt', 'b/x.md', 'x.txt', 'x.md'].sort();
    const first = assignDocumentIds(paths).ids;
    expect(new Set(first).size).toBe(paths.length);
    expect(assignDocumentIds(paths).ids).toEqual(first);
  });
});

describe('byte helpers', () => {
  it('utf8SafeLength never ends inside a multi-byte character', () => {
    const bytes = enc.encode('abcé😀');
    // a b c = 3 bytes, é = 2, 😀 = 4
    expect(utf8SafeLength(bytes)).toBe(9);
    expect(utf8SafeLength(bytes.subarray(0, 8))).toBe(5);
    expect(utf8SafeLength(bytes.subarray(0, 6))).toBe(5);
    expect(utf8SafeLength(bytes.subarray(0, 4))).toBe(3);
    expect(utf8SafeLength(bytes.subarray(0, 3))).toBe(3);
  });
  it('cutPoint prefers the last line break', () => {
    expect(cutPoint(enc.encode('one\ntwo\nthr'))).toBe(8);
    expect(cutPoint(enc.encode('no break é').subarray(0, 10))).toBe(9);
  });
  it('looksBinary spots NUL and control bytes but not text', () => {
    expect(looksBinary(new Uint8Array([0x41, 0x00, 0x42]))).toBe(true);
    expect(looksBinary(new Uint8Array(100).fill(0x01))).toBe(true);
    expect(looksBinary(enc.encode('plain text\r\n\twith tabs\f'))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });
});

describe('decodeBytes', () => {
  it('decodes UTF-8 and removes the byte-order mark', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Zürich')]));
    expect(r.text).toBe('Zürich');
    expect(r.warning).toBeUndefined();
  });
  it('falls back to Latin-1 for Latin-1 bytes, with a warning', () => {
    const r = decodeBytes(new Uint8Array([0x42, 0x72, 0xfc, 0x73, 0x73, 0x65, 0x6c])); // Brüssel
    expect(r.text).toBe('Brüssel');
    expect(r.warning).toMatch(/Latin-1/);
  });
  it('keeps mostly-valid UTF-8 as UTF-8, replacing the stray byte', () => {
    const r = decodeBytes(new Uint8Array([...enc.encode('“Kyiv” and “Moscow” '), 0xff, ...enc.encode(' end')]));
    expect(r.text).toBe('“Kyiv” and “Moscow” \ufffd end');
    expect(r.warning).toMatch(/replaced/);
  });
  it('decodes UTF-16 with a byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x4f, 0x00, 0x4b, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x4f, 0x00, 0x4b]);
    expect(decodeBytes(le).text).toBe('OK');
    expect(decodeBytes(be).text).toBe('OK');
  });
});

describe('readRawDocument', () => {
  it('reads a normal file', async () => {
    await put('plain/a.txt', ' date 2025-07-15 T\n\nBody.\n');
    const doc = await readRawDocument(dir, 'plain/a.txt');
    expect(doc).toMatchObject({ id: 'a', path: 'plain/a.txt', text: ' date 2025-07-15 T\n\nBody.\n', warnings: [] });
  });
  it('reads only up to the cap, cut at a line break, and says so', async () => {
    const line = 'Ministers met again and again in the capital.\n';
    await put('big/big.txt', line.repeat(1000));
    const doc = await readRawDocument(dir, 'big/big.txt', { maxFileBytes: 1000 });
    expect(doc.text).not.toBeNull();
    expect(doc.text!.length).toBeLessThanOrEqual(1000);
    expect(doc.text!.endsWith('\n')).toBe(true);
    expect(doc.text).toBe(line.repeat(Math.floor(1000 / line.length)));
    expect(doc.warnings.join(' ')).toMatch(/cap/);
  });
  it('does not split a UTF-8 character at the cap and does not fall back to Latin-1', async () => {
    await put('big/accents.txt', 'é'.repeat(600)); // 1200 bytes, no line break
    const doc = await readRawDocument(dir, 'big/accents.txt', { maxFileBytes: 1001 });
    expect(doc.text).toBe('é'.repeat(500));
    expect(doc.warnings.join(' ')).not.toMatch(/Latin-1/);
  });
  it('reports binary files instead of decoding them', async () => {
    await put('bin/b.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const doc = await readRawDocument(dir, 'bin/b.txt');
    expect(doc.text).toBeNull();
    expect(doc.readError).toMatch(/binary/);
  });
  it('reads files whose reported size is wrong (pseudo-files report 0 bytes)', async () => {
    const doc = await readRawDocument('/proc/self', 'status');
    expect(doc.text).toMatch(/^Name:/);
    expect(doc.text!.length).toBeGreaterThan(100);
  });
  it('does not hang on a pipe passed straight to readRawDocument', async () => {
    execFileSync('mkfifo', [path.join(dir, 'direct-pipe.txt')]);
    const doc = await readRawDocument(dir, 'direct-pipe.txt');
    expect(doc.text).toBeNull();
    expect(doc.readError).toMatch(/not a regular file/);
  });
  it('reports a missing file as a read error, never throws', async () => {
    const doc = await readRawDocument(dir, 'nope/missing.txt');
    expect(doc.text).toBeNull();
    expect(doc.readError).toMatch(/ENOENT/);
  });
  it('handles an unreadable file (chmod 000) honestly', async () => {
    await put('locked/l.txt', ' date 2025-07-15 Locked\n\nText.\n');
    await chmod(path.join(dir, 'locked/l.txt'), 0o000);
    const doc = await readRawDocument(dir, 'locked/l.txt');
    if (isRoot) {
      // root bypasses file permissions, so the file is simply read.
      expect(doc.text).toContain('Locked');
    } else {
      expect(doc.text).toBeNull();
      expect(doc.readError).toMatch(/EACCES/);
    }
    await chmod(path.join(dir, 'locked/l.txt'), 0o644);
  });
});

describe('listArticleFiles / readCorpus', () => {
  it('throws a clear error for a missing input directory or a file', async () => {
    await expect(readCorpus(path.join(dir, 'does-not-exist'))).rejects.toThrow(/not found/);
    await put('afile.txt', 'x');
    await expect(readCorpus(path.join(dir, 'afile.txt'))).rejects.toThrow(/not a directory/);
  });
  it('lists article files recursively in sorted code-unit order, ignoring other files', async () => {
    const root = path.join(dir, 'sorted');
    for (const rel of ['b.txt', 'a/z.md', 'a/B.markdown', 'C.txt', 'notes.json', 'a/img.png']) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), 'x');
    }
    const { files } = await listArticleFiles(root);
    expect(files).toEqual(['C.txt', 'a/B.markdown', 'a/z.md', 'b.txt']);
  });
  it('survives a symlink loop and a broken symlink with warnings', async () => {
    const root = path.join(dir, 'loop');
    await mkdir(path.join(root, 'sub'), { recursive: true });
    await writeFile(path.join(root, 'sub', 'a.txt'), ' date 2025-07-15 A\n\nText.\n');
    await symlink('..', path.join(root, 'sub', 'up'));
    await symlink('self.txt', path.join(root, 'self.txt'));
    await symlink('missing-target.txt', path.join(root, 'dangling.txt'));
    const { docs, warnings } = await readCorpus(root);
    expect(docs.map((d) => d.path)).toEqual(['sub/a.txt']);
    expect(warnings.some((w) => w.startsWith('sub/up') && /already visited/.test(w))).toBe(true);
    expect(warnings.some((w) => w.startsWith('self.txt') && /ELOOP/.test(w))).toBe(true);
    expect(warnings.some((w) => w.startsWith('dangling.txt'))).toBe(true);
  });
  it('never opens a FIFO named like an article (it would block)', async () => {
    const root = path.join(dir, 'fifo');
    await mkdir(root, { recursive: true });
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    await writeFile(path.join(root, 'real.txt'), 'x');
    const { files, warnings } = await listArticleFiles(root);
    expect(files).toEqual(['real.txt']);
    expect(warnings.join(' ')).toMatch(/pipe\.txt: not a regular file/);
  });
  it('stops reading at the corpus cap but still lists every file', async () => {
    const root = path.join(dir, 'corpuscap');
    await mkdir(root, { recursive: true });
    for (const n of [1, 2, 3, 4]) await writeFile(path.join(root, `f${n}.txt`), 'y'.repeat(400));
    const { docs } = await readCorpus(root, { maxCorpusBytes: 1000 });
    expect(docs.map((d) => d.id)).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(docs.slice(0, 3).every((d) => d.text !== null)).toBe(true);
    expect(docs[3]!.text).toBeNull();
    expect(docs[3]!.readError).toMatch(/cap/);
  });
  it('gives duplicate names unique ids with a warning on the renamed document', async () => {
    const root = path.join(dir, 'dupes');
    for (const rel of ['x/brief.txt', 'y/brief.txt']) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), ' date 2025-07-15 T\n\nText.\n');
    }
    const { docs } = await readCorpus(root);
    expect(docs.map((d) => [d.id, d.path])).toEqual([
      ['brief', 'x/brief.txt'],
      ['brief~y', 'y/brief.txt'],
    ]);
    expect(docs[0]!.warnings).toEqual([]);
    expect(docs[1]!.warnings.join(' ')).toMatch(/already used by x\/brief\.txt/);
  });
});
