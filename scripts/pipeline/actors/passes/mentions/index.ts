/**
 * The mention passes, in order (each in its own file; see ./context.ts). Why this order:
 *  1. possessives        "Israel's": later passes read "X's Y" (places, modifiers, victims, roles).
 *  2. capitalPhrases     "the Chinese capital" becomes a capital before places are judged.
 *  3. places             prepositions and verbs before a state word make it a place or destination.
 *  4. placeListsPass     a list after a place is places too ("to Peru, Chile and Bolivia").
 *  5. citiesArePlaces    cities that are not capitals only ever name places: dropped otherwise.
 *  5a. datelineChain     "MOSCOW/SEOUL -": every place of a dateline naming several is a place.
 *  5b. inNames           "the Vienna Convention", "the Kyiv Independent": inside a proper name, no party (clears a place).
 *  5c. clocks            "16:43 Moscow time": a time zone, no party.
 *  6. indexMentions      mentions by first token, for the passes that look at a neighbour.
 *  7. attributions       outlets and "X's state media" (before modifiers: an outlet is no modifier).
 *  8. modifiers          "Iran-backed", "Yemen's Houthis", "Ukraine's allies".
 *  9. qualifiers         "the Ukraine war": a topic, not a side.
 * 10. homonymsPass       "Russia's Security Council" (before topics: a national body can be a topic).
 * 10a. genericInstitutions "the Foreign Office": the state a word beside it names, else the dateline's (after 10).
 * 11. topics             "to discuss Ukraine".
 * 12. asides             "China, an ally of Moscow, said".
 * 13. victims            "Israel's attack on Iran" (after places: a victim named as a place is no venue).
 * 14. sovereigntyVictims "a violation of Syrian sovereignty".
 * 15. victimsAgain      the victim named again in the sentence ("targeting Syria's stability"): after 13-14.
 * 16. armedGroupTerritory "the Houthis" stand for YEM: last, so that the passes above, which judge state words, leave
 *                       the group word as it is (a group word is judged by its own rule, not as a place or victim).
 */
import { armedGroupTerritory } from './armed-group-territory.ts';
import { asides } from './asides.ts';
import { attributions } from './attributions.ts';
import { capitalPhrases } from './capital-phrase.ts';
import { indexMentions, type MentionPass } from './context.ts';
import { homonymsPass } from './homonyms.ts';
import { modifiers } from './modifiers.ts';
import { citiesArePlaces, placeListsPass, places } from './places.ts';
import { possessives } from './possessive.ts';
import { clocks, datelineChain, genericInstitutions, inNames } from './proper-names.ts';
import { qualifiers } from './qualifiers.ts';
import { topics } from './topics.ts';
import { sovereigntyVictims, victims, victimsAgain } from './victims.ts';

export const MENTION_PASSES: readonly MentionPass[] = [
  possessives,
  capitalPhrases,
  places,
  placeListsPass,
  citiesArePlaces,
  datelineChain,
  indexMentions,
  inNames,
  clocks,
  attributions,
  modifiers,
  qualifiers,
  homonymsPass,
  genericInstitutions,
  topics,
  asides,
  victims,
  sovereigntyVictims,
  victimsAgain,
  armedGroupTerritory,
];
