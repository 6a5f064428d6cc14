/**
 * Compiles regex sources kept in the JSON data files. A source is case-insensitive unless it
 * starts with "(?c)", which makes it case-sensitive (JSON regexes cannot carry flags, and
 * `\p{Lu}` under the `i` flag matches lower case too). `{NAME}` placeholders are replaced by
 * the data file's macros before compiling. Everything here runs once, at module load.
 *
 * Speed: V8 runs regexes with both `i` and `u` flags many times slower than with `u` alone.
 * A case-insensitive source written without capital letters is therefore compiled with `u`
 * only and run on lower-cased text ("lowerable"); other sources keep the `i` flag.
 */

export interface SourcePattern {
  source: string;
  caseSensitive: boolean;
}

const CASE_SENSITIVE_PREFIX = '(?c)';

/** Expands `{MACRO}` placeholders (macros may use earlier macros) and reads the "(?c)" prefix. */
export function readPattern(raw: string, macros: Record<string, string> = {}): SourcePattern {
  const caseSensitive = raw.startsWith(CASE_SENSITIVE_PREFIX);
  let source = caseSensitive ? raw.slice(CASE_SENSITIVE_PREFIX.length) : raw;
  for (let i = 0; i < 4 && /\{[A-Z][A-Z0-9_]*\}/.test(source); i++) {
    source = source.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (whole, name: string) => macros[name] ?? whole);
  }
  return { source, caseSensitive };
}

/** Whether a case-insensitive source has no capital letter outside escapes, so it can run on lower-cased text. */
export function isLowerable(source: string): boolean {
  if (/\\[pP]\{L[ult]\}/.test(source)) return false;
  const bare = source.replace(/\\[pP]\{[^\\}]*\}/g, '').replace(/\\./g, '');
  return !/[A-Z]/.test(bare);
}

export interface CompiledPattern {
  re: RegExp;
  /** True when `re` must be run on the lower-cased text. */
  onLower: boolean;
}

/** One regex from a raw source, with extra flags ("g", "y"...). */
export function compileOne(raw: string, macros: Record<string, string> = {}, extraFlags = ''): CompiledPattern {
  const p = readPattern(raw, macros);
  if (p.caseSensitive) return { re: new RegExp(p.source, `u${extraFlags}`), onLower: false };
  if (isLowerable(p.source)) return { re: new RegExp(p.source, `u${extraFlags}`), onLower: true };
  return { re: new RegExp(p.source, `iu${extraFlags}`), onLower: false };
}

/** One regex from a raw source (convenience for sources that are not lowerable or always run as is). */
export function compilePattern(raw: string, macros: Record<string, string> = {}, extraFlags = ''): RegExp {
  const p = readPattern(raw, macros);
  return new RegExp(p.source, (p.caseSensitive ? 'u' : 'iu') + extraFlags);
}

/** A test over one text; `lower` is `text.toLowerCase()` when the caller already has it. */
export type Matcher = (text: string, lower?: string) => boolean;

/**
 * A list of sources as at most three alternations: the lowerable ones (run on lower-cased text), the
 * case-insensitive and the case-sensitive ones; null where a group is empty.
 */
function alternations(raws: readonly string[], macros: Record<string, string>): { reLow: RegExp | null; reCi: RegExp | null; reCs: RegExp | null } {
  const low: string[] = [];
  const ci: string[] = [];
  const cs: string[] = [];
  for (const raw of raws) {
    const p = readPattern(raw, macros);
    const list = p.caseSensitive ? cs : isLowerable(p.source) ? low : ci;
    list.push(`(?:${p.source})`);
  }
  const reLow = low.length ? new RegExp(low.join('|'), 'u') : null;
  const reCi = ci.length ? new RegExp(ci.join('|'), 'iu') : null;
  const reCs = cs.length ? new RegExp(cs.join('|'), 'u') : null;
  return { reLow, reCi, reCs };
}

/**
 * Whether a source can match only at the start of the text: it opens with `^` and has no `|`
 * outside groups and classes (so every branch of it starts there). Without the `m` flag, `^`
 * is the start of the text.
 */
export function anchoredAtStart(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let depth = 0;
  for (let i = 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      // A class runs to its first unescaped "]" (no nested classes under the u flag).
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/** A test of one alternation, split in two when some of its branches are anchored at the start (see compileAlternation). */
function splitTest(sources: string[], flags: string): ((s: string) => boolean) | null {
  if (sources.length === 0) return null;
  const anchored = sources.filter((src) => anchoredAtStart(src));
  // A back-reference counts groups across the whole alternation: such a list is kept whole.
  if (anchored.length === 0 || anchored.length === sources.length || sources.some((src) => /\\(?:[1-9]|k<)/.test(src))) {
    const re = new RegExp(sources.map((src) => `(?:${src})`).join('|'), flags);
    return (s) => re.test(s);
  }
  const first = new RegExp(anchored.map((src) => `(?:${src})`).join('|'), flags);
  const rest = new RegExp(sources.filter((src) => !anchoredAtStart(src)).map((src) => `(?:${src})`).join('|'), flags);
  return (s) => first.test(s) || rest.test(s);
}

/**
 * Compiles a list of sources into at most three alternations (lowerable, case-insensitive,
 * case-sensitive), so that testing a line costs a few regex runs rather than one per pattern.
 *
 * Speed: V8 tries an alternation at every position of the text unless every branch is anchored
 * at the start. The branches that are (`^...`) are therefore tested as one alternation of their
 * own, which V8 tries at position 0 only, and the others as another: a yes/no test of an
 * alternation is the same as the tests of its parts joined by "or".
 */
export function compileAlternation(raws: readonly string[], macros: Record<string, string> = {}): Matcher {
  const low: string[] = [];
  const ci: string[] = [];
  const cs: string[] = [];
  for (const raw of raws) {
    const p = readPattern(raw, macros);
    (p.caseSensitive ? cs : isLowerable(p.source) ? low : ci).push(p.source);
  }
  const testLow = splitTest(low, 'u');
  const testCi = splitTest(ci, 'iu');
  const testCs = splitTest(cs, 'u');
  return (text, lower) =>
    (testLow?.(lower ?? text.toLowerCase()) ?? false) || (testCs?.(text) ?? false) || (testCi?.(text) ?? false);
}

/** The words of the leftmost match in a text, or undefined; `lower` as for Matcher. */
export type Finder = (text: string, lower?: string) => string | undefined;

/**
 * Like compileAlternation (the same regexes, sources and flags), but returns the words matched:
 * the leftmost match of the three alternations, lower-cased.
 */
export function compileFinder(raws: readonly string[], macros: Record<string, string> = {}): Finder {
  const { reLow, reCi, reCs } = alternations(raws, macros);
  return (text, lower) => {
    const found = [reLow?.exec(lower ?? text.toLowerCase()), reCs?.exec(text), reCi?.exec(text)].filter((m): m is RegExpExecArray => m != null);
    if (!found.length) return undefined;
    found.sort((a, b) => a.index - b.index);
    return found[0]![0].toLowerCase();
  };
}
