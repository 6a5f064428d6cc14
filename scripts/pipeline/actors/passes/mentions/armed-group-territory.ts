/**
 * Pass `actors.mentions.armed-group-territory`: a non-state armed group stands for the state whose territory it holds
 * or fights in ("The Houthis fired missiles at a tanker" is a YEM act; "M23 seized the city" a COD one), as the
 * development gold reads such acts (CONTRACT.md: states only; the group itself is never an organisation). The map is
 * data: organizations.json "territory" on armed-group entries. The mention keeps its kind (organization) and gains the
 * state, so the party passes treat it like any state word of the clause.
 *
 * A group stands for its territory only in acts of force (military, threat): a sanction on a group's spokesman or
 * talks about a group add no state (party-test.ts, rule actors.mentions.armed-group-not-force).
 *
 * A group that governs a state de facto (organizations.json "governs" with "governsFrom", e.g. the Taliban in
 * Afghanistan since 15 August 2021) stands for that state in every kind of act from that day on ("the Taliban
 * government summoned the envoy", "the Islamic Emirate signed a deal"): rule actors.mentions.de-facto-government,
 * which party-test.ts does not limit to acts of force. Before that day it is an armed group as any other.
 *
 * Not when the group word only modifies another ("Taliban-controlled", "Houthi-held"), sits inside another group's
 * name ("Tehreek-e-Taliban"), or is named in a phrase that names another act ("in retaliation for the killing of a
 * Hamas leader"), with the groups listed after it there ("..., Hezbollah and ...").
 */
import orgData from '../../../../data/organizations.json';
import type { Found } from '../../analyze.ts';
import type { Token } from '../../text.ts';
import { CAUSE_ANCHORS, TIME_ANCHORS } from '../../words.ts';
import type { MentionPass } from './context.ts';
import { MODIFIER_SUFFIX } from './modifiers.ts';

export const ARMED_GROUP_TERRITORY_RULE = 'actors.mentions.armed-group-territory';
/** A group that governs a state de facto on the document's day stands for it in every act. */
export const DE_FACTO_GOVERNMENT_RULE = 'actors.mentions.de-facto-government';

interface GroupItem {
  id: string;
  type: string;
  territory?: string;
  /** The state the group governs de facto from `governsFrom` (YYYY-MM-DD) on. */
  governs?: string;
  governsFrom?: string;
}

const GROUPS = new Map<string, GroupItem>(
  (orgData as unknown as { organizations: GroupItem[] }).organizations
    .filter((o) => o.type === 'armed-group' && (o.territory || o.governs))
    .map((o) => [o.id, o]),
);

const ANCHORS = [...CAUSE_ANCHORS, ...TIME_ANCHORS];

/**
 * True when the group is named inside a phrase that names another act ("in retaliation for the killing of the Hamas
 * chief", "after the Houthi attack"): up to 12 words back, not past a comma or semicolon.
 */
function inAnchor(tokens: Token[], first: number): boolean {
  const ws: string[] = [];
  for (let j = first - 1; j >= Math.max(0, first - 12); j--) {
    const r = tokens[j]!.raw;
    if (r === ',' || r === ';') break;
    ws.unshift(tokens[j]!.norm);
  }
  const padded = ` ${ws.join(' ')} `;
  return ANCHORS.some((a) => padded.includes(` ${a} `));
}

/** Words that may stand between two listed groups ("Hamas, Hezbollah and the ..."). */
const LIST_GAP = new Set([',', 'and', 'or', 'the']);

/** True when only list words stand between mentions `a` and `b`. */
function listed(tokens: Token[], a: Found, b: Found): boolean {
  if (b.first - a.last > 4) return false;
  for (let j = a.last + 1; j < b.first; j++) if (!LIST_GAP.has(tokens[j]!.norm)) return false;
  return true;
}

/** The state a group governs de facto on day `published`, or undefined (no such data, no day, or before it). */
export function governsOn(g: GroupItem, published: string | undefined): string | undefined {
  if (!g.governs || !g.governsFrom || !published) return undefined;
  return published >= g.governsFrom ? g.governs : undefined;
}

export const armedGroupTerritory: MentionPass = {
  id: ARMED_GROUP_TERRITORY_RULE,
  run(ctx) {
    const t = ctx.tokens;
    let anchored: Found | undefined;
    for (const f of ctx.found) {
      if (f.orgType !== 'armed-group' || !f.m.organization || f.m.country) continue;
      const g = GROUPS.get(f.m.organization);
      if (!g) continue;
      if (t[f.first - 1]?.raw === '-') continue;
      if (t[f.last + 1]?.raw === '-' && MODIFIER_SUFFIX.has(t[f.last + 2]?.norm ?? '')) continue;
      if (inAnchor(t, f.first) || (anchored && listed(t, anchored, f))) {
        anchored = f;
        continue;
      }
      const governs = governsOn(g, ctx.published);
      if (!governs && !g.territory) continue;
      f.m.country = governs ?? g.territory!;
      f.rule = governs ? DE_FACTO_GOVERNMENT_RULE : ARMED_GROUP_TERRITORY_RULE;
    }
  },
};
