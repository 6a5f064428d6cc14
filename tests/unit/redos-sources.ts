/**
 * Collects every regular expression of the project for the ReDoS test (tests/unit/redos.test.ts):
 *  - regex literals and `new RegExp('literal')` / `RegExp('literal')` in scripts/ and src/
 *    (.ts, .mts, .mjs, and the front matter and <script> blocks of .astro files), found with the
 *    TypeScript parser rather than a regex over the code;
 *  - regex strings in the rule files scripts/data/*.json ({MACRO} placeholders of event-rules.json
 *    expanded, the "(?c)" prefix removed);
 *  - `new RegExp(...)` calls whose source is computed: their call sites are listed, so that the
 *    test can check each was seen compiling at run time (captureRuntimeRegExps).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface FoundRegExp {
  source: string;
  flags: string;
  /** file:line, or file#json.path for data files. */
  where: string;
}

export interface DynamicSite {
  file: string;
  line: number;
  text: string;
}

const CODE_EXT = /\.(?:ts|mts|mjs|astro)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(abs, out);
    } else if (CODE_EXT.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(abs);
  }
  return out;
}

/** The TypeScript parts of an .astro file (front matter and script blocks), other lines blanked so line numbers hold. */
function astroCode(text: string): string {
  const lines = text.split('\n');
  const keep = new Array<boolean>(lines.length).fill(false);
  let i = 0;
  if (lines[0]?.trim() === '---') {
    keep[0] = false;
    for (i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) keep[i] = true;
    i++;
  }
  let inScript = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!inScript && line.includes('<script') && !line.includes('type="application/ld+json"')) {
      inScript = !line.includes('</script>');
      continue;
    }
    if (inScript && line.includes('</script>')) {
      inScript = false;
      continue;
    }
    keep[i] = inScript;
  }
  return lines.map((l, n) => (keep[n] ? l : '')).join('\n');
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** Regex literals, literal `new RegExp` calls and computed `new RegExp` call sites in the project's code. */
export function collectCodeRegExps(): { found: FoundRegExp[]; dynamic: DynamicSite[]; files: number } {
  const files = [...walk(path.join(ROOT, 'scripts')), ...walk(path.join(ROOT, 'src'))].sort();
  const found: FoundRegExp[] = [];
  const dynamic: DynamicSite[] = [];
  for (const abs of files) {
    const rel = path.relative(ROOT, abs);
    const raw = readFileSync(abs, 'utf8');
    const code = abs.endsWith('.astro') ? astroCode(raw) : raw;
    const sf = ts.createSourceFile(rel, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        found.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: `${rel}:${lineOf(node)}` });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const args = node.arguments ?? ts.factory.createNodeArray();
        const source = literalText(args[0]);
        const flags = args[1] === undefined ? '' : literalText(args[1]);
        if (source !== undefined && flags !== undefined) found.push({ source, flags, where: `${rel}:${lineOf(node)}` });
        else dynamic.push({ file: rel, line: lineOf(node), text: node.getText(sf).slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic, files: files.length };
}

/** Characters that make a data string a regex rather than a plain word. */
const REGEX_SYNTAX = /[\\()[\]*+?{}|^$]/;

/**
 * Regex strings in scripts/data/*.json: every string value (keys starting with "$" are comments)
 * that uses regex syntax and compiles. event-rules.json's {MACRO} placeholders are expanded.
 */
/** Keys of the rule files whose values are explanations, not patterns. */
const PROSE_KEYS: ReadonlySet<string> = new Set(['description']);

export function collectDataRegExps(): FoundRegExp[] {
  const dir = path.join(ROOT, 'scripts/data');
  const out: FoundRegExp[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const data: unknown = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    const macros: Record<string, string> =
      typeof data === 'object' && data !== null && 'macros' in data && typeof data.macros === 'object' && data.macros !== null
        ? (data.macros as Record<string, string>)
        : {};
    const expand = (s: string): string => {
      let src = s.startsWith('(?c)') ? s.slice(4) : s;
      for (let i = 0; i < 4; i++) src = src.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (whole, m: string) => macros[m] ?? whole);
      return src;
    };
    const visit = (v: unknown, at: string): void => {
      if (typeof v === 'string') {
        if (!REGEX_SYNTAX.test(v)) return;
        const source = expand(v);
        try {
          new RegExp(source, 'u');
        } catch {
          return; // not a regex (a plain phrase with a bracket)
        }
        out.push({ source, flags: 'iu', where: `scripts/data/${name}#${at}` });
      } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}[${i}]`));
      else if (typeof v === 'object' && v !== null) {
        // `$comment` and `description` fields are prose for readers, never compiled.
        for (const [k, x] of Object.entries(v)) if (!k.startsWith('$') && !PROSE_KEYS.has(k)) visit(x, at ? `${at}.${k}` : k);
      }
    };
    visit(data, '');
  }
  return out;
}

/**
 * Replaces the global RegExp while `load` runs, recording every regex that code under scripts/
 * or src/ builds with `new RegExp(...)` (sources computed from data files and macros), with the
 * file that built it. The original constructor is restored afterwards.
 */
export async function captureRuntimeRegExps(load: () => Promise<void>): Promise<{ source: string; flags: string; file: string }[]> {
  const Original = globalThis.RegExp;
  const seen: { source: string; flags: string; file: string }[] = [];
  const marker = `${path.sep}node_modules${path.sep}`;
  const Capturing = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const re = Reflect.construct(target, args) as RegExp;
      // The frame that called `new RegExp`: project code only (chrono-node's own patterns are its business).
      const frames = (new Error().stack ?? '').split('\n').slice(2);
      const caller = frames.map((l) => /(\/[^\s():]+):\d+:\d+\)?$/.exec(l)?.[1]).find((f) => f !== undefined && !f.includes('redos-sources'));
      if (caller && !caller.includes(marker) && (caller.startsWith(path.join(ROOT, 'scripts')) || caller.startsWith(path.join(ROOT, 'src')))) {
        seen.push({ source: re.source, flags: re.flags, file: path.relative(ROOT, caller) });
      }
      return re;
    },
    apply(target, _this, args: [string | RegExp, string?]) {
      return Reflect.apply(target, undefined, args) as RegExp;
    },
  });
  globalThis.RegExp = Capturing;
  try {
    await load();
  } finally {
    globalThis.RegExp = Original;
  }
  return seen;
}

/**
 * Computed `new RegExp` call sites that never run under Node (browser-only code), checked by
 * hand: each builds its pattern from escaped literal words only.
 */
export const BROWSER_ONLY_DYNAMIC: Record<string, string> = {};

/**
 * Every regular expression to check: the code's, the rule files' and the ones the pipeline compiles
 * at run time (captured while it runs on the seeds and the story and bad-input fixtures), and the
 * files with a computed `new RegExp` that never ran.
 */
export async function collectAll(): Promise<{ all: FoundRegExp[]; unseenDynamic: string[] }> {
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

/**
 * The parts of a pattern that are checked one by one: its top-level alternatives, found through
 * the wrappers the pipeline compiles rule lists into. A backtracking matcher tries the
 * alternatives of `Z(?:A|B)Z'` in turn, so its cost on any input is at most the cost of `ZAZ'`
 * plus that of `ZBZ'`, and the pattern is linear when every part is. A wrapper is a group (`(?:`,
 * capturing or named, not quantified) whose neighbours are all zero-width (lookarounds, `^`, `$`,
 * `\b`, `\B`): `(?<=^|\W)(?:A|B)(?!\w)` has the parts `(?<=^|\W)(?:A)(?!\w)` and
 * `(?<=^|\W)(?:B)(?!\w)` (the group is kept, so that a named group keeps its name). The context
 * (everything around the group) must repeat nothing (hasRepetition), or the group is not split:
 * `(?<=\s+)(?:a|b)` stays whole. A pattern with back-references is not split (dropping a group
 * would renumber them).
 */
export function checkParts(source: string): string[] {
  if (/\\[1-9]|\\k</.test(source)) return [source];
  const out: string[] = [];
  const queue = [source];
  while (queue.length > 0) {
    const src = queue.shift()!;
    const alts = splitTopLevel(src);
    if (alts.length > 1) {
      queue.unshift(...alts);
      continue;
    }
    const group = wrapperGroup(src, 0, src.length);
    // Split only when the context shared by the alternatives (the zero-width parts around the
    // group, lookaround bodies included) repeats nothing: then it does a bounded amount of work
    // per alternative tried, and the sum argument above holds.
    if (group && !hasRepetition(src.slice(0, group.bodyStart) + src.slice(group.bodyEnd))) queue.unshift(...group.alternatives.map((a) => src.slice(0, group.bodyStart) + a + src.slice(group.bodyEnd)));
    else out.push(src);
  }
  return out;
}

/** The end of the token starting at `i` (an escape, a character class or one character). */
function tokenEnd(src: string, i: number): number {
  if (src[i] === '\\') return i + 2;
  if (src[i] === '[') {
    let j = i + 1;
    if (src[j] === '^') j++;
    if (src[j] === ']') j++;
    for (; j < src.length && src[j] !== ']'; j++) if (src[j] === '\\') j++;
    return j + 1;
  }
  return i + 1;
}

/** The index of the `)` that closes the group opened at `open`. */
function groupEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; ) {
    const c = src[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    i = c === '\\' || c === '[' ? tokenEnd(src, i) : i + 1;
  }
  throw new Error(`unbalanced group in /${src}/`);
}

