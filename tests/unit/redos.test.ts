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
 * A pattern whose top-level alternation splits (checkParts: the rule lists the pipeline compiles
 * into one alternation) is checked alternative by alternative, and gets its worst part's verdict;
 * the split is only made when the context the alternatives share repeats nothing, and a part that
 * repeats nothing is linear and not checked at all.
 *
 * tests/unit/redos-pending.json lists the patterns recheck flags that are not fixed yet, each
 * with its verdict: they are printed, not failed, until fixed. Any other flagged pattern fails,
 * and so does a listed one that is now safe or gone (the list only shrinks). Since issue #12 the
 * list is empty, and a test keeps it so.
 * With the native binary (recheck-linux-x64) a pattern takes about 0.1-2 s; RECHECK_BACKEND=pure
 * uses the pure-JavaScript build instead (slower, same verdicts).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { checkParts, collectAll, collectCodeRegExps, collectDataRegExps, type FoundRegExp, hasRepetition, matchFlags, ROOT, uniquePatterns } from './redos-sources.ts';

const RECHECK_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/recheck/package.json'), 'utf8')) as { version: string }).version;
/** Fuzz checker with a fixed seed, so that a verdict is the same on every run. */
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

/** How bad a verdict is: safe 0, unknown 1, vulnerable 2 + the polynomial degree, exponential highest. */
function severity(verdict: string): number {
  if (verdict === 'safe') return 0;
  if (!verdict.startsWith('vulnerable')) return 1;
  if (/^vulnerable \(exponential/.test(verdict)) return 1000;
  return 2 + Number(/^vulnerable \((\d+)\w\w degree/.exec(verdict)?.[1] ?? 0);
}

/**
 * The verdict of every pattern and what is wrong with it. A pattern that splits into alternatives
 * (checkParts) is checked part by part and gets the worst part's verdict (severity), naming that
 * part; a part that repeats nothing is linear and not checked. Verdicts are remembered in `cache`
 * by a hash of recheck's version, the settings and `flags/source` (the `used` ones are returned
 * for the committed file). A flagged pattern fails unless the pending list has it; a listed
 * pattern that is safe or gone fails too, so the list only shrinks.
 */
function review(
  unique: Map<string, FoundRegExp>,
  pending: Pending[],
  cache: Record<string, string>,
  onProgress?: () => void,
): { problems: string[]; stillPending: Pending[]; flagged: Pending[]; used: Record<string, string> } {
  const pendingKeys = new Set(pending.map((p) => `${p.flags}/${p.source}`));
  const problems: string[] = [];
  const stillPending: Pending[] = [];
  const flagged: Pending[] = [];
  const used: Record<string, string> = {};
  let checked = 0;
  const check = (flags: string, source: string): string => {
    // A part that repeats nothing does bounded work at each start position: linear, nothing to check.
    if (!hasRepetition(source)) return 'safe';
    const id = createHash('sha256').update(`${RECHECK_VERSION}\n${JSON.stringify(PARAMS)}\n${flags}/${source}`).digest('hex').slice(0, 32);
    let verdict = cache[id];
    if (verdict === undefined) {
      const d = checkSync(source, matchFlags(flags), PARAMS);
      verdict =
        d.status === 'safe'
          ? 'safe'
          : d.status === 'vulnerable'
            ? `vulnerable (${d.complexity.summary}; attack string e.g. ${JSON.stringify(d.attack.string.slice(0, 40))})`
            : `unknown (${d.error.kind})`;
      // A verdict depends only on the key (fixed seed); a timeout may go another way next time.
      if (!verdict.startsWith('unknown (timeout')) cache[id] = verdict;
      if (++checked % 10 === 0) onProgress?.();
    }
    if (!verdict.startsWith('unknown (timeout')) used[id] = verdict;
    return verdict;
  };
  for (const [key, r] of unique) {
    const parts = checkParts(r.source);
    let verdict = 'safe';
    let worst = 0;
    let flaggedParts = 0;
    for (const part of parts) {
      const v = check(r.flags, part);
      if (v !== 'safe') flaggedParts++;
      if (severity(v) <= worst) continue;
      worst = severity(v);
      verdict = parts.length > 1 ? `${v} in the alternative /${part.slice(0, 200)}/` : v;
    }
    // The other flagged alternatives are counted, so that fixing the worst one does not come as a surprise.
    if (flaggedParts > 1) verdict += ` (${flaggedParts} of ${parts.length} alternatives flagged)`;
    if (verdict === 'safe') continue;
    const found = { where: r.where, flags: r.flags, source: r.source, verdict };
    if (pendingKeys.has(key)) {
      stillPending.push(found);
      continue;
    }
    flagged.push(found);
    problems.push(`${r.where}: /${r.source.slice(0, 160)}/${r.flags} is ${verdict}`);
  }
  const stillKeys = new Set(stillPending.map((p) => `${p.flags}/${p.source}`));
  for (const p of pending) {
    if (!stillKeys.has(`${p.flags}/${p.source}`)) problems.push(`redos-pending.json lists ${p.where} /${p.source.slice(0, 80)}/${p.flags}, which is now safe or gone: remove it from the list`);
  }
  return { problems, stillPending, flagged, used };
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

  it('splits a pattern into the alternatives a backtracking matcher tries one after another', () => {
    expect(checkParts('a+b|c*')).toEqual(['a+b', 'c*']);
    // The wrapper the pipeline compiles rule lists into: zero-width context around one group, named groups kept.
    expect(checkParts('(?<=^|\\W)(?:(?<s0>a+ (?:b|c)|d*)|(?<s1>e+))(?!\\w)')).toEqual([
      '(?<=^|\\W)(?:(?<s0>a+ (?:b|c)))(?!\\w)',
      '(?<=^|\\W)(?:(?<s0>d*))(?!\\w)',
      '(?<=^|\\W)(?:(?<s1>e+))(?!\\w)',
    ]);
    // Not split: a group next to consuming parts, a quantified group, a lookaround, back-references, a `|` in a class.
    expect(checkParts('x(?:a|b)+y')).toEqual(['x(?:a|b)+y']);
    expect(checkParts('^(?:a|b)c*$')).toEqual(['^(?:a|b)c*$']);
    expect(checkParts('(?=a|b)\\w+')).toEqual(['(?=a|b)\\w+']);
    expect(checkParts('(a+)|b\\1')).toEqual(['(a+)|b\\1']);
    expect(checkParts('[|(]+a|\\(b')).toEqual(['[|(]+a', '\\(b']);
    // Not split either: a wrapper whose context repeats something (a lookaround with a quantifier),
    // whose work per alternative tried is then not bounded: the split is only claimed sound for a context that repeats nothing.
    expect(checkParts('(?<=\\s+)(?:a+|b)')).toEqual(['(?<=\\s+)(?:a+|b)']);
    expect(checkParts('(?:a+|b)(?!\\w*c)')).toEqual(['(?:a+|b)(?!\\w*c)']);
    expect(checkParts('(?<=^|\\W)(?:a+|b)(?!\\w)')).toEqual(['(?<=^|\\W)(?:a+)(?!\\w)', '(?<=^|\\W)(?:b)(?!\\w)']);
  });

  it('tells a pattern that repeats nothing (linear, not checked) from one that repeats', () => {
    expect(hasRepetition('(?<=^|\\W)(?:later this week)(?![\\w*+])')).toBe(false);
    expect(hasRepetition('\\(\\?\\*')).toBe(false);
    for (const s of ['a*', 'a+', 'a?', 'a{2}', 'a{0,80}', '\\((?:b)?']) expect(hasRepetition(s)).toBe(true);
  });

  it('ranks verdicts so that a split pattern gets its worst part\'s', () => {
    const cubic = 'vulnerable (3rd degree polynomial (fuzz); attack string e.g. "a")';
    const quadratic = 'vulnerable (2nd degree polynomial (fuzz); attack string e.g. "a")';
    const order = ['safe', 'unknown (timeout)', quadratic, cubic, 'vulnerable (exponential (fuzz); attack string e.g. "a")'];
    for (let i = 1; i < order.length; i++) expect(severity(order[i]!)).toBeGreaterThan(severity(order[i - 1]!));
  });

  it('the checker tells a quadratic pattern from a linear one', () => {
    expect(checkSync('\\s+#+\\s*$', '', PARAMS).status).toBe('vulnerable');
    expect(checkSync('^(?:a|a)*$', '', PARAMS).status).toBe('vulnerable');
    expect(checkSync('(?<!\\s)\\s+or\\b', '', PARAMS).status).toBe('safe');
  });

  it('every regular expression in scripts/ and src/ is safe', { timeout: 3_600_000 }, async () => {
    const { all, unseenDynamic } = await collectAll();
    const cache = loadCache();
    const pending = readJson<{ pending: Pending[] }>(PENDING_FILE, { pending: [] }).pending;
    const r = review(uniquePatterns(all), pending, cache, () => saveCache(cache));
    saveCache(cache);
    if (process.env.REDOS_UPDATE === '1') {
      const sorted = Object.fromEntries(Object.entries(r.used).sort(([a], [b]) => (a < b ? -1 : 1)));
      writeFileSync(COMMITTED_FILE, `${JSON.stringify({ recheck: RECHECK_VERSION, params: PARAMS, verdicts: sorted }, null, 1)}\n`);
    }
    if (process.env.REDOS_REPORT) for (const f of r.flagged) appendFileSync(process.env.REDOS_REPORT, `${JSON.stringify(f)}\n`);
    /** With REDOS_WRITE_PENDING=1 (by hand only, never in CI): every flagged pattern is written into the pending list. */
    if (process.env.REDOS_WRITE_PENDING === '1' && !process.env.CI) {
      const list = [...r.stillPending, ...r.flagged].sort((a, b) => (a.where + a.source < b.where + b.source ? -1 : 1));
      const comment = readJson<{ $comment?: string }>(PENDING_FILE, {}).$comment;
      writeFileSync(PENDING_FILE, `${JSON.stringify({ $comment: comment, pending: list }, null, 1)}\n`);
      return;
    }
    if (r.stillPending.length) console.warn(`recheck: ${r.stillPending.length} flagged patterns still pending a fix (tests/unit/redos-pending.json)`);
    expect([...unseenDynamic.map((f) => `${f}: a computed new RegExp(...) never ran during the check`), ...r.problems]).toEqual([]);
  });

  it('the pending list only shrinks: a listed pattern that is safe or gone fails, a listed flagged one is printed', () => {
    // A pattern without repetition is safe without asking recheck (whose fuzz verdicts can shift with the load).
    const safe: FoundRegExp = { source: '(?<!\\s)or\\b', flags: '', where: 'safe.ts:1' };
    const flagged: FoundRegExp = { source: '^(?:a|a)*$', flags: '', where: 'flagged.ts:1' };
    const unique = uniquePatterns([safe, flagged]);
    const listed = (f: FoundRegExp): Pending => ({ ...f, verdict: 'vulnerable (listed by hand)' });
    const cache: Record<string, string> = {};
    // Nothing listed: the flagged pattern fails.
    let r = review(unique, [], cache);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^flagged\.ts:1: .* is vulnerable/);
    expect(r.flagged.map((f) => f.where)).toEqual(['flagged.ts:1']);
    // Listed: printed, not failed.
    r = review(unique, [listed(flagged)], cache);
    expect(r.problems).toEqual([]);
    expect(r.stillPending.map((p) => p.where)).toEqual(['flagged.ts:1']);
    // A safe pattern or one no longer in the code, listed: fails.
    r = review(unique, [listed(flagged), listed(safe), listed({ source: 'gone+', flags: 'u', where: 'gone.ts:1' })], cache);
    expect(r.problems).toHaveLength(2);
    for (const p of r.problems) expect(p).toMatch(/^redos-pending\.json lists (safe|gone)\.ts:1 .* which is now safe or gone/);
    // The committed pending list: well formed, and (issue #12) empty.
    const file = readJson<{ pending?: Pending[] }>(PENDING_FILE, {});
    expect(Array.isArray(file.pending)).toBe(true);
    expect(file.pending).toEqual([]);
  });
});
