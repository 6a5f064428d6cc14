/**
 * The build state (scripts/pipeline/corpus/build-state.ts): a rebuild from the previous build's
 * packed state, after adding, removing, changing or copying articles, writes the same bytes (events
 * file and build report) as a clean in-memory run, and clusters again only part of the reports.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../scripts/eval/synthetic-corpus.ts';
import {
  assignIdsFrom,
  BuildState,
  DocReports,
  findTerm,
  idFamily,
  reassignIds,
  registryDigest,
  reportsText,
  STATE_FILE,
} from '../../scripts/pipeline/corpus/build-state.ts';
import { incrementalFinish } from '../../scripts/pipeline/corpus/build-state.ts';
import { extractCorpus } from '../../scripts/pipeline/corpus/extract-corpus.ts';
import { extractorVersion } from '../../scripts/pipeline/corpus/version.ts';
import { assignIds, baseId } from '../../scripts/pipeline/ids.ts';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { finishPipeline, publishMerged, resolver, runPipeline } from '../../scripts/pipeline/run.ts';
import { reportDocument } from '../../scripts/pipeline/document-report.ts';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import { oneSided } from '../../scripts/pipeline/merge/one-sided.ts';
import type { DocReport } from '../../scripts/pipeline/document-report.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { emptyRegistry, formatRegistry, RegistryText, type Registry } from '../../scripts/pipeline/id-registry.ts';
import { eventsFileChunks } from '../../scripts/pipeline/corpus/write-json.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const COUNT = 60;
let tmp: string;
let corpus: string;
let cacheDir: string;

/** The reference: everything in memory, no cache, no state. */
async function clean(dir: string): Promise<{ text: string; report: string }> {
  const c = await readCorpus(dir);
  const r = runPipeline(c.docs, { corpusWarnings: c.warnings });
  return { text: `${JSON.stringify(r.file, null, 2)}\n`, report: JSON.stringify(r.report) };
}

/** As the CLI does it: state, documents (stubs for known ones), merge from the state, write, save. */
async function build(dir: string, cache = cacheDir) {
  const state = await BuildState.open(cache, extractorVersion());
  const known = state.docs.size;
  const res = await extractCorpus(dir, { threads: 1, cacheDir: cache, known: (k) => state.known(k) });
  const inc = await incrementalFinish(state, { reports: res.reports, keys: res.keys as string[], corpusWarnings: res.warnings });
  const out = path.join(tmp, 'events.json');
  await inc.write(out);
  await inc.saveState();
  return { text: await readFile(out, 'utf8'), report: JSON.stringify(inc.report), stats: inc.stats, known, extracted: res.stats.extracted };
}

/**
 * The state in `cache` is whole (its records copied or written, build after build): every document
 * a block names exists and lists that block, every block a document lists names it, every event's
 * block exists and its text in the body is the event of its id.
 */
async function expectConsistent(cache: string): Promise<void> {
  const s = await BuildState.open(cache, extractorVersion());
  try {
    expect(s.docs.size).toBeGreaterThan(0);
    const holding = new Map<string, Set<number>>();
    for (const [b] of s.blocks.entries()) {
      for (const [d] of s.blocks.get(b)!) {
        const key = s.docKeys[d]!;
        expect(s.docs.has(key)).toBe(true);
        if (!holding.has(key)) holding.set(key, new Set());
        holding.get(key)!.add(b);
      }
    }
    for (const doc of s.docs.values()) expect(new Set(doc.blocks)).toEqual(holding.get(doc.key) ?? new Set());
    for (const e of s.events) {
      expect(s.blocks.has(e.block)).toBe(true);
      if (e.len >= 0) expect((JSON.parse((await s.read(e.off, e.len)).toString('utf8')) as { id: string }).id).toBe(e.id);
    }
  } finally {
    await s.close();
  }
}

