/**
 * A hand-made events file for the main page's browser tests: three summer months of 2025 among
 * a dozen countries, one lone 2023 visit far from the rest (selecting it must bring it into
 * view), a burst of statements by 34 countries (past the relations graph's cap of 28), a
 * "Moscow" title next to an SCO meeting (whole-word search), approximate dates, and aliases
 * (ids of an earlier build). Titles and sentences are written for the tests.
 */
import type { EventsFile, TimelineEvent } from '../../../src/lib/schema.ts';

export const OLD_ID = '2025-07-13-meeting-chn-rus-lavrov-yi';
export const CURRENT_ID = '2025-07-13-meeting-chn-rus-sco-lavrov-yi';
export const LONE_ID = '2023-03-02-visit-bra-zaf-vieira';
export const MOSCOW_ID = '2025-07-20-visit-rus-tur-fidan';
export const SCO_ID = CURRENT_ID;
export const APPROX_ID = '2025-08-10-agreement-ind-jpn';

const CORE = ['USA', 'CHN', 'RUS', 'IND', 'IRN', 'TUR', 'DEU', 'FRA', 'GBR', 'JPN', 'UKR', 'ISR'];
const MANY = ['ARG', 'AUS', 'AUT', 'BEL', 'BGD', 'CAN', 'CHL', 'COL', 'CZE', 'DNK', 'EGY', 'ESP', 'ETH', 'FIN', 'GRC', 'HUN', 'IDN', 'IRL', 'ITA', 'KEN', 'KOR', 'MAR', 'MEX', 'MYS', 'NGA', 'NLD', 'NOR', 'NZL', 'PAK', 'PER', 'PHL', 'POL', 'PRT', 'SWE'];
const TYPES: TimelineEvent['type'][] = ['meeting', 'statement', 'threat', 'visit', 'agreement', 'accusation', 'sanction', 'military'];

function ev(id: string, date: string, type: TimelineEvent['type'], countries: string[], title: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  const sentence = `${title}, officials said on the day.`;
  return {
    id,
    type,
    date,
    datePrecision: 'day',
    countries: [...countries].sort(),
    organizations: [],
    actors: [],
    title,
    sources: [{ document: `doc_${date.slice(0, 7)}`, sentence, start: 0, end: sentence.length, trigger: { start: 0, end: Math.min(6, title.length) } }],
    ...extra,
  };
}

export function wideCorpus(): EventsFile {
  const events: TimelineEvent[] = [];
  events.push(ev(LONE_ID, '2023-03-02', 'visit', ['BRA', 'ZAF'], 'Brazilian foreign minister visits Pretoria', { actors: [{ name: 'Mauro Vieira', country: 'BRA', role: 'Foreign Minister' }] }));
  events.push(ev(CURRENT_ID, '2025-07-13', 'meeting', ['CHN', 'RUS'], 'Lavrov and Wang Yi meet at the SCO ministers’ session', { organizations: ['SCO'], actors: [{ name: 'Sergei Lavrov', country: 'RUS' }, { name: 'Wang Yi', country: 'CHN' }] }));
  events.push(ev(MOSCOW_ID, '2025-07-20', 'visit', ['RUS', 'TUR'], 'Turkish foreign minister flies to Moscow for talks', { actors: [{ name: 'Hakan Fidan', country: 'TUR' }] }));
  events.push(ev(APPROX_ID, '2025-08-10', 'agreement', ['IND', 'JPN'], 'India and Japan conclude a rail financing deal', { datePrecision: 'approximate' }));
  events.push(ev('2025-07-14-threat-rus-usa', '2025-07-14', 'threat', ['RUS', 'USA'], 'US president warns of tariffs on Russian oil buyers'));
  events.push(ev('2025-07-02-statement-usa', '2025-07-02', 'statement', ['USA'], 'State Department restates support for allies in the Pacific'));
  // A steady stream among the core countries, June to August 2025.
  let n = 0;
  for (let day = 0; day < 88; day += 2) {
    const d = new Date(Date.UTC(2025, 5, 3) + day * 86_400_000).toISOString().slice(0, 10);
    const a = CORE[n % CORE.length]!;
    const b = CORE[(n * 5 + 3) % CORE.length]!;
    const type = TYPES[n % TYPES.length]!;
    const countries = a === b ? [a] : [a, b];
    events.push(ev(`${d}-${type}-${countries.map((c) => c.toLowerCase()).sort().join('-')}-n${n}`, d, type, countries, `${a} and ${b}: ${type} on trade and security, number ${n}`));
    n++;
  }
  // 34 countries each comment on one US decision in the same week.
  MANY.forEach((c, i) => {
    const d = `2025-08-${String(18 + (i % 5)).padStart(2, '0')}`;
    events.push(ev(`${d}-statement-${c.toLowerCase()}-usa`, d, 'statement', [c, 'USA'], `${c} government comments on the US tariff decision`));
  });
  events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1));
  const months = [...new Set(events.map((e) => e.date.slice(0, 7)))];
  return {
    schemaVersion: 1,
    documents: months.map((m) => ({ id: `doc_${m}`, title: `Wire digest ${m}`, published: `${m}-28`, path: `digest/${m}.md`, status: 'ok' as const, url: `https://example.org/digest/${m}`, source: 'Example Wire' })),
    events,
    aliases: { [OLD_ID]: CURRENT_ID },
  };
}
