/**
 * Pass `actors.place.other-side`: "declared an Indian staff member in Islamabad persona non grata":
 * for a sanction, threat, accusation or military act with one side named, the capital (or state)
 * where it happens stands for the other side. Not for meetings and visits: a host is not a party.
 * A city stands for its state only in a military act that is no drill ("launched drones at Kharkiv", "a missile
 * attack on Kharkiv"; rule actors.place.city-struck).
 * Drills "around <state>" (not in it) are aimed at that state: it is the other side too. A strike "inside" or
 * "within" a state ("fired shells inside Bangladesh territory") hits it (rule actors.place.inside-struck); so does one
 * "across" it or its border, or "on" its side of the border (rule actors.place.across-struck). A state named by its
 * demonym in a phrase of place ("in Iraqi territory", actors.mentions.place-demonym) counts as its name there does;
 * a sanction or threat at a state's border, named by its demonym, is aimed at it ("closed all crossings on the Russian
 * border"; rule actors.place.border-measure).
 *
 * With the place a list of states ("hit 54 targets in Syria and Iraq"), a strike happens in each of them: every
 * state of the list is a party and `theatres` lists them (rule actors.place.theatres), so that the report can be
 * told as one strike per state (events/distributive.ts `byTheatre`).
 *
 * Pass `actors.place.joint-strike-target`: "the US and UK armed forces carried out strikes against targets in
 * Yemen": a strike by states that are all its agents, with no target state named, hits the state where it
 * happens (after the trigger, "in <state>"). Not for drills and exercises, which a third state may host.
 */
import type { EventType } from '../../types.ts';
import { addCountry, note, type PartyPass } from './state.ts';
import type { Found } from '../analyze.ts';
import { actorPattern, DEMONYM_PLACE } from '../words.ts';

const FALLBACK_PLACE = new Set<EventType>(['sanction', 'threat', 'accusation', 'military']);

/** Prepositions that put a strike within a state's borders ("inside Bangladesh", "within Syrian territory"). */
const INSIDE = new Set(['inside', 'within']);
/**
 * Prepositions that put a strike on the far side of a border or all over a state ("shelled villages across the
 * Lebanese border", "struck a barn on the Polish side of the border", "strikes across Ukraine"): it hits that state
 * (rule actors.place.across-struck). 'on' marks a place only in a demonym phrase ("on the Polish side").
 */
const ACROSS = new Set(['across', 'on']);
const ACROSS_RULE = 'actors.place.across-struck';
/**
 * Measures aimed at a state (sanctions, threats): one taken at that state's border or in its places is aimed at it,
 * whatever the preposition ("closed all crossings on the Russian border", "shut checkpoints along the Belarusian
 * frontier"; rule actors.place.border-measure). Only for demonym places (actors.mentions.place-demonym).
 */
const MEASURES = new Set<EventType>(['sanction', 'threat']);
const BORDER_MEASURE_RULE = 'actors.place.border-measure';

/** A state named as a place: its name or capital, or its demonym in a phrase of place ("in Iraqi territory"; actors.mentions.place-demonym). */
function statePlace(f: Found): boolean {
  return f.m.kind === 'capital' || f.m.kind === 'country' || (f.m.kind === 'demonym' && f.placeRule === DEMONYM_PLACE.id);
}

/** Drills and exercises: the state they happen in may only host them. */
const EXERCISE = actorPattern('exerciseWords');
const EXERCISE_RE = EXERCISE.re;

function placeAfterTrigger(s: Parameters<PartyPass['run']>[0]) {
  return s.scope.find(
    (f) =>
      f.m.locative &&
      !f.m.destination &&
      f.m.country &&
      f.m.start >= s.candidate.trigger.end &&
      statePlace(f) &&
      f.prep === 'in' &&
      !f.m.nonParty &&
      f.payload?.kind !== 'city',
  );
}

