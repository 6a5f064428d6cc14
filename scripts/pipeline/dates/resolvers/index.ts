/**
 * The date resolvers, in the order they are tried (the model is chrono-node's
 * `configuration.ts`: one list, read top to bottom). The first that resolves decides; each one
 * that passes says why. Their ids and one-line descriptions are listed, in the same order, in
 * scripts/data/date-cues.json "resolvers" (a unit test keeps the two lists equal).
 *
 * Why this order:
 *   1. implicit-anchor before own-cue: "said on Monday that talks held the previous day": the
 *      nearer "the previous day" dates the talks, counted from the Monday (which dates "said").
 *   2. own-cue: a day or period of the event's own clause is the strongest evidence there is.
 *   3. anchor: only without an own cue, "hours after X" dates the event from X.
 *   3a. document-dated: "..., the ministry said in a note dated Tuesday": the act took effect in the document, on its
 *      day; with no cue of its own, before every bridge to other events and every default.
 *   3a'. dated-frame: "During that visit, ..." inside an act dated by its own words a few sentences before that
 *      is dated background or lies long before publication (within-event's reach ends there); before
 *      within-event, which it leaves every news act shortly before publication.
 *   3b. within-event: "during the talks", "At the event": the act happened inside an event told
 *      before, on its day; an explicit bridging reference, stronger than any carried or default day.
 *   3c. readout: a statement naming "the call"/"the talks" told before reports on it, on its day;
 *      an explicit reference like 3b, limited to statements (a reaction may come days later).
 *   4. carried-opening: no cue in the sentence at all, the previous event-less sentence's opening
 *      phrase ("On Monday, the talks resumed.") carries over.
 *   5. bare-year: "in 2022" says little (approximate, a whole year), so it comes after all of these.
 *   5b. told-before: the same act (type and head word) as the event told last, told again: its day;
 *      after the sentence's own evidence and the carried opening ("Hours later, Pakistan did the
 *      same. It declared ...": a tit-for-tat act is no retelling).
 *   5c. named-again: the sentence names an act of the candidate's type with "the" ("the strikes"):
 *      the same act told again with another word; after told-before (same head word is stronger).
 *   5d. eve-of: "Their meeting was on the eve of a summit ... Thursday's summit": the day before
 *      the named event; an explicit bridge, before a later retelling's day.
 *   6. later-retelling: a later sentence that tells the same act with its day ("the meeting that
 *      took place on Monday") beats any default; it comes after the sentence's own evidence.
 *   6b. named-day: "Fico said Sunday's meeting was ...": the act named with a day in the genitive in
 *      a sentence around (three before or after); a named act with its day, before "also" goes on
 *      with whatever was told last.
 *   7. continued-account: "also met" goes on with the account told before; weaker than a
 *      retelling, which names the very act.
 *   7b. story-frame: with no cue at all, an act told right after (or with) one dated by its own
 *      words goes on with that account ("signed on Friday, April 19. The treaty was inked during
 *      the visit."): before the defaults, weaker than every reference to a named act.
 *   7c. lead-summary: an undated lead sums up the account its next sentence dates; the weakest
 *      evidence before the defaults.
 *   8. undated-background: with no cue found, background gets no day, before any default could
 *      stamp it with the dateline's or publication day.
 *   8a. same-account: a press conference, post or briefing of the same account told in the next
 *      sentences, sharing a name with the act's sentence, dates a lead act with no cue; after every
 *      link to a named event, before the news day (the account's own words beat the story's day).
 *   8b. news-day: every act dated by its own words so far lies on one recent day before
 *      publication (a day-after report): an act with nothing else to date it takes that day.
 *   9. dateline, 10. publication: a news lead tells the day's events.
 */
import { anchorResolver } from './anchor.ts';
import { bareYearResolver } from './bare-year.ts';
import { carriedOpeningResolver } from './carried-opening.ts';
import { continuedAccountResolver } from './continued-account.ts';
import { datedFrameResolver } from './dated-frame.ts';
import { documentDatedResolver } from './document-dated.ts';
import { eveOfResolver } from './eve-of.ts';
import { laterRetellingResolver } from './later-retelling.ts';
import { datelineResolver, publicationResolver, undatedBackgroundResolver } from './fallback.ts';
import { implicitAnchorResolver } from './implicit-anchor.ts';
import { namedAgainResolver } from './named-again.ts';
import { ownCueResolver } from './own-cue.ts';
import { leadSummaryResolver } from './lead-summary.ts';
import { newsDayResolver } from './news-day.ts';
import { readoutResolver } from './readout.ts';
import { namedDayResolver, sameAccountResolver } from './same-account.ts';
import { storyFrameResolver } from './story-frame.ts';
import { toldBeforeResolver } from './told-before.ts';
import { withinEventResolver } from './within-event.ts';
import type { DateResolver } from './types.ts';

export const DATE_RESOLVERS: readonly DateResolver[] = [
  implicitAnchorResolver,
  ownCueResolver,
  anchorResolver,
  documentDatedResolver,
  datedFrameResolver,
  withinEventResolver,
  readoutResolver,
  carriedOpeningResolver,
  bareYearResolver,
  toldBeforeResolver,
  namedAgainResolver,
  eveOfResolver,
  laterRetellingResolver,
  namedDayResolver,
  continuedAccountResolver,
  storyFrameResolver,
  leadSummaryResolver,
  undatedBackgroundResolver,
  sameAccountResolver,
  newsDayResolver,
  datelineResolver,
  publicationResolver,
];

export type { DateInput, DateResolver, Verdict } from './types.ts';
