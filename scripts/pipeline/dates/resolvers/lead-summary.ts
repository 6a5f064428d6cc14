/**
 * dates.resolver.lead-summary: a news lead with no cue often sums up the account its next
 * sentence dates ("Iran's foreign minister warned of a response to new sanctions. In a phone call
 * with his Portuguese counterpart on Friday, he denounced ..."): the lead takes the day that
 * sentence states (its first day cue outside quotations, no future one, 1 to a few days before
 * publication) rather than the publication day. Only the article's first body sentence.
 */
import { LEAD_SUMMARY, SAME_ACCOUNT, STORY_FRAME } from '../cue-data.ts';
import { presentStateLead } from './same-account.ts';
import { extractCues, type DayCue } from '../cues.ts';
import { toDayNumber } from '../day-math.ts';
import { quoteOf, quoteRanges } from '../quotes.ts';
import { chose, pass, type DateResolver } from './types.ts';
import { OTHER_AGENT } from '../other-agent.ts';

export const leadSummaryResolver: DateResolver = {
  id: LEAD_SUMMARY.id,
  resolve({ ctx, sentence, candidate, needsOwnDate, story, published }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    if (STORY_FRAME.speechTypes.has(candidate.type)) return pass('a speech act in the lead may react to the account, later');
    if (ctx.earlier === undefined || ctx.earlier.length > 0) return pass('not the lead sentence');
    // "is now in Fiji for her first official visit": the lead tells where things stand on the publication day.
    if (presentStateLead(sentence.text)) return pass(`a present-state lead ("is now in") is dated by publication (${SAME_ACCOUNT.id} presentState)`);
    const next = ctx.following?.[0];
    if (!next) return pass('no sentence after the lead');
    const barred = ctx.otherAgent?.get(next.index);
    if (barred) return pass(`the sentence after the lead tells ${barred} (${OTHER_AGENT.id})`);
    const quotes = quoteRanges(next.text);
    const pub = toDayNumber(published)!;
    const day = extractCues(next.text, story).find((c): c is DayCue => c.kind === 'day' && !c.futureContext && !quoteOf(quotes, c));
    if (!day) return pass('the sentence after the lead states no day');
    const n = toDayNumber(day.date);
    if (n === null || n >= pub || pub - n > LEAD_SUMMARY.maxDaysBefore) return pass(`the day after the lead (${day.date}) is not shortly before publication`);
    return chose({ date: day.date, precision: 'day', evidence: 'anchor' }, `date=${day.date}: the lead sums up the account the next sentence dates ("${day.text.trim()}")`);
  },
};
