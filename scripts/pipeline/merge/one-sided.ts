/**
 * Rule `merge.drop.one-sided`: a meeting, agreement, sanction or visit always has two sides (a visit: the traveller's
 * state and the host state; a trip within one state, "flew to Varanasi", "headed to Ankara" said of a Turkish minister,
 * is no visit). A merged event of one of these
 * types that names one state and no organisation has lost its other side (no pass found it in its sentences or in
 * the story: a person the gazetteer does not know, a non-state group, a caption or byline), and what is left
 * misreads the act ("Sudan holds talks" for rebel groups meeting in Nairobi, "Wang Yi signs agreement" for two other
 * ministers' deal). It is left out of the output. Checked after the merge, so that such a report still lends its
 * day to the two-sided event it joins; both the full build and the build state publish through this check.
 */
import type { EventType } from '../types.ts';

export const ONE_SIDED_RULE = 'merge.drop.one-sided';

const TWO_SIDED: ReadonlySet<EventType> = new Set<EventType>(['meeting', 'agreement', 'sanction', 'visit']);

/** True when the event is of a two-sided type and names a single state and no organisation. */
export function oneSided(ev: { type: EventType; countries: readonly string[]; organizations: readonly string[] }): boolean {
  return TWO_SIDED.has(ev.type) && ev.countries.length === 1 && ev.organizations.length === 0;
}
