import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/lib/schema.ts';
import { legendEntries, TYPE_ORDER, TYPE_STYLES, typeClass, typeStyle } from '../../src/lib/colors.ts';

describe('type colours and symbols', () => {
  it('gives every type its own colour and its own symbol', () => {
    const colors = EVENT_TYPES.map((t) => TYPE_STYLES[t].color);
    const symbols = EVENT_TYPES.map((t) => TYPE_STYLES[t].symbol);
    expect(new Set(colors).size).toBe(EVENT_TYPES.length);
    expect(new Set(symbols).size).toBe(EVENT_TYPES.length);
    expect(legendEntries().map((e) => e.type)).toEqual([...EVENT_TYPES]);
    expect([...TYPE_ORDER]).toEqual([...EVENT_TYPES]);
  });

  it('matches the CSS tokens of tokens.css (the design-token sheet) in light and dark mode', () => {
    const css = readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8');
    const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
    expect(darkStart).toBeGreaterThan(0);
    const light = css.slice(0, darkStart);
    const dark = css.slice(darkStart, css.indexOf('}', css.indexOf('--type-military', darkStart)));
    for (const t of EVENT_TYPES) {
      expect(light.toLowerCase()).toContain(`--type-${t}: ${TYPE_STYLES[t].color}`);
      expect(dark.toLowerCase()).toContain(`--type-${t}: ${TYPE_STYLES[t].colorDark}`);
      expect(css).toContain(`.${typeClass(t)} { --type-color: var(--type-${t}); }`);
    }
  });

  it('falls back for an unknown type instead of throwing', () => {
    expect(typeStyle('parade')).toBe(TYPE_STYLES.statement);
    expect(typeStyle('threat')).toBe(TYPE_STYLES.threat);
  });
});
