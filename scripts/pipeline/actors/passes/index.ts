/**
 * The party passes, in order. Each pass is one concept in its own file and appends a trace step
 * naming its rule id for every state it adds or removes (see ./state.ts).
 *
 * Why this order:
 *  1. clauseScope       the candidate's own clause first: its mentions, each judged (places, outlets,
 *                       topics, victims, asides are named but are no parties).
 *  1b. subjectAnaphor  "The statement accused France": the subject refers back to the latest act's
 *                       agent; before widening, so that the clause counts that side.
 *  2. widenScope        a two-sided act that names too few sides there looks at the whole sentence.
 *  2b. attributionScope who reports the act (", South Korea's military said"; "According to
 *                       Kyodo, ...") is no party: right after the passes that take the sentence's states.
 *  2b'. observerScope  "X said it had detected a launch by Y": who saw a military act is no party of it.
 *  2b*. incursionSides an incursion with only the intruder left: the owner of "its" zone, or the state reporting
 *                       it, is the state intruded on; right after the attribution passes that take reporters out.
 *  2b''. quotedSpeaker "We signed the accord with X," the minister said: a first-person act in a quotation is the
 *                       speaker's; after the attribution passes (which take reporters out), before the rest.
 *  2c. reportedContent  in a meeting or call, states named only in what was said ("told X that
 *                       Tehran would respond to Israel") were talked about, not present.
 *  2d. timeAnchor       "..., days before the Russian incursion": another event named to date this one.
 *  2e. adjunctScope     states named only in an adjunct phrase ("to the alarm of X", "since X's invasion",
 *                       "after wrapping up a stop in X", "remarks about X") belong to what the phrase names:
 *                       after every pass that takes the sentence's states, before the passes that add from context.
 *  2e*. hostBetween   "X hosted talks between A and B": the host lends the venue and is no party; after the
 *                       passes that take the sentence's states, before the agents are chosen.
 *  2e'. coActor        "China joined Russia in condemning the strikes": the states between "join" and "in" do the
 *                       same act on their own; after every pass that takes the sentence's states (so none adds them
 *                       back), before the passes that fill a missing side from context.
 *  2f. instrumentOwner "the drone" in a military act: the state that an earlier sentence named as its owner
 *                       ("a Malian drone"); before the passes that fill a missing side from context.
 *  3. visitDestination  a visit's destination is a party wherever the sentence names it.
 *  4. placeOtherSide    an act with one side named: the place where it happens stands for the other.
 *  5. relativeSubject   "Oman, which ..., said": the subject before a relative clause speaks.
 *  5b. subordinateClause a state named only in a relative clause without the trigger is named in
 *                       passing ("a statement that criticised Russia"): after every pass that adds
 *                       from the sentence, before the agents are chosen.
 *  5c. countryGroup     "the Baltic states" names its fixed members (data: country-groups.json): they join the
 *                       parties like the states of the clause, before the organisations and the agents.
 *  6. organizations     international organisations and people of the scope (needed by 7 and 10).
 *  7. orgMembers        groupings that act through their members (G7, the Sahel alliance) add them.
 *  8. nominalAct        an act noun with its own agent ("Israel's strike on Doha") keeps only that
 *                       agent and its target: after every pass that adds, so it can remove the
 *                       speaker of the governing verb whichever pass brought it in.
 *  9. agents            which parties do the act (subject side), once the set is known.
 *  9a. jointStrikeTarget a strike by states that are all its agents hits the state it happens in ("the US and
 *                       UK struck targets in Yemen"): needs the agents.
 *  9b. accusationTarget an accusation is against its first object (and what is coordinated with it);
 *                       needs the agents, so that the subject is never taken for the object.
 * 10. actReference      "condemned the attack": needs this event's agents (the speaker) and the
 *                       agents of earlier acts; adds the earlier act's agent as the target.
 * 10b. responseTarget "will respond to the fresh sanctions", "Pyongyang will retaliate": the answered act's agents
 *                       are the target; like 10, needs agents and earlier acts.
 * 10c. ownNounReference a candidate told by a definite act noun ("condemned the strikes") is the earlier act of
 *                       its type and takes its sides.
 * 11. impliedCounterpart last: only when, after everything above, one side is still missing.
 * 12. backgroundMainPair dated background named by a bare act noun with no state at all takes the story's two states.
 */
import { accusationTarget } from './accusation-target.ts';
import { backgroundMainPair } from './background-pair.ts';
import { adjunctScope } from './adjunct-scope.ts';
import { actReference } from './act-reference.ts';
import { agentsPass } from './agents.ts';
import { ownNounReference } from './own-noun-reference.ts';
import { responseTarget } from './response-target.ts';
import { attributionScope } from './attribution-scope.ts';
import { subjectAnaphor } from './subject-anaphor.ts';
import { clauseScope } from './clause-scope.ts';
import { coActor } from './co-actor.ts';
import { countryGroup } from './country-group.ts';
import { hostBetween } from './host.ts';
import { incursionSides } from './incursion.ts';
import { drillHost } from './drill-host.ts';
import { instrumentOwner } from './instrument-owner.ts';
import { impliedCounterpartPass } from './implied-counterpart.ts';
import { nominalAct } from './nominal-act.ts';
import { observerScope } from './observer.ts';
import { orgMembers } from './org-members.ts';
import { organizationsAndPeople } from './organizations.ts';
import { jointStrikeTarget, placeOtherSide } from './place-other-side.ts';
import { relativeSubject } from './relative-subject.ts';
import { reportedContent } from './reported-content.ts';
import { quotedSpeaker } from './quoted-speaker.ts';
import type { PartyPass } from './state.ts';
import { subordinateClause } from './subordinate-clause.ts';
import { timeAnchor } from './time-anchor.ts';
import { visitDestination } from './visit-destination.ts';
import { widenScope } from './widen-scope.ts';

export const PARTY_PASSES: readonly PartyPass[] = [
  clauseScope,
  subjectAnaphor,
  widenScope,
  attributionScope,
  observerScope,
  incursionSides,
  quotedSpeaker,
  reportedContent,
  timeAnchor,
  adjunctScope,
  hostBetween,
  coActor,
  instrumentOwner,
  visitDestination,
  placeOtherSide,
  drillHost,
  relativeSubject,
  subordinateClause,
  countryGroup,
  organizationsAndPeople,
  orgMembers,
  nominalAct,
  agentsPass,
  jointStrikeTarget,
  accusationTarget,
  actReference,
  responseTarget,
  ownNounReference,
  impliedCounterpartPass,
  backgroundMainPair,
];
