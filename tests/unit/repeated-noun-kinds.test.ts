/**
 * events.context.repeatedNoun with act kinds (events.actKinds): a bare act noun right after an act
 * of the same type is that act told again, unless the act just told is of another kind (a drill,
 * then a missile launch it answers). Sentences written for this test (published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import type { ExtractedEvent } from '../../scripts/pipeline/types.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const brief = (e: ExtractedEvent) => `${e.type} ${e.date} ${e.countries.join(',')}`;

describe('an act noun of another kind than the act just told is a new act', () => {
  it.each([
    [
      'Japan and the United States held a joint naval drill in the Sea of Japan on Wednesday. The drill follows North Korea\u2019s launch of a ballistic missile on Saturday.',
      ['military 2025-07-09 JPN,USA', 'military 2025-07-12 PRK'],
    ],
    [
      'South Korea and the United States held joint air exercises on Monday. The manoeuvres follow North Korea\u2019s launch of a cruise missile on Thursday.',
      ['military 2025-07-14 KOR,USA', 'military 2025-07-10 PRK'],
    ],
  ])('%s', (body, expected) => {
    const r = extract(body);
    expect(r.events.map(brief)).toEqual(expected);
    expect(r.events[1]!.trace!.some((s) => s.rule === 'events.context.repeatedNoun' && s.action.startsWith('kept'))).toBe(true);
  });

  it.each([
    'North Korea fired a ballistic missile into the sea on Saturday. The launch of the missile drew protests from Tokyo.',
    'Russian forces struck the city of Kharkiv on Monday. The attack on the city killed five people, officials said.',
    'The Israeli military struck targets in southern Lebanon on Sunday. The strikes on the villages drew condemnation from Beirut.',
  ])('keeps one act when the noun tells the same kind again: %s', (body) => {
    const r = extract(body);
    expect(r.events.filter((e) => e.type === 'military')).toHaveLength(1);
    expect((r.droppedTraces ?? []).some((t) => t[t.length - 1]!.rule === 'events.context.repeatedNoun')).toBe(true);
  });
});
