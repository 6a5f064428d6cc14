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
        for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) visit(x, at ? `${at}.${k}` : k);
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
