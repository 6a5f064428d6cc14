import { describe, expect, it } from 'vitest';
import { explainMiss, explainUnmatched } from '../../scripts/eval/diagnose.ts';
import { formatScoreReport } from '../../scripts/eval/format.ts';
import { parseGold } from '../../scripts/eval/gold.ts';
import {
  dayDistance,
  jaccard,
  matchArticle,
  prf,
  scoreEvents,
  summaryLine,
  typeFamily,
  type GoldEvent,
  type GoldFile,
  type SystemEvent,
} from '../../scripts/eval/score.ts';

const g = (type: string, date: string, countries: string[], required = true, note?: string): GoldEvent => ({
  type,
  date,
  countries,
  required,
  note,
});
const s = (type: string, date: string, countries: string[], document = 'doc-a', title?: string): SystemEvent => ({
  type,
  date,
  countries,
  sources: [{ document, sentence: `${type} sentence` }],
  title,
});

describe('matching helpers', () => {
  it('groups meeting with visit and statement with accusation, nothing else', () => {
    expect(typeFamily('meeting')).toBe(typeFamily('visit'));
    expect(typeFamily('statement')).toBe(typeFamily('accusation'));
    expect(typeFamily('threat')).not.toBe(typeFamily('sanction'));
    expect(typeFamily('meeting')).not.toBe(typeFamily('statement'));
  });

  it('measures day distance across month ends and fails on non-dates', () => {
    expect(dayDistance('2025-06-30', '2025-07-01')).toBe(1);
    expect(dayDistance('2025-07-01', '2025-06-29')).toBe(2);
    expect(Number.isNaN(dayDistance('', '2025-07-01'))).toBe(true);
  });

  it('computes Jaccard overlap on sets', () => {
    expect(jaccard(['CHN', 'RUS'], ['RUS', 'CHN'])).toBe(1);
    expect(jaccard(['CHN', 'RUS'], ['CHN'])).toBe(0.5);
    expect(jaccard(['CHN', 'RUS', 'IND'], ['CHN'])).toBeCloseTo(1 / 3);
    expect(jaccard([], [])).toBe(1);
    expect(jaccard(['USA'], [])).toBe(0);
  });

  it('returns zeros rather than NaN when nothing was found or expected', () => {
    expect(prf({ sys: 0, sysMatched: 0, req: 0, reqMatched: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf({ sys: 4, sysMatched: 3, req: 2, reqMatched: 1 }).f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25);
  });
});

describe('matchArticle', () => {
  it('strict needs the same type, day and country set; order of countries does not matter', () => {
    const gold = [g('meeting', '2025-07-15', ['RUS', 'CHN'])];
    expect(matchArticle([s('meeting', '2025-07-15', ['CHN', 'RUS'])], gold, 'strict').hit.size).toBe(1);
    expect(matchArticle([s('meeting', '2025-07-14', ['CHN', 'RUS'])], gold, 'strict').hit.size).toBe(0);
    expect(matchArticle([s('visit', '2025-07-15', ['CHN', 'RUS'])], gold, 'strict').hit.size).toBe(0);
    expect(matchArticle([s('meeting', '2025-07-15', ['CHN'])], gold, 'strict').hit.size).toBe(0);
  });

  it('relaxed accepts a family type, one day off and half the countries, but no more', () => {
    const gold = [g('meeting', '2025-07-15', ['CHN', 'RUS'])];
    expect(matchArticle([s('visit', '2025-07-14', ['CHN'])], gold, 'relaxed').hit.size).toBe(1);
    expect(matchArticle([s('meeting', '2025-07-13', ['CHN', 'RUS'])], gold, 'relaxed').hit.size).toBe(0);
    expect(matchArticle([s('meeting', '2025-07-15', ['CHN', 'USA'])], gold, 'relaxed').hit.size).toBe(0);
    expect(matchArticle([s('statement', '2025-07-15', ['CHN', 'RUS'])], gold, 'relaxed').hit.size).toBe(0);
  });

  it('lets required gold take a match before an optional twin', () => {
    // The optional event comes first in the file, but the required one must win.
    const gold = [g('statement', '2025-07-15', ['CHN'], false), g('statement', '2025-07-15', ['CHN'], true)];
    const { hit, matched } = matchArticle([s('statement', '2025-07-15', ['CHN'])], gold, 'strict');
    expect(hit.size).toBe(1);
    expect(matched).toEqual([true]);
  });

  it('uses each gold event once: a duplicate system event stays unmatched', () => {
    const gold = [g('threat', '2025-07-14', ['RUS', 'USA'])];
    const sys = [s('threat', '2025-07-14', ['RUS', 'USA']), s('threat', '2025-07-14', ['RUS', 'USA'])];
    expect(matchArticle(sys, gold, 'strict').matched).toEqual([true, false]);
  });

  it('matches greedily in output order, like the reference scorer', () => {
    // The first system event takes the first gold it fits (it would also fit the second one),
    // leaving the second system event without a partner: no optimal re-assignment.
    const gold = [g('meeting', '2025-07-15', ['CHN', 'RUS']), g('meeting', '2025-07-14', ['CHN', 'IND'])];
    const sys = [s('meeting', '2025-07-15', ['CHN']), s('meeting', '2025-07-15', ['CHN', 'RUS'])];
    const { matched, hit } = matchArticle(sys, gold, 'relaxed');
    expect(matched).toEqual([true, false]);
    expect(hit.size).toBe(1);
  });
});

describe('scoreEvents', () => {
  const gold: GoldFile = {
    articles: [
      {
        id: 'doc-a',
        events: [
          g('meeting', '2025-07-15', ['CHN', 'RUS'], true, 'leaders meet'),
          g('threat', '2025-07-14', ['RUS', 'USA'], true, 'tariff warning'),
          g('statement', '2025-07-15', ['CHN'], false, 'optional remark'),
        ],
      },
      { id: 'doc-b', events: [g('sanction', '2025-03-02', ['GBR', 'IRN'], true, 'asset freeze')] },
    ],
  };

  it('computes overall precision and recall over all articles', () => {
    const sys = [
      s('meeting', '2025-07-15', ['CHN', 'RUS']),
      s('threat', '2025-07-15', ['RUS', 'USA']), // one day late: relaxed only
      s('statement', '2025-07-15', ['CHN']), // optional: counts for precision, not recall
      s('military', '2025-07-15', ['UKR']), // extra
      s('sanction', '2025-03-02', ['GBR', 'IRN'], 'doc-b'),
      s('sanction', '2025-03-02', ['GBR', 'IRN'], 'not-in-gold'), // ignored: article not in gold
    ];
    const r = scoreEvents(gold, sys);
    expect(r.systemEvents).toBe(5);
    expect(r.overall.strict).toMatchObject({ sys: 5, sysMatched: 3, req: 3, reqMatched: 2 });
    expect(r.overall.relaxed).toMatchObject({ sys: 5, sysMatched: 4, req: 3, reqMatched: 3 });
    expect(r.overall.relaxed.precision).toBeCloseTo(0.8);
    expect(r.overall.relaxed.recall).toBe(1);
    expect(summaryLine(r)).toEqual({
      articles: 2,
      systemEvents: 5,
      strict: { precision: 0.6, recall: 0.667, f1: 0.632 },
      relaxed: { precision: 0.8, recall: 1, f1: 0.889 },
    });
  });

  it('breaks scores down by type: precision by system type, recall by gold type', () => {
    const sys = [s('visit', '2025-07-15', ['CHN', 'RUS']), s('threat', '2025-07-20', ['RUS', 'USA'])];
    const r = scoreEvents(gold, sys);
    expect(r.byType.visit!.relaxed).toMatchObject({ sys: 1, sysMatched: 1, req: 0 });
    expect(r.byType.meeting!.relaxed).toMatchObject({ sys: 0, req: 1, reqMatched: 1 });
    expect(r.byType.meeting!.strict).toMatchObject({ req: 1, reqMatched: 0 });
    expect(r.byType.threat!.relaxed).toMatchObject({ sys: 1, sysMatched: 0, req: 1, reqMatched: 0 });
    expect(r.byType.sanction!.relaxed).toMatchObject({ sys: 0, req: 1, reqMatched: 0, recall: 0 });
  });

  it('lists misses and unmatched events per mode', () => {
    const r = scoreEvents(gold, [s('threat', '2025-07-15', ['RUS', 'USA']), s('military', '2025-07-15', ['UKR'])]);
    const relaxedMisses = r.misses.filter((m) => m.mode === 'relaxed').map((m) => m.gold.note);
    expect(relaxedMisses).toEqual(['leaders meet', 'asset freeze']);
    const strictMisses = r.misses.filter((m) => m.mode === 'strict').map((m) => m.gold.note);
    expect(strictMisses).toEqual(['leaders meet', 'tariff warning', 'asset freeze']);
    expect(r.unmatched.filter((u) => u.mode === 'relaxed').map((u) => u.event.type)).toEqual(['military']);
  });

  it('counts an event merged from two gold articles in each of them', () => {
    const merged: SystemEvent = {
      type: 'sanction',
      date: '2025-03-02',
      countries: ['GBR', 'IRN'],
      sources: [{ document: 'doc-a' }, { document: 'doc-b' }],
    };
    const r = scoreEvents(gold, [merged]);
    expect(r.systemEvents).toBe(2);
    expect(r.overall.strict).toMatchObject({ sysMatched: 1, reqMatched: 1 });
  });

  it('compares only the day part of a date and tolerates missing countries', () => {
    const r = scoreEvents(
      { articles: [{ id: 'doc-a', events: [g('statement', '2025-07-15', [])] }] },
      [{ type: 'statement', date: '2025-07-15T10:00:00Z', sources: [{ document: 'doc-a' }] }],
    );
    expect(r.overall.strict.reqMatched).toBe(1);
  });
});

describe('parseGold', () => {
  it('accepts the seed gold format with url and outlet fields', () => {
    const text = JSON.stringify({
      articles: [
        {
          id: 'x',
          published: '2025-01-02',
          url: 'https://example.org/a',
          outlet: 'Example News',
          events: [{ type: 'meeting', date: '2025-01-02', countries: ['FRA', 'IND'], required: true, note: 'talks' }],
        },
      ],
    });
    const { gold, errors } = parseGold(text);
    expect(errors).toEqual([]);
    expect(gold?.articles[0]?.events[0]?.countries).toEqual(['FRA', 'IND']);
  });

  it('rejects unknown types, lower-case codes, missing required flags and duplicate ids', () => {
    const bad = (events: unknown[]) => parseGold(JSON.stringify({ articles: [{ id: 'x', events }] }));
    expect(bad([{ type: 'talks', date: '2025-01-02', countries: [], required: true }]).errors[0]).toMatch(/type/);
    expect(bad([{ type: 'meeting', date: '2025-01-02', countries: ['fra'], required: true }]).errors[0]).toMatch(/alpha-3/);
    expect(bad([{ type: 'meeting', date: '2025-01-02', countries: [] }]).errors[0]).toMatch(/required/);
    expect(parseGold('{"articles": [{"id": "x", "events": []}, {"id": "x", "events": []}]}').errors[0]).toMatch(/twice/);
    expect(parseGold('not json').gold).toBeUndefined();
  });
});

describe('diagnosis of errors', () => {
  it('names a wrong date when type and countries fit', () => {
    const why = explainMiss(g('meeting', '2025-07-13', ['CHN', 'RUS']), [s('meeting', '2025-07-15', ['CHN', 'RUS'])]);
    expect(why.diagnosis).toBe('wrong date');
  });

  it('names wrong countries, wrong type, or nothing similar', () => {
    expect(explainMiss(g('meeting', '2025-07-15', ['CHN', 'RUS']), [s('meeting', '2025-07-15', ['USA'])]).diagnosis).toBe(
      'wrong countries',
    );
    expect(explainMiss(g('threat', '2025-07-15', ['RUS', 'USA']), [s('sanction', '2025-07-15', ['RUS', 'USA'])]).diagnosis).toBe(
      'wrong type',
    );
    expect(explainMiss(g('threat', '2025-07-15', ['RUS', 'USA']), []).diagnosis).toBe('no similar event');
  });

  it('calls an unmatched event that fits an already-matched gold event a duplicate', () => {
    const why = explainUnmatched(s('threat', '2025-07-14', ['RUS', 'USA']), [g('threat', '2025-07-14', ['RUS', 'USA'])]);
    expect(why.diagnosis).toBe('duplicate');
    expect(explainUnmatched(s('military', '2025-07-14', ['UKR']), [g('threat', '2025-07-14', ['RUS', 'USA'])]).diagnosis).toBe(
      'no similar event',
    );
  });

  it('renders a report naming each type, each miss and each extra', () => {
    const gold: GoldFile = { articles: [{ id: 'doc-a', events: [g('meeting', '2025-07-13', ['CHN', 'RUS'], true, 'ministers meet')] }] };
    const sys = [s('meeting', '2025-07-15', ['CHN', 'RUS'], 'doc-a', 'Wang Yi meets Lavrov')];
    const text = formatScoreReport(scoreEvents(gold, sys), gold, sys, { verbose: true });
    expect(text).toMatch(/STRICT/);
    expect(text).toMatch(/RELAXED/);
    expect(text).toMatch(/meeting\s+0\.000/);
    expect(text).toMatch(/ministers meet/);
    expect(text).toMatch(/wrong date/);
    expect(text).toMatch(/Wang Yi meets Lavrov/);
  });
});