async function copyDir(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const n of await readdir(from, { recursive: true })) {
    await mkdir(path.dirname(path.join(to, n)), { recursive: true });
    await copyFile(path.join(from, n), path.join(to, n)).catch(() => undefined);
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'build-state-'));
  corpus = path.join(tmp, 'corpus');
  cacheDir = path.join(tmp, 'cache');
  await mkdir(path.join(corpus, 'nested'), { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const a = generateArticle(i, 11);
    await writeFile(path.join(corpus, i % 4 === 0 ? 'nested' : '', a.path), a.text!);
  }
  const hostile = path.join(ROOT, 'tests/fixtures/hostile');
  for (const n of await readdir(hostile)) if (!n.startsWith('.')) await copyFile(path.join(hostile, n), path.join(corpus, n)).catch(() => undefined);
}, 60_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('build state', () => {
  it('gives the bytes of a clean build after adding, copying, changing and removing articles', async () => {
    const ref = await clean(corpus);
    const first = await build(corpus);
    expect(first.known).toBe(0);
    expect(first.text).toBe(ref.text);
    expect(first.report).toBe(ref.report);
    expect(first.stats.blocks).toBeGreaterThan(10);

    // Nothing changed: nothing is clustered, nothing is extracted, the state is not written again.
    const before = await stat(path.join(cacheDir, STATE_FILE));
    const same = await build(corpus);
    const after = await stat(path.join(cacheDir, STATE_FILE));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
    expect(same.known).toBeGreaterThan(COUNT);
    expect(same.extracted).toBe(0);
    expect(same.stats.reclustered).toBe(0);
    expect(same.text).toBe(ref.text);
    expect(same.report).toBe(ref.report);

    // One article added: only the blocks it can reach are clustered again.
    const extra = generateArticle(COUNT + 3, 11);
    await writeFile(path.join(corpus, extra.path), extra.text!);
    const added = await build(corpus);
    expect(added.extracted).toBe(1);
    expect(added.stats.reclustered).toBeGreaterThan(0);
    expect(added.stats.reclustered).toBeLessThan(added.stats.reports);
    const refAdded = await clean(corpus);
    expect(added.text).toBe(refAdded.text);
    expect(added.report).toBe(refAdded.report);
    await expectConsistent(cacheDir);

    // A reprint of an article under another name (same sentences: its reports join the original's),
    // and a same-named file in another folder (its id gets a suffix).
    const names = (await readdir(corpus)).filter((n) => n.endsWith('.txt')).sort();
    await copyFile(path.join(corpus, names[3]!), path.join(corpus, `reprint-${names[3]!}`));
    await copyFile(path.join(corpus, names[5]!), path.join(corpus, 'nested', names[5]!));
    const copied = await build(corpus);
    const refCopied = await clean(corpus);
    expect(copied.text).toBe(refCopied.text);
    expect(copied.report).toBe(refCopied.report);
    await expectConsistent(cacheDir);

    // One article changed, one removed.
    const text = await readFile(path.join(corpus, names[7]!), 'utf8');
    await writeFile(path.join(corpus, names[7]!), text.replace(/\n\n/, '\n\nIn a separate development, Japan and India held talks on Monday.\n\n'));
    await rm(path.join(corpus, names[9]!));
    const changed = await build(corpus);
    const refChanged = await clean(corpus);
    expect(changed.text).toBe(refChanged.text);
    expect(changed.report).toBe(refChanged.report);
    await expectConsistent(cacheDir);

    // Back to the start: the reprint and the added article removed.
    await rm(path.join(corpus, `reprint-${names[3]!}`));
    await rm(path.join(corpus, extra.path));
    const back = await build(corpus);
    const refBack = await clean(corpus);
    expect(back.extracted).toBe(0);
    expect(back.text).toBe(refBack.text);
    expect(back.report).toBe(refBack.report);
    await expectConsistent(cacheDir);
  }, 300_000);

  it('keeps the events of clusters a new article does not change, and the id and index of the block it joins', async () => {
    // Four meetings of France on one day, each with another state, and a one-state report that
    // links them into one block; then a fifth meeting joins that block as an event of its own.
    const dir = path.join(tmp, 'one-block');
    const cache = path.join(tmp, 'one-block-cache');
    await mkdir(dir, { recursive: true });
    const doc = (title: string, paragraphs: string[]) => ` date 2025-03-04 ${title}\n\n${paragraphs.join('\n\n')}\n`;
    await writeFile(
      path.join(dir, 'a.txt'),
      doc('France talks', [
        'French Foreign Minister Amara Okafor held talks with German counterpart Jonas Wei on Monday in Paris, focusing on energy supplies.',
        'French President Sana Haddad held talks with Japanese counterpart Keiko Raman on Monday in Paris, focusing on rail links.',
        'France imposed sanctions on Monday on 12 Iranian officials and froze the assets of three state-owned firms.',
      ]),
    );
    await writeFile(
      path.join(dir, 'b.txt'),
      doc('Spain and France', [
        'Spanish Trade Minister Li Sato held talks with French counterpart Olga Nowak on Monday in Madrid, focusing on visa rules.',
        'France condemned on Monday what it called a reckless provocation by Algeria, and summoned its ambassador.',
        'French Foreign Minister Amara Okafor held talks on Monday in Paris with visiting officials, focusing on energy supplies.',
      ]),
    );
    const first = await build(dir, cache);
    expect(first.text).toBe((await clean(dir)).text);
    await writeFile(
      path.join(dir, 'c.txt'),
      doc('Italy', ['Italian Foreign Minister Rafael Demir held talks with French counterpart Amara Okafor on Monday in Rome, focusing on grain exports.']),
    );
    const added = await build(dir, cache);
    const ref = await clean(dir);
    expect(added.text).toBe(ref.text);
    expect(added.report).toBe(ref.report);
    expect(added.extracted).toBe(1);
    // The new report's block held the other meetings: they were clustered again but kept their
    // events, and only the new report's index terms were filed.
    expect(added.stats.reclustered).toBeGreaterThan(2);
    expect(added.stats.newEvents).toBe(1);
    expect(added.stats.reused).toBeGreaterThan(1);
    expect(added.stats.refiled).toBe(1);
  }, 120_000);

  it('a damaged or truncated state file costs a full merge, never a wrong result', async () => {
    const ref = await clean(corpus);
    await build(corpus);
    const file = path.join(cacheDir, STATE_FILE);
    await truncate(file, 1000);
    const state = await BuildState.open(cacheDir, extractorVersion());
    expect(state.docs.size).toBe(0);
    await state.close();
    const again = await build(corpus);
    expect(again.known).toBe(0);
    expect(again.text).toBe(ref.text);
    await writeFile(file, 'not a state');
    const third = await build(corpus);
    expect(third.known).toBe(0);
    expect(third.text).toBe(ref.text);
    // Another extractor version never reads it.
    const other = await BuildState.open(cacheDir, 'other-version');
    expect(other.docs.size).toBe(0);
  }, 300_000);
});

/** Builds whose registry text was patched from the one read (or found the same): see buildPublished. */
let registryPatches = 0;

/** The reference with published ids and curation: everything in memory. */
async function cleanPublished(dir: string, registry: Registry, curation?: { path: string; text: string }) {
  const c = await readCorpus(dir);
  const r = runPipeline(c.docs, { corpusWarnings: c.warnings, registry, ...(curation ? { curation } : {}) });
  return { text: [...eventsFileChunks(r.file)].join(''), report: JSON.stringify(r.report), registry: formatRegistry(r.registry!), ids: r.file.events.map((e) => e.id) };
}

/** A build with the state wrote what a clean build writes: events.json, the build report and the registry. */
function expectAsClean(b: { text: string; report: string; registry: string }, ref: { text: string; report: string; registry: string }): void {
  expect(b.text).toBe(ref.text);
  expect(b.report).toBe(ref.report);
  expect(b.registry).toBe(ref.registry);
}

