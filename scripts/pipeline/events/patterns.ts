/**
 * Compiles regex sources kept in the JSON data files. A source is case-insensitive unless it
 * starts with "(?c)", which makes it case-sensitive (JSON regexes cannot carry flags, and
 * `\p{Lu}` under the `i` flag matches lower case too). `{NAME}` placeholders are replaced by
 * the data file's macros before compiling. Everything here runs once, at module load.
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

/** One regex from a raw source, with the given extra flags ("g", "y"...). */
export function compilePattern(raw: string, macros: Record<string, string> = {}, extraFlags = ''): RegExp {
  const p = readPattern(raw, macros);
  return new RegExp(p.source, (p.caseSensitive ? 'u' : 'iu') + extraFlags);
}

/**
 * Compiles a list of sources into at most two alternations (case-insensitive and
 * case-sensitive), so that testing a line costs two regex runs rather than one per pattern.
 */
export function compileAlternation(raws: readonly string[], macros: Record<string, string> = {}): (text: string) => boolean {
  const ci: string[] = [];
  const cs: string[] = [];
  for (const raw of raws) {
    const p = readPattern(raw, macros);
    (p.caseSensitive ? cs : ci).push(`(?:${p.source})`);
  }
  const reCi = ci.length ? new RegExp(ci.join('|'), 'iu') : null;
  const reCs = cs.length ? new RegExp(cs.join('|'), 'u') : null;
  return (text) => (reCi?.test(text) ?? false) || (reCs?.test(text) ?? false);
}
