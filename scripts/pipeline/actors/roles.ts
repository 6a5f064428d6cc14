/**
 * Role vocabulary (scripts/data/actor-context.json, "roles"): phrases such as "top diplomat"
 * or "secretary of state" mapped to a role key ("foreign minister") used for coreference.
 */
import context from '../../data/actor-context.json';

export interface RoleDef {
  key: string;
  display: string;
  phrases: string[];
}

export const ROLE_DEFS: RoleDef[] = (context as { roles: RoleDef[] }).roles;

const DISPLAY = new Map(ROLE_DEFS.map((r) => [r.key, r.display]));

/** Display name of a role key ("foreign minister" -> "Foreign Minister"). */
export function roleDisplay(key: string): string {
  return DISPLAY.get(key) ?? key;
}

const PHRASES: { phrase: string; key: string }[] = ROLE_DEFS.flatMap((r) => r.phrases.map((p) => ({ phrase: p, key: r.key }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);

/**
 * Role keys named in a role title ("Crown Prince and Prime Minister" -> crown prince, prime minister).
 * Deputies get no key: a deputy foreign minister is not "the foreign minister".
 */
const KEYS_CACHE = new Map<string, string[]>();

export function roleKeys(title: string): string[] {
  let hit = KEYS_CACHE.get(title);
  if (!hit) {
    hit = computeRoleKeys(title);
    KEYS_CACHE.set(title, hit);
  }
  return hit;
}

function computeRoleKeys(title: string): string[] {
  let s = ` ${title.toLowerCase().replace(/[^a-z\s-]/g, ' ')} `;
  if (/^\s*(first\s+)?deputy\b/.test(s)) return [];
  const keys: string[] = [];
  for (const { phrase, key } of PHRASES) {
    const needle = ` ${phrase} `;
    const at = s.indexOf(needle);
    if (at >= 0) {
      if (!keys.includes(key)) keys.push(key);
      s = `${s.slice(0, at)} | ${s.slice(at + needle.length)}`;
    }
  }
  return keys;
}

const EXEC = (context as { executive: Record<string, string> }).executive;

/** Which role key "the <country> leader" refers to. */
export function executiveKey(iso3: string): string {
  return EXEC[iso3] ?? EXEC.default ?? 'president';
}