/**
 * As the CLI does it with an id registry or curation: with curation, the state's merged events
 * through publishMerged; with ids only, the state's own publish (from its records, `viaMerged`
 * forces the first way). `forgetLites` drops the state's list of the events' registry records (a
 * state written before it existed): they are then taken from the events' texts. `digests`: as the
 * CLI does, the registry's hash is given (and the written one's when its text changed), so that the
 * state can match the registry incrementally.
 */
async function buildPublished(
  dir: string,
  cache: string,
  registry: Registry,
  curation?: { path: string; text: string },
  o: { viaMerged?: boolean; forgetLites?: boolean; digests?: boolean; noFile?: boolean; fullRegistry?: boolean; forgetIdle?: boolean } = {},
) {
  const state = await BuildState.open(cache, extractorVersion());
  if (o.forgetLites) state.liteAt = undefined;
  // (A state written before it kept the registry's idle ids.)
  if (o.forgetIdle && state.matchInfo) delete state.matchInfo.idle;
  const res = await extractCorpus(dir, { threads: 1, cacheDir: cache, known: (k) => state.known(k) });
  const inc = await incrementalFinish(state, { reports: res.reports, keys: res.keys as string[], corpusWarnings: res.warnings });
  let text: string;
  let r: { report: unknown; registry?: Registry };
  let incremental = false;
  let delta = false;
  let patch: 'same' | 'patched' | 'none' = 'none';
  if (curation || o.viaMerged) {
    const m = publishMerged(await inc.merged(), inc.side, { registry, ...(curation ? { curation } : {}) });
    text = [...eventsFileChunks(m.file)].join('');
    r = m;
  } else {
    // (noFile: as the CLI does without a registry file yet: no hash given, the written one told.)
    const before = o.digests && !o.noFile ? formatRegistry(registry) : undefined;
    // (As the CLI does, the registry is given as its text when the state knows it: then published
    // ids are updated from what changed, publish-delta.ts; `fullRegistry` gives it parsed.)
    const known = before !== undefined && !o.fullRegistry ? RegistryText.of(Buffer.from(before, 'utf8')) : undefined;
    const p = await inc.publish(known ?? registry, before !== undefined ? registryDigest(before) : undefined);
    delta = p.delta;
    const out = path.join(tmp, 'published-events.json');
    await p.write(out);
    text = await readFile(out, 'utf8');
    r = p;
    incremental = p.incremental;
    const after = formatRegistry(p.registry);
    // The text the CLI writes when the state knows the file read (patched, or the same text).
    const patched = before !== undefined ? p.registryText(Buffer.from(before, 'utf8')) : undefined;
    if (patched === 'same') expect(after).toBe(before);
    else if (patched !== undefined) expect(patched.toString('utf8')).toBe(after);
    if (patched !== undefined) registryPatches++;
    patch = patched === 'same' ? 'same' : patched !== undefined ? 'patched' : 'none';
    if (o.digests && after !== before) p.written(registryDigest(after));
  }
  const litesAdded = state.litesAdded;
  await inc.saveState();
  return {
    text,
    report: JSON.stringify(r.report),
    registry: formatRegistry(r.registry!),
    next: r.registry!,
    stats: inc.stats,
    extracted: res.stats.extracted,
    litesAdded,
    incremental,
    delta,
    patch,
  };
}

