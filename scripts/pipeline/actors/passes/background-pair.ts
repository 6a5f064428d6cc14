/**
 * Pass `actors.background.main-pair`: dated background told by a bare act noun ("the memorandum signed on
 * 17 January 2024", "negotiations were held in Tokyo on November 29-30", "a telephone conversation on 19 July")
 * names no state of its own: the act belongs to the story, and its sides are the story's two states (the
 * headline's and the lead's, counted as for implied counterparts). Only for a two-sided encounter or agreement
 * marked as background that must keep a day of its own (`needsOwnDate`): without that day it is dropped anyway,
 * so the pair is never given to an undated act. Only when exactly two states stand out in the story (a third as
 * frequent as the second leaves it open) and the sentence names no organisation or other non-state side.
 */
import { NON_STATE } from '../counterpart.ts';
import { addCountry, type PartyPass } from './state.ts';

/** Types whose background act always has two sides that the story's pair can fill. */
const PAIR_TYPES: ReadonlySet<string> = new Set(['meeting', 'agreement']);

export const backgroundMainPair: PartyPass = {
  id: 'actors.background.main-pair',
  run(s) {
    const ctx = s.ctx;
    if (!ctx || !s.candidate.needsOwnDate || !PAIR_TYPES.has(s.type)) return;
    if (s.countries.length > 0 || s.organizations.length > 0 || ctx.otherSide) return;
    if (s.found.some((f) => f.orgType || f.m.kind === 'organization')) return;
    const main = ctx.main.filter((m) => !m.iso.startsWith(NON_STATE));
    if (main.length < 2) return;
    if (main.length > 2 && main[2]!.count === main[1]!.count) return;
    for (const m of main.slice(0, 2)) addCountry(s, m.iso, this.id, 'dated background with no state named: one of the story\'s two states');
  },
};
