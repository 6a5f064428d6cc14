/**
 * blind7 DIAGNOSIS class D (events.context.speechDayBefore): speech told right after a meeting, visit,
 * agreement or sanction is read as part of it (events.context.speechContainers) unless it has a day
 * of its own. The day may also stand between the speaker and the verb ("the foreign minister on Monday
 * called for ..."): such a statement is kept as its own act. Without a day it is still part of the act
 * just told. Sentences written for this test (published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { rulesOf, segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });

describe('a statement with its day before the verb, after a sanction', () => {
  it('is kept, on its own day', () => {
    const events = extract("Spain recalled its ambassador to Venezuela on Tuesday. Venezuela's foreign minister on Monday called for new elections in Spain.").events;
    const said = events.find((e) => e.type === 'statement');
    expect(said?.date).toBe('2025-07-14');
    expect(said?.countries).toContain('VEN');
    expect(rulesOf(said!)).toContain('events.context.speechDayBefore');
  });

  it('without a day it is still part of the act just told', () => {
    const out = extract("Spain recalled its ambassador to Venezuela on Tuesday. Venezuela's foreign minister called for new elections in Spain.");
    expect(out.events.map((e) => e.type)).toEqual(['sanction']);
    expect(out.droppedTraces!.some((t) => t.at(-1)?.rule === 'events.context.speechContainers')).toBe(true);
  });
});