describe('build state with an id registry and curation', () => {
  it('gives the events, aliases, report and registry of a clean build, build after build', async () => {
    const dir = path.join(tmp, 'published');
    const cache = path.join(tmp, 'published-cache');
    await copyDir(corpus, dir);
    // First build: no registry yet.
    let registry = emptyRegistry();
    const ref0 = await cleanPublished(dir, registry);
    const b0 = await buildPublished(dir, cache, registry);
    expectAsClean(b0, ref0);
    registry = b0.next;

    // Curation written against the published ids: one event suppressed, one fixed, two merged.
    const ids = ref0.ids;
    expect(ids.length).toBeGreaterThan(8);
    const curation = {
      path: 'curation.yaml',
      text: [
        'suppress:',
        `  - id: ${ids[1]}`,
        '    note: not an event',
        'fix:',
        `  - id: ${ids[2]}`,
        '    title: A corrected title',
        'merge:',
        `  - ids: [${ids[4]}, ${ids[5]}]`,
        '    note: the same talks',
        '',
      ].join('\n'),
    };
    const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
    // One article added, one removed, one changed: ids move, aliases appear, curation follows them.
    const extra = generateArticle(COUNT + 5, 11);
    await writeFile(path.join(dir, extra.path), extra.text!);
    await rm(path.join(dir, names[6]!));
    const text = await readFile(path.join(dir, names[8]!), 'utf8');
    await writeFile(path.join(dir, names[8]!), text.replace(/\n\n/, '\n\nIndia and Brazil signed a trade agreement on Monday.\n\n'));
    const ref1 = await cleanPublished(dir, registry, curation);
    const b1 = await buildPublished(dir, cache, registry, curation);
    expect(b1.extracted).toBe(2);
    expect(b1.stats.reclustered).toBeLessThan(b1.stats.reports);
    expectAsClean(b1, ref1);
    // (An id of the removed article is not applied, with a warning, in both.)
    const summary = JSON.parse(b1.report).curation as { fixed: number; merged: number; suppressed: number };
    expect(summary.fixed + summary.merged + summary.suppressed).toBeGreaterThanOrEqual(2);
    registry = b1.next;

    // Nothing changed: the same ids again, the registry unchanged.
    const ref2 = await cleanPublished(dir, registry, curation);
    const b2 = await buildPublished(dir, cache, registry, curation);
    expect(b2.extracted).toBe(0);
    expect(b2.text).toBe(ref2.text);
    expect(b2.registry).toBe(b1.registry);

    // The removed article back: its events take their old ids again (a clean build says which).
    await writeFile(path.join(dir, names[6]!), await readFile(path.join(corpus, names[6]!)));
    const ref3 = await cleanPublished(dir, registry, curation);
    const b3 = await buildPublished(dir, cache, registry, curation);
    expectAsClean(b3, ref3);
  }, 300_000);

  it('with ids only, publishes from the records of the state the bytes of a clean build, build after build', async () => {
    const dir = path.join(tmp, 'ids-only');
    const cache = path.join(tmp, 'ids-only-cache');
    await copyDir(corpus, dir);
    let registry = emptyRegistry();
    const check = async (o: { forgetLites?: boolean; viaMerged?: boolean } = {}) => {
      const ref = await cleanPublished(dir, registry);
      const b = await buildPublished(dir, cache, registry, undefined, o);
      expectAsClean(b, ref);
      registry = b.next;
      return b;
    };
    const b0 = await check();
    expect(b0.litesAdded).toBe(false);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
    // Removing an article leaves ids that now name nothing or another event (aliases).
    await rm(path.join(dir, names[3]!));
    await rm(path.join(dir, names[10]!));
    const b1 = await check();
    expect(b1.stats.reclustered).toBeLessThan(b1.stats.reports);
    expect(JSON.parse(b1.text).aliases).toBeDefined();
    // An article added and one changed; then the same build from a state without the records.
    const extra = generateArticle(COUNT + 7, 11);
    await writeFile(path.join(dir, extra.path), extra.text!);
    const text = await readFile(path.join(dir, names[12]!), 'utf8');
    await writeFile(path.join(dir, names[12]!), text.replace(/\n\n/, '\n\nChina and Russia held talks in Beijing on Tuesday.\n\n'));
    await check();
    const b3 = await check({ forgetLites: true });
    expect(b3.litesAdded).toBe(true);
    // The records were written again: the next build reads them.
    const b4 = await check();
    expect(b4.litesAdded).toBe(false);
    // The removed articles back, their ids with them; and the way through the merged events agrees.
    await writeFile(path.join(dir, names[3]!), await readFile(path.join(corpus, names[3]!)));
    await writeFile(path.join(dir, names[10]!), await readFile(path.join(corpus, names[10]!)));
    await check();
    await check({ viaMerged: true });
  }, 300_000);

  it('is a fixed point when two events share their one source key (one visit read with two people)', async () => {
    const dir = path.join(tmp, 'one-key');
    const cache = path.join(tmp, 'one-key-cache');
    await mkdir(dir, { recursive: true });
    // A generated article (bench seed) whose repeated visit sentence gives two visits of one day from
    // one sentence and trigger: one with the named visitor, one with the office holder it names.
    const a = generateArticle(5957);
    await writeFile(path.join(dir, a.path), a.text!);
    let registry = emptyRegistry();
    const builds: { text: string; registry: string }[] = [];
    for (let n = 0; n < 3; n++) {
      const ref = await cleanPublished(dir, registry);
      const b = await buildPublished(dir, cache, registry, undefined, { digests: true });
      expect(b.text).toBe(ref.text);
      expect(b.registry).toBe(ref.registry);
      registry = b.next;
      builds.push(b);
    }
    const events = JSON.parse(builds[0]!.text).events as { type: string; sources: { document: string; sentence: string; trigger?: { start: number } }[] }[];
    const keys = events.filter((e) => e.type === 'visit' && e.sources.length === 1).map((e) => `${e.sources[0]!.sentence}#${e.sources[0]!.trigger?.start}`);
    expect(new Set(keys).size).toBeLessThan(keys.length);
    expect(builds[1]!.text).toBe(builds[0]!.text);
    expect(builds[2]!.text).toBe(builds[0]!.text);
    expect(builds[1]!.registry).toBe(builds[0]!.registry);
    expect(builds[2]!.registry).toBe(builds[0]!.registry);
  }, 300_000);
});

describe('build state: the registry matched from the previous build', () => {
  it('gives the ids of a full matching after removals, additions, returns and reprints, and with a registry it did not write', async () => {
    const dir = path.join(tmp, 'match');
    const cache = path.join(tmp, 'match-cache');
    await copyDir(corpus, dir);
    let registry = emptyRegistry();
    const history: Registry[] = [];
    let deltas = 0;
    const check = async () => {
      const ref = await cleanPublished(dir, registry);
      const b = await buildPublished(dir, cache, registry, undefined, { digests: true });
      expectAsClean(b, ref);
      history.push(registry);
      registry = b.next;
      if (b.delta) deltas++;
      return b;
    };
    // First build: nothing to start from. Then the registry it wrote (every entry new: all decided again).
    expect((await check()).incremental).toBe(false);
    expect((await check()).incremental).toBe(true);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
    // Removed articles: ids that now name nothing or another event; the next registry changes them.
    await rm(path.join(dir, names[3]!));
    await rm(path.join(dir, names[10]!));
    const removed = await check();
    expect(JSON.parse(removed.text).aliases).toBeDefined();
    // An article added, one changed.
    const extra = generateArticle(COUNT + 9, 11);
    await writeFile(path.join(dir, extra.path), extra.text!);
    const text = await readFile(path.join(dir, names[12]!), 'utf8');
    await writeFile(path.join(dir, names[12]!), text.replace(/\n\n/, '\n\nChina and Russia held talks in Beijing on Tuesday.\n\n'));
    await check();
    // The removed articles back: their events take their registered ids again, from events that held none.
    await writeFile(path.join(dir, names[3]!), await readFile(path.join(corpus, names[3]!)));
    await writeFile(path.join(dir, names[10]!), await readFile(path.join(corpus, names[10]!)));
    await check();
    // An article removed, then back under another name: no source is shared, but its events' content
    // ids are the ids they were published under (gone ids), which they take again.
    await rm(path.join(dir, names[14]!));
    await check();
    await writeFile(path.join(dir, `moved-${names[14]!}`), await readFile(path.join(corpus, names[14]!)));
    await check();
    // A reprint (its reports join the original's clusters) and a same-named file elsewhere.
    await copyFile(path.join(dir, names[5]!), path.join(dir, `reprint-${names[5]!}`));
    await copyFile(path.join(dir, names[7]!), path.join(dir, 'nested', names[7]!));
    await check();
    const same = await check();
    expect(same.incremental).toBe(true);
    // A registry the state did not see (an older one): matched in full, same bytes.
    registry = history[2]!;
    await rm(path.join(dir, extra.path));
    expect((await check()).incremental).toBe(false);
    // And incrementally again from there.
    await writeFile(path.join(dir, extra.path), extra.text!);
    expect((await check()).incremental).toBe(true);
    // (The registry a build wrote was patched by the next one, not formatted whole.)
    expect(registryPatches).toBeGreaterThan(5);
    // (And made from what changed, without going through every entry, in most of these builds.)
    expect(deltas).toBeGreaterThan(5);
  }, 300_000);
});

