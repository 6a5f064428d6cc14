/**
 * Corrections by hand that survive rebuilds: a curation file (YAML, or Markdown front matter)
 * that adds events the extractor missed, fixes fields of extracted events by id, and
 * suppresses events by id. See docs/curation.md for the format.
 *
 * Never throws: a broken file or entry gives a clear message and the rest still applies.
 * A correction that points at an id not in this build is reported, never silently dropped.
 */
import matter from 'gray-matter';
import { z } from 'zod';
import countries from 'world-countries';
import { ActorSchema, EVENT_TYPES, EventSchema, IsoDay, SourceSchema, type TimelineEvent } from '../../src/lib/schema.ts';
import { assignIds, cmp } from './ids.ts';
import { parseYaml, type YamlResult } from './merge/yaml.ts';

const KNOWN_CODES = new Set(countries.map((c) => c.cca3));

/**
 * What an event id looks like (scripts/pipeline/ids.ts makes them): lower-case letters and
 * digits in groups joined by single hyphens. Ids become page paths (/event/<id>/) and link
 * parameters, so "../x", "a/b/c", "x?y" or "x#y" are refused with a message, never built.
 */
export const EVENT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const EVENT_ID_MAX = 200;
const EventId = z
  .string()
  .trim()
  .min(1)
  .max(EVENT_ID_MAX)
  .regex(EVENT_ID_PATTERN, { message: 'not a valid event id (lower-case letters, digits and single hyphens, e.g. 2025-07-15-meeting-chn-rus)' });

const Country = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => KNOWN_CODES.has(s), { message: 'not an ISO 3166-1 alpha-3 country code' });

const Fields = {
  type: z.enum(EVENT_TYPES),
  date: IsoDay,
  datePrecision: z.enum(['day', 'approximate']),
  /** A list of codes; a single code is accepted too. */
  countries: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(Country)),
  organizations: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string().min(1))),
  actors: z.array(ActorSchema),
  title: z.string().trim().min(1),
  location: z.string().min(1),
  deadline: IsoDay,
};

/** A source given in the curation file; offsets are optional there. */
const CurationSource = z.strictObject({
  document: SourceSchema.shape.document,
  sentence: z.string(),
  start: SourceSchema.shape.start.optional(),
  end: SourceSchema.shape.end.optional(),
});

const AddSchema = z.strictObject({
  id: EventId.optional(),
  type: Fields.type,
  date: Fields.date,
  datePrecision: Fields.datePrecision.optional(),
  countries: Fields.countries,
  organizations: Fields.organizations.optional(),
  actors: Fields.actors.optional(),
  title: Fields.title,
  location: Fields.location.optional(),
  deadline: Fields.deadline.optional(),
  sources: z.array(CurationSource).min(1).optional(),
  note: z.string().optional(),
});

const FixSchema = z.strictObject({
  id: EventId,
  type: Fields.type.optional(),
  date: Fields.date.optional(),
  datePrecision: Fields.datePrecision.optional(),
  countries: Fields.countries.optional(),
  organizations: Fields.organizations.optional(),
  actors: Fields.actors.optional(),
  title: Fields.title.optional(),
  location: Fields.location.optional(),
  deadline: Fields.deadline.optional(),
  note: z.string().optional(),
});

/** A bare id, or { id, reason }. */
const SuppressSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { id: v } : v),
  z.strictObject({ id: EventId, reason: z.string().optional() }),
);

const Ids = z.array(EventId).min(2, { message: 'list at least two ids to merge' });
/** A list of ids, or { ids, note }. */
const MergeSchema = z.preprocess((v) => (Array.isArray(v) ? { ids: v } : v), z.strictObject({ ids: Ids, note: z.string().optional() }));

export type CurationAdd = z.output<typeof AddSchema> & { where: string };
/** Events the merger kept apart that are one event: the first id stays, the others are folded into it. */
export type CurationMerge = { ids: string[]; where: string };
export type CurationFix = z.output<typeof FixSchema> & { where: string };
export type CurationSuppress = { id: string; reason?: string; where: string };

/** A parsed curation file: only the entries that passed validation. */
export interface Curation {
  /** The file's path, as given (for messages and for the source of added events). */
  path: string;
  add: CurationAdd[];
  fix: CurationFix[];
  suppress: CurationSuppress[];
  merge: CurationMerge[];
}

