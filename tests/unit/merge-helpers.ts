/**
 * A hand-built extracted event, as extract-document emits it, for the merge tests
 * (merge.test.ts, merge-guards.test.ts). Each file passes its own defaults: the date
 * evidence a report has when the test does not say, and the sentence it gets when none is
 * given (distinct per document and offset, so that no test passes through the rule for
 * reprinted sentences by accident).
 */
import type { Actor, DateEvidence, ExtractedEvent } from '../../scripts/pipeline/types.ts';
import type { EventType } from '../../src/lib/schema.ts';

export interface ReportSpec {
  doc: string;
  published?: string;
  start?: number;
  sentence?: string;
  type?: EventType;
  date: string;
  evidence?: DateEvidence;
  precision?: 'day' | 'approximate';
  countries: string[];
  orgs?: string[];
  actors?: Actor[];
  agents?: string[];
  title?: string;
  location?: string;
  confidence?: number;
  /** Words of the sentence that are the trigger (default: its first three characters). */
  trigger?: string;
}

export interface ReportDefaults {
  evidence: DateEvidence;
  sentence: (s: ReportSpec, start: number) => string;
}

export function reportBuilder(defaults: ReportDefaults): (s: ReportSpec) => ExtractedEvent {
  return (s) => {
    const start = s.start ?? 0;
    const sentence = s.sentence ?? defaults.sentence(s, start);
    const at = s.trigger ? sentence.indexOf(s.trigger) : -1;
    if (s.trigger && at < 0) throw new Error(`trigger "${s.trigger}" is not in "${sentence}"`);
    return {
      type: s.type ?? 'meeting',
      date: s.date,
      datePrecision: s.precision ?? 'day',
      dateEvidence: s.evidence ?? defaults.evidence,
      countries: [...s.countries].sort(),
      organizations: s.orgs ?? [],
      actors: s.actors ?? [],
      ...(s.location ? { location: s.location } : {}),
      title: s.title ?? `${s.type ?? 'meeting'} ${s.countries.join('/')}`,
      confidence: s.confidence ?? 0.8,
      source: {
        document: s.doc,
        published: s.published ?? s.date,
        sentence,
        start,
        end: start + sentence.length,
        trigger: s.trigger ? { start: at, end: at + s.trigger.length } : { start: 0, end: 3 },
      },
      ...(s.agents ? { agents: s.agents } : {}),
    };
  };
}