describe('build state: the registry updated from what changed (publish-delta.ts)', () => {
  it('keeps, follows and drops aliases and idle ids as a full update does, when events go and come back', async () => {
    const dir = path.join(tmp, 'delta');
    const cache = path.join(tmp, 'delta-cache');
    await copyDir(corpus, dir);
    let registry = emptyRegistry();
    const check = async (o: { forgetIdle?: boolean } = {}) => {
      const ref = await cleanPublished(dir, registry);
      const b = await buildPublished(dir, cache, registry, undefined, { digests: true, ...o });
      expectAsClean(b, ref);
      registry = b.next;
      return { ...b, aliases: (JSON.parse(b.text) as { aliases: Record<string, string> }).aliases };
    };
    const first = await check();
    expect(first.delta).toBe(false);
    // Ids the builds did not give: one registered earlier for the sources of event A (so that A is
    // published under it, older, and A's own id becomes its alias), one for sources no event has (an
    // idle id), one that is an alias only, of the first (followed through it).
    const events = (JSON.parse(first.text) as { events: { id: string; sources: { document: string }[] }[] }).events;
    const a = events.find((e) => e.sources.length === 1 && e.id.startsWith('20'))!;
    const entryA = registry.ids[a.id]!;
    registry = {
      ...registry,
      ids: {
        ...registry.ids,
        'zz-copy-of-a': { since: 0, key: entryA.key, sources: entryA.sources },
        'zz-nothing': { since: registry.generation + 1, key: entryA.key, sources: ['no-such-document#x#0'] },
      },
      aliases: { 'zz-chain': 'zz-copy-of-a' },
    };
    // (A registry the state did not see: updated in full; then from what changed.)
    const hand = await check();
    expect(hand.delta).toBe(false);
    expect(hand.aliases).toEqual({ 'zz-chain': 'zz-copy-of-a', [a.id]: 'zz-copy-of-a' });
    // A state written before it kept the idle ids: the full update once, then from what changed.
    expect((await check({ forgetIdle: true })).delta).toBe(false);
    const same = await check();
    expect(same.delta).toBe(true);
    expect(same.patch).toBe('same');
    // A's article goes: the ids that stood for A name nothing now (A's own id included); then back.
    const file = (await readdir(dir, { recursive: true })).find((n) => path.basename(n) === `${a.sources[0]!.document}.txt`)!;
    const saved = await readFile(path.join(dir, file));
    await rm(path.join(dir, file));
    const gone = await check();
    expect(gone.delta).toBe(true);
    expect(gone.aliases[a.id]).toBeUndefined();
    await writeFile(path.join(dir, file), saved);
    const back = await check();
    expect(back.delta).toBe(true);
    // (An id that was an alias only, and whose alias went, is forgotten: it was never registered.)
    // A's event is new to this build, with A's content id: the older id, idle while A was gone and
    // sharing its sources, takes it again.
    expect(back.aliases).toEqual({ [a.id]: 'zz-copy-of-a' });
    // An unrelated article added as well, and the idle id kept throughout.
    const extra = generateArticle(COUNT + 21, 11);
    await writeFile(path.join(dir, extra.path), extra.text!);
    const added = await check();
    expect(added.delta).toBe(true);
    expect(added.next.ids['zz-nothing']).toBeDefined();
  }, 300_000);
});

describe('build state: one-sided events (merge.drop.one-sided)', () => {
  it('are kept for clustering and ids but not published, with and without an id registry, build after build', async () => {
    const dir = path.join(tmp, 'one-sided');
    const cache = path.join(tmp, 'one-sided-cache');
    const plainCache = path.join(tmp, 'one-sided-plain-cache');
    await mkdir(dir, { recursive: true });
    // A generated article (bench seed 2) with two one-sided events: an agreement and an expulsion
    // that name only Ecuador (Georgia is read as the US state).
    const a = generateArticle(3256, 2);
    await writeFile(path.join(dir, a.path), a.text!);
    const c = await readCorpus(dir);
    const merged = mergeEvents(c.docs.flatMap((d) => reportDocument(d, resolver()).events));
    expect(merged.filter(oneSided).length).toBeGreaterThan(0);
    let registry = emptyRegistry();
    for (let n = 0; n < 3; n++) {
      if (n === 2) {
        const b = generateArticle(3, 2);
        await writeFile(path.join(dir, b.path), b.text!);
      }
      const ref = await cleanPublished(dir, registry);
      const b = await buildPublished(dir, cache, registry);
      expectAsClean(b, ref);
      registry = b.next;
      const plainRef = await clean(dir);
      const plain = await build(dir, plainCache);
      expect(plain.text).toBe(plainRef.text);
      expect(plain.report).toBe(plainRef.report);
    }
    const text = (await clean(dir)).text;
    expect(text).not.toContain('"title": "Ecuador signs agreement in Khartoum"');
  }, 300_000);
});

/** Rewrites a state file's header (JSON) with `edit`; the body and sections stay as they are. */
async function editHeader(file: string, edit: (h: Record<string, unknown>) => void): Promise<void> {
  const bytes = await readFile(file);
  const t = bytes.subarray(bytes.length - 28).toString('latin1');
  const at = Number(t.slice(4, 16));
  const len = Number(t.slice(16, 28));
  const h = JSON.parse(bytes.toString('utf8', at, at + len)) as Record<string, unknown>;
  edit(h);
  const head = Buffer.from(JSON.stringify(h), 'utf8');
  const trailer = Buffer.from(`DTBS${String(at).padStart(12, '0')}${String(head.length).padStart(12, '0')}`, 'latin1');
  await writeFile(file, Buffer.concat([bytes.subarray(0, at), head, trailer]));
}

