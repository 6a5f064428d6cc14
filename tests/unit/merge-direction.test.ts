import { describe, expect, it } from 'vitest';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import { actingStates, differentActors } from '../../scripts/pipeline/merge/direction.ts';
import type { TraceStep } from '../../scripts/pipeline/trace.ts';
import type { Actor, DateEvidence, ExtractedEvent } from '../../scripts/pipeline/types.ts';
import type { EventType } from '../../src/lib/schema.ts';

/** A report whose trigger is the first occurrence of `trigger` in `sentence`. */
function report(
  doc: string,
  sentence: string,
  trigger: string,
  type: EventType,
  countries: string[],
  opts: { date?: string; evidence?: DateEvidence; actors?: Actor[]; start?: number; trace?: boolean } = {},
): ExtractedEvent {
  const at = sentence.indexOf(trigger);
  if (at < 0) throw new Error(`no "${trigger}" in "${sentence}"`);
  const date = opts.date ?? '2025-03-10';
  const ev: ExtractedEvent & { trace?: TraceStep[] } = {
    type,
    date,
    datePrecision: 'day',
    dateEvidence: opts.evidence ?? 'weekday',
    countries: [...countries].sort(),
    organizations: [],
    actors: opts.actors ?? [],
    title: `${type} ${countries.join('/')}`,
    confidence: 0.8,
    source: { document: doc, published: date, sentence, start: opts.start ?? 0, end: (opts.start ?? 0) + sentence.length, trigger: { start: at, end: at + trigger.length } },
  };
  if (opts.trace) ev.trace = [{ stage: 'events', rule: 'test.trigger', action: `type=${type}` }];
  return ev;
}

describe('acting states read from the clause (merge/direction.ts)', () => {
  it('the subject before the trigger, by name, demonym, capital or a person of the state', () => {
    const cases: [string, string, EventType, string[], string[], Actor[]?][] = [
      ['Algeria expelled twelve French embassy staff on Monday.', 'expelled', 'sanction', ['DZA', 'FRA'], ['DZA']],
      ['Paris retaliated on Tuesday by expelling twelve Algerian officials.', 'expelling', 'sanction', ['DZA', 'FRA'], ['FRA']],
      ['The Iranian foreign ministry condemned the strike on its embassy.', 'condemned', 'accusation', ['IRN', 'ISR'], ['IRN']],
      ['Following Seoul\'s protest, North Korea warned of countermeasures.', 'warned', 'threat', ['KOR', 'PRK'], ['PRK']],
      ['The minister said that Washington had threatened Caracas with tariffs.', 'threatened', 'threat', ['USA', 'VEN'], ['USA']],
      ['Lammy condemned the attack in a post on X.', 'condemned', 'accusation', ['GBR', 'RUS'], ['GBR'], [{ name: 'David Lammy', country: 'GBR' }]],
      ['The United States and Japan condemned the launch.', 'condemned', 'accusation', ['JPN', 'PRK', 'USA'], ['JPN', 'USA']],
    ];
    for (const [sentence, trigger, type, countries, acting, actors] of cases) {
      expect(actingStates(report('d', sentence, trigger, type, countries, { actors })), sentence).toEqual(acting);
    }
  });

  it('the agent after a passive "by"', () => {
    const r = report('d', 'The drone strike was condemned by Egypt and Jordan within hours.', 'condemned', 'accusation', ['EGY', 'ISR', 'JOR']);
    expect(actingStates(r)).toEqual(['EGY', 'JOR']);
  });

  it('a passive summons or expulsion: the subject\'s state is acted on, the agent or the other state acts (title.passive-acted-on)', () => {
    expect(actingStates(report('d', 'The Russian ambassador was summoned over the drone incursion.', 'summoned', 'accusation', ['POL', 'RUS']))).toEqual(['POL']);
    expect(actingStates(report('d', 'The Dutch consul in Caracas was summoned on Friday by the Venezuelan foreign ministry.', 'summoned', 'accusation', ['NLD', 'VEN']))).toEqual(['VEN']);
    expect(actingStates(report('d', 'Two Latvian diplomats were expelled from Minsk on Tuesday.', 'expelled', 'sanction', ['BLR', 'LVA']))).toEqual(['BLR']);
  });

  it('a passive summons and the active counter-summons on one day are two events', () => {
    const out = mergeEvents([
      report('a1', 'The Russian ambassador was summoned to the ministry in Warsaw on Monday.', 'summoned', 'accusation', ['POL', 'RUS']),
      report('a2', 'Moscow summoned the Polish ambassador on Monday in return.', 'summoned', 'accusation', ['POL', 'RUS']),
    ]);
    expect(out).toHaveLength(2);
  });

  it('unknown when the clause does not name who acts', () => {
    const cases: [string, string, EventType, string[]][] = [
      // Pronoun subject.
      ['It said its warships had sailed through the strait.', 'sailed', 'military', ['CHN', 'TWN']],
      // Passive without an agent whose subject names every state of the report: no side is known.
      ['Envoys of Chile and Peru were summoned over the fishing dispute.', 'summoned', 'accusation', ['CHL', 'PER']],
      // Quoted speech is not the subject.
      ['"We call on the United States to show restraint," he added.', 'added', 'statement', ['CHN', 'USA']],
      // The nearest piece names someone the report does not place.
      ['In a call with his Portuguese counterpart on Friday, Hossein Amirabdollahian denounced interference.', 'denounced', 'accusation', ['IRN', 'PRT']],
      // A type that has no direction.
      ['Egypt and Qatar met to discuss the truce.', 'met', 'meeting', ['EGY', 'QAT']],
    ];
    for (const [sentence, trigger, type, countries] of cases) expect(actingStates(report('d', sentence, trigger, type, countries)), sentence).toEqual([]);
  });
});

