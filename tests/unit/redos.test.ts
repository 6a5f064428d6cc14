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
 * recheck runs its "fuzz" checker (static analysis, then fuzzing for attack strings); the
 * "automaton" checker times out on many Unicode case-insensitive patterns. Verdicts are cached
 * under node_modules/.cache/recheck (keyed by recheck version, settings, flags and source), so
 * only new or changed patterns are checked again; REDOS_NO_CACHE=1 checks all of them.
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

/**
 * Computed `new RegExp` call sites that never run under Node (browser-only code), checked by
 * hand: each builds its pattern from escaped literal words only.
 */
const BROWSER_ONLY_DYNAMIC: Record<string, string> = {};

function loadCache(): Record<string, string> {
  if (process.env.REDOS_NO_CACHE === '1') return {};
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

function saveCache(cache: Record<string, string>): void {
  try {
    mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(cache));
  } catch {
    // a read-only node_modules only costs speed
  }
}

/** The flags that change what a pattern matches (g, y and d only change how it is run). */
const matchFlags = (flags: string): string => flags.replace(/[gyd]/g, '');

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
      text: ' date 2025-07-15 Talks in İstanbul\n\nThe South Korean foreign minister met his Turkish counterpart in İstanbul on Monday, the ministry said. North Korea condemned the talks on Tuesday.\n',
    };
    runPipeline([...seeds.docs, ...story.docs, ...bad.docs, extra]);
  });
  const seenFiles = new Set(runtime.map((r) => r.file));
  const unseenDynamic = [...new Set(code.dynamic.map((d) => d.file))].filter((f) => !seenFiles.has(f) && !(f in BROWSER_ONLY_DYNAMIC));
  const all = [...code.found, ...data, ...runtime.map((r) => ({ source: r.source, flags: r.flags, where: `${r.file} (compiled at run time)` }))];
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
    const bySource = new Map<string, FoundRegExp>();
    for (const r of all) {
      const had = bySource.get(r.source);
      const flags = [...new Set([...(had ? matchFlags(had.flags) : ''), ...matchFlags(r.flags)])].sort().join('');
      bySource.set(r.source, { ...(had ?? r), flags });
    }
    const unique = new Map([...bySource.values()].map((r) => [`${r.flags}/${r.source}`, r] as const));
    const cache = loadCache();
    const problems: string[] = unseenDynamic.map((f) => `${f}: a computed new RegExp(...) never ran during the check`);
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
      if (verdict !== 'safe') {
        problems.push(`${r.where}: /${r.source.slice(0, 160)}/${r.flags} is ${verdict}`);
        if (process.env.REDOS_REPORT) appendFileSync(process.env.REDOS_REPORT, `${problems.at(-1)}\n`);
      }
    }
    saveCache(cache);
    if (process.env.REDOS_REPORT) appendFileSync(process.env.REDOS_REPORT, `${unique.size} patterns, ${problems.length} problems\n`);
    expect(problems).toEqual([]);
  });
});
