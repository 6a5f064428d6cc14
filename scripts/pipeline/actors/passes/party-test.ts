/**
 * Is a mention a party of an event of a given type? The rule id of a left-out state is the id of the
 * mention pass that marked it (./mentions/*), or actors.victim-of-condemned-act for a victim. The answer with the rule that decided it, so a
 * pass can say why a state named in the sentence was left out ("-ISR victim of condemned act").
 */
import type { EventType } from '../../types.ts';
import type { Found } from '../analyze.ts';
import { ARMED_GROUP_TERRITORY_RULE } from './mentions/armed-group-territory.ts';

/** Types whose travel destination is a party (the host of a visit or of a meeting one travels to). */
export const HOSTED = new Set<EventType>(['visit', 'meeting']);
/** Types whose parties are the speaker and the state spoken about, not the victims of the act spoken about. */
export const VERBAL = new Set<EventType>(['statement', 'accusation']);
/** Types whose topics ("to discuss Ukraine") are not parties. */
export const TOPIC_FREE = new Set<EventType>(['visit', 'meeting']);
/** Acts of force: the only acts in which a fighting group stands for its territory (rule actors.mentions.armed-group-not-force). */
export const FORCE = new Set<EventType>(['military', 'threat']);

export interface Exclusion {
  rule: string;
  why: string;
}

/**
 * Why this mention does not make its state a party of an event of `type`, or undefined when it does.
 * `dest` is the one destination that counts for this candidate (the one nearest its trigger).
 */
export function exclusion(f: Found, type: EventType, dest?: Found): Exclusion | undefined {
  const m = f.m;
  if (m.kind === 'media') return { rule: 'actors.mentions.attribution', why: `outlet '${m.text}'` };
  if (m.attribution) return { rule: 'actors.mentions.attribution', why: `reporting attribution '${m.text}'` };
  if (m.nonParty === 'modifier') return { rule: 'actors.mentions.modifier', why: `modifier '${m.text}'` };
  if (m.nonParty === 'collective') return { rule: 'actors.mentions.modifier', why: `'${m.text}' names a group around the state` };
  if (m.nonParty === 'aside') return { rule: 'actors.mentions.aside', why: `named in an apposition '${m.text}'` };
  if (m.nonParty === 'name') return { rule: 'actors.mentions.in-name', why: `inside the proper name around '${m.text}'` };
  if (m.nonParty === 'clock') return { rule: 'actors.mentions.clock', why: `time zone '${m.text} time'` };
  if (m.kind === 'role' && !f.actor) return { rule: 'actors.role-without-person', why: m.text };
  // "the Ukraine war" is a topic; in a military act or an agreement the named state may well be a side.
  if (f.qualifier && type !== 'military' && type !== 'agreement') return { rule: 'actors.mentions.qualifier', why: `topic modifier '${m.text}'` };
  if (m.topic && TOPIC_FREE.has(type) && m.kind !== 'person') return { rule: 'actors.mentions.topic', why: `topic '${m.text}'` };
  // "sanctioned a spokesman of the M23", "Qatar hosts Hamas": a fighting group stands for its territory only in acts of force.
  if (f.rule === ARMED_GROUP_TERRITORY_RULE && !FORCE.has(type)) return { rule: 'actors.mentions.armed-group-not-force', why: `armed group '${m.text}' in a ${type}` };
  if (m.victim && VERBAL.has(type)) {
    if (f.victimRule) return { rule: f.victimRule, why: `the victim named again '${m.text}'` };
    return { rule: 'actors.victim-of-condemned-act', why: `victim '${m.text}'` };
  }
  if (m.locative) {
    const sameDest = !!dest && (f === dest || (f.listHead ?? f) === (dest.listHead ?? dest));
    if (HOSTED.has(type) && m.destination === true && sameDest) return undefined;
    return { rule: f.placeRule ?? 'actors.mentions.place', why: `place '${m.text}'` };
  }
  return undefined;
}

/** Does this mention make its state a party of an event of this type? */
export function isStateParty(f: Found, type: EventType, dest?: Found): boolean {
  if (!(f.m.country ?? f.actor?.country)) return false;
  return exclusion(f, type, dest) === undefined;
}
