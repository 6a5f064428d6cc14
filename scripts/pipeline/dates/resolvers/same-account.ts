/**
 * dates.resolver.same-account: a lead act with no cue of its own is often dated a sentence or two
 * later by the same account, told without a trigger of its own: "Somalia and Ethiopia have agreed
 * on a joint declaration, Turkey's president has announced. Speaking at a news conference in
 * Ankara, <the president> late on Wednesday thanked ..."; "This follows Washington declaring the
 * envoy persona non grata. In a social media post on Friday, the secretary of state ...". The later
 * sentence is a press conference, post, briefing, interview or statement (date-cues.json
 * sameAccount.frame) that shares a name with the act's sentence (a capitalised word of four letters
 * or more) and states a day of its own (outside quotations, not in the future) 0 to a week before
 * publication. Not for background, not for speech acts (a reaction may come days later), not for a
 * present-state lead ("is now in Fiji for her first official visit" stays on the publication day).
 * It comes right before the defaults: every resolver that links the act to a named event is
 * stronger evidence.
 */
import { ANCHOR_EVENT_WORDS, SAME_ACCOUNT } from '../cue-data.ts';
import { extractCues, type DayCue } from '../cues.ts';
import { toDayNumber } from '../day-math.ts';
import { quoteOf, quoteRanges } from '../quotes.ts';
import { gap } from '../select.ts';
import { fromDayCue } from './common.ts';
import { chose, pass, type DateResolver } from './types.ts';

/** "'s meeting": the genitive and the noun after a day cue. */
const GENITIVE = /^\s*['’]s\s+(\p{L}+)/u;

const NAME = /\b\p{Lu}[\p{L}'’-]{3,}/gu;

/** The capitalised names of `text` (four letters or more), without the ignored words. */
export function namesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NAME)) {
    const w = m[0].replace(/['’]s$/u, '');
    if (!SAME_ACCOUNT.ignoredNames.has(w)) out.add(w);
  }
  return out;
}

/** "is now in Fiji for ...", "is on a three-day visit": the lead tells a present state, dated by publication. */
export function presentStateLead(text: string): boolean {
  return SAME_ACCOUNT.presentState.test(text);
}

export const sameAccountResolver: DateResolver = {
  id: SAME_ACCOUNT.id,
  resolve({ ctx, sentence, candidate, needsOwnDate, story, published }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    if (SAME_ACCOUNT.speechTypes.has(candidate.type)) return pass('a speech act may react to the account, later');
    if (presentStateLead(sentence.text)) return pass('a present-state lead ("is now in") is dated by publication');
    const following = ctx.following ?? [];
    const names = namesOf(sentence.text);
    const pub = toDayNumber(published)!;
    for (const s of names.size ? following.slice(0, SAME_ACCOUNT.sentencesAhead) : []) {
      if (ctx.otherAgent?.has(s.index)) continue;
      const frame = SAME_ACCOUNT.frame.exec(s.text);
      if (!frame) continue;
      if (SAME_ACCOUNT.background.test(s.text)) continue;
      const shared = [...namesOf(s.text)].find((n) => names.has(n));
      if (!shared) continue;
      const quotes = quoteRanges(s.text);
      const at = { start: frame.index, end: frame.index + frame[0].length };
      const day = extractCues(s.text, story).find(
        (c): c is DayCue => c.kind === 'day' && !c.futureContext && !quoteOf(quotes, c) && gap(c, at) <= SAME_ACCOUNT.maxFrameDistance,
      );
      if (!day) continue;
      const res = fromDayCue(s, candidate, day, story, published);
      const n = res.date ? toDayNumber(res.date) : null;
      if (n === null || n > pub || pub - n > SAME_ACCOUNT.maxDaysBefore) continue;
      return chose(
        { ...res, evidence: 'anchor' },
        `date=${res.date}: the same account told next ("${frame[0]}", naming "${shared}") dates it ("${day.text.trim()}")`,
      );
    }
    return pass('no press conference, post or briefing of the same account with a day in the next sentences');
  },
};

/** The words naming each type's acts, anchored at the start of a word (compiled once, as in anchor.ts). */
const OPENING_WORDS = new Map(ANCHOR_EVENT_WORDS.map(({ type, re }) => [type, new RegExp(`^(?:${re.source})`, 'iu')]));

/** Rule id: "Fico said Sunday's meeting was ...": the act named with its day in a sentence around (dates.resolver.named-day). */
export const NAMED_DAY_ID = 'dates.resolver.named-day';

export const namedDayResolver: DateResolver = {
  id: NAMED_DAY_ID,
  resolve({ ctx, candidate, needsOwnDate, story, published }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    if (SAME_ACCOUNT.speechTypes.has(candidate.type)) return pass('a speech act is left to the other resolvers');
    const pub = toDayNumber(published)!;
    // "Fico said Sunday's meeting was ...": a day in the genitive before a noun naming an act of the
    // candidate's type, in the sentences around, names the act with its day (dates.select.dated-noun words).
    const typeWords = OPENING_WORDS.get(candidate.type);
    const around = [...(ctx.earlier ?? []).slice(-SAME_ACCOUNT.sentencesAhead), ...(ctx.following ?? []).slice(0, SAME_ACCOUNT.sentencesAhead)];
    for (const s of typeWords ? around : []) {
      for (const c of extractCues(s.text, story)) {
        if (c.kind !== 'day' || c.futureContext) continue;
        const after = GENITIVE.exec(s.text.slice(c.end, c.end + 40));
        if (!after || !typeWords!.test(after[1]!)) continue;
        const res = fromDayCue(s, candidate, c, story, published);
        const n = res.date ? toDayNumber(res.date) : null;
        if (n === null || n > pub || pub - n > SAME_ACCOUNT.maxDaysBefore) continue;
        return chose({ ...res, evidence: 'anchor' }, `date=${res.date}: the same act named with its day around it ("${s.text.slice(c.start, c.end).trim()}'s ${after[1]}")`);
      }
    }
    return pass('no "<day>\'s <act>" of this type in the sentences around');
  },
};