const SECTIONS = ['add', 'fix', 'suppress', 'merge'] as const;

export function emptyCuration(path: string): Curation {
  return { path, add: [], fix: [], suppress: [], merge: [] };
}

/** Reads the YAML (or Markdown front matter) out of the file's text. */
function readYaml(text: string): YamlResult {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^---[ \t]*\r?\n/.test(body)) return parseYaml(body);
  // Markdown with front matter: gray-matter finds it, our loader parses it (so dates stay strings).
  let failure: YamlResult | undefined;
  let data: unknown;
  try {
    data = matter(body, {
      engines: {
        yaml: (s: string) => {
          const r = parseYaml(s);
          if (!r.ok) {
            failure = { ...r, ...(r.line !== undefined ? { line: r.line + 1 } : {}) };
            return {};
          }
          return (r.value ?? {}) as object;
        },
      },
    }).data;
  } catch (err) {
    return { ok: false, message: (err as Error).message.split('\n')[0]! };
  }
  return failure ?? { ok: true, value: data };
}

/** The value at a zod issue's path inside the raw entry, for messages. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.map(String).join('.') : '';
  const got = valueAt(raw, issue.path);
  const shown = got === undefined ? '' : ` (got ${brief(got)})`;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      if (field === 'type') return `unknown event type ${brief(got)}; expected one of ${EVENT_TYPES.join(', ')}`;
      return `${field}: ${brief(got)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type': {
      const expected = issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected;
      if (got === undefined) return `missing required field "${field}"`;
      return `${field ? `${field}: ` : ''}expected ${expected}${shown}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return `${field || 'entry'}: must not be empty`;
      return `${field || 'entry'}: ${issue.message}${shown}`;
    default:
      return `${field || 'entry'}: ${issue.message}${shown}`;
  }
}

/** A value as shown in a message: short, and never a walk through a large (or aliased) structure. */
function brief(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}

/** A short label for an entry in messages: `add[2] ("Wang Yi meets ...")`. */
function label(path: string, section: string, i: number, raw: unknown): string {
  const r = raw as Record<string, unknown> | null;
  const hint =
    typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.filter((x) => typeof x === 'string').join(' + ') || undefined : r && typeof r === 'object' ? (r.id ?? r.title) : undefined;
  return `${path}: ${section}[${i + 1}]${typeof hint === 'string' ? ` (${brief(hint)})` : ''}`;
}

/**
 * Parses and validates a curation file. Never throws. Entries that fail validation are
 * left out, each with a message; the valid ones are kept.
 */
export function parseCuration(text: string, path: string): { curation: Curation; errors: string[] } {
  const curation = emptyCuration(path);
  const errors: string[] = [];
  const parsed = readYaml(text);
  if (!parsed.ok) {
    const at = parsed.line !== undefined ? `:${parsed.line}${parsed.column !== undefined ? `:${parsed.column}` : ''}` : '';
    errors.push(`${path}${at}: not valid YAML (${parsed.message}); no corrections were applied`);
    return { curation, errors };
  }
  const doc = parsed.value;
  if (doc === null || doc === undefined) return { curation, errors };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    errors.push(`${path}: expected a mapping with the keys add, fix, suppress and merge; no corrections were applied`);
    return { curation, errors };
  }
  const top = doc as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!(SECTIONS as readonly string[]).includes(key)) {
      errors.push(`${path}: unknown section "${key}" was ignored; expected add, fix, suppress or merge`);
    }
  }
  for (const section of SECTIONS) {
    let entries = top[section];
    if (entries === undefined || entries === null) continue;
    if (!Array.isArray(entries)) {
      if (typeof entries === 'object' || typeof entries === 'string') entries = [entries];
      else {
        errors.push(`${path}: section "${section}" should be a list; it was ignored`);
        continue;
      }
    }
    // "merge: [a, b]" is one group of ids, like "merge: [[a, b]]".
    if (section === 'merge' && (entries as unknown[]).length > 0 && (entries as unknown[]).every((e) => typeof e === 'string')) entries = [entries];
    (entries as unknown[]).forEach((raw, i) => {
      const where = label(path, section, i, raw);
      const schema = section === 'add' ? AddSchema : section === 'fix' ? FixSchema : section === 'merge' ? MergeSchema : SuppressSchema;
      const r = schema.safeParse(raw);
      if (!r.success) {
        // One message per field, read against the entry as the schema sees it (a bare id is { id }).
        const shaped = section === 'merge' && Array.isArray(raw) ? { ids: raw } : section === 'suppress' && typeof raw === 'string' ? { id: raw } : raw;
        const seen = new Set<string>();
        const why = r.error.issues
          .filter((iss) => {
            const k = iss.path.map(String).join('.');
            if (seen.has(k)) return false;
            seen.add(k);
            return true;
          })
          .map((iss) => describeIssue(shaped, iss))
          .join('; ');
        errors.push(`${where}: ${why}; this entry was skipped`);
        return;
      }
      if (section === 'add') curation.add.push({ ...(r.data as z.output<typeof AddSchema>), where });
      else if (section === 'fix') {
        const fix = r.data as z.output<typeof FixSchema>;
        const changes = Object.keys(fix).filter((k) => k !== 'id' && k !== 'note');
        if (changes.length === 0) {
          errors.push(`${where}: a fix needs at least one field to change besides id; this entry was skipped`);
          return;
        }
        curation.fix.push({ ...fix, where });
      } else if (section === 'merge') {
        curation.merge.push({ ids: (r.data as { ids: string[] }).ids, where });
      } else {
        const s = r.data as { id: string; reason?: string };
        curation.suppress.push({ id: s.id, ...(s.reason !== undefined ? { reason: s.reason } : {}), where });
      }
    });
  }
  return { curation, errors };
}

