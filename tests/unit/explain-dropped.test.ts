/** The dropped-candidate listing (scripts/eval/dropped.ts, CLI scripts/explain-dropped.ts). Sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { dropRows, formatDropRows, tallyDropRules } from '../../scripts/eval/dropped.ts';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();

describe('dropRows', () => {
  const body = 'Chile will sign a trade deal with Peru next month.\n\nThe weather in the capital was mild.\n\nArgentina expelled two Bolivian diplomats on Monday.';
  const rows = dropRows(segOf(body), actors, { silent: true });

  it('lists a dropped candidate with the rule that dropped it and the trigger rule that made it', () => {
    const planned = rows.find((r) => r.kind === 'dropped' && r.rule === 'assemble.drop.planned');
    expect(planned).toBeDefined();
    expect(planned!.what).toMatch(/^agreement\.|sign/);
  });

  it('lists a sentence with no candidate only with --silent, and never a kept act', () => {
    expect(rows.filter((r) => r.kind === 'silent').map((r) => r.what)).toEqual(['The weather in the capital was mild.']);
    expect(dropRows(segOf(body), actors).some((r) => r.kind === 'silent')).toBe(false);
    expect(rows.some((r) => /expelled/.test(r.what))).toBe(false);
  });

  it('tallies by dropping rule and formats tab-separated lines', () => {
    expect(tallyDropRules(rows)).toContainEqual(['assemble.drop.planned', 1]);
    expect(formatDropRows('doc', rows)[0]!.split('\t')[0]).toBe('doc');
  });
});