/**
 * Rewrites a state file's header as one of layout @7 begins (the layout before the sections): its
 * format names build-state@7. Nothing else of it is read.
 */
async function asLayout7(file: string): Promise<void> {
  await editHeader(file, (h) => {
    expect(h.format).toBe('diplomatic-timeline/build-state@8');
    h.format = 'diplomatic-timeline/build-state@7';
  });
}

describe('build state: the registry file a build wrote', () => {
  it('is known after a first build without a registry file: the next build keeps it, or patches it', async () => {
    const dir = path.join(tmp, 'first-registry');
    const cache = path.join(tmp, 'first-registry-cache');
    await copyDir(corpus, dir);
    let registry = emptyRegistry();
    const check = async (o: { noFile?: boolean } = {}) => {
      const ref = await cleanPublished(dir, registry);
      const b = await buildPublished(dir, cache, registry, undefined, { digests: true, ...o });
      expectAsClean(b, ref);
      registry = b.next;
      return b;
    };
    expect((await check({ noFile: true })).patch).toBe('none');
    // Nothing changed: the same text, neither formatted nor written.
    expect((await check()).patch).toBe('same');
    // An article added: the text patched.
    const extra = generateArticle(COUNT + 13, 11);
    await writeFile(path.join(dir, extra.path), extra.text!);
    expect((await check()).patch).toBe('patched');
    expect((await check()).patch).toBe('same');
  }, 300_000);
});