/** The alternatives of `src` at its top level (one when it has no top-level `|`). */
export function splitTopLevel(src: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '(') i = groupEnd(src, i) + 1;
    else if (c === '|') {
      parts.push(src.slice(from, i));
      from = ++i;
    } else i = tokenEnd(src, i);
  }
  parts.push(src.slice(from));
  return parts;
}

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;
const ZERO_WIDTH_TOKEN = /^(?:\^|\$|\\[bB])$/;

/**
 * In `src[from, to)` (one alternative): the only consuming element when it is a wrapper group
 * with an alternation in its body, looked for inside wrapper groups with one alternative too.
 */
function wrapperGroup(src: string, from: number, to: number): { bodyStart: number; bodyEnd: number; alternatives: string[] } | undefined {
  let found: { open: number; end: number; bodyStart: number } | undefined;
  for (let i = from; i < to; ) {
    if (src[i] !== '(') {
      const next = tokenEnd(src, i);
      if (!ZERO_WIDTH_TOKEN.test(src.slice(i, next))) return undefined;
      i = next;
      continue;
    }
    const end = groupEnd(src, i);
    const quantified = QUANTIFIER.test(src.slice(end + 1, to));
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) {
      if (quantified) return undefined;
    } else {
      const head = /^\((?:\?:|\?<[^>]+>|(?!\?))/.exec(src.slice(i, i + 40))?.[0];
      if (found || quantified || head === undefined) return undefined;
      found = { open: i, end, bodyStart: i + head.length };
    }
    i = end + 1;
  }
  if (!found) return undefined;
  const alternatives = splitTopLevel(src.slice(found.bodyStart, found.end));
  if (alternatives.length > 1) return { bodyStart: found.bodyStart, bodyEnd: found.end, alternatives };
  return wrapperGroup(src, found.bodyStart, found.end);
}

