/**
 * merge.present-state-day: a report dated by its article's publication day (or dateline) because its
 * sentence tells the act as going on now ("is now in Fiji for her first official visit", "is on a
 * three-day visit to": the date stage's sameAccount.presentState in date-cues.json, which keeps such a
 * lead on the publication day). A co-reported act of the same account with a weekday or relative day
 * (a ceremony the two leaders "also attended ... on Tuesday evening") is one day of the ongoing act,
 * not the day the act is told for: joined to it, it does not re-date it. Thresholds and the
 * description: merge-rules.json presentStateDay.
 */
import rules from '../../data/merge-rules.json' with { type: 'json' };
import { SAME_ACCOUNT } from '../dates/cue-data.ts';
import type { ExtractedEvent } from '../types.ts';

export const PRESENT_STATE_RULE: string = rules.presentStateDay.id;
const WEAK_EVIDENCE = new Set<string>(rules.weakEvidence);

/** Is `ev` an act told as going on at publication, dated by that day for that reason? */
export function ongoingAtPublication(ev: ExtractedEvent): boolean {
  return WEAK_EVIDENCE.has(ev.dateEvidence) && ev.date === ev.source.published && SAME_ACCOUNT.presentState.test(ev.source.sentence);
}