describe('build state: a state of an earlier layout', () => {
  it('is not read: the CLI says so once, merges every report afresh (the bytes of a clean build) and writes it in this layout', async () => {
    const dir = path.join(tmp, 'layout7');
    const cache = path.join(tmp, 'layout7-cache');
    const out = path.join(tmp, 'layout7-out/events.json');
    await copyDir(corpus, dir);
    const cli = () => {
      const r = spawnSync(TSX, ['scripts/extract.ts', '--input', dir, '--output', out, '--cache', cache, '--no-id-registry', '--threads', '1', '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
      expect(r.status, r.stderr).toBe(0);
      return r.stderr;
    };
    expect(cli()).not.toContain('layout');
    const file = path.join(cache, STATE_FILE);
    await asLayout7(file);
    const old = await BuildState.open(cache, extractorVersion());
    expect(old.docs.size).toBe(0);
    expect(old.events).toEqual([]);
    expect(old.note).toContain(file);
    expect(old.note).toContain('another layout (build-state@7, this version writes build-state@8)');
    await old.close();
    // An article added: the state of layout @7 is not used, and the output is a clean build's.
    const extra = generateArticle(COUNT + 21, 11);
    await writeFile(path.join(dir, extra.path), extra.text!);
    const said = cli();
    expect(said).toContain(`extract: the build state ${file} is in another layout (build-state@7`);
    expect(said).toContain('this build merges every report afresh and writes it again');
    expect(await readFile(out, 'utf8')).toBe((await clean(dir)).text);
    // Written again in this layout: read by the next build, which says nothing of it.
    const again = await BuildState.open(cache, extractorVersion());
    expect(again.note).toBeUndefined();
    expect(again.docs.size).toBeGreaterThan(COUNT);
    await again.close();
    const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
    await rm(path.join(dir, names[4]!));
    expect(cli()).not.toContain('layout');
    expect(await readFile(out, 'utf8')).toBe((await clean(dir)).text);
    // A damaged file is no layout at all: nothing said.
    await writeFile(file, 'not a state');
    expect((await BuildState.open(cache, extractorVersion())).note).toBeUndefined();
  }, 300_000);
});

describe('build state: compaction', () => {
  it('writes the body afresh when more than half of it is garbage: the bytes of a clean build, a whole state, a smaller file', async () => {
    const dir = path.join(tmp, 'compact');
    const cache = path.join(tmp, 'compact-cache');
    await copyDir(corpus, dir);
    await build(dir, cache);
    const file = path.join(cache, STATE_FILE);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
    // Without compaction: the body grows by what the build appends.
    await rm(path.join(dir, names[1]!));
    const before = (await stat(file)).size;
    const grown = await build(dir, cache);
    expect(grown.text).toBe((await clean(dir)).text);
    expect((await stat(file)).size).toBeGreaterThan(before - 4096);
    await expectConsistent(cache);
    // Told that most of the body is garbage, the next build writes it afresh.
    let body = 0;
    await editHeader(file, (h) => {
      body = h.bodyLength as number;
      h.garbage = body;
    });
    await rm(path.join(dir, names[2]!));
    const compacted = await build(dir, cache);
    expect(compacted.text).toBe((await clean(dir)).text);
    expect(compacted.report).toBe((await clean(dir)).report);
    await expectConsistent(cache);
    const bytes = await readFile(file);
    const t = bytes.subarray(bytes.length - 28).toString('latin1');
    const h = JSON.parse(bytes.toString('utf8', Number(t.slice(4, 16)), Number(t.slice(4, 16)) + Number(t.slice(16, 28)))) as { garbage: number; bodyLength: number };
    expect(h.garbage).toBe(0);
    expect(h.bodyLength).toBeLessThan(body);
    // And the state after it serves the next builds.
    const extra = generateArticle(COUNT + 31, 11);
    await writeFile(path.join(dir, extra.path), extra.text!);
    const next = await build(dir, cache);
    expect(next.known).toBeGreaterThan(0);
    expect(next.text).toBe((await clean(dir)).text);
    await expectConsistent(cache);
  }, 300_000);
});

describe('build state: events that validation changes or rejects', () => {
  it('keeps their merged form, so published ids and curation see what a clean build sees', async () => {
    const dir = path.join(tmp, 'invalid');
    const cache = path.join(tmp, 'invalid-cache');
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 12; i++) {
      const a = generateArticle(200 + i, 11);
      await writeFile(path.join(dir, a.path), a.text!);
    }
    // One document's first event names a state by a code the schema rejects (the event fails
    // validation); its second has a source with an impossible publication day (the source is left out,
    // or the event fails when it has no other).
    const spoil = (reports: DocReport[]): DocReport[] => {
      const out = structuredClone(reports);
      const r = out.find((x) => x.entry.status === 'ok' && x.events.length >= 2)!;
      r.events[0]!.countries = ['xx'];
      r.events[1]!.source.published = '2025-02-30';
      return out;
    };
    const run = async (registry: Registry, curation?: { path: string; text: string }) => {
      const full = await extractCorpus(dir, { threads: 1, cacheDir: cache });
      const ref = finishPipeline(spoil(full.reports), { corpusWarnings: full.warnings, registry, ...(curation ? { curation } : {}) });
      const state = await BuildState.open(cache, extractorVersion());
      const known = state.docs.size;
      const res = await extractCorpus(dir, { threads: 1, cacheDir: cache, known: (k) => state.known(k) });
      const inc = await incrementalFinish(state, { reports: known ? res.reports : spoil(res.reports), keys: res.keys as string[], corpusWarnings: res.warnings });
      // With ids only, the state's own publish gives the same bytes (first: publishMerged adds its
      // validation warnings to inc.side's).
      const own = curation ? undefined : await inc.publish(registry);
      const got = publishMerged(await inc.merged(), inc.side, { registry, ...(curation ? { curation } : {}) });
      const ownOut = path.join(tmp, 'invalid-events.json');
      if (own) await own.write(ownOut);
      await inc.saveState();
      return {
        ref,
        got,
        text: [...eventsFileChunks(got.file)].join(''),
        refText: [...eventsFileChunks(ref.file)].join(''),
        ...(own ? { own: { text: await readFile(ownOut, 'utf8'), report: JSON.stringify(own.report), registry: formatRegistry(own.registry) } } : {}),
      };
    };
    const first = await run(emptyRegistry());
    expect(first.text).toBe(first.refText);
    expect(JSON.stringify(first.got.report)).toBe(JSON.stringify(first.ref.report));
    expect(first.own?.text).toBe(first.refText);
    expect(first.own?.report).toBe(JSON.stringify(first.ref.report));
    expect(first.own?.registry).toBe(formatRegistry(first.ref.registry!));
    // Again with the registry of the first build: ids from the registry, the rejected event still out.
    const again = await run(first.got.registry!);
    expect(again.own?.text).toBe(again.refText);
    expect(again.own?.report).toBe(JSON.stringify(again.ref.report));
    expect(again.own?.registry).toBe(formatRegistry(again.ref.registry!));
    const failed = /event (\S+-xx-\S+) failed validation/.exec(JSON.stringify(first.ref.report))?.[1];
    expect(failed).toBeDefined();

    // A curation fix that makes the rejected event valid, and a new article: the rejected event's
    // merged form now comes from the state's body.
    const curation = { path: 'curation.yaml', text: `fix:\n  - id: ${failed}\n    countries: [FRA]\n` };
    const extra = generateArticle(300, 11);
    await writeFile(path.join(dir, extra.path), extra.text!);
    const second = await run(first.got.registry!, curation);
    expect(second.ref.report.curation?.fixed, JSON.stringify(second.ref.report).slice(-1500)).toBe(1);
    expect(second.text).toBe(second.refText);
    expect(JSON.stringify(second.got.report)).toBe(JSON.stringify(second.ref.report));
    expect(formatRegistry(second.got.registry!)).toBe(formatRegistry(second.ref.registry!));
  }, 120_000);
});

describe('build state: files by size, mtime, ctime and inode', () => {
  /** A build that trusts file signatures (racyMs 0: the test's files are seconds old at most). */
  async function statBuild(dir: string, cache: string, verify = false) {
    const state = await BuildState.open(cache, extractorVersion());
    const res = await extractCorpus(dir, {
      threads: 1,
      cacheDir: cache,
      racyMs: 0,
      known: (k) => state.known(k),
      ...(verify ? {} : { fileKey: (sig: string) => state.fileKey(sig) }),
    });
    const inc = await incrementalFinish(state, { reports: res.reports, keys: res.keys as string[], sigs: res.sigs, corpusWarnings: res.warnings });
    const out = path.join(tmp, 'stat-events.json');
    await inc.write(out);
    await inc.saveState();
    return { text: await readFile(out, 'utf8'), stats: res.stats };
  }

  it('reads no unchanged file, catches a same-size edit by its mtime, and --verify hashes every file', async () => {
    const dir = path.join(tmp, 'stat');
    const cache = path.join(tmp, 'stat-cache');
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 10; i++) {
      const a = generateArticle(400 + i, 11);
      await writeFile(path.join(dir, a.path), a.text!);
    }
    const first = await statBuild(dir, cache);
    expect(first.stats.unread).toBe(0);
    expect(first.text).toBe((await clean(dir)).text);
    const same = await statBuild(dir, cache);
    expect(same.stats.unread).toBe(10);
    expect(same.text).toBe(first.text);

    // A same-size edit: size and inode unchanged, mtime moved (set a few seconds on, as a later edit).
    const names = (await readdir(dir)).sort();
    const file = path.join(dir, names[2]!);
    const before = await stat(file, { bigint: true });
    const text = await readFile(file, 'utf8');
    // One letter changed for another: the same number of bytes.
    const at = text.indexOf('a', text.indexOf('\n\n'));
    const edited = `${text.slice(0, at)}e${text.slice(at + 1)}`;
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    await utimes(file, new Date(Number(before.mtimeMs) + 5000), new Date(Number(before.mtimeMs) + 5000));
    const after = await stat(file, { bigint: true });
    expect(after.size).toBe(before.size);
    expect(after.ino).toBe(before.ino);
    const changed = await statBuild(dir, cache);
    expect(changed.stats.unread).toBe(9);
    expect(changed.stats.extracted).toBe(1);
    expect(changed.text).toBe((await clean(dir)).text);

    // --verify: every file read and hashed, the same output.
    const verified = await statBuild(dir, cache, true);
    expect(verified.stats.unread).toBe(0);
    expect(verified.stats.extracted).toBe(0);
    expect(verified.text).toBe(changed.text);
  }, 120_000);
});