describe('merging keeps acts of different acting states apart, and true duplicates together', () => {
  it('an expulsion and the tit-for-tat expulsion on one day are two events', () => {
    const out = mergeEvents([
      report('a1', 'Algeria expelled twelve French embassy staff on Monday.', 'expelled', 'sanction', ['DZA', 'FRA']),
      report('a2', 'France expelled twelve Algerian officials in return on Monday.', 'expelled', 'sanction', ['DZA', 'FRA']),
    ]);
    expect(out).toHaveLength(2);
  });

  it('a threat and the counter-threat, and two states\' condemnations, stay apart', () => {
    expect(
      mergeEvents([
        report('b1', 'Washington threatened Beijing with new tariffs on Friday.', 'threatened', 'threat', ['CHN', 'USA']),
        report('b2', 'Beijing warned Washington of firm countermeasures on Friday.', 'warned', 'threat', ['CHN', 'USA']),
      ]),
    ).toHaveLength(2);
    expect(
      mergeEvents([
        report('c1', 'Egypt condemned the Israeli strike on Doha.', 'condemned', 'accusation', ['EGY', 'ISR']),
        report('c2', 'Jordan condemned the Israeli strike on Doha.', 'condemned', 'accusation', ['ISR', 'JOR']),
        report('c3', 'Egypt\'s foreign ministry denounced Israel\'s attack.', 'denounced', 'accusation', ['EGY', 'ISR']),
      ]).map((e) => e.countries.join('+')),
    ).toEqual(['EGY+ISR', 'ISR+JOR'].sort());
  });

  it('five reports of one act, differently worded, one naming more states, are one event', () => {
    const out = mergeEvents([
      report('d1', 'Japan condemned North Korea\'s missile launch on Sunday.', 'condemned', 'accusation', ['JPN', 'PRK']),
      report('d2', 'Tokyo strongly condemned the launch, the ministry said.', 'condemned', 'accusation', ['JPN', 'PRK']),
      report('d3', 'The launch was condemned by Japan.', 'condemned', 'accusation', ['JPN', 'PRK']),
      report('d4', 'Japanese officials condemned Pyongyang, citing UN resolutions.', 'condemned', 'accusation', ['JPN', 'PRK']),
      report('d5', 'It condemned the test in a statement.', 'condemned', 'accusation', ['JPN', 'PRK']),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.sources).toHaveLength(5);
  });

  it('one report without a known actor still joins either side', () => {
    const out = mergeEvents([
      report('e1', 'Algeria expelled twelve French embassy staff.', 'expelled', 'sanction', ['DZA', 'FRA']),
      report('e2', 'Twelve embassy staff were expelled, officials said.', 'expelled', 'sanction', ['DZA', 'FRA']),
    ]);
    expect(out).toHaveLength(1);
  });

  it('differentActors is symmetric and needs both sides known', () => {
    const a = report('f1', 'Poland expelled a Russian diplomat.', 'expelled', 'sanction', ['POL', 'RUS']);
    const b = report('f2', 'Russia expelled a Polish diplomat.', 'expelled', 'sanction', ['POL', 'RUS']);
    const c = report('f3', 'A diplomat was expelled.', 'expelled', 'sanction', ['POL', 'RUS']);
    expect(differentActors(a, b)).toBe(true);
    expect(differentActors(b, a)).toBe(true);
    expect(differentActors(a, c)).toBe(false);
  });
});

describe('merge steps in the trace', () => {
  it('a merged event keeps its trace and says how each report joined and how its day was chosen', () => {
    const out = mergeEvents([
      report('g1', 'Japan condemned North Korea\'s missile launch on Sunday.', 'condemned', 'accusation', ['JPN', 'PRK'], { trace: true }),
      report('g2', 'Tokyo condemned the launch.', 'condemned', 'accusation', ['JPN', 'PRK'], { trace: true, evidence: 'publication', date: '2025-03-11' }),
      report('g3', 'Pyongyang warned Tokyo of consequences.', 'warned', 'threat', ['JPN', 'PRK'], { trace: true }),
    ]);
    const merged = out.find((e) => e.type === 'accusation')!;
    const rules = merged.trace!.map((s) => s.rule);
    expect(rules[0]).toBe('test.trigger');
    expect(rules).toContain('merge.same-event');
    expect(merged.trace!.find((s) => s.rule === 'merge.same-event')!.action).toMatch(/same directed pair/);
    expect(merged.trace!.at(-1)).toMatchObject({ rule: 'merge.pick-date', action: 'date=2025-03-10' });
  });

  it('a report kept apart from an event of other acting states says so', () => {
    const out = mergeEvents([
      report('h1', 'Algeria expelled twelve French embassy staff on Monday.', 'expelled', 'sanction', ['DZA', 'FRA'], { trace: true }),
      report('h2', 'France expelled twelve Algerian officials in return on Monday.', 'expelled', 'sanction', ['DZA', 'FRA'], { trace: true }),
    ]);
    const steps = out.flatMap((e) => e.trace ?? []).filter((s) => s.rule === 'merge.directed-pair');
    expect(steps).toHaveLength(1);
    expect(steps[0]!.action).toMatch(/kept apart from .*different acting states/);
  });

  it('no trace without traced reports (normal output unchanged)', () => {
    const out = mergeEvents([report('i1', 'Japan condemned the launch.', 'condemned', 'accusation', ['JPN', 'PRK'])]);
    expect(out[0]).not.toHaveProperty('trace');
  });
});

describe('agents set by the actors stage', () => {
  it('are used as the acting states when they are a proper subset of the states', () => {
    const r = { ...report('j1', 'In a sharp rebuke, officials denounced the drills.', 'denounced', 'accusation', ['CHN', 'TWN']), agents: ['TWN'] };
    expect(actingStates(r)).toEqual(['TWN']);
    const all = { ...report('j2', 'Taiwan denounced the drills.', 'denounced', 'accusation', ['CHN', 'TWN']), agents: ['CHN', 'TWN'] };
    expect(actingStates(all)).toEqual(['TWN']);
  });
});
