/**
 * Timeline titles: one short line from an event's people, states, type and place, e.g.
 * "Xi Jinping meets Sergei Lavrov in Beijing", "Donald Trump threatens Russia with tariffs",
 * "China criticises United States". Wording per type is data (event-rules.json "titles").
 * Never contains markup; at most `maxLength` characters.
 */
import rules from '../data/event-rules.json' with { type: 'json' };
import { firstMention } from './events/country-mentions.ts';
import type { Actor, EventType, ExtractedEvent } from './types.ts';

type Variant = { when: string; text: string; multilateral?: boolean };
type Compiled = { when: RegExp | null; text: string; multilateral: boolean };

const MAX = rules.titles.maxLength;
const TEMPLATES = new Map<string, Compiled[]>(
  Object.entries(rules.titles.types as Record<string, Variant[]>).map(([type, list]) => [
    type,
    list.map((v) => ({ when: v.when ? new RegExp(v.when, 'i') : null, text: v.text, multilateral: v.multilateral === true })),
  ]),
);
const WHAT = new Map<string, [RegExp, string][]>(
  Object.entries(rules.titles.what as Record<string, string[][]>).map(([type, list]) => [
    type,
    list.map(([re, words]) => [new RegExp(re ?? '', 'i'), words ?? ''] as [RegExp, string]),
  ]),
);

/** Plain text: no tags, no angle brackets or control characters, single spaces. */
export function cleanTitleText(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut at a word boundary to `max` characters, with an ellipsis. */
export function shorten(s: string, max: number = MAX): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

type Ev = Omit<ExtractedEvent, 'title'>;

/** Position of a word in the sentence, or Infinity. */
function mentionAt(sentence: string, name: string | undefined): number {
  if (!name) return Infinity;
  const i = sentence.indexOf(name);
  return i < 0 ? Infinity : i;
}

interface Parties {
  subject?: string;
  subjectCountry?: string;
  object?: string;
  /** True when the counterpart is a named person. */
  objectIsPerson: boolean;
}

/** Who acts (a person first, else the state named first before the trigger) and who is acted on. */
function parties(ev: Ev, countryName: (iso3: string) => string | undefined): Parties {
  const sentence = ev.source?.sentence ?? '';
  const triggerAt = ev.source?.trigger?.start ?? sentence.length;
  const name = (iso: string) => cleanTitleText(countryName(iso) ?? iso);
  const people: Actor[] = ev.actors.filter((a) => cleanTitleText(a.name).length > 0);
  const first = people[0];
  let subject: string | undefined;
  let subjectCountry: string | undefined;
  if (first) {
    subject = cleanTitleText(first.name);
    subjectCountry = first.country;
  } else {
    // The state or organisation named first before the trigger acts; else the first named at all.
    const parties = [
      ...ev.countries.map((c) => ({ country: c as string | undefined, label: name(c), at: firstMention(sentence, c, countryName(c)) })),
      ...ev.organizations.map((o) => ({ country: undefined, label: cleanTitleText(o), at: mentionAt(sentence, o) })),
    ].filter((p) => p.label);
    parties.sort((a, b) => (a.at < triggerAt ? 0 : 1) - (b.at < triggerAt ? 0 : 1) || a.at - b.at || a.label.localeCompare(b.label));
    subjectCountry = parties[0]?.country;
    subject = parties[0]?.label;
  }
  const other = people.find((a, i) => i > 0 && cleanTitleText(a.name) !== subject && (!a.country || a.country !== subjectCountry));
  let object: string | undefined = other ? cleanTitleText(other.name) : undefined;
  const objectIsPerson = object !== undefined;
  if (!object) {
    const rest = ev.countries.filter((c) => c !== subjectCountry);
    rest.sort((a, b) => firstMention(sentence, a, countryName(a)) - firstMention(sentence, b, countryName(b)) || a.localeCompare(b));
    if (rest[0]) object = name(rest[0]);
  }
  if (!object) {
    const org = ev.organizations.map(cleanTitleText).find((o) => o && o !== subject);
    if (org) object = org;
  }
  return { subject, subjectCountry, object, objectIsPerson };
}

/** The kind of measure ("tariffs", "treaty") named in the trigger, or near it in the sentence. */
function what(type: EventType, ev: Ev, trigger: string): string | undefined {
  const list = WHAT.get(type);
  if (!list) return undefined;
  const sentence = ev.source?.sentence ?? '';
  const after = sentence.slice(ev.source?.trigger?.start ?? 0, (ev.source?.trigger?.end ?? 0) + 120);
  for (const text of [trigger, after, sentence]) {
    for (const [re, words] of list) if (re.test(text)) return words;
  }
  return undefined;
}

/** "A, B and C". */
function listOf(items: string[]): string | undefined {
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function fill(template: string, slots: Record<string, string | undefined>): string | null {
  let missing = false;
  const out = template.replace(/\{([A-Z]+)\}/g, (_, k: string) => {
    const v = slots[k];
    if (!v) missing = true;
    return v ?? '';
  });
  return missing ? null : out;
}

export function makeTitle(ev: Ev, countryName: (iso3: string) => string | undefined): string {
  const sentence = ev.source?.sentence ?? '';
  const trigger = ev.source?.trigger ? sentence.slice(ev.source.trigger.start, ev.source.trigger.end) : '';
  const { subject, subjectCountry, object, objectIsPerson } = parties(ev, countryName);
  const location = ev.location ? cleanTitleText(ev.location) : undefined;
  const org = ev.organizations[0] ? cleanTitleText(ev.organizations[0]) : undefined;
  const otherCountry = ev.countries.find((c) => c !== subjectCountry);
  const place = location ?? (otherCountry ? cleanTitleText(countryName(otherCountry) ?? otherCountry) : undefined);
  const names = ev.countries.map((c) => cleanTitleText(countryName(c) ?? c));
  const slots = {
    S: subject,
    O: object,
    OP: objectIsPerson ? object : undefined,
    W: what(ev.type, ev, trigger),
    ORG: org !== subject ? org : undefined,
    SORG: subject && subject === org && ev.actors.length === 0 ? subject : undefined,
    P: place,
    CS: listOf(names),
  };
  // Three or more states: a multilateral meeting, titled by its organisation or its members.
  const multilateral = ev.countries.length >= 3;

  let title: string | null = null;
  for (const v of TEMPLATES.get(ev.type) ?? []) {
    if (v.multilateral && !multilateral) continue;
    if (v.when && !v.when.test(trigger)) continue;
    title = fill(v.text, slots);
    if (title) break;
  }
  if (!title) {
    const label = ev.type.charAt(0).toUpperCase() + ev.type.slice(1);
    title = subject ? `${label}: ${subject}` : label;
  }
  if (location && (ev.type === 'meeting' || ev.type === 'agreement' || ev.type === 'military') && !title.includes(location)) {
    title += ` in ${location}`;
  }
  const clean = cleanTitleText(title);
  return shorten(clean.charAt(0).toUpperCase() + clean.slice(1));
}
