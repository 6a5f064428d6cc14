/**
 * Every regular expression of the project is checked for catastrophic backtracking (ReDoS) with
 * recheck (npm "recheck", https://makenowjust-labs.github.io/recheck/), a maintained checker that
 * finds exponential and polynomial (e.g. quadratic) worst cases, including the ones a pattern run
 * without a ^ anchor gets from being retried at every position (`/-+$/` on a long run of dashes).
 *
 * What is checked (tests/unit/redos-sources.ts): regex literals and literal `new RegExp(...)` in
 * scripts/ and src/ (.ts and .astro), regex strings of the rule files scripts/data/*.json (macros
 * expanded), and every regex the pipeline compiles at run time from those files (captured while
 * the pipeline runs on the seed and the story fixtures). A computed `new RegExp` whose file was
 * never seen compiling fails the test, so no call site escapes the check.
 *
 * recheck runs its "fuzz" checker (static analysis, then fuzzing for attack strings, with a fixed
 * seed); the "automaton" checker times out on many Unicode case-insensitive patterns. A check
 * takes 0.1-30 s, so verdicts are remembered, keyed by a hash of recheck's version, the settings,
 * the flags and the whole source: tests/unit/redos-verdicts.json (committed; rewritten with
 * `npm run test:redos-update`) and node_modules/.cache/recheck. A new or changed pattern is
 * always checked; `npm run test:redos-full` (REDOS_NO_CACHE=1) checks every one again.
 *
 * tests/unit/redos-pending.json lists the patterns recheck flags that are not fixed yet, each
 * with its verdict: they are printed, not failed, until fixed. Any other flagged pattern fails,
 * and so does a listed one that is now safe or gone (the list only shrinks).
 * With the native binary (recheck-linux-x64) a pattern takes about 0.1-2 s; RECHECK_BACKEND=pure
 * uses the pure-JavaScript build instead (slower, same verdicts).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { captureRuntimeRegExps, collectCodeRegExps, collectDataRegExps, ROOT, type FoundRegExp } from './redos-sources.ts';

const RECHECK_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/recheck/package.json'), 'utf8')) as { version: string }).version;
/** Fuzz checker with a fixed seed, so that a verdict is the same on every run. */
const PARAMS = { checker: 'fuzz' as const, timeout: 30_000, randomSeed: 20250715 };
const CACHE_FILE = path.join(ROOT, 'node_modules/.cache/recheck/verdicts.json');
const COMMITTED_FILE = path.join(ROOT, 'tests/unit/redos-verdicts.json');
const PENDING_FILE = path.join(ROOT, 'tests/unit/redos-pending.json');

interface Pending {
  where: string;
  flags: string;
  source: string;
  verdict: string;
}

/**
 * Computed `new RegExp` call sites that never run under Node (browser-only code), checked by
 * hand: each builds its pattern from escaped literal words only.
 */
const BROWSER_ONLY_DYNAMIC: Record<string, string> = {};

function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

function loadCache(): Record<string, string> {
  if (process.env.REDOS_NO_CACHE === '1') return {};
  return { ...readJson<{ verdicts?: Record<string, string> }>(COMMITTED_FILE, {}).verdicts, ...readJson<Record<string, string>>(CACHE_FILE, {}) };
}

function saveCache(cache: Record<string, string>): void {
  try {
    mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(cache));
  } catch {
    // a read-only node_modules only costs speed
  }
}

/**
 * The flags that matter to the check: g and d only change what a match returns, but y (sticky)
 * tries one position only, so a pattern run sticky is checked sticky.
 */
const matchFlags = (flags: string): string => flags.replace(/[gd]/g, '');

async function collectAll(): Promise<{ all: FoundRegExp[]; unseenDynamic: string[] }> {
  const code = collectCodeRegExps();
  const data = collectDataRegExps();
  const runtime = await captureRuntimeRegExps(async () => {
    // Import every module of the pipeline (module-level patterns), then run it on real-looking
    // input so that lazily compiled patterns are built too.
    const { readCorpus } = await import('../../scripts/pipeline/load.ts');
    const { runPipeline } = await import('../../scripts/pipeline/run.ts');
    const seeds = await readCorpus(path.join(ROOT, 'seeds'));
    const story = await readCorpus(path.join(ROOT, 'tests/fixtures/story'));
    const bad = await readCorpus(path.join(ROOT, 'tests/fixtures/bad-input'));
    // Korean cues (actors/doc-state.ts) and a capital that lower-cases to a longer string
    // ("İ", events/triggers.ts falls back to a case-insensitive copy of the trigger).
    const extra = {
      id: 'redos-workload',
      path: 'redos-workload.txt',
      warnings: [],
      text: ' date 2025-07-15 Talks in İstanbul\n\nThe South Korean foreign minister met his Turkish counterpart in İstanbul on Monday, the ministry said. North Korea condemned the talks on Tuesday. Officials in Korea said the North would respond.\n',
    };
    runPipeline([...seeds.docs, ...story.docs, ...bad.docs, extra]);
  });
  const seenFiles = new Set(runtime.map((r) => r.file));
  const unseenDynamic = [...new Set(code.dynamic.map((d) => d.file))].filter((f) => !seenFiles.has(f) && !(f in BROWSER_ONLY_DYNAMIC));
  // A rule-file pattern that the pipeline compiled is checked in the form it runs in (with its
  // flags, inside its alternation); the others are checked as written, case-insensitive.
  const compiled = runtime.map((r) => r.source);
  const uncompiled = data.filter((d) => !compiled.some((c) => c.includes(d.source)));
  const all = [...code.found, ...uncompiled, ...runtime.map((r) => ({ source: r.source, flags: r.flags, where: `${r.file} (compiled at run time)` }))];
  return { all, unseenDynamic };
}

