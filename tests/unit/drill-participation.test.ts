/**
 * Issue 9, class 10 of tests/blind8/DIAGNOSIS.md: a drill that names no state but its host, and the
 * sentence after it saying which states sent troops to it. The host and those states are its parties
 * (actors.place.drill-host), and the participation sentence is part of the drill, not a deployment of
 * its own on the publication day (events.retelling.drill-participation). Sentences are written for the
 * test (published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });

describe('events.retelling.drill-participation: who sent troops to the drill told just before', () => {
  it('joins the host and the participants in one drill on its own day', () => {
    const out = extract('The Steppe Shield military exercises opened in Kazakhstan on Monday. Uzbekistan and Mongolia have sent troops to take part in the drills.');
    expect(out.events.map((e) => [e.type, e.date, e.countries.join(',')])).toEqual([['military', '2025-07-14', 'KAZ,MNG,UZB']]);
    expect(out.events[0]!.trace!.some((s) => s.rule === 'actors.place.drill-host')).toBe(true);
    expect(out.droppedTraces!.some((t) => t.some((s) => s.rule === 'events.retelling.drill-participation'))).toBe(true);
  });

  it('adds the participants to a drill that names its own state', () => {
    const out = extract('Poland launched military exercises near its eastern border on Monday. Lithuania and Latvia sent troops to participate.');
    expect(out.events.map((e) => [e.date, e.countries.join(',')])).toEqual([['2025-07-14', 'LTU,LVA,POL']]);
  });

  it('adds the states of a next sentence with no act of its own that tells taking part (actors.drill.joiners-next)', () => {
    const a = extract('Russia and Belarus began joint military exercises on Monday. Kazakhstan and Armenia also sent contingents.');
    expect(a.events.map((e) => [e.type, e.date, e.countries.join(',')])).toEqual([['military', '2025-07-14', 'ARM,BLR,KAZ,RUS']]);
    expect(a.events[0]!.trace!.some((s) => s.rule === 'actors.drill.joiners-next')).toBe(true);
    const b = extract('China held naval drills in the East China Sea on Monday. Troops from Pakistan and Iran also participated.');
    expect(b.events.map((e) => [e.type, e.date, e.countries.join(',')])).toEqual([['military', '2025-07-14', 'CHN,IRN,PAK']]);
  });

  it('leaves apart a deployment that tells no taking part', () => {
    const out = extract('Serbia held military drills near its northern border on Monday. Hungary sent troops to the border.');
    expect(out.events.map((e) => e.countries.join(',')).sort()).toEqual(['HUN', 'SRB']);
  });
});
