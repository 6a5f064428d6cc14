/**
 * Pass `actors.incursion`: a state's craft or forces entering another state's waters, zone, airspace or
 * territory, or crossing a line (trigger rules military.incursion and military.airspace), are told by the
 * state intruded on. When only the intruder's side is left, the other side is found where such reports put it:
 *  - `actors.incursion.owner-pronoun`: the zone is "its"/"their" ("Japan protested after a Chinese drone entered
 *    its airspace", "Tokyo said Russian ships sailed into its contiguous zone"): the owner is the nearest state
 *    named before the trigger that is not the intruder (pattern in actor-context.json).
 *  - `actors.incursion.reporter`: no owner is named ("crossed the median line of the Taiwan Strait, Taiwan's
 *    defence ministry said"; "crossed the military demarcation line, South Korea's military said"): the state
 *    that reports the act in the trailing attribution is the state intruded on, though a reporter is otherwise
 *    no party (actors.attribution.trailing took it out).
 * Runs after the attribution passes, before the agents are chosen; the intruder stays the agent (its mention
 * comes first and is the subject).
 */
import { actorPattern } from '../words.ts';
import { STATE_KINDS } from './mentions/context.ts';
import { trailingAccordingTo, trailingAttribution } from './attribution-scope.ts';
import { addCountry, stateOf, type PartyPass, type PartyState } from './state.ts';

/** The trigger rules of incursions (events/event-rules.json triggers). */
const INCURSION_RULES = ['military.incursion', 'military.airspace'];
const OWNER_PRONOUN = actorPattern('incursionOwnerPronoun');
const REPORTER_RULE = 'actors.incursion.reporter';

function isIncursion(s: PartyState): boolean {
  const rule = s.candidate.rule ?? '';
  return s.type === 'military' && INCURSION_RULES.some((r) => rule === r || rule.startsWith(`${r}(`));
}

/** A state named as a state (not a place, topic, victim or qualifier). */
function stateMention(f: PartyState['found'][number]): string | undefined {
  if (!STATE_KINDS.has(f.m.kind) || f.m.locative || f.m.nonParty || f.m.topic || f.qualifier) return undefined;
  return stateOf(f);
}

export const incursionSides: PartyPass = {
  id: 'actors.incursion',
  run(s) {
    if (!isIncursion(s) || s.countries.length !== 1) return;
    const intruder = s.countries[0]!;
    const t = s.candidate.trigger;
    if (OWNER_PRONOUN.re.test(t.text)) {
      const before = s.found.filter((f) => f.m.end <= t.start && f.m.start >= s.sentenceStart);
      for (let k = before.length - 1; k >= 0; k--) {
        const c = stateMention(before[k]!);
        if (c && c !== intruder) {
          addCountry(s, c, OWNER_PRONOUN.id, `'${t.text}': the zone is that of '${before[k]!.m.text}', named before the intruder`);
          return;
        }
      }
    }
    const at = trailingAttribution(s) ?? trailingAccordingTo(s);
    if (at === undefined) return;
    const reporter = s.found.find((f) => f.m.start >= at && STATE_KINDS.has(f.m.kind) && !f.qualifier && stateOf(f) && stateOf(f) !== intruder);
    if (reporter) addCountry(s, stateOf(reporter)!, REPORTER_RULE, `no owner of the zone or line is named: the state reporting the incursion ('${reporter.m.text}') is the state intruded on`);
  },
};
