/**
 * Trigger anchors are ASCII words; an accented word ("chargé", "attaché") is looked up by its
 * base letters, so the rules anchored there are tried. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { findTriggers } from '../../scripts/pipeline/events/triggers.ts';

const names = (s: string) => findTriggers(s).map((t) => t.rule.name);

describe('accented anchor words', () => {
  it('tries the rules anchored at "charge" on "chargé"', () => {
    expect(names("The chargé d'affaires of Norway was summoned on Tuesday over the comments.")).toContain('accusation.summoned-passive');
    expect(names("Their chargé d'affaires had been summoned twice this month, officials said.")).toContain('accusation.summoned-passive');
  });

  it('does not turn accented words into other words', () => {
    // "Bogotá" folds to "bogota": no rule is anchored there, and the meeting is still found once.
    expect(names('The Chilean president met his counterpart in Bogotá.')).toEqual(['meeting.met']);
    expect(names('Señor Ruiz praised the café owners of Médina.')).not.toContain('accusation.summoned-passive');
  });
});
