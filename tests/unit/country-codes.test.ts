/**
 * Kosovo has no ISO 3166-1 code: world-countries calls it UNK, while the EU, the IMF, the site's own
 * country names (src/lib/data.ts) and our gold files use XKX. The extractor must emit the code the
 * site and the gold use, from every route a state is found by (name, demonym, capital).
 */
import { describe, expect, it } from 'vitest';
import { emittedCode } from '../../scripts/pipeline/actors/codes.ts';
import { countryName, isKnownCountry } from '../../src/lib/data.ts';
import { resolveTriggered } from './actors-helpers.ts';

describe('country codes (scripts/data/country-aliases.json codes)', () => {
  it('maps world-countries UNK to XKX and leaves other codes alone', () => {
    expect(emittedCode('UNK')).toBe('XKX');
    expect(emittedCode('SRB')).toBe('SRB');
    expect(isKnownCountry('XKX')).toBe(true);
    expect(countryName('XKX')).toBe('Kosovo');
  });

  it('finds Kosovo as XKX by name, demonym and capital', () => {
    const [byName, byDemonym, byCapital] = resolveTriggered([
      ['Serbia accused Kosovo on Monday of stoking tension in the north.', 'accusation', 'accused'],
      ['The Kosovar prime minister met the Albanian foreign minister in Tirana on Friday.', 'meeting', 'met'],
      ['Belgrade and Pristina traded accusations on Sunday over the arrest of a police officer.', 'accusation', 'traded accusations'],
    ]);
    expect(byName!.countries).toEqual(['SRB', 'XKX']);
    expect(byDemonym!.countries).toContain('XKX');
    expect(byCapital!.countries).toEqual(['SRB', 'XKX']);
    for (const r of [byName, byDemonym, byCapital]) expect(r!.countries).not.toContain('UNK');
  });
});
