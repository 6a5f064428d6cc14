/**
 * Official trips told with a motion verb (the class "trv"): a trip made for talks is a visit beside its meeting
 * (events.context.tripForTalks), not when several travellers gather (events.context.tripForTalks.plural); flight
 * verbs with "into", "on to", a touchdown (verb-lexicon.json fly-into, touch-down; visit.travelled); a completed trip "to meet" gives the
 * meeting too (events.context.purposeMeeting); the place a visit's clause puts the traveller in is its host
 * (actors.visit.trigger-place); a trip within one state (merge.drop.one-sided) or of people who act for no state
 * (events.context.nonOfficialTraveller, also craft: drones, warplanes) is no visit. Sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/run.ts';

const rows = (body: string, published = '2025-03-12'): string[] =>
  runPipeline([{ id: 't', path: 't.txt', text: ` date ${published} Test article\n\n${body}\n`, warnings: [] }])
    .file.events.map((e) => `${e.type} ${e.date} ${e.countries.join(',')}`)
    .sort();

describe('trips told with a motion verb', () => {
  it('a trip made for talks is a visit beside the meeting', () => {
    expect(rows('The Chilean foreign minister flew to Lima on Monday for talks with his Peruvian counterpart.')).toEqual(['meeting 2025-03-10 CHL,PER', 'visit 2025-03-10 CHL,PER']);
    expect(rows("Kenya's foreign minister travelled on Monday to Kampala for consultations with Ugandan officials.")).toEqual(['meeting 2025-03-10 KEN,UGA', 'visit 2025-03-10 KEN,UGA']);
    expect(rows('The Danish prime minister was in Oslo on Tuesday for talks with Norwegian leaders.')).toEqual(['meeting 2025-03-11 DNK,NOR', 'visit 2025-03-11 DNK,NOR']);
  });

  it('travellers gathering for one meeting make no visit of their own', () => {
    expect(rows('Foreign ministers of the bloc have arrived in Jakarta for a meeting with Indonesian officials.').filter((r) => r.startsWith('visit'))).toEqual([]);
  });

  it('reads flight verbs with into, on to and touchdowns', () => {
    expect(rows('The Greek prime minister jetted into Cairo on Monday.')).toEqual(['visit 2025-03-10 EGY,GRC']);
    expect(rows('The Austrian chancellor flew on to Belgrade on Tuesday.')).toEqual(['visit 2025-03-11 AUT,SRB']);
    expect(rows("Portugal's president touched down in Luanda late on Sunday.")).toEqual(['visit 2025-03-09 AGO,PRT']);
  });

  it('a completed trip to meet someone gives the meeting too; one under way or ahead does not', () => {
    expect(rows("Spain's prime minister flew to Rabat on Monday to meet Moroccan King Mohammed VI.")).toEqual(['meeting 2025-03-10 ESP,MAR', 'visit 2025-03-10 ESP,MAR'].sort());
    expect(rows('The Swedish prime minister will fly to Helsinki next week to meet his Finnish counterpart.')).toEqual([]);
  });

  it('the place the traveller is in is the host of the visit', () => {
    expect(rows('The Nigerian president is now in Accra for his first state visit to the country.')).toEqual(['visit 2025-03-12 GHA,NGA']);
  });

  it('a trip within one state, a return home or a trip of non-officials is no visit', () => {
    expect(rows('The Indonesian president flew to Surabaya on Monday to open a new port.')).toEqual([]);
    expect(rows("Egypt's foreign minister headed to Cairo on Monday.")).toEqual([]);
    expect(rows('The Japanese prime minister flew back to Tokyo on Tuesday.')).toEqual([]);
    expect(rows('About 200 Vietnamese students flew to Seoul on Monday to begin their studies.')).toEqual([]);
    expect(rows('The Brazilian national football team landed in Buenos Aires on Sunday.')).toEqual([]);
    expect(rows('Belarusian drones flew into Lithuanian airspace on Monday.').filter((r) => r.startsWith('visit'))).toEqual([]);
  });
});
