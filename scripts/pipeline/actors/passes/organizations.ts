/**
 * Pass `actors.organizations`: the international organisations and the people of the scope.
 */
import type { EventType } from '../../types.ts';
import type { Found } from '../analyze.ts';
import { TOPIC_FREE } from './party-test.ts';
import { note, type PartyPass } from './state.ts';

export function orgOf(f: Found, type: EventType): string | undefined {
  const m = f.m;
  if (m.attribution || m.locative) return undefined;
  if (m.topic && TOPIC_FREE.has(type) && m.kind !== 'person') return undefined;
  if (f.orgType && f.orgType !== 'international') return undefined;
  return m.organization;
}

export const organizationsAndPeople: PartyPass = {
  id: 'actors.organizations',
  run(s) {
    for (const f of s.scope) {
      const o = orgOf(f, s.type);
      if (o && !s.organizations.includes(o)) {
        s.organizations.push(o);
        note(s, this.id, `+org ${o}`, `'${f.m.text}'`);
      }
      if (f.actor && !f.m.attribution && !s.actors.some((a) => a.name === f.actor!.name)) s.actors.push({ ...f.actor });
    }
  },
};
