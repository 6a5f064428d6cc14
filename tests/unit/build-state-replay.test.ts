/**
 * Rebuilds from the build state whose blocks are clustered by replaying the previous build's cluster
 * table (scripts/pipeline/corpus/recluster.ts, used by build-state.ts for large blocks; here every
 * block of two reports or more keeps one): the bytes of a clean build after adding articles, reprints
 * and several articles at once; removed articles, and a state without tables, take the full path.
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../scripts/eval/synthetic-corpus.ts';
import { BuildState, incrementalFinish } from '../../scripts/pipeline/corpus/build-state.ts';
import { extractCorpus } from '../../scripts/pipeline/corpus/extract-corpus.ts';
import { tableLimits } from '../../scripts/pipeline/corpus/recluster.ts';
import { extractorVersion } from '../../scripts/pipeline/corpus/version.ts';
import { emptyRegistry, formatRegistry } from '../../scripts/pipeline/id-registry.ts';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { eventsFileChunks } from '../../scripts/pipeline/corpus/write-json.ts';

const COUNT = 80;
let tmp: string;

const STATES = [
  ['France', 'French', 'Paris'],
  ['Germany', 'German', 'Berlin'],
  ['Japan', 'Japanese', 'Tokyo'],
  ['Italy', 'Italian', 'Rome'],
] as const;
const PEOPLE = ['Amara Okafor', 'Jonas Wei', 'Keiko Raman', 'Olga Nowak', 'Rafael Demir', 'Li Sato'];
const CUES = ['on Monday', 'on Tuesday', 'yesterday', 'on March 3', '', 'on Wednesday'];
const SENTENCES: ((a: (typeof STATES)[number], b: (typeof STATES)[number], p: string, q: string, cue: string) => string)[] = [
  (a, b, p, q, cue) => `${a[1]} Foreign Minister ${p} held talks with ${b[1]} counterpart ${q} ${cue} in ${a[2]}, focusing on energy supplies.`,
  (a, b, p, q, cue) => `${a[1]} President ${p} spoke by phone ${cue} with ${q}, the prime minister of ${b[0]}, the ministry said.`,
  (a, b, _p, _q, cue) => `${a[0]} imposed sanctions ${cue} on 12 ${b[1]} officials and froze the assets of three state-owned firms.`,
  (a, b, _p, _q, cue) => `${b[0]} condemned ${cue} what it called a reckless provocation by ${a[0]}, and summoned its ambassador.`,
  (a, b, _p, _q, cue) => `Ministers from ${a[0]} and ${b[0]} signed a memorandum of understanding on trade ${cue} in Geneva.`,
  (a, b, p, _q, cue) => `${p} arrived in ${b[2]} ${cue} for a two-day official visit, the first by a ${a[1]} foreign minister in a decade.`,
];

/** Article i: a few reports among four states over three days, so that new articles join large blocks. */
function article(i: number): { path: string; text: string } {
  let seed = i * 2654435761 + 17;
  const r = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const day = `2025-03-0${3 + r(3)}`;
  const paragraphs: string[] = [];
  for (let k = 0, n = 2 + r(4); k < n; k++) {
    const a = STATES[r(STATES.length)]!;
    let b = STATES[r(STATES.length)]!;
    if (b === a) b = STATES[(STATES.indexOf(a) + 1) % STATES.length]!;
    paragraphs.push(SENTENCES[r(SENTENCES.length)]!(a, b, PEOPLE[r(PEOPLE.length)]!, PEOPLE[r(PEOPLE.length)]!, CUES[r(CUES.length)]!).replace('  ', ' '));
  }
  return { path: `art-${i}.txt`, text: ` date ${day} Report ${i}\n\n${paragraphs.join('\n\n')}\n` };
}
let corpus: string;
let cacheDir: string;

async function clean(dir: string): Promise<{ text: string; report: string }> {
  const c = await readCorpus(dir);
  const r = runPipeline(c.docs, { corpusWarnings: c.warnings });
  return { text: `${JSON.stringify(r.file, null, 2)}\n`, report: JSON.stringify(r.report) };
}

/** A build as the CLI makes it, with what EXTRACT_TIMINGS printed about clustering. */
async function build(dir: string, cache = cacheDir) {
  const state = await BuildState.open(cache, extractorVersion());
  const tables = state.tables.size;
  const res = await extractCorpus(dir, { threads: 1, cacheDir: cache, known: (k) => state.known(k) });
  const printed: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.env.EXTRACT_TIMINGS = '1';
  process.stderr.write = ((chunk: string) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  let inc;
  try {
    inc = await incrementalFinish(state, { reports: res.reports, keys: res.keys as string[], corpusWarnings: res.warnings });
  } finally {
    process.stderr.write = write;
    delete process.env.EXTRACT_TIMINGS;
  }
  const out = path.join(tmp, 'events.json');
  await inc.write(out);
  await inc.saveState();
  const clustered = printed.find((l) => l.includes('blocks clustered')) ?? '';
  return { text: await readFile(out, 'utf8'), report: JSON.stringify(inc.report), stats: inc.stats, tables, clustered };
}

async function expectClean(dir: string, b: { text: string; report: string }): Promise<void> {
  const ref = await clean(dir);
  expect(b.text).toBe(ref.text);
  expect(b.report).toBe(ref.report);
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'build-state-replay-'));
  corpus = path.join(tmp, 'corpus');
  cacheDir = path.join(tmp, 'cache');
  await mkdir(corpus, { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const a = i % 2 ? article(i) : generateArticle(i, 5);
    await writeFile(path.join(corpus, a.path), a.text!);
  }
  tableLimits.minReports = 2;
}, 60_000);

