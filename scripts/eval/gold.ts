/**
 * Reads a gold file (the format of the seed gold: { articles: [{ id, events: [...] }] }).
 * Validated with zod so a typo in a hand-written gold file is reported, not scored silently.
 */
import { z } from 'zod';
import { EVENT_TYPES } from '../../src/lib/schema.ts';
import type { GoldFile } from './score.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const GoldEventSchema = z.object({
  type: z.enum(EVENT_TYPES),
  date: day,
  countries: z.array(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO alpha-3 code')),
  required: z.boolean(),
  note: z.string().optional(),
});

const GoldArticleSchema = z.object({
  id: z.string().min(1),
  published: day.optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  events: z.array(GoldEventSchema),
});

export const GoldFileSchema = z.object({ articles: z.array(GoldArticleSchema) });

/** Parses gold JSON text; returns the file or a list of readable errors. */
export function parseGold(text: string): { gold?: GoldFile; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { errors: [`not valid JSON: ${(err as Error).message}`] };
  }
  const parsed = GoldFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const a of parsed.data.articles) {
    if (seen.has(a.id)) errors.push(`article ${a.id} appears twice`);
    seen.add(a.id);
  }
  return errors.length ? { errors } : { gold: parsed.data, errors: [] };
}
