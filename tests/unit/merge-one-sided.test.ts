/**
 * merge.drop.one-sided: a meeting, agreement, sanction or visit left with one state and no organisation after the merge
 * has lost its other side and is not published; two-sided ones and one-sided acts of other types stay.
 * Articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { oneSided } from '../../scripts/pipeline/merge/one-sided.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import type { RawDocument } from '../../scripts/pipeline/types.ts';

const doc = (id: string, body: string, published = '2025-07-15'): RawDocument => ({ id, path: `${id}.txt`, text: ` date ${published} Test article\n\n${body}\n`, warnings: [] });
const rows = (docs: RawDocument[]) => runPipeline(docs).file.events.map((e) => `${e.type} ${e.date} ${e.countries.join(',')}`);

describe('oneSided', () => {
  it('is true only for a two-sided type with one state and no organisation', () => {
    expect(oneSided({ type: 'meeting', countries: ['SOM'], organizations: [] })).toBe(true);
    expect(oneSided({ type: 'agreement', countries: ['CHN'], organizations: [] })).toBe(true);
    expect(oneSided({ type: 'sanction', countries: ['USA'], organizations: [] })).toBe(true);
    expect(oneSided({ type: 'visit', countries: ['IND'], organizations: [] })).toBe(true);
    expect(oneSided({ type: 'meeting', countries: ['SOM'], organizations: ['AU'] })).toBe(false);
    expect(oneSided({ type: 'meeting', countries: ['KEN', 'SOM'], organizations: [] })).toBe(false);
    expect(oneSided({ type: 'military', countries: ['PRK'], organizations: [] })).toBe(false);
    expect(oneSided({ type: 'statement', countries: ['FRA'], organizations: [] })).toBe(false);
  });
});

describe('the pipeline leaves out a two-sided act that lost its other side', () => {
  it('drops talks of non-state groups read as one state, keeps the talks of two states', () => {
    const out = rows([
      doc(
        'a',
        "Somalia's opposition groups held talks in Nairobi on Monday to agree on a common platform.\n\nKenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on Monday.",
      ),
    ]);
    expect(out).toEqual(['meeting 2025-07-14 KEN,TZA']);
  });

  it('drops a trip within one state, keeps the trip abroad it lends its day to', () => {
    expect(rows([doc('c', 'Indian Prime Minister Narendra Modi flew to Varanasi on Monday to open a new airport terminal.')])).toEqual([]);
    expect(rows([doc('d', "Turkey's foreign minister headed to Ankara on Monday after talks in Baghdad.")]).filter((r) => r.startsWith('visit'))).toEqual([]);
    expect(rows([doc('e', 'Iraqi Foreign Minister Fuad Hussein headed to Ankara on Monday.')])).toEqual(['visit 2025-07-14 IRQ,TUR']);
  });

  it('keeps a one-state launch: a test has one side', () => {
    expect(rows([doc('b', 'North Korea fired two ballistic missiles into the sea on Monday, officials in Seoul said.')])).toEqual(['military 2025-07-14 PRK']);
  });
});
