/**
 * YAML parsing for the curation file, with js-yaml (already installed as gray-matter's
 * dependency; it ships no types, so the little we use is typed here).
 * The core schema keeps `2025-07-15` a string instead of turning it into a Date.
 */
import { createRequire } from 'node:module';

interface YamlMark {
  line: number;
  column: number;
}
interface JsYaml {
  load(text: string, opts?: { schema?: unknown; filename?: string; json?: boolean }): unknown;
  CORE_SCHEMA: unknown;
}

const jsyaml = createRequire(import.meta.url)('js-yaml') as JsYaml;

export type YamlResult = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

/** Parses YAML text; never throws. Line and column are 1-based. */
export function parseYaml(text: string): YamlResult {
  try {
    return { ok: true, value: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) };
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: YamlMark };
    const message = (e.reason ?? e.message ?? String(err)).split('\n')[0]!;
    return e.mark ? { ok: false, message, line: e.mark.line + 1, column: e.mark.column + 1 } : { ok: false, message };
  }
}
