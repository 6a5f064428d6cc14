/**
 * Linguistic decision patterns kept in the rule files. A pattern that decides something about an
 * event (keeps or drops a candidate, chooses its type, adds or removes a party, chooses the part of
 * a sentence a title is made from) is data, not a regex literal in code: it lives in the "patterns"
 * section of the rule file whose concept it belongs to (scripts/data/event-rules.json,
 * non-events.json, titles.json, actor-context.json), as `{ id, description, pattern }`, and the
 * trace step of the decision names its id (in its rule, or in its detail when the step is the
 * decision's own, e.g. events.context.datedBackgroundWeekday naming events.context.toldAsPast.after).
 *
 * Each section is checked with zod once, at module load: every key but "$comment" is a rule with a
 * rule id (`<stage>.<...>`, unique across the sections), a description and a pattern. Patterns are
 * JavaScript regex sources, case-insensitive unless they start with "(?c)", with `{MACRO}`
 * placeholders from the file's "macros" (events/patterns.ts); the caller adds the flags its use
 * needs ("g" for a scan). Every repetition is bounded or linear (tests/unit/redos.test.ts checks
 * them as compiled).
 */
import { z } from 'zod';
import { compilePattern } from './events/patterns.ts';

/** A rule id: a stage, then dot-separated parts ("events.context.drillSubject", "actors.agents.passive-patient"). */
const RULE_ID = /^[a-z][A-Za-z]*(?:\.[A-Za-z][A-Za-z0-9-]*)+$/;

const PatternRuleSchema = z.strictObject({
  id: z.string().regex(RULE_ID, 'a rule id: <stage>.<name>'),
  description: z.string().min(1),
  pattern: z.string().min(1),
});

const SectionSchema = z.object({ $comment: z.string().min(1) }).catchall(PatternRuleSchema);

export type PatternRuleEntry = z.infer<typeof PatternRuleSchema>;

/** A compiled decision pattern: its rule id (for trace steps) and its regex. */
export interface PatternRule {
  id: string;
  re: RegExp;
}

/** Every rule of every section loaded so far, by id (ids are unique across the rule files). */
const loaded = new Map<string, { file: string; name: string; entry: PatternRuleEntry; used: boolean }>();
/** The lookup of each section read, so that modules sharing a rule file parse its section once. */
const lookups = new WeakMap<object, (name: string, extraFlags?: string) => PatternRule>();

/**
 * Reads one "patterns" section of a rule file (`file` names it in errors) and returns the lookup of
 * its rules by key: `rule(name, flags)` compiles one with the extra flags ("g", "y"). Throws on a
 * malformed section, a duplicate id or an unknown name, so that a bad rule file fails at load. Modules
 * that share a rule file share its lookup: the section is parsed once (macros from the first call).
 */
export function patternRules(file: string, section: unknown, macros: Record<string, string> = {}): (name: string, extraFlags?: string) => PatternRule {
  const known = typeof section === 'object' && section !== null ? lookups.get(section) : undefined;
  if (known) return known;
  const parsed = SectionSchema.safeParse(section);
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(section)'}: ${i.message}`).join('; ')}`);
  }
  const entries = new Map<string, PatternRuleEntry>();
  for (const [name, value] of Object.entries(parsed.data)) {
    if (name === '$comment' || typeof value === 'string') continue;
    const other = loaded.get(value.id);
    if (other && (other.file !== file || other.name !== name)) throw new Error(`${file}: patterns.${name}: rule id ${value.id} is also ${other.file} patterns.${other.name}`);
    loaded.set(value.id, { file, name, entry: value, used: other?.used ?? false });
    entries.set(name, value);
  }
  const lookup = (name: string, extraFlags = ''): PatternRule => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`${file}: no pattern rule "${name}"`);
    loaded.get(entry.id)!.used = true;
    return { id: entry.id, re: compilePattern(entry.pattern, macros, extraFlags) };
  };
  lookups.set(section as object, lookup);
  return lookup;
}

/** The pattern rules loaded so far: id, file, key, and whether code compiled it (for tests). */
export function loadedPatternRules(): { id: string; file: string; name: string; used: boolean }[] {
  return [...loaded.entries()].map(([id, r]) => ({ id, file: r.file, name: r.name, used: r.used }));
}