/**
 * The flags that matter to the check: g and d only change what a match returns, but y (sticky)
 * tries one position only, so a pattern run sticky is checked sticky.
 */
export const matchFlags = (flags: string): string => flags.replace(/[gd]/g, '');

/**
 * One entry per source, keyed `flags/source`, with the union of the flags it is used with: the i
 * flag only widens character classes, so a pattern safe with it is safe without it. y is kept
 * only when every use is sticky (a search from every position is the harder case).
 */
export function uniquePatterns(all: FoundRegExp[]): Map<string, FoundRegExp> {
  const bySource = new Map<string, FoundRegExp & { allSticky: boolean }>();
  for (const r of all) {
    const had = bySource.get(r.source);
    const allSticky = (had?.allSticky ?? true) && r.flags.includes('y');
    const union = new Set([...(had ? had.flags : ''), ...matchFlags(r.flags)].filter((f) => f !== 'y'));
    const flags = [...union, ...(allSticky ? ['y'] : [])].sort().join('');
    bySource.set(r.source, { ...(had ?? r), flags, allSticky });
  }
  return new Map([...bySource.values()].map(({ allSticky: _, ...r }) => [`${r.flags}/${r.source}`, r] as const));
}

/**
 * Whether a pattern repeats anything (`*`, `+`, `?` or `{m,n}` outside a character class). One
 * that does not does a bounded amount of work at each start position, so it is linear whatever
 * the input, and needs no check.
 */
export function hasRepetition(src: string): boolean {
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '*' || c === '+' || c === '?') return true;
    if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(i))) return true;
    // `(?:`, `(?=`, `(?<name>`: group syntax, not repetition.
    i = c === '(' && src[i + 1] === '?' ? i + 2 : c === '\\' || c === '[' ? tokenEnd(src, i) : i + 1;
  }
  return false;
}
