/**
 * Reads a dateline's day ("July 13", "13 July 2025") against the publication day, through
 * the dates module's parseDayText (past-preferring). Guarded: never throws.
 */
import { parseDayText } from '../dates.ts';

/** YYYY-MM-DD for a dateline's day text, or undefined when it cannot be read. */
export function datelineDay(text: string, published: string): string | undefined {
  try {
    return parseDayText(text, published) ?? undefined;
  } catch {
    return undefined;
  }
}