describe('regular expressions are safe from catastrophic backtracking (recheck)', () => {
  it('finds the regular expressions of the code, the rule files and the run-time patterns', async () => {
    const code = collectCodeRegExps();
    expect(code.files).toBeGreaterThan(50);
    expect(code.found.length).toBeGreaterThan(100);
    expect(collectDataRegExps().length).toBeGreaterThan(100);
    // The collector sees the patterns it must see: a literal, a literal `new RegExp` and a data file's pattern.
    expect(code.found.some((r) => r.where.startsWith('src/lib/export.ts'))).toBe(true);
    expect(code.dynamic.some((d) => d.file === 'scripts/pipeline/events/patterns.ts')).toBe(true);
  });

  it('the checker tells a quadratic pattern from a linear one', () => {
    expect(checkSync('\\s+#+\\s*$', '', PARAMS).status).toBe('vulnerable');
    expect(checkSync('^(?:a|a)*$', '', PARAMS).status).toBe('vulnerable');
    expect(checkSync('(?<!\\s)\\s+or\\b', '', PARAMS).status).toBe('safe');
  });

  it('every regular expression in scripts/ and src/ is safe', { timeout: 3_600_000 }, async () => {
    const { all, unseenDynamic } = await collectAll();
    // One check per source, with the union of the flags it is used with: the i flag only widens
    // character classes, so a pattern safe with it is safe without it.
    // y is kept only when every use is sticky (a search from every position is the harder case).
    const bySource = new Map<string, FoundRegExp & { allSticky: boolean }>();
    for (const r of all) {
      const had = bySource.get(r.source);
      const allSticky = (had?.allSticky ?? true) && r.flags.includes('y');
      const union = new Set([...(had ? had.flags : ''), ...matchFlags(r.flags)].filter((f) => f !== 'y'));
      const flags = [...union, ...(allSticky ? ['y'] : [])].sort().join('');
      bySource.set(r.source, { ...(had ?? r), flags, allSticky });
    }
    const unique = new Map([...bySource.values()].map((r) => [`${r.flags}/${r.source}`, r] as const));
    const cache = loadCache();
    const pending = readJson<{ pending: Pending[] }>(PENDING_FILE, { pending: [] }).pending;
    const pendingKeys = new Set(pending.map((p) => `${p.flags}/${p.source}`));
    const problems: string[] = unseenDynamic.map((f) => `${f}: a computed new RegExp(...) never ran during the check`);
    const stillPending: Pending[] = [];
    /** With REDOS_WRITE_PENDING=1 (by hand only, never in CI): flagged patterns to write into the pending list. */
    const newlyFlagged: Pending[] = [];
    const used: Record<string, string> = {};
    let checked = 0;
    for (const [key, r] of unique) {
      const id = createHash('sha256').update(`${RECHECK_VERSION}\n${JSON.stringify(PARAMS)}\n${key}`).digest('hex').slice(0, 32);
      let verdict = cache[id];
      if (verdict === undefined) {
        const d = checkSync(r.source, matchFlags(r.flags), PARAMS);
        verdict =
          d.status === 'safe'
            ? 'safe'
            : d.status === 'vulnerable'
              ? `vulnerable (${d.complexity.summary}; attack string e.g. ${JSON.stringify(d.attack.string.slice(0, 40))})`
              : `unknown (${d.error.kind})`;
        // A verdict depends only on the key (fixed seed); a timeout may go another way next time.
        if (!verdict.startsWith('unknown (timeout')) cache[id] = verdict;
        if (++checked % 10 === 0) saveCache(cache);
      }
      if (!verdict.startsWith('unknown (timeout')) used[id] = verdict;
      if (verdict === 'safe') continue;
      if (pendingKeys.has(key)) {
        stillPending.push({ where: r.where, flags: r.flags, source: r.source, verdict });
        continue;
      }
      if (process.env.REDOS_WRITE_PENDING === '1') newlyFlagged.push({ where: r.where, flags: r.flags, source: r.source, verdict });
      problems.push(`${r.where}: /${r.source.slice(0, 160)}/${r.flags} is ${verdict}`);
      if (process.env.REDOS_REPORT) appendFileSync(process.env.REDOS_REPORT, `${JSON.stringify({ where: r.where, flags: r.flags, source: r.source, verdict })}\n`);
    }
    saveCache(cache);
    if (process.env.REDOS_UPDATE === '1') {
      const sorted = Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1)));
      writeFileSync(COMMITTED_FILE, `${JSON.stringify({ recheck: RECHECK_VERSION, params: PARAMS, verdicts: sorted }, null, 1)}\n`);
    }
    if (process.env.REDOS_WRITE_PENDING === '1' && !process.env.CI) {
      const all = [...stillPending, ...newlyFlagged].sort((a, b) => (a.where + a.source < b.where + b.source ? -1 : 1));
      const comment = readJson<{ $comment?: string }>(PENDING_FILE, {}).$comment;
      writeFileSync(PENDING_FILE, `${JSON.stringify({ $comment: comment, pending: all }, null, 1)}\n`);
      return;
    }
    const stillKeys = new Set(stillPending.map((p) => `${p.flags}/${p.source}`));
    for (const p of pending) {
      if (!stillKeys.has(`${p.flags}/${p.source}`)) problems.push(`redos-pending.json lists ${p.where} /${p.source.slice(0, 80)}/${p.flags}, which is now safe or gone: remove it from the list`);
    }
    if (stillPending.length) console.warn(`recheck: ${stillPending.length} flagged patterns still pending a fix (tests/unit/redos-pending.json)`);
    expect(problems).toEqual([]);
  });
});
