/**
 * Generates a valid events file directly (no extraction), for site benchmarks and scale tests at
 * sizes where extracting a synthetic corpus would take too long. Deterministic for (count, seed).
 * Events spread over three years (more of them recently) between UN member states, with a few
 * much more active than the rest (as in real news), people, organisations, and documents that
 * carry an outlet and an article address.
 */
import countries from 'world-countries';
import { EVENT_TYPES, type EventsFile, type TimelineEvent } from '../../src/lib/schema.ts';
import { mulberry32 } from './prng.ts';

const CODES = countries.filter((c) => c.unMember).map((c) => c.cca3).sort();
const GIVEN = ['Amara', 'Jonas', 'Li', 'Olga', 'Rafael', 'Sana', 'Tomasz', 'Keiko', 'Ibrahim', 'Elena', 'Kwame', 'Mateo'];
const FAMILY = ['Okafor', 'Lindqvist', 'Wei', 'Petrenko', 'Duarte', 'Haddad', 'Nowak', 'Sato', 'Mansour', 'Vasquez'];
const ROLES = ['Foreign Minister', 'President', 'Prime Minister', 'Defence Minister', 'Trade Minister'];
const ORGS = ['UN', 'AU', 'ASEAN', 'NATO', 'EU', 'SCO', 'Arab League'];
const OUTLETS = ['Harbour Wire', 'Capital Ledger', 'North Star Daily', 'Meridian News', 'The Dispatch'];
const VERBS: Record<string, string> = {
  meeting: 'held talks with', visit: 'visited', statement: 'called on', threat: 'warned',
  sanction: 'imposed sanctions on', agreement: 'signed a memorandum with', accusation: 'accused', military: 'staged drills near',
};

/** A country, the first ones in a shuffled order far more often than the rest (Zipf-like). */
function countryPicker(rand: () => number): () => string {
  const order = [...CODES];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return () => order[Math.min(order.length - 1, Math.floor(order.length * rand() ** 3))]!;
}

export function generateEventsFile(count: number, seed = 1): EventsFile {
  const rand = mulberry32(seed * 7919 + 17);
  const pickCountry = countryPicker(rand);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const start = Date.UTC(2023, 0, 1);
  const days = 3 * 365;
  const docCount = Math.max(1, Math.ceil(count / 10));
  const documents: EventsFile['documents'] = [];
  for (let d = 0; d < docCount; d++) {
    const id = `gen_${String(d).padStart(7, '0')}`;
    const outlet = OUTLETS[d % OUTLETS.length]!;
    documents.push({
      id, title: `Generated report ${d}`, published: '2025-12-31', path: `${id}.txt`, status: 'ok',
      source: outlet, url: `https://news.example.org/${outlet.toLowerCase().replace(/ /g, '-')}/${d}`,
    });
  }
  const events: TimelineEvent[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor(Math.sqrt(rand()) * days) * 86_400_000).toISOString().slice(0, 10);
    const type = pick(EVENT_TYPES);
    const a = pickCountry();
    let b = pickCountry();
    if (b === a) b = a === 'USA' ? 'CHN' : 'USA';
    const set = rand() < 0.15 ? [a] : rand() < 0.05 ? [a, b, pickCountry()] : [a, b];
    const codes = [...new Set(set)].sort();
    const person = `${pick(GIVEN)} ${pick(FAMILY)}`;
    const verb = VERBS[type] ?? 'met';
    const sentence = `${pick(ROLES)} ${person} of ${a} ${verb} ${b} on ${day}, report ${i} says.`;
    const t = sentence.indexOf(verb);
    const doc = documents[i % docCount]!;
    events.push({
      id: `${day}-${type}-${codes.join('-').toLowerCase()}-g${i}`,
      type, date: day, datePrecision: rand() < 0.1 ? 'approximate' : 'day', countries: codes,
      organizations: rand() < 0.05 ? [pick(ORGS)] : [],
      actors: [{ name: person, country: a, role: pick(ROLES) }],
      title: `${codes.join(' and ')}: ${type} ${i}`,
      sources: [{ document: doc.id, sentence, start: 0, end: sentence.length, trigger: { start: t, end: t + verb.length }, published: doc.published }],
    });
  }
  events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1));
  return { schemaVersion: 1, documents, events };
}
