/**
 * People data (scripts/data/people.json): who held which role, for which state or organisation,
 * and when. Pure helpers to pick the role a person held on a given day.
 */
import peopleData from '../../data/people.json';

export interface PersonRole {
  role: string;
  country?: string;
  organization?: string;
  from: string;
  to?: string;
}

export interface PersonRecord {
  name: string;
  aliases?: string[];
  short?: string[];
  shortNeedsContext?: boolean;
  roles: PersonRole[];
}

export interface ActiveRole {
  role: string;
  country?: string;
  organization?: string;
  /** True when every role ended before the day (the person is a former office holder). */
  former: boolean;
}

/** The people list, as typed records. */
export function loadPeople(): PersonRecord[] {
  return (peopleData as { people: PersonRecord[] }).people;
}

/** True when `day` (YYYY-MM-DD) falls inside the role's term (from inclusive, to exclusive). */
export function roleActive(r: PersonRole, day: string): boolean {
  return r.from <= day && (r.to === undefined || day < r.to);
}

/**
 * The role held on `day`; if none, the latest role that ended before it (marked former);
 * if the person only took office later, no role (empty string) but the state of the first role.
 */
export function activeRole(p: PersonRecord, day: string): ActiveRole | undefined {
  const roles = p.roles;
  if (roles.length === 0) return undefined;
  const now = roles.filter((r) => roleActive(r, day));
  if (now.length) {
    const r = now[now.length - 1]!;
    return { role: r.role, country: r.country, organization: r.organization, former: false };
  }
  const past = roles.filter((r) => r.to !== undefined && r.to <= day);
  if (past.length) {
    const r = past.reduce((a, b) => ((a.to ?? '') >= (b.to ?? '') ? a : b));
    return { role: `Former ${r.role}`, country: r.country, organization: r.organization, former: true };
  }
  // Named before taking office: the state is known, the role is not yet held.
  const first = roles.reduce((a, b) => (a.from <= b.from ? a : b));
  return { role: '', country: first.country, organization: first.organization, former: true };
}
