/**
 * Generates a deterministic corpus of synthetic diplomacy news articles for the speed benchmark.
 * Sentences are templates written for this project, filled with UN member states (names, demonyms,
 * capitals from world-countries), invented officials, the eight event types, date cues of every
 * kind, and the noise real pages carry (bylines, captions, menus, quotes, background paragraphs).
 * Pure: the same (count, seed) always gives the same corpus.
 */
import countries from 'world-countries';
import type { RawDocument } from '../pipeline/types.ts';
import { mulberry32 as rng } from './prng.ts';

interface Country {
  name: string;
  demonym: string;
  capital: string;
}

const STATES: Country[] = countries
  .filter((c) => c.unMember && c.capital.length > 0 && c.demonyms?.eng?.m)
  .map((c) => ({ name: c.name.common, demonym: c.demonyms!.eng!.m, capital: c.capital[0]! }));

const GIVEN = ['Amara', 'Jonas', 'Li', 'Olga', 'Rafael', 'Sana', 'Tomasz', 'Keiko', 'Ibrahim', 'Elena', 'Kwame', 'Mateo', 'Priya', 'Yusuf', 'Ingrid', 'Hao'];
const FAMILY = ['Okafor', 'Lindqvist', 'Wei', 'Petrenko', 'Duarte', 'Haddad', 'Nowak', 'Sato', 'Mansour', 'Vasquez', 'Mensah', 'Ortega', 'Raman', 'Demir', 'Halvorsen', 'Zhang'];
const ROLES = ['Foreign Minister', 'President', 'Prime Minister', 'Defence Minister', 'Trade Minister'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOPICS = ['energy supplies', 'grain exports', 'maritime security', 'the border dispute', 'visa rules', 'a regional ceasefire', 'nuclear safety', 'fishing rights', 'debt relief', 'rail links'];
const ORGS = ['the United Nations', 'the African Union', 'ASEAN', 'NATO', 'the European Union', 'the SCO', 'the Arab League'];


interface Ctx {
  r: () => number;
  a: Country;
  b: Country;
  c: Country;
  personA: string;
  personB: string;
  roleA: string;
  roleB: string;
  published: Date;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function person(r: () => number): string {
  return `${pick(r, GIVEN)} ${pick(r, FAMILY)}`;
}

function dateCue(x: Ctx): string {
  const p = x.published;
  const r = x.r();
  if (r < 0.25) return `on ${WEEKDAYS[(p.getUTCDay() + 6 - Math.floor(x.r() * 3)) % 7]}`;
  if (r < 0.4) return 'yesterday';
  if (r < 0.55) return `on ${MONTHS[p.getUTCMonth()]} ${Math.max(1, p.getUTCDate() - Math.floor(x.r() * 4))}`;
  if (r < 0.65) return `on ${Math.max(1, p.getUTCDate() - 1)} ${MONTHS[p.getUTCMonth()]} ${p.getUTCFullYear()}`;
  if (r < 0.75) return 'earlier this week';
  if (r < 0.8) return 'last Friday';
  return '';
}

type Template = (x: Ctx) => string;

/** Sentences that report an event, one family per contract type (with modality variants). */
const EVENT_SENTENCES: Template[] = [
  (x) => `${x.roleA} ${x.personA} of ${x.a.name} held talks with ${x.b.demonym} counterpart ${x.personB} ${dateCue(x)} in ${x.a.capital}, focusing on ${pick(x.r, TOPICS)}.`,
  (x) => `${x.a.demonym} ${x.roleA} ${x.personA} spoke by phone ${dateCue(x)} with ${x.personB}, the ${x.roleB.toLowerCase()} of ${x.b.name}, the ministry said.`,
  (x) => `${x.personA} arrived in ${x.b.capital} ${dateCue(x)} for a two-day official visit, the first by a ${x.a.demonym} ${x.roleA.toLowerCase()} in a decade.`,
  (x) => `${x.a.name} will host ${x.b.demonym} officials next month for a round of talks on ${pick(x.r, TOPICS)}, according to a schedule released by the ministry.`,
  (x) => `"We will not accept pressure of any kind," ${x.personA} told reporters ${dateCue(x)}, calling on ${x.b.name} to return to negotiations over ${pick(x.r, TOPICS)}.`,
  (x) => `The foreign ministry of ${x.a.name} warned ${dateCue(x)} that it would impose tariffs of up to 40 percent on goods from ${x.b.name} unless talks resumed within 30 days.`,
  (x) => `${x.a.name} imposed sanctions ${dateCue(x)} on 12 ${x.b.demonym} officials and froze the assets of three state-owned firms.`,
  (x) => `${x.a.name} expelled two ${x.b.demonym} diplomats ${dateCue(x)}, saying their activities were incompatible with their status.`,
  (x) => `Ministers from ${x.a.name} and ${x.b.name} signed a memorandum of understanding on ${pick(x.r, TOPICS)} ${dateCue(x)} in ${x.c.capital}.`,
  (x) => `The two governments agreed to work toward a broader trade arrangement, ${x.personB} said after the meeting.`,
  (x) => `${x.b.name} condemned ${dateCue(x)} what it called a reckless provocation by ${x.a.name}, and summoned its ambassador.`,
  (x) => `The ${x.a.demonym} ministry accused ${x.b.name} of violating the airspace of ${x.c.name} and demanded an explanation.`,
  (x) => `${x.a.demonym} forces launched drills near the border with ${x.b.name} ${dateCue(x)}, involving some 4,000 troops and dozens of aircraft.`,
  (x) => `A missile fired by ${x.a.name} ${dateCue(x)} fell into the sea outside the exclusive economic zone of ${x.c.name}, officials in ${x.c.capital} said.`,
  (x) => `Leaders of ${x.a.name}, ${x.b.name} and ${x.c.name} met at a summit of ${pick(x.r, ORGS)} ${dateCue(x)} and issued a joint statement on ${pick(x.r, TOPICS)}.`,
  (x) => `${x.personB} is expected to travel to ${x.a.capital} later this year to sign the agreement.`,
];

/** Background, habits, boilerplate: text that must produce no dated events. */
const FILLER_SENTENCES: Template[] = [
  (x) => `${x.a.name} has long presented itself as a neutral broker in disputes over ${pick(x.r, TOPICS)}.`,
  (x) => `Relations between ${x.a.capital} and ${x.b.capital} have been strained for more than a decade, analysts say.`,
  (x) => `${x.b.name} regularly calls for dialogue and restraint, while criticising outside interference.`,
  (x) => `Trade between the two countries reached about ${10 + Math.floor(x.r() * 90)} billion dollars last year, according to official figures.`,
  (x) => `The region has seen repeated tensions since the end of the war, with ${x.c.name} often acting as a mediator.`,
  (x) => `Officials did not give further details about the talks, which took place behind closed doors.`,
  (x) => `"This is a relationship built on respect and shared interests," ${x.personA} said, according to state media.`,
  (x) => `Critics in ${x.b.capital} say the government has not done enough to protect local industries from competition.`,
  (x) => `The ministry's statement did not mention ${x.c.name}, which has its own long-running dispute with ${x.a.name}.`,
  (x) => `Diplomats expect the issue to be raised again at the next meeting of ${pick(x.r, ORGS)}.`,
  (x) => `Both sides have in the past traded accusations over ${pick(x.r, TOPICS)} without reaching a settlement.`,
  (x) => `Economists warned that the dispute could weigh on growth across the region in the coming months.`,
];

const NOISE: Template[] = [
  () => 'Share this article',
  (x) => `Photo: ${x.personA} (left) and ${x.personB} shake hands before their talks. (Reuters)`,
  () => 'Advertisement',
  () => 'Read more: Markets rally as central banks signal pause',
  (x) => `By ${person(x.r)} | Updated ${x.published.toISOString().slice(0, 10)}`,
];

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** One synthetic article of roughly `targetBytes` characters. */
export function generateArticle(index: number, seed = 1, targetBytes = 3000 + ((index * 7919) % 2000)): RawDocument {
  const r = rng(seed * 1_000_003 + index);
  const published = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 1000) * 86_400_000);
  const a = pick(r, STATES);
  let b = pick(r, STATES);
  while (b === a) b = pick(r, STATES);
  const c = pick(r, STATES);
  const x: Ctx = { r, a, b, c, personA: person(r), personB: person(r), roleA: pick(r, ROLES), roleB: pick(r, ROLES), published };
  const title = `${a.name} and ${b.name} ${pick(r, ['hold talks', 'trade accusations', 'sign deal', 'spar over tariffs', 'stage drills'])}`;
  const paragraphs: string[] = [];
  if (r() < 0.4) paragraphs.push(`${a.capital.toUpperCase()}, ${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()} (Agencies) --`);
  if (r() < 0.5) paragraphs.push(pick(r, NOISE)(x));
  let size = paragraphs.join('\n\n').length;
  while (size < targetBytes) {
    const n = 1 + Math.floor(r() * 3);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = r() < 0.55 ? pick(r, EVENT_SENTENCES) : pick(r, FILLER_SENTENCES);
      sentences.push(t(x).replace(/\s{2,}/g, ' ').replace(/ ([,.])/g, '$1'));
    }
    if (r() < 0.08) sentences.push(pick(r, NOISE)(x));
    const para = sentences.join(' ');
    paragraphs.push(para);
    size += para.length + 2;
  }
  const id = `bench_${String(index).padStart(5, '0')}`;
  return { id, path: `${id}.txt`, text: ` date ${isoDay(published)} ${title}\n\n${paragraphs.join('\n\n')}\n`, warnings: [] };
}

/** `count` articles, deterministic for a given seed. */
export function generateCorpus(count: number, seed = 1): RawDocument[] {
  const docs: RawDocument[] = [];
  for (let i = 0; i < count; i++) docs.push(generateArticle(i, seed));
  return docs;
}
