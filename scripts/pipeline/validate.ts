/**
 * The last check before events are written: every event against the shared schema. One bad
 * source (say, from a document whose id is unusable) costs only itself: the event is kept with
 * its other sources, and dropped only when none of them is valid or the event itself is not.
 * Pure; never throws. (Meant for runPipeline's validation step, in place of a plain safeParse.)
 */
import { EventSchema, SourceSchema, type TimelineEvent } from '../../src/lib/schema.ts';

export function validateEvents(events: readonly unknown[]): { valid: TimelineEvent[]; warnings: string[] } {
  const valid: TimelineEvent[] = [];
  const warnings: string[] = [];
  for (const ev of events) {
    const checked = EventSchema.safeParse(ev);
    if (checked.success) {
      valid.push(checked.data);
      continue;
    }
    const id = typeof ev === 'object' && ev !== null && typeof (ev as { id?: unknown }).id === 'string' ? (ev as { id: string }).id : '(no id)';
    const sources = typeof ev === 'object' && ev !== null && Array.isArray((ev as { sources?: unknown }).sources) ? (ev as { sources: unknown[] }).sources : [];
    const good = sources.filter((s) => SourceSchema.safeParse(s).success);
    if (good.length > 0 && good.length < sources.length) {
      const retry = EventSchema.safeParse({ ...(ev as object), sources: good });
      if (retry.success) {
        valid.push(retry.data);
        warnings.push(`event ${id}: ${sources.length - good.length} invalid source(s) left out, the event is kept with the others`);
        continue;
      }
    }
    warnings.push(`event ${id} failed validation and was left out: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  }
  return { valid, warnings };
}
