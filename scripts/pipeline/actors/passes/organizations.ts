/**
 * Pass `actors.organizations`: the international organisations and the people of the scope. An
 * organisation named only in a time anchor ("ahead of Monday's G7 meeting"; pass actors.time-anchor)
 * names another event: it is no party (rule actors.time-anchor.organization).
 */
import type { EventType } from '../../types.ts';
import type { Found } from '../analyze.ts';
import { TOPIC_FREE } from './party-test.ts';
import { note, type PartyPass, type PartyState } from './state.ts';

export const TIME_ANCHOR_ORG_RULE = 'actors.time-anchor.organization';

/** True when every mention of organisation `o` in the scope lies in the event's time anchor. */
function onlyInTimeAnchor(s: PartyState, o: string): boolean {
  const a = s.timeAnchor;
  if (!a) return false;
  return s.scope.every((f) => f.m.organization !== o || (f.m.start >= a.start && f.m.start < a.end));
}

export function orgOf(f: Found, type: EventType): string | undefined {
  const m = f.m;
  if (m.attribution || m.locative || m.nonParty === 'aside') return undefined;
  if (m.topic && TOPIC_FREE.has(type) && m.kind !== 'person') return undefined;
  if (f.orgType && f.orgType !== 'international') return undefined;
  return m.organization;
}

export const organizationsAndPeople: PartyPass = {
  id: 'actors.organizations',
  run(s) {
    for (const f of s.scope) {
      const o = orgOf(f, s.type);
      if (o && !s.organizations.includes(o) && onlyInTimeAnchor(s, o)) {
        if (!s.trace.some((t) => t.rule === TIME_ANCHOR_ORG_RULE && t.action === `~org ${o}`)) note(s, TIME_ANCHOR_ORG_RULE, `~org ${o}`, `named only in a time anchor ('${s.timeAnchor!.words} ... ${f.m.text}')`);
      } else if (o && !s.organizations.includes(o)) {
        s.organizations.push(o);
        note(s, this.id, `+org ${o}`, `'${f.m.text}'`);
      }
      if (f.actor && !f.m.attribution && !s.actors.some((a) => a.name === f.actor!.name)) s.actors.push({ ...f.actor });
    }
  },
};
