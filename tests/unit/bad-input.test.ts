/**
 * Broken inputs (tests/fixtures/bad-input): every run completes, every document is listed as
 * ok or skipped with a reason, exit status follows CONTRACT.md, and line endings, BOMs and
 * encodings never move offsets or change what is extracted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventsFileSchema, type EventsFile } from '../../src/lib/schema.ts';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { futurePublicationWarnings } from '../../scripts/pipeline/parse-document.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import type { RawDocument } from '../../scripts/pipeline/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/bad-input');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** Each CLI test spawns tsx (about a second each, more on a loaded machine). */
const CLI_TIMEOUT = 180_000;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Expected outcome per fixture path: a publication day, or a regexp the skip reason must match. */
const EXPECTED: Record<string, { ok: string } | { skipped: RegExp }> = {
  'binary.txt': { skipped: /binary/ },
  'bom-front-matter.md': { ok: '2025-07-17' },
  'bom.txt': { ok: '2025-07-17' },
  'crlf.txt': { ok: '2025-07-16' },
  'empty.txt': { skipped: /empty/ },
  'far-future.txt': { skipped: /2999-01-01.*outside the years/ },
  'future-typo.txt': { ok: '2052-07-15' },
  'impossible-date-yaml.md': { skipped: /2025-02-30.*not a real day/ },
  'impossible-date.txt': { skipped: /2025-02-30.*not a real day/ },
  'js-front-matter.md': { skipped: /no publication date/ },
  'latin1.txt': { ok: '2025-07-18' },
  'lone-cr.txt': { ok: '2025-07-16' },
  'malformed-yaml.md': { skipped: /malformed YAML/ },
  'missing-date-yaml.md': { skipped: /no publication date/ },
  'missing-date.txt': { skipped: /no publication date/ },
  'no-title.txt': { ok: '2025-07-14' },
  'same-name/asia/briefing.md': { ok: '2025-07-20' },
  'same-name/asia/briefing.txt': { ok: '2025-07-20' },
  'same-name/briefing.md': { ok: '2025-07-20' },
  'same-name/europe/briefing.txt': { ok: '2025-07-20' },
  'unclosed-front-matter.md': { ok: '2025-07-19' },
  'utf16.txt': { ok: '2025-07-18' },
  'whitespace-only.txt': { skipped: /empty/ },
  'yaml-alias-bomb.md': { skipped: /unexpected form: a list/ },
  'yaml-date-ambiguous.md': { skipped: /07\/08\/2025/ },
  'yaml-date-object.md': { ok: '2025-07-19' },
  'yaml-date-offset.md': { ok: '2025-07-19' },
  'yaml-date-words.md': { ok: '2025-07-19' },
};

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'bad-input-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function cli(...args: string[]) {
  return spawnSync(TSX, ['scripts/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('the bad-input corpus through the pipeline', () => {
  it('lists every file, ok or skipped with the expected reason', async () => {
    const { docs } = await readCorpus(FIXTURES);
    expect(docs.map((d) => d.path)).toEqual(Object.keys(EXPECTED).sort());
    const { file } = runPipeline(docs);
    expect(EventsFileSchema.safeParse(file).success).toBe(true);
    expect(file.documents.map((d) => d.path)).toEqual(docs.map((d) => d.path));
    for (const d of file.documents) {
      const want = EXPECTED[d.path]!;
      if ('ok' in want) {
        expect(d, d.path).toMatchObject({ status: 'ok', published: want.ok });
        expect(d.reason).toBeUndefined();
      } else {
        expect(d.status, d.path).toBe('skipped');
        expect(d.reason ?? '', d.path).toMatch(want.skipped);
      }
    }
  });

  it('flags a plausible but far-future date against the newest other document, without the clock', async () => {
    const { docs } = await readCorpus(FIXTURES);
    const { file } = runPipeline(docs);
    const flagged = futurePublicationWarnings(file.documents.filter((d) => d.status === 'ok'));
    expect(flagged.map((w) => w.document)).toEqual(['future-typo']);
    expect(flagged[0]!.message).toMatch(/2052-07-15 is \d+ days after the newest other document \(2025-07-20\)/);
  });

  it('keeps same-name documents apart with unique ids and distinguishable sources', async () => {
    const { docs } = await readCorpus(FIXTURES);
    const { file, report } = runPipeline(docs);
    const ids = file.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const briefings = file.documents.filter((d) => d.path.includes('briefing'));
    expect(briefings.map((d) => d.id)).toEqual(['briefing', 'briefing~txt', 'briefing~same-name', 'briefing~same-name~europe']);
    expect(JSON.stringify(report)).toMatch(/already used by same-name\/asia\/briefing\.md/);
    const pathOf = new Map(file.documents.map((d) => [d.id, d.path]));
    for (const ev of file.events) for (const s of ev.sources) expect(pathOf.has(s.document)).toBe(true);
  });

  it('decodes Latin-1 with a warning and keeps the accented title', async () => {
    const { docs } = await readCorpus(FIXTURES);
    const latin = docs.find((d) => d.path === 'latin1.txt')!;
    expect(latin.warnings.join(' ')).toMatch(/Latin-1/);
    const { file } = runPipeline(docs);
    expect(file.documents.find((d) => d.path === 'latin1.txt')!.title).toBe('Außenminister treffen sich in Brüssel');
  });

  it('CRLF, lone CR, BOM and UTF-16 documents give the same events as their plain twins, with exact offsets', async () => {
    const { docs } = await readCorpus(FIXTURES);
    for (const p of ['crlf.txt', 'lone-cr.txt', 'bom.txt', 'utf16.txt']) {
      const odd = docs.find((d) => d.path === p)!;
      const plainText = odd.text!.replace(/\r\n?/g, '\n');
      const twin: RawDocument = { id: `${odd.id}-lf`, path: `${odd.id}-lf.txt`, text: plainText, warnings: [] };
      const a = runPipeline([odd]).file;
      const b = runPipeline([twin]).file;
      expect(b.events.length, `${p}: the LF twin should yield events`).toBeGreaterThan(0);
      const summary = (f: EventsFile) => f.events.map((e) => [e.type, e.date, e.countries.join(','), e.sources[0]!.sentence.replace(/\r\n?/g, '\n')]);
      expect(summary(a), p).toEqual(summary(b));
      for (const ev of a.events) for (const s of ev.sources) expect(odd.text!.slice(s.start, s.end)).toBe(s.sentence);
    }
  });
});

