import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENT_TYPES } from '../../src/lib/schema.ts';
import {
  defaultViewState,
  isIsoDay,
  normalizeViewState,
  parseViewState,
  sameFilter,
  serializeViewState,
  type ViewState,
} from '../../src/lib/url-state.ts';

describe('parseViewState', () => {
  it('reads every parameter of a full link', () => {
    const s = parseViewState('?countries=CHN,RUS&mode=all&types=meeting,threat&from=2025-07-01&to=2025-07-20&event=2025-07-15-meeting-chn-rus&group=type&q=Lavrov');
    expect(s).toEqual({
      countries: ['CHN', 'RUS'],
      countryMode: 'all',
      types: ['meeting', 'threat'],
      from: '2025-07-01',
      to: '2025-07-20',
      event: '2025-07-15-meeting-chn-rus',
      group: 'type',
      q: 'Lavrov',
    });
  });

  it('gives the default view for an empty or absent query', () => {
    expect(parseViewState('')).toEqual(defaultViewState());
    expect(parseViewState('?')).toEqual(defaultViewState());
  });

  it('normalises case, order and duplicates of countries and types', () => {
    const s = parseViewState('countries=rus,chn,RUS&types=THREAT,meeting,threat');
    expect(s.countries).toEqual(['CHN', 'RUS']);
    expect(s.types).toEqual(['meeting', 'threat']);
  });

  it('ignores malformed values instead of failing', () => {
    const s = parseViewState('countries=CH,RUSSIA,12X,USA&types=party,meeting&mode=most&group=region&from=2025-02-30&to=yesterday&event=&q=%20%20');
    expect(s).toEqual({ ...defaultViewState(), countries: ['USA'], types: ['meeting'] });
  });

  it('ignores unknown parameters', () => {
    expect(parseViewState('utm_source=mail&fbclid=abc&countries=FRA')).toEqual({ ...defaultViewState(), countries: ['FRA'] });
  });

  it('treats all eight types as no type filter', () => {
    expect(parseViewState(`types=${EVENT_TYPES.join(',')}`).types).toEqual([]);
  });

  it('swaps a reversed window', () => {
    const s = parseViewState('from=2025-08-01&to=2025-07-01');
    expect([s.from, s.to]).toEqual(['2025-07-01', '2025-08-01']);
  });

  it('survives broken percent-encoding and control characters', () => {
    const s = parseViewState('q=%E0%A4%A&event=a%00b&countries=%ZZ');
    expect(s.countries).toEqual([]);
    expect(s.event).toBe('a b');
    expect(typeof s.q).toBe('string');
  });

  it('decodes + and %20 in the search text', () => {
    expect(parseViewState('q=tariff+threat').q).toBe('tariff threat');
    expect(parseViewState('q=tariff%20threat').q).toBe('tariff threat');
  });
});

describe('serializeViewState', () => {
  it('writes nothing for the default view', () => {
    expect(serializeViewState(defaultViewState())).toBe('');
  });

  it('writes parameters in a fixed order with readable commas', () => {
    const s: ViewState = { countries: ['RUS', 'CHN'], countryMode: 'all', types: ['threat', 'meeting'], group: 'type', q: 'a&b=c', event: 'x/y', from: '2025-07-01', to: '2025-07-20' };
    expect(serializeViewState(s)).toBe('countries=CHN,RUS&mode=all&types=meeting,threat&from=2025-07-01&to=2025-07-20&event=x%2Fy&group=type&q=a%26b%3Dc');
  });

  it('drops a window with an invalid day, and half a window', () => {
    expect(serializeViewState({ ...defaultViewState(), from: '2025-13-01', to: '2025-07-01' })).toBe('');
    expect(serializeViewState({ ...defaultViewState(), from: '2025-07-01', to: '2025-07-31' })).toBe('from=2025-07-01&to=2025-07-31');
  });

  it('drops from without to (and to without from), so the address bar never keeps half a window', () => {
    expect(parseViewState('from=2025-07-01')).toEqual(defaultViewState());
    expect(parseViewState('to=2025-07-01&countries=RUS')).toEqual({ ...defaultViewState(), countries: ['RUS'] });
  });

  it('reads embed=1 and writes it last', () => {
    const s = parseViewState('embed=1&countries=chn');
    expect(s.embed).toBe(true);
    expect(serializeViewState(s)).toBe('countries=CHN&embed=1');
    expect(parseViewState('embed=0').embed).toBeUndefined();
  });
});

describe('round trip', () => {
  const stateArb: fc.Arbitrary<ViewState> = fc.record(
    {
      countries: fc.array(fc.stringMatching(/^[A-Z]{3}$/), { maxLength: 5 }),
      countryMode: fc.constantFrom('any' as const, 'all' as const),
      types: fc.subarray([...EVENT_TYPES]),
      from: fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      to: fc.date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      event: fc.string({ minLength: 1, maxLength: 40 }),
      group: fc.constantFrom('country' as const, 'type' as const),
      q: fc.string({ maxLength: 40 }),
    },
    { requiredKeys: ['countries', 'countryMode', 'types', 'group'] },
  );

  it('parse(serialize(s)) is the normalised s', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(parseViewState(serializeViewState(s))).toEqual(normalizeViewState(s));
      }),
      { numRuns: 400 },
    );
  });

  it('parsing any string gives a valid state that serialises stably', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (raw) => {
        const s = parseViewState(raw);
        expect(s.countries.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
        expect(s.types.every((t) => (EVENT_TYPES as readonly string[]).includes(t))).toBe(true);
        expect(['any', 'all']).toContain(s.countryMode);
        expect(['country', 'type']).toContain(s.group);
        if (s.from) expect(isIsoDay(s.from)).toBe(true);
        if (s.to) expect(isIsoDay(s.to)).toBe(true);
        const once = serializeViewState(s);
        expect(serializeViewState(parseViewState(once))).toBe(once);
      }),
      { numRuns: 400 },
    );
  });
});

describe('sameFilter', () => {
  it('ignores window, selection and grouping but not countries, mode, types or search', () => {
    const a = parseViewState('countries=CHN&from=2025-01-01&to=2025-02-01&event=e1');
    expect(sameFilter(a, parseViewState('countries=CHN&group=type&event=e2'))).toBe(true);
    expect(sameFilter(a, parseViewState('countries=CHN,RUS'))).toBe(false);
    expect(sameFilter(a, parseViewState('countries=CHN&mode=all'))).toBe(false);
    expect(sameFilter(a, parseViewState('countries=CHN&types=threat'))).toBe(false);
    expect(sameFilter(a, parseViewState('countries=CHN&q=x'))).toBe(false);
  });
});