export const jointStrikeTarget: PartyPass = {
  id: 'actors.place.joint-strike-target',
  run(s) {
    if (s.type !== 'military' || s.countries.length < 2 || s.agents.length !== s.countries.length) return;
    if (!s.countries.every((c) => s.agents.includes(c))) return;
    if (EXERCISE_RE.test(s.sentenceText)) {
      note(s, EXERCISE.id, 'no struck side', 'drill, exercise or deployment words: the place named is where the forces go, not a state they strike');
      return;
    }
    const place = placeAfterTrigger(s);
    if (place && !s.countries.includes(place.m.country!)) addCountry(s, place.m.country!, this.id, `the joint strike hits '${place.m.text}'`);
  },
};

export const placeOtherSide: PartyPass = {
  id: 'actors.place.other-side',
  run(s) {
    if (s.countries.length !== 1 || !FALLBACK_PLACE.has(s.type)) return;
    const place = s.scope.find(
      (f) =>
        f.m.locative &&
        !f.m.destination &&
        f.m.country &&
        statePlace(f) &&
        (f.prep === 'in' ||
          f.prep === 'at' ||
          (s.type === 'military' && f.prep === 'around' && EXERCISE_RE.test(s.sentenceText)) ||
          // "fired shells inside Bangladesh territory": a strike inside a state hits it (rule actors.place.inside-struck).
          (s.type === 'military' && INSIDE.has(f.prep ?? '') && !EXERCISE_RE.test(s.sentenceText)) ||
          // "shelled villages across the Lebanese border": a strike across a border hits the state beyond it (actors.place.across-struck).
          (s.type === 'military' && ACROSS.has(f.prep ?? '') && !EXERCISE_RE.test(s.sentenceText)) ||
          (MEASURES.has(s.type) && f.placeRule === DEMONYM_PLACE.id)) &&
        !f.m.nonParty &&
        // A city stands for its state only as the place a strike hits ("launched drones at Kharkiv"; rule
        // actors.place.city-struck), never for a drill, which a state may hold in its own or a host's city.
        (f.payload?.kind !== 'city' || (s.type === 'military' && !EXERCISE_RE.test(s.sentenceText))),
    );
    if (!place) return;
    if (place.prep === 'around') {
      // "drills around Taiwan": manoeuvres around a state, not in it, are aimed at it.
      addCountry(s, place.m.country!, this.id, `the drills surround '${place.m.text}' (${EXERCISE.id})`);
      return;
    }
    const rule =
      place.payload?.kind === 'city'
        ? 'actors.place.city-struck'
        : INSIDE.has(place.prep ?? '')
          ? 'actors.place.inside-struck'
          : ACROSS.has(place.prep ?? '') && s.type === 'military'
            ? ACROSS_RULE
            : MEASURES.has(s.type) && place.placeRule === DEMONYM_PLACE.id && place.prep !== 'in' && place.prep !== 'at'
              ? BORDER_MEASURE_RULE
              : this.id;
    addCountry(s, place.m.country!, rule, `the act happens ${place.prep} '${place.m.text}'`);
    // "hit 54 targets in Syria and Iraq": a strike in a list of states hits each of them (actors.place.theatres).
    if (s.type !== 'military' || EXERCISE_RE.test(s.sentenceText)) return;
    const list = s.scope.filter((f) => f.listHead === place && f.m.country && !f.m.nonParty && (f.m.kind === 'capital' || f.m.kind === 'country') && f.payload?.kind !== 'city');
    const theatres = [place.m.country!];
    for (const f of list) {
      if (theatres.includes(f.m.country!) || s.agents.includes(f.m.country!)) continue;
      theatres.push(f.m.country!);
      addCountry(s, f.m.country!, THEATRES_RULE, `the strike happens in '${f.m.text}' too, listed with '${place.m.text}'`);
    }
    if (theatres.length > 1) s.theatres = theatres;
  },
};

/** Rule id of the states a strike happens in, named as one list of places ("in Syria and Iraq"). */
export const THEATRES_RULE = 'actors.place.theatres';