/** Edit distance, for "did you mean" hints on ids (short strings only). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function closestIds(id: string, ids: string[]): string[] {
  const limit = Math.max(4, Math.floor(id.length / 3));
  return ids
    .map((x) => ({ x, d: distance(id, x) }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d || cmp(a.x, b.x))
    .slice(0, 3)
    .map((c) => c.x);
}

function missing(where: string, id: string, ids: string[]): string {
  const near = closestIds(id, ids);
  return (
    `${where}: no event with id "${id}" in this build (the article may have changed or been removed)` +
    (near.length ? `; closest: ${near.join(', ')}` : '') +
    '; this correction was not applied'
  );
}

/**
 * Applies a curation to merged events: suppress, then fix, then add. Returns the events
 * sorted by (date, id) and one warning per correction that could not be applied.
 */
/** How many corrections took effect. */
export interface CurationSummary {
  added: number;
  fixed: number;
  suppressed: number;
  /** Events folded into another by a merge. */
  merged: number;
}

export function applyCuration(
  events: TimelineEvent[],
  curation: Curation,
): { events: TimelineEvent[]; warnings: string[]; summary: CurationSummary } {
  const warnings: string[] = [];
  const byId = new Map(events.map((e) => [e.id, e] as const));
  const allIds = [...byId.keys()];
  const suppressed = new Set<string>();
  const fixedIds = new Set<string>();

  for (const s of curation.suppress) {
    if (suppressed.has(s.id)) warnings.push(`${s.where}: "${s.id}" is suppressed twice`);
    else if (!byId.has(s.id)) warnings.push(missing(s.where, s.id, allIds));
    else suppressed.add(s.id);
  }

  const mergedInto = new Map<string, string>();
  for (const m of curation.merge) {
    const found: string[] = [];
    for (const id of m.ids) {
      if (!byId.has(id)) warnings.push(missing(m.where, id, allIds));
      else if (suppressed.has(id)) warnings.push(`${m.where}: "${id}" is also suppressed; left out of the merge`);
      else if (mergedInto.has(id)) warnings.push(`${m.where}: "${id}" was already merged into "${mergedInto.get(id)}"`);
      else if (!found.includes(id)) found.push(id);
    }
    if (found.length < 2) {
      warnings.push(`${m.where}: fewer than two of its events are in this build; nothing was merged`);
      continue;
    }
    const [keep, ...rest] = found as [string, ...string[]];
    const folded = foldEvents(byId.get(keep)!, rest.map((id) => byId.get(id)!));
    byId.set(keep, folded);
    for (const id of rest) {
      byId.delete(id);
      mergedInto.set(id, keep);
    }
  }

  for (const f of curation.fix) {
    const current = byId.get(f.id);
    if (!current) {
      const into = mergedInto.get(f.id);
      warnings.push(into ? `${f.where}: "${f.id}" was merged into "${into}"; fix that id instead` : missing(f.where, f.id, allIds));
      continue;
    }
    if (suppressed.has(f.id)) {
      warnings.push(`${f.where}: "${f.id}" is also suppressed; the fix has no effect`);
      continue;
    }
    const { id: _id, note: _note, where: _where, ...changes } = f;
    const next: TimelineEvent = { ...current, ...changes, curated: true };
    if (changes.countries) next.countries = [...new Set(changes.countries)].sort();
    if (changes.organizations) next.organizations = [...new Set(changes.organizations)].sort();
    if (changes.date !== undefined) next.dateEvidence = 'curated';
    const checked = EventSchema.safeParse(next);
    if (!checked.success) {
      warnings.push(`${f.where}: the fixed event is not valid (${checked.error.issues[0]?.message ?? 'invalid'}); not applied`);
      continue;
    }
    byId.set(f.id, checked.data);
    fixedIds.add(f.id);
  }

  const kept = [...byId.values()].filter((e) => !suppressed.has(e.id));
  const taken = new Set(kept.map((e) => e.id));
  const added: TimelineEvent[] = [];
  const toNumber: (TimelineEvent & { where: string })[] = [];
  for (const a of curation.add) {
    const sources = (a.sources ?? [{ document: curationSourceName(curation.path), sentence: a.note ?? a.title }]).map((s) => ({
      document: s.document,
      sentence: s.sentence,
      start: s.start ?? 0,
      end: s.end ?? s.start ?? 0,
    }));
    const ev: TimelineEvent & { where: string } = {
      id: a.id ?? '',
      type: a.type,
      date: a.date,
      datePrecision: a.datePrecision ?? 'day',
      countries: [...new Set(a.countries)].sort(),
      organizations: [...new Set(a.organizations ?? [])].sort(),
      actors: a.actors ?? [],
      title: a.title,
      sources,
      ...(a.location !== undefined ? { location: a.location } : {}),
      ...(a.deadline !== undefined ? { deadline: a.deadline } : {}),
      dateEvidence: 'curated',
      curated: true,
      where: a.where,
    };
    const twin = kept.find((e) => e.type === ev.type && e.date === ev.date && e.countries.join() === ev.countries.join());
    if (twin) {
      warnings.push(
        `${a.where}: the build now has a similar event "${twin.id}" (same type, day and states); the addition was kept, remove it if it is the same event`,
      );
    }
    if (a.id === undefined) {
      toNumber.push(ev);
      continue;
    }
    if (taken.has(a.id)) {
      warnings.push(`${a.where}: id "${a.id}" is already used by another event; this addition was skipped`);
      continue;
    }
    taken.add(a.id);
    added.push(stripWhere(ev));
  }
  // Added events without an id get one from their content, like extracted events.
  for (const ev of assignIds(toNumber, (e) => `${e.title}\u0000${JSON.stringify(e.sources)}`, taken)) added.push(stripWhere(ev));

  const out = [...kept, ...added].sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
  const summary: CurationSummary = { added: added.length, fixed: fixedIds.size, suppressed: suppressed.size, merged: mergedInto.size };
  return { events: out, warnings, summary };
}

