/**
 * Linguistic decision patterns as data (scripts/pipeline/pattern-rules.ts): the "patterns" sections of
 * event-rules.json, titles.json, actor-context.json and non-events.json are checked with zod at load, every rule has a
 * unique id and is compiled by the pipeline (none is dead data), the ReDoS collector sees every one,
 * and a decision's trace step names the rule id (what `--explain` prints).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../scripts/pipeline/run.ts';
import { loadedPatternRules, patternRules } from '../../scripts/pipeline/pattern-rules.ts';
import { extractBody as extract } from './find-events-helpers.ts';
import { collectDataRegExps, ROOT } from './redos-sources.ts';

const DATA = path.join(ROOT, 'scripts/data');
/** Every "patterns" section of the rule files, by file name. */
const sections = readdirSync(DATA)
  .filter((n) => n.endsWith('.json'))
  .map((n) => ({ file: n, data: JSON.parse(readFileSync(path.join(DATA, n), 'utf8')) as { patterns?: Record<string, unknown> } }))
  .filter((f) => f.data.patterns !== undefined);

describe('pattern rules in the rule files', () => {
  it('the files that hold them', () => {
    expect(sections.map((s) => s.file).sort()).toEqual(['actor-context.json', 'event-rules.json', 'non-events.json', 'titles.json']);
  });

  it('every rule is loaded once, with a unique id, and compiled by the pipeline', () => {
    const inData = sections.flatMap((s) => Object.entries(s.data.patterns!).filter(([k]) => k !== '$comment').map(([k, v]) => ({ file: s.file, name: k, id: (v as { id: string }).id })));
    expect(inData.length).toBeGreaterThanOrEqual(20);
    expect(new Set(inData.map((r) => r.id)).size).toBe(inData.length);
    const loaded = loadedPatternRules();
    for (const r of inData) {
      const l = loaded.find((x) => x.id === r.id);
      expect(l, r.id).toMatchObject({ file: r.file, name: r.name, used: true });
    }
  });

  it('the ReDoS collector reads every one of them', () => {
    const seen = new Set(collectDataRegExps().map((r) => r.where));
    for (const s of sections) {
      for (const k of Object.keys(s.data.patterns!)) if (k !== '$comment') expect(seen.has(`scripts/data/${s.file}#patterns.${k}.pattern`), `${s.file} ${k}`).toBe(true);
    }
  });

  it('rejects a malformed section at load', () => {
    const ok = { $comment: 'test', a: { id: 'test.rule.a', description: 'x', pattern: '\\ba\\b' } };
    expect(patternRules('t1.json', ok)('a').re.flags).toBe('iu');
    expect(patternRules('t2.json', { $comment: 'test', b: { id: 'test.rule.b', description: 'x', pattern: '(?c)B' } })('b', 'g').re.flags).toBe('gu');
    expect(() => patternRules('t3.json', { a: ok.a })).toThrow(/\$comment/);
    expect(() => patternRules('t4.json', { $comment: 'x', c: { description: 'x', pattern: 'c' } })).toThrow(/t4\.json: c\.id/);
    expect(() => patternRules('t5.json', { $comment: 'x', d: { id: 'no-stage', description: 'x', pattern: 'd' } })).toThrow(/rule id/);
    expect(() => patternRules('t6.json', { $comment: 'x', e: { id: 'test.rule.e', description: 'x', pattern: 'e', flags: 'g' } })).toThrow(/flags/);
    expect(() => patternRules('t7.json', { $comment: 'x', f: { id: 'test.rule.a', description: 'x', pattern: 'f' } })).toThrow(/also t1\.json/);
    expect(() => patternRules('t8.json', { $comment: 'x' })('missing')).toThrow(/no pattern rule "missing"/);
  });
});

describe('trace steps name the pattern rule that decided', () => {
  it('a background act told as past names the pattern that told it (past participle, "after")', () => {
    const deal = extract('Spain is to open two clinics in Morocco under a health accord signed in Madrid on Monday by the Spanish and Moroccan foreign ministers.').find((e) => e.type === 'agreement');
    expect(deal!.trace!.find((s) => s.rule === 'events.context.datedBackgroundWeekday')?.detail).toContain('events.context.toldAsPast.participle');
    const meeting = extract('In a joint news conference after a bilateral meeting in Hanoi on Friday, the Lao prime minister said his country would expand trade with Vietnam.').find((e) => e.type === 'meeting');
    expect(meeting!.trace!.find((s) => s.rule === 'events.context.datedBackgroundWeekday')?.detail).toContain('events.context.toldAsPast.after');
  });

  it('a title read past a leading adjunct names title.statement.leading-adjunct, and the party dropped names actors.accusation.interlocutor', () => {
    const accusation = extract("Peru's foreign minister condemned during a call with Chile's foreign minister, Alberto van Klaveren, the attacks on aid convoys in the north on Monday.").find((e) => e.type === 'accusation');
    const steps = accusation!.trace!;
    expect(steps.find((s) => s.rule === 'title.statement.leading-adjunct')).toMatchObject({ stage: 'title', action: 'object read after "during a call with Chile\'s foreign minister, Alberto van Klaveren,"' });
    expect(steps.some((s) => s.stage === 'actors' && s.rule === 'actors.accusation.interlocutor')).toBe(true);
    // The title's own step comes last, after the rules that shaped it.
    expect(steps.filter((s) => s.stage === 'title').map((s) => s.rule).at(-1)).toBe('title.make');
  });

  it('joint drills name actors.place.exercise; a fronted phrase names actors.agents.fronted-phrase', () => {
    const drills = extract('China and Russia on Monday held joint naval drills in the Sea of Japan.').find((e) => e.type === 'military');
    expect(drills!.trace!.find((s) => s.rule === 'actors.place.exercise')?.action).toBe('no struck side');
    const call = extract('In a phone call with his French counterpart on Monday, the Italian foreign minister condemned Russia.').find((e) => e.type === 'meeting');
    expect(call!.trace!.some((s) => s.rule === 'actors.agents.fronted-phrase')).toBe(true);
  });

  it('a party told, not telling, names actors.agents.passive-addressee', () => {
    const threat = extract('The Pakistani side has been clearly told that India will respond to any attack, the Indian foreign ministry said on Monday.');
    expect(threat.flatMap((e) => e.trace ?? []).some((s) => s.rule === 'actors.agents.passive-addressee')).toBe(true);
  });
});
