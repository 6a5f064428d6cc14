import { describe, expect, it } from 'vitest';
import { otherAgentDays, sentenceAt, type AgentsAt } from '../../scripts/pipeline/dates/other-agent.ts';
import type { Sentence } from '../../scripts/pipeline/types.ts';

const at = (start: number, type: AgentsAt['type'], agents: string[]): AgentsAt => ({ start, end: start + 8, type, agents });

describe('dates.retelling.same-agent (dates/other-agent.ts)', () => {
  it('bars a later sentence whose act nearest the day cue is another state\'s', () => {
    const barred = otherAgentDays([{ key: '0:10:sanction', agents: ['LTU'], sentence: 2, at: 130 }], new Map([[2, [at(120, 'sanction', ['LVA'])]]]), undefined);
    expect(barred?.get('0:10:sanction')?.get(2)).toBe("LVA's act, not LTU's");
  });
  it('keeps the day when the later act is by the same state, names no acting state, or is a report', () => {
    const checks = [{ key: 'k', agents: ['JPN'], sentence: 1, at: 50 }];
    expect(otherAgentDays(checks, new Map([[1, [at(40, 'accusation', ['JPN'])]]]), undefined)).toBeUndefined();
    expect(otherAgentDays(checks, new Map([[1, [at(40, 'sanction', [])]]]), undefined)).toBeUndefined();
    expect(otherAgentDays(checks, new Map([[1, [at(40, 'statement', ['UGA'])]]]), undefined)).toBeUndefined();
    expect(otherAgentDays(checks, new Map(), undefined)).toBeUndefined();
  });
  it('compares with the act nearest the cue, and adds to what was barred before', () => {
    const before = new Map([['k', new Map([[3, 'x']])]]);
    const got = otherAgentDays([{ key: 'k', agents: ['NLD'], sentence: 5, at: 300 }], new Map([[5, [at(200, 'sanction', ['NLD']), at(290, 'sanction', ['MKD'])]]]), before);
    expect([...(got?.get('k')?.keys() ?? [])].sort()).toEqual([3, 5]);
    expect(before.get('k')?.size).toBe(1);
  });
  it('finds the sentence holding an offset', () => {
    const s = (index: number, start: number, end: number) => ({ index, start, end }) as unknown as Sentence;
    const sentences = [s(0, 0, 10), s(1, 11, 30), s(2, 31, 60)];
    expect(sentenceAt(sentences, 12)).toBe(1);
    expect(sentenceAt(sentences, 59)).toBe(2);
    expect(sentenceAt(sentences, 10)).toBeUndefined();
  });
});
