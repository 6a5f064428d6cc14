/**
 * blind7 DIAGNOSIS (tj-af class): clashes told by a verb of happening.
 *   - military.clashes also reads "clashes erupted / broke out / took place between X and Y";
 *   - events.context.nounHappening: a military noun that is the subject of such a verb ("Armed clashes
 *     erupted between X and Y on <day>") takes its parties and day from its whole clause, not only from a
 *     few words around the noun; a strike noun in another clause's object keeps the narrow reading.
 * Sentences written for this test (published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { extractBody as extract, brief, rulesOf } from './find-events-helpers.ts';

describe('clashes told by a verb of happening', () => {
  it.each([
    ['Armed clashes erupted between Kyrgyz border guards and Tajik troops on July 12 along the disputed frontier, according to local sources.', 'military 2025-07-12 KGZ,TJK'],
    ['Clashes erupted on Sunday between Thai and Cambodian troops.', 'military 2025-07-13 KHM,THA'],
    ['Clashes broke out on July 12 between Afghan Taliban fighters and Tajik guards.', 'military 2025-07-12 AFG,TJK'],
  ])('%s', (body, expected) => {
    const events = extract(body);
    expect(events.map(brief)).toEqual([expected]);
  });

  it('the whole clause is read, and the trace says so', () => {
    const [e] = extract('Armed clashes erupted between Kyrgyz border guards and Tajik troops on July 12 along the disputed frontier.');
    expect(rulesOf(e!)).toContain('events.context.nounHappening');
  });
});
