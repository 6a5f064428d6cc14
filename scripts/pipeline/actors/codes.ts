/**
 * The country code we emit for a world-countries entry: its cca3, except where
 * scripts/data/country-aliases.json `codes` names the code news data and the gold files use
 * (Kosovo: world-countries says UNK, the EU, the IMF and the site say XKX).
 */
import aliasData from '../../data/country-aliases.json' with { type: 'json' };

const CODES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries((aliasData as unknown as { codes: Record<string, string> }).codes).filter(([k]) => !k.startsWith('$')),
);

export function emittedCode(cca3: string): string {
  return CODES[cca3] ?? cca3;
}
