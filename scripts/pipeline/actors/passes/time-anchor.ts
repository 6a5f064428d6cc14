/**
 * Pass `actors.time-anchor`: "The closure was announced on Sept. 9, a few days before the Russian drone
 * incursion", "Xi met Putin, hours after Washington imposed new sanctions": a phrase after the trigger
 * that names another event to say when this one happened is no part of this event; its states are not
 * parties. Only for acts between the parties named around the verb (statements, accusations, meetings,
 * visits, agreements): a strike or sanction "after X's attack" is often aimed at X. Anchors that name no
 * cause ("ahead of the Russian drills", "for the first time since the invasion of Ukraine";
 * actor-context.json timeAnchorsAnyType) hold no party of any type (rule actors.time-anchor.any-type).
 * The anchor's span is kept on the state: an organisation named only there ("spoke by phone ahead of
 * Monday's G7 meeting") is no party either (pass actors.organizations, rule actors.time-anchor.organization).
 */
import type { EventType } from '../../types.ts';
import { actorPattern, TIME_ANCHORS, TIME_ANCHORS_ANY_TYPE } from '../words.ts';
import { isStateParty } from './party-test.ts';
import { dropCountry, stateOf, type PartyPass } from './state.ts';
import { wordsOf } from './words-of.ts';

/** A time amount before a one-word anchor: "days after", "shortly before" (actors.time-anchor.amount). */
const TIME_AMOUNT = actorPattern('timeAmount').re;
const TYPES = new Set<EventType>(['statement', 'accusation', 'meeting', 'visit', 'agreement']);
/** Every anchor, longest first (a three-word anchor wins over the one word it starts with). */
const ALL_ANCHORS: readonly string[] = [...new Set([...TIME_ANCHORS, ...TIME_ANCHORS_ANY_TYPE])].sort((a, b) => b.length - a.length);

/**
 * Lookups equivalent to the list scans below: `find` over a list sorted longest first, given candidates of
 * three, two and one words (each strictly longer than the next), returns the longest candidate in the list.
 */
if (ALL_ANCHORS.some((a) => a === '' || a.trim() !== a)) throw new Error('actor-context.json: a time anchor is empty or has outer spaces');
const ALL_SET: ReadonlySet<string> = new Set(ALL_ANCHORS);
const ANY_SET: ReadonlySet<string> = new Set(TIME_ANCHORS_ANY_TYPE);
/** First words of every anchor: a word that starts none needs no phrase built. */
const FIRST_WORDS: ReadonlySet<string> = new Set(ALL_ANCHORS.map((a) => a.split(' ')[0]!));
/** Anchors of several words that hold no cause, with their position in the list (the first in list order wins). */
const ANY_SPACED = new Map<string, number>();
TIME_ANCHORS_ANY_TYPE.forEach((a, i) => {
  if (a.includes(' ') && !ANY_SPACED.has(a)) ANY_SPACED.set(a, i);
});

export const timeAnchor: PartyPass = {
  id: 'actors.time-anchor',
  run(s) {
    const anyTypeOnly = !TYPES.has(s.type);
    const t = s.candidate.trigger;
    const ws = wordsOf(s.sentenceText, s.sentenceStart);
    let from = -1;
    let hitWords = '';
    let to = s.sentenceStart + s.sentenceText.length;
    for (let i = 0; i < ws.length && from < 0; i++) {
      if (ws[i]!.start < t.end) continue;
      // The anchor opens after a comma ("..., days after X") or right after the verb's own phrase ("met Putin
      // hours after X"): a one- or two-word anchor starting here.
      if (!FIRST_WORDS.has(ws[i]!.w)) continue;
      const set = anyTypeOnly ? ANY_SET : ALL_SET;
      const two = i + 1 < ws.length ? `${ws[i]!.w} ${ws[i + 1]!.w}` : '';
      const three = i + 2 < ws.length ? `${two} ${ws[i + 2]!.w}` : '';
      const hit = set.has(three) ? three : set.has(two) ? two : set.has(ws[i]!.w) ? ws[i]!.w : undefined;
      if (!hit) continue;
      const prev = ws[i - 1];
      // "after" right after a comma, or after a time amount ("a few days before", "hours after").
      if (!prev || !(prev.w === ',' || TIME_AMOUNT.test(prev.w) || hit.includes(' '))) continue;
      from = ws[i]!.start;
      hitWords = hit;
      for (let j = i + 1; j < ws.length; j++) {
        if (ws[j]!.w === ',' || ws[j]!.w === ';') {
          to = ws[j]!.start;
          break;
        }
      }
    }
    // An anchor that names no cause ("a day ahead of joint Russian-Belarusian drills") may also stand before
    // the trigger, in the reported content of a statement that ends on its speech verb ("..., Tusk said
    // Tuesday"); it ends at a comma or at the trigger (rule actors.time-anchor.before-trigger).
    let before = false;
    if (from < 0) {
      for (let i = 0; i < ws.length && from < 0; i++) {
        if (ws[i]!.end > t.start) break;
        if (!FIRST_WORDS.has(ws[i]!.w)) continue;
        const two = i + 1 < ws.length ? `${ws[i]!.w} ${ws[i + 1]!.w}` : '';
        const three = i + 2 < ws.length ? `${two} ${ws[i + 2]!.w}` : '';
        const at3 = ANY_SPACED.get(three);
        const at2 = ANY_SPACED.get(two);
        const hit = at3 === undefined ? (at2 === undefined ? undefined : two) : at2 === undefined || at3 < at2 ? three : two;
        if (!hit) continue;
        from = ws[i]!.start;
        hitWords = hit;
        before = true;
        to = t.start;
        for (let j = i + 1; j < ws.length && ws[j]!.start < t.start; j++) {
          if (ws[j]!.w === ',' || ws[j]!.w === ';') {
            to = ws[j]!.start;
            break;
          }
        }
      }
    }
    if (from < 0) return;
    s.timeAnchor = { start: from, end: to, words: hitWords };
    // Every state named only there goes, even the last one: the act's own parties are then unnamed.
    for (const c of [...s.countries]) {
      const ms = s.found.filter((f) => stateOf(f) === c && isStateParty(f, s.type, s.dest));
      if (ms.length === 0 || !ms.every((f) => f.m.start >= from && f.m.start < to)) continue;
      const rule = before ? 'actors.time-anchor.before-trigger' : anyTypeOnly ? 'actors.time-anchor.any-type' : this.id;
      dropCountry(s, c, rule, `named only in a time anchor ('${hitWords} ... ${ms[0]!.m.text}')`);
    }
  },
};
