/**
 * actors.quoted-speaker: an act told in the first person inside a quotation belongs to the speaker named in the
 * attribution. Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { candidate, makeDoc, resolver } from './actors-helpers.ts';
import type { EventType } from '../../scripts/pipeline/types.ts';

/** Resolve the last sentence with the candidate's clause starting at `from` (the trigger is its first letter). */
function at(sentences: string[], from: string, type: EventType) {
  const seg = makeDoc(sentences);
  const doc = resolver().forDocument(seg);
  let out;
  for (const s of seg.sentences) out = doc.resolve(s, s === seg.sentences[seg.sentences.length - 1] ? candidate(s, type, { from }) : candidate(s, type));
  return out!;
}

describe('first-person acts in a quotation (actors.quoted-speaker)', () => {
  it('adds the state of the speaker after the quotation and makes it the agent', () => {
    const r = at(['"We signed the fisheries accord with Senegal this morning," the Gambian trade minister said.'], 'signed the fisheries', 'agreement');
    expect(r.countries).toEqual(['GMB', 'SEN']);
    expect(r.agents).toEqual(['GMB']);
    expect(r.trace?.some((t) => t.rule === 'actors.quoted-speaker')).toBe(true);
  });

  it('takes the speaker before the quotation ("X said: ...")', () => {
    const r = at(['The Gambian trade minister told reporters: "I met my Senegalese counterpart in Dakar yesterday."'], 'met my', 'meeting');
    expect(r.countries).toEqual(['GMB', 'SEN']);
    expect(r.agents).toEqual(['GMB']);
  });

  it('leaves a quoted act of a third party alone', () => {
    const r = at(['"Senegal signed the accord with Mauritania," the Gambian trade minister said.'], 'signed the accord', 'agreement');
    expect(r.countries).not.toContain('GMB');
    expect(r.trace?.some((t) => t.rule === 'actors.quoted-speaker')).toBe(false);
  });

  it('needs a verb of saying in the attribution', () => {
    const r = at(['"We signed the fisheries accord with Senegal" was the headline of the Gambian paper.'], 'signed the fisheries', 'agreement');
    expect(r.trace?.some((t) => t.rule === 'actors.quoted-speaker')).toBe(false);
  });
});
