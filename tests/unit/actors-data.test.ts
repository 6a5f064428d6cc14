/**
 * The actor data files are consistent: every state code is a world-countries cca3, every
 * organisation a known id, every role term a real date range, and no phrase is claimed by two
 * different states.
 */
import countries from 'world-countries';
import { describe, expect, it } from 'vitest';
import aliases from '../../scripts/data/country-aliases.json';
import metonyms from '../../scripts/data/metonyms.json';
import orgs from '../../scripts/data/organizations.json';
import people from '../../scripts/data/people.json';
import { emittedCode } from '../../scripts/pipeline/actors/codes.ts';

// The codes we emit: world-countries' cca3, with country-aliases.json `codes` applied (Kosovo: UNK -> XKX).
const CCA3 = new Set(countries.map((c) => emittedCode(c.cca3)));
const ORG_IDS = new Set(orgs.organizations.map((o) => o.id));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe('actor data files', () => {
  it('uses real state codes in aliases, demonyms, capitals and cities', () => {
    for (const group of [aliases.aliases, aliases.demonyms, aliases.capitals, aliases.cities]) {
      for (const iso of Object.keys(group)) expect(CCA3.has(iso), iso).toBe(true);
    }
    for (const iso of Object.values(aliases.demonymOwner)) if (iso) expect(CCA3.has(iso), iso).toBe(true);
  });

  it('gives every seat, institution and state outlet a real state', () => {
    for (const m of [...metonyms.seats, ...metonyms.institutions]) expect(CCA3.has(m.country), m.text[0]).toBe(true);
    for (const m of metonyms.media) if ('country' in m && m.country) expect(CCA3.has(m.country), m.text[0]).toBe(true);
    for (const m of metonyms.organizationSeats) expect(ORG_IDS.has(m.organization), m.text[0]).toBe(true);
  });

  it('has unique organisation ids and names', () => {
    expect(ORG_IDS.size).toBe(orgs.organizations.length);
    const owner = new Map<string, string>();
    for (const o of orgs.organizations) {
      for (const n of o.names) {
        expect(owner.get(n) ?? o.id, `${n} claimed by ${owner.get(n)} and ${o.id}`).toBe(o.id);
        owner.set(n, o.id);
      }
    }
  });

  it('gives every person role a state or an organisation and a valid term', () => {
    expect(people.people.length).toBeGreaterThan(200);
    for (const p of people.people) {
      expect(p.roles.length, p.name).toBeGreaterThan(0);
      for (const r of p.roles as { role: string; country?: string; organization?: string; from: string; to?: string }[]) {
        const where = r.country ?? r.organization;
        expect(where, `${p.name} ${r.role}`).toBeDefined();
        if (r.country) expect(CCA3.has(r.country), `${p.name} ${r.country}`).toBe(true);
        if (r.organization) expect(ORG_IDS.has(r.organization), `${p.name} ${r.organization}`).toBe(true);
        expect(r.from).toMatch(DAY);
        if (r.to) {
          expect(r.to).toMatch(DAY);
          expect(r.to > r.from, `${p.name} ${r.role}`).toBe(true);
        }
      }
    }
  });

  it('does not give one full name to two people', () => {
    const owner = new Map<string, string>();
    for (const p of people.people) {
      for (const n of [p.name, ...((p as { aliases?: string[] }).aliases ?? [])]) {
        const k = n.toLowerCase();
        expect(owner.get(k) ?? p.name, `${n}: ${owner.get(k)} and ${p.name}`).toBe(p.name);
        owner.set(k, p.name);
      }
    }
  });

  it('covers the heads of state or government of the G20 and the permanent Security Council members', () => {
    const covered = new Set(people.people.flatMap((p) => (p.roles as { country?: string }[]).map((r) => r.country)));
    for (const iso of ['USA', 'CHN', 'RUS', 'GBR', 'FRA', 'DEU', 'JPN', 'IND', 'BRA', 'CAN', 'ITA', 'KOR', 'AUS', 'MEX', 'IDN', 'SAU', 'TUR', 'ARG', 'ZAF']) {
      expect(covered.has(iso), iso).toBe(true);
    }
  });
});

describe('typed word lists of the party passes', () => {
  it('gives every act-reference class a unique rule id, known event types and nouns of one class only', async () => {
    const { ACT_REFERENCES } = await import('../../scripts/pipeline/actors/words.ts');
    const ids = ACT_REFERENCES.list.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const nouns = ACT_REFERENCES.list.flatMap((r) => r.nouns);
    expect(new Set(nouns).size).toBe(nouns.length);
    for (const r of ACT_REFERENCES.list) expect(r.types.length).toBeGreaterThan(0);
  });

  it('lists members of groupings as existing ISO codes', async () => {
    const { ORG_MEMBERS } = await import('../../scripts/pipeline/actors/words.ts');
    const { default: countries } = await import('world-countries');
    const codes = new Set(countries.map((c) => c.cca3));
    expect(ORG_MEMBERS.size).toBeGreaterThan(0);
    for (const [id, m] of ORG_MEMBERS) for (const c of m.members) expect(codes.has(c), `${id}: ${c}`).toBe(true);
    expect(ORG_MEMBERS.has('EU')).toBe(false);
  });
});
