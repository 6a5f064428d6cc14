/**
 * blind7 DIAGNOSIS class I: a government title that only one state has names that state
 * (metonyms.json institutions, rule actors.mention.institution): Japan's Chief Cabinet Secretary is the
 * government's spokesman, so a reaction he voices is Japan's even when his name is not in people.json.
 * Sentences written for this test (published Tuesday 2025-07-15; the name is invented).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractBody as extract, brief } from './find-events-helpers.ts';

const actors = createActorResolver();

describe("Japan's Chief Cabinet Secretary", () => {
  it('a protest he voices is a Japanese protest', () => {
    expect(extract('Chief Cabinet Secretary Taro Yamada on Monday protested the Chinese coast guard incursion.').map(brief)).toEqual(['accusation 2025-07-14 CHN,JPN']);
  });

  it('his regret at another state\'s act is a Japanese accusation, not a stateless remark', () => {
    const events = extract('Russia suspended a fisheries accord with Japan on Tuesday. "It is regrettable that a one-sided notice has been given," Chief Cabinet Secretary Taro Yamada said on Tuesday.');
    const reaction = events.find((e) => e.type === 'accusation');
    expect(reaction?.countries).toEqual(['JPN', 'RUS']);
    const trace = (reaction?.trace ?? []).map((s) => `${s.rule} ${s.action}`);
    expect(trace.some((t) => t.startsWith('actors.mention.institution +JPN'))).toBe(true);
  });
});