describe('the CLI exit status (CONTRACT.md)', () => {
  const oneLine = (s: string) => s.trim().split('\n').length === 1 && s.trim().length > 0;

  it('exits 0 on the bad-input corpus and writes every document with its status', async () => {
    const out = path.join(tmp, 'ok', 'events.json');
    const r = cli('--input', FIXTURES, '--output', out, '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const file = EventsFileSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(file.documents).toHaveLength(Object.keys(EXPECTED).length);
    expect(file.documents.filter((d) => d.status === 'skipped').every((d) => (d.reason ?? '').length > 0)).toBe(true);
    const report = await readFile(path.join(tmp, 'ok', 'build-report.json'), 'utf8');
    expect(report).toMatch(/Latin-1/);
  }, CLI_TIMEOUT);

  it('exits non-zero with a one-line reason for a missing input folder', () => {
    const r = cli('--input', path.join(tmp, 'no-such-folder'), '--output', path.join(tmp, 'x.json'));
    expect(r.status).not.toBe(0);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/not found/);
  }, CLI_TIMEOUT);

  it('exits non-zero when the input is a file', () => {
    const r = cli('--input', path.join(FIXTURES, 'crlf.txt'), '--output', path.join(tmp, 'x.json'));
    expect(r.status).not.toBe(0);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
  }, CLI_TIMEOUT);

  it('exits non-zero with a one-line reason when the output cannot be written', async () => {
    const blocker = path.join(tmp, 'a-file');
    await writeFile(blocker, 'x');
    // The output's folder would have to be created inside a regular file: ENOTDIR/EEXIST for any user, root included.
    const r1 = cli('--input', FIXTURES, '--output', path.join(blocker, 'events.json'), '--quiet');
    expect(r1.status).not.toBe(0);
    expect(oneLine(r1.stderr), r1.stderr).toBe(true);
    // The output path is an existing folder.
    const r2 = cli('--input', FIXTURES, '--output', tmp, '--quiet');
    expect(r2.status).not.toBe(0);
    expect(oneLine(r2.stderr), r2.stderr).toBe(true);
  }, CLI_TIMEOUT);

  it.skipIf(isRoot)('exits non-zero when the output folder is read-only (skipped as root: root may write anywhere)', async () => {
    const { chmod, mkdir } = await import('node:fs/promises');
    const ro = path.join(tmp, 'read-only');
    await mkdir(ro, { recursive: true });
    await chmod(ro, 0o555);
    const r = cli('--input', FIXTURES, '--output', path.join(ro, 'events.json'), '--quiet');
    await chmod(ro, 0o755);
    expect(r.status).not.toBe(0);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
  }, CLI_TIMEOUT);

  it('exits non-zero with usage for missing or unknown arguments', () => {
    for (const args of [[], ['--input', FIXTURES], ['--input', FIXTURES, '--output', path.join(tmp, 'y.json'), '--bogus']]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(oneLine(r.stderr), r.stderr).toBe(true);
    }
  }, CLI_TIMEOUT);
});