/** `keep` with the sources, states, organisations and people of `others` added; its own fields win. */
function foldEvents(keep: TimelineEvent, others: TimelineEvent[]): TimelineEvent {
  const all = [keep, ...others];
  const sources = new Map<string, TimelineEvent['sources'][number]>();
  for (const e of all) {
    for (const src of e.sources) {
      const k = `${src.document}\u0000${String(src.start).padStart(10, '0')}\u0000${String(src.end).padStart(10, '0')}`;
      if (!sources.has(k)) sources.set(k, src);
    }
  }
  const actors: TimelineEvent['actors'] = [];
  for (const e of all) for (const a of e.actors) if (!actors.some((x) => x.name === a.name)) actors.push(a);
  return {
    ...keep,
    countries: [...new Set(all.flatMap((e) => e.countries))].sort(),
    organizations: [...new Set(all.flatMap((e) => e.organizations))].sort(),
    actors,
    sources: [...sources].sort((a, b) => cmp(a[0], b[0])).map(([, src]) => src),
    curated: true,
  };
}

/** The source name of an added event without sources: the curation file's name ("curation.yaml"). */
export function curationSourceName(path: string): string {
  return path.split(/[\\/]/).pop() || 'curation';
}

function stripWhere<T extends { where: string }>(ev: T): Omit<T, 'where'> {
  const { where: _w, ...rest } = ev;
  return rest;
}