describe('index lookups in a bucket\'s text (findTerm)', () => {
  it('finds what the parsed bucket gives, and nothing else', () => {
    const S = '\u0001';
    const C = '\u0002';
    const terms = [`f${S}m${S}CHN${S}2024-01-01`, `d${S}doc1`, `d${S}doc1"x`, 'odd', `d${S}a,"b`, `d${S}{"q\\`, `t${S}ü北${S}*`];
    const keys: string[] = [];
    for (const t of terms) {
      keys.push(t, `${t}${C}visit|day|stated`, `${t}${C}call|month|weak"q`, `${t}0`, `${t}${S}x`, `x${t}`, `${t}${C}`);
    }
    keys.push(`d${S}doc1${C}${S}`, `o,"dd`, `{"odd`);
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 40; round++) {
      const obj: Record<string, number[]> = {};
      for (const k of keys) if (rnd() < 0.6) obj[k] = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => Math.floor(rnd() * 1000));
      const text = Buffer.from(JSON.stringify(obj), 'utf8');
      for (const t of terms) {
        const want: [string, number[]][] = [];
        for (const [k, v] of Object.entries(obj)) {
          const at = k.indexOf(C);
          if ((at < 0 ? k : k.slice(0, at)) === t) want.push([at < 0 ? '' : k.slice(at + 1), v]);
        }
        expect(findTerm(text, t)).toEqual(want);
      }
    }
  });
});

describe('a document\'s reports in the state (DocReports)', () => {
  it('gives each report of a text with one report a line, and of a text written before, as JSON.parse does', () => {
    const reports = [
      { title: 'line\nbreak\r\u2028\u2029 "quoted" \\ back', n: 1 },
      { title: 'Zürich, 北京, 🙂', n: [2, { deep: ',\n' }] },
      { title: ']', n: null },
      { title: '', n: 4 },
    ] as unknown as ExtractedEvent[];
    for (let n = 0; n <= reports.length; n++) {
      const some = reports.slice(0, n);
      for (const text of [reportsText(some), JSON.stringify(some)]) {
        expect(JSON.parse(text)).toEqual(some);
        const doc = new DocReports(Buffer.from(text, 'utf8'), some.length);
        for (let j = some.length - 1; j >= 0; j--) expect(doc.at(j)).toEqual(some[j]);
      }
    }
  });
});

describe('assignIdsFrom', () => {
  it('gives the ids of assignIds, also when a base id looks like another one with a suffix', () => {
    // Organisation "2" makes the base id "...-chn-2", which is also the second "...-chn".
    const kinds = [
      { type: 'meeting', countries: ['CHN'], organizations: [] as string[] },
      { type: 'meeting', countries: ['CHN'], organizations: ['2'] },
      { type: 'meeting', countries: ['CHN'], organizations: ['3'] },
      { type: 'meeting', countries: ['CHN'], organizations: ['2', '2'] },
      { type: 'call', countries: [] as string[], organizations: [] as string[] },
    ];
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let clashes = 0;
    for (let round = 0; round < 50; round++) {
      const events = Array.from({ length: 1 + Math.floor(rnd() * 30) }, (_, i) => ({
        ...kinds[Math.floor(rnd() * kinds.length)]!,
        date: '2025-01-01',
        actors: [],
        order: `${Math.floor(rnd() * 5)}-${i}`,
      }));
      const expected = assignIds(events, (e) => e.order).map((e) => e.id);
      if (expected.includes('2025-01-01-meeting-chn-2') && expected.includes('2025-01-01-meeting-chn-2-2')) clashes++;
      expect(assignIdsFrom(events.map((e) => ({ base: baseId(e), order: e.order })))).toEqual(expected);
    }
    expect(clashes).toBeGreaterThan(0);
  });

  it('numbers again only the families that changed (reassignIds), with the ids of a full numbering', () => {
    expect(idFamily('a-b-2-10')).toBe('a-b');
    expect(idFamily('a-b')).toBe('a-b');
    expect(idFamily('a-2x')).toBe('a-2x');
    expect(idFamily('a-')).toBe('a-');
    // Bases that are other bases with a suffix ("x-2" is also the second "x"), equal order keys
    // (the input order decides), events gone, new and moved to the end of the list.
    const bases = ['x', 'x-2', 'x-2-2', 'x-3', 'y', 'y-10', 'z-2024', 'z', 'w-a'];
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let differed = 0;
    for (let round = 0; round < 300; round++) {
      const make = (i: number) => ({ base: bases[Math.floor(rnd() * bases.length)]!, order: String(Math.floor(rnd() * 4)), n: i });
      const before = Array.from({ length: 1 + Math.floor(rnd() * 25) }, (_, i) => make(i));
      const ids = assignIdsFrom(before);
      const old = before.map((e, i) => ({ ...e, id: ids[i]! }));
      const touched = new Set<string>();
      const kept: typeof old = [];
      const moved: typeof old = [];
      for (const e of old) {
        const r = rnd();
        if (r < 0.15) touched.add(idFamily(e.base));
        else if (r < 0.3) {
          touched.add(idFamily(e.base));
          moved.push(e);
        } else kept.push(e);
      }
      const added = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => ({ ...make(100 + i), id: '' }));
      for (const e of added) {
        e.id = e.base;
        touched.add(idFamily(e.base));
      }
      const after = [...kept, ...moved, ...added];
      const full = assignIdsFrom(after);
      expect(reassignIds(after, touched)).toEqual(full);
      if (full.some((id, i) => id !== after[i]!.id)) differed++;
    }
    expect(differed).toBeGreaterThan(50);
  });
});