afterAll(async () => {
  tableLimits.minReports = 1000;
  await rm(tmp, { recursive: true, force: true });
});

describe('build state with cluster tables', () => {
  it('replays the blocks new articles join, with the bytes of a clean build', async () => {
    const first = await build(corpus);
    await expectClean(corpus, first);
    expect(first.stats.replayed).toBe(0);

    // One article added, then another, then a reprint of one (its reports are copies), then three at once.
    let replays = 0;
    for (const step of [COUNT + 1, COUNT + 2, 'reprint', [COUNT + 3, COUNT + 4, COUNT + 5]] as const) {
      if (step === 'reprint') {
        const names = (await readdir(corpus)).filter((n) => n.endsWith('.txt')).sort();
        await copyFile(path.join(corpus, names[2]!), path.join(corpus, `reprint-${names[2]!}`));
      } else {
        for (const i of Array.isArray(step) ? step : [step]) {
          const a = article(i);
          await writeFile(path.join(corpus, a.path), a.text);
        }
      }
      const b = await build(corpus);
      expect(b.tables).toBeGreaterThan(0);
      await expectClean(corpus, b);
      expect(b.stats.replayed).toBeLessThanOrEqual(b.stats.reclustered);
      if (b.stats.replayed > 0) {
        replays++;
        expect(b.clustered).toMatch(/reports replayed: \d+ decisions recomputed/);
      }
    }
    expect(replays).toBeGreaterThanOrEqual(3);

    // An article removed: its blocks are clustered in full, and keep tables for the next build.
    const names = (await readdir(corpus)).filter((n) => n.endsWith('.txt')).sort();
    await rm(path.join(corpus, names[5]!));
    const removed = await build(corpus);
    await expectClean(corpus, removed);
    expect(removed.stats.replayed).toBe(0);
    // The next articles replay again (the blocks clustered in full wrote tables).
    let again = 0;
    for (let i = COUNT + 6; i < COUNT + 10; i++) {
      const a = article(i);
      await writeFile(path.join(corpus, a.path), a.text);
      const b = await build(corpus);
      await expectClean(corpus, b);
      again += b.stats.replayed;
    }
    expect(again).toBeGreaterThan(0);
  }, 300_000);

  it('a state without cluster tables (written before them) clusters in full, says why, and the next build replays', async () => {
    const dir = path.join(tmp, 'no-tables');
    const cache = path.join(tmp, 'no-tables-cache');
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 40; i++) {
      const a = article(i);
      await writeFile(path.join(dir, a.path), a.text);
    }
    tableLimits.minReports = Number.MAX_SAFE_INTEGER;
    await build(dir, cache);
    tableLimits.minReports = 2;
    let said = false;
    let replayedAfter = false;
    for (let i = 40; i < 46; i++) {
      const a = article(i);
      await writeFile(path.join(dir, a.path), a.text);
      const b = await build(dir, cache);
      await expectClean(dir, b);
      if (!said && /the state has no cluster table for it/.test(b.clustered)) {
        expect(b.stats.replayed).toBe(0);
        said = true;
      } else if (said && b.stats.replayed > 0) replayedAfter = true;
    }
    expect(said).toBe(true);
    expect(replayedAfter).toBe(true);
  }, 300_000);

  it('publishes with an id registry the bytes of a clean build after a replay', async () => {
    const dir = path.join(tmp, 'published');
    const cache = path.join(tmp, 'published-cache');
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 40; i++) {
      const a = article(i);
      await writeFile(path.join(dir, a.path), a.text);
    }
    let registry = emptyRegistry();
    let replayed = 0;
    for (let round = 0; round < 4; round++) {
      if (round > 0) {
        const a = article(40 + round);
        await writeFile(path.join(dir, a.path), a.text);
      }
      const c = await readCorpus(dir);
      const ref = runPipeline(c.docs, { corpusWarnings: c.warnings, registry });
      const state = await BuildState.open(cache, extractorVersion());
      const res = await extractCorpus(dir, { threads: 1, cacheDir: cache, known: (k) => state.known(k) });
      const inc = await incrementalFinish(state, { reports: res.reports, keys: res.keys as string[], corpusWarnings: res.warnings });
      replayed += inc.stats.replayed;
      const p = await inc.publish(registry);
      const out = path.join(tmp, 'published.json');
      await p.write(out);
      expect(await readFile(out, 'utf8')).toBe([...eventsFileChunks(ref.file)].join(''));
      expect(JSON.stringify(p.report)).toBe(JSON.stringify(ref.report));
      expect(formatRegistry(p.registry)).toBe(formatRegistry(ref.registry!));
      registry = p.registry;
      await inc.saveState();
    }
    expect(replayed).toBeGreaterThan(0);
  }, 300_000);
});
