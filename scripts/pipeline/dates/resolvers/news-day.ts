/**
 * dates.resolver.news-day: a day-after report. "The president travelled to Luanda on Thursday.
 * ... He was received at the airport by the foreign minister." (published Friday): every act
 * the article dated by its own words before this one lies on one and the same recent day, 1 to
 * newsDay.maxDaysBeforePublication days before publication, so that day is the story's news day
 * and an act with no cue at all, no reference to an event and no account to continue takes it
 * instead of the publication day. It is the last resolver before the dateline and publication
 * defaults: the weakest evidence that still comes from the text. Two different recent days among
 * the dated acts (or one on the publication day) leave the defaults in charge; background needs a
 * day of its own. The news day is a default, not the sentence's own day: speech past the lead dated
 * by it is still undated speech (events/undated-speech.ts; `newsDay` on the resolution).
 */
import { NEWS_DAY } from '../cue-data.ts';
import { toDayNumber } from '../day-math.ts';
import { chose, pass, type DateResolver } from './types.ts';

export const newsDayResolver: DateResolver = {
  id: NEWS_DAY.id,
  resolve({ ctx, candidate, needsOwnDate, published }) {
    if (needsOwnDate) return pass('background needs a day of its own');
    if (NEWS_DAY.skipTypes.has(candidate.type)) return pass(`a ${candidate.type} is left to the defaults`);
    const pub = toDayNumber(published)!;
    // A strike told first is the cause the story reacts to: its day frames later strikes only, not
    // the condemnations, recalls and calls that answer it (the day-after reaction is the news).
    const dated = (ctx.previous ?? []).filter(
      (p) => p.evidence && NEWS_DAY.evidence.has(p.evidence) && (!NEWS_DAY.causeTypes.has(p.type) || p.type === candidate.type),
    );
    const recent = dated.filter((p) => {
      const n = toDayNumber(p.date);
      return n !== null && n <= pub && pub - n <= NEWS_DAY.maxDaysBefore;
    });
    if (recent.length === 0) return pass('no act told before is dated by its own words shortly before publication');
    const days = [...new Set(recent.map((p) => p.date))];
    if (days.length > 1) return pass(`the acts told before are dated on ${days.length} different recent days`);
    if (days[0] === published) return pass('the acts told before are dated on the publication day');
    const first = recent[0]!;
    return chose(
      { date: days[0]!, precision: 'day', evidence: 'anchor', newsDay: true },
      `date=${days[0]}: the story's news day, the one recent day its dated acts lie on ("${first.trigger}")`,
    );
  },
};
