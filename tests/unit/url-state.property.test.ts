/**
 * Property tests for the URL state of the main page (src/lib/url-state.ts):
 * parsing is total and always yields a valid state; serialising a valid state and parsing
 * it back gives the same state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/lib/schema.ts';
import { parseViewState, serializeViewState, type ViewState } from '../../src/lib/url-state.ts';
import { isIsoDay as isRealDay } from '../../src/lib/days.ts';

const KEYS = ['countries', 'mode', 'types', 'from', 'to', 'event', 'group', 'q'] as const;
const MAX_TEXT = 300;


/** No lone surrogates: the string can be put in a URL (encodeURIComponent would throw otherwise). */
function isWellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/** Every problem that makes `s` an invalid ViewState; empty when valid. */
function problems(s: ViewState): string[] {
  const out: string[] = [];
  const allowed = new Set(['countries', 'countryMode', 'types', 'from', 'to', 'event', 'group', 'q', 'embed']);
  for (const k of Object.keys(s)) if (!allowed.has(k)) out.push(`unknown key ${k}`);
  if (!Array.isArray(s.countries)) out.push('countries not an array');
  else {
    if (!s.countries.every((c) => /^[A-Z]{3}$/.test(c))) out.push('country code not AAA');
    if (s.countries.join(',') !== [...new Set(s.countries)].sort().join(',')) out.push('countries not sorted unique');
  }
  if (s.countryMode !== 'any' && s.countryMode !== 'all') out.push('bad countryMode');
  if (!Array.isArray(s.types)) out.push('types not an array');
  else {
    const canonical = EVENT_TYPES.filter((t) => s.types.includes(t));
    if (s.types.join(',') !== canonical.join(',')) out.push('types not canonical');
  }
  if (s.group !== 'country' && s.group !== 'type') out.push('bad group');
  if (s.from !== undefined && !isRealDay(s.from)) out.push('from not a day');
  if (s.to !== undefined && !isRealDay(s.to)) out.push('to not a day');
  if (s.from && s.to && s.from > s.to) out.push('from after to');
  if ((s.from === undefined) !== (s.to === undefined)) out.push('half a window');
  if (s.embed !== undefined && s.embed !== true) out.push('embed not true');
  for (const key of ['event', 'q'] as const) {
    const v = s[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v === '') out.push(`${key} empty`);
    else {
      if (v !== v.trim()) out.push(`${key} not trimmed`);
      if (/[\u0000-\u001f\u007f]/.test(v)) out.push(`${key} has control characters`);
      if (v.length > MAX_TEXT) out.push(`${key} too long`);
      if (!isWellFormed(v)) out.push(`${key} has a lone surrogate`);
    }
  }
  return out;
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Long values probe the length caps (text near 200 and 300 characters).
  fc.string({ unit: 'binary', minLength: 180, maxLength: 420 }),
  fc.tuple(fc.integer({ min: 190, max: 310 }), fc.constantFrom('😀', ' ', ' x', 'é', '\t')).map(([n, tail]) => 'a'.repeat(n) + tail.repeat(3)),
);
const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const valueFor = fc.oneof(
  anyText,
  day,
  fc.constantFrom('all', 'any', 'type', 'country', 'CHN,RUS', 'meeting,threat', 'chn;rus usa', '%', '%E0%A4%A', '+', '&', '='),
  fc.array(fc.constantFrom(...EVENT_TYPES, 'bogus', 'MEETING')).map((a) => a.join(',')),
  fc.stringMatching(/^[A-Za-z]{2,4}(,[A-Za-z]{2,4}){0,4}$/),
);
/** Query strings built from the real keys (and junk keys), with hostile values. */
const querySearch = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), anyText), valueFor), { maxLength: 10 })
  .chain((pairs) =>
    fc.tuple(fc.boolean(), fc.boolean()).map(
      ([question, raw]) =>
        (question ? '?' : '') +
        pairs.map(([k, v]) => (raw ? `${k}=${v}` : `${safeEncode(k)}=${safeEncode(v)}`)).join('&'),
    ),
  );
function safeEncode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Valid states, generated directly. */
const textValue = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
  .map((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0);
const validState: fc.Arbitrary<ViewState> = fc
  .record(
    {
      countries: fc.uniqueArray(fc.stringMatching(/^[A-Z]{3}$/), { maxLength: 6 }).map((a) => [...a].sort()),
      countryMode: fc.constantFrom('any' as const, 'all' as const),
      types: fc.subarray([...EVENT_TYPES]).filter((t) => t.length < EVENT_TYPES.length),
      from: day,
      to: day,
      event: textValue,
      group: fc.constantFrom('country' as const, 'type' as const),
      q: textValue,
    },
    { requiredKeys: ['countries', 'countryMode', 'types', 'group'] },
  )
  .map((s) => {
    if (s.from && s.to && s.from > s.to) [s.from, s.to] = [s.to, s.from];
    // A window has both ends or none.
    if (!s.from || !s.to) {
      delete s.from;
      delete s.to;
    }
    return s as ViewState;
  });

describe('parseViewState is total', () => {
  it('never throws and always returns a valid state for any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, querySearch), (search) => {
        const s = parseViewState(search);
        expect(problems(s)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws for non-string input smuggled in at runtime', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(problems(parseViewState(v as unknown as string))).toEqual([]);
    }
  });

  it('reads a hand-written URL', () => {
    expect(parseViewState('?countries=rus,CHN,xx,CHN&mode=all&types=threat,meeting,bogus&from=2025-07-20&to=2025-07-01&group=type&q=%20SCO%20')).toEqual({
      countries: ['CHN', 'RUS'],
      countryMode: 'all',
      types: ['meeting', 'threat'],
      from: '2025-07-01',
      to: '2025-07-20',
      group: 'type',
      q: 'SCO',
    });
  });

  it('drops impossible days and hostile junk', () => {
    const s = parseViewState('from=2025-02-30&to=<script>&event=%00%01&q=%0A%0D');
    expect(s.from).toBeUndefined();
    expect(s.to).toBeUndefined();
    expect(s.event).toBeUndefined();
    expect(s.q).toBeUndefined();
  });
});

describe('serializeViewState then parseViewState', () => {
  it('gives a generated valid state back', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expect(problems(s)).toEqual([]);
        const text = serializeViewState(s);
        expect(text.startsWith('?')).toBe(false);
        expect(parseViewState(text)).toEqual(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back every state that parsing produced (parse is a fixed point)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, querySearch), (search) => {
        const s = parseViewState(search);
        let text = '';
        expect(() => {
          text = serializeViewState(s);
        }).not.toThrow();
        expect(parseViewState(text)).toEqual(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps long text at the cap without breaking characters or leaving trailing spaces', () => {
    for (const q of ['a'.repeat(199) + '😀', 'b'.repeat(199) + ' tail', `${'é'.repeat(150)} ${'z'.repeat(100)}`]) {
      const s = parseViewState(`q=${encodeURIComponent(q)}`);
      expect(problems(s)).toEqual([]);
      expect(parseViewState(serializeViewState(s))).toEqual(s);
    }
  });
});
