/**
 * Issue 9 (round 4): meetings told without a meeting verb. The talks are told through what the two
 * parties did in them (meeting.sides-discussed) or through a joint appearance (meeting.alongside);
 * such a report is an act of its own only when the document has told no meeting before
 * (events.retelling.part-of-told). Sentences are written for the test (published Tuesday 2025-07-15).
 */
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { findTriggers } from '../../scripts/pipeline/events/triggers.ts';
import { segOf } from './find-events-helpers.ts';

const actors = createActorResolver();
const extract = (body: string) => extractDocument(segOf(body), actors, { trace: true });
const rulesOf = (text: string) => findTriggers(text).map((t) => t.rule.name);

describe('meeting.sides-discussed: the two parties doing something together is their talks', () => {
  it.each([
    'The two sides discussed border security and the reopening of a rail link.',
    'Both leaders also reviewed progress on the joint hydropower project.',
    'In particular, the sides "discussed cooperation against drug trafficking".',
    'The delegations exchanged views on grain transit through the port.',
    'The two foreign ministers talked about the ceasefire line.',
  ])('%s', (text) => {
    expect(rulesOf(text)).toContain('meeting.sides-discussed');
  });

  it('leaves the subject outside the trigger, for the retelling pass to read it', () => {
    const t = findTriggers('The two sides discussed border security.').find((m) => m.rule.name === 'meeting.sides-discussed');
    expect(t?.text).toBe('discussed');
  });

  it.each([
    'The ministry discussed the budget with lawmakers.',
    'One of the parties reviewed the draft on its own.',
    'The two sides will discuss fishing quotas next month.',
    'Analysts said the sides disagreed on the tariff schedule.',
    'The two ministers discussed holding a summit in the autumn.',
  ])('needs both parties as the subject and an act already done: %s', (text) => {
    expect(rulesOf(text)).not.toContain('meeting.sides-discussed');
  });
});

describe('meeting.alongside: a joint appearance with a named counterpart is a meeting', () => {
  it.each([
    'The accord is a milestone, the prime minister said, standing alongside President Jana Novak of Slovenia.',
    'He spoke beside his Croatian counterpart at the harbour on Monday.',
    'The minister told a joint press conference with Kenyan Foreign Minister Musalia Mudavadi that the deal was ready.',
  ])('%s', (text) => {
    expect(rulesOf(text)).toContain('meeting.alongside');
  });

  it.each([
    'Troops were standing alongside the armoured vehicles at the border.',
    'She held a joint press conference after the vote.',
  ])('not an object or a conference without a counterpart: %s', (text) => {
    expect(rulesOf(text)).not.toContain('meeting.alongside');
  });
});

describe('events.retelling.part-of-told: what the parties did in a meeting already told is no second meeting', () => {
  it('keeps the talks as the meeting when nothing was told before', () => {
    const out = extract(
      'Kazakhstan and Uzbekistan signed a water-sharing treaty in Tashkent on Monday.\n\nThe two sides discussed joint flood control and new border crossings.',
    );
    const meetings = out.events.filter((e) => e.type === 'meeting');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.countries).toEqual(['KAZ', 'UZB']);
  });

  it('drops it, with the rule in the dropped traces, after a call told with a day of its own', () => {
    const out = extract(
      'Egypt and Ethiopia spoke by phone on Sunday about the dam.\n\nIn a ministry statement on Monday, the two ministers discussed a visit by experts to the dam site.',
    );
    expect(out.events.filter((e) => e.type === 'meeting')).toHaveLength(1);
    expect(out.droppedTraces!.some((t) => t.some((s) => s.rule === 'events.retelling.part-of-told'))).toBe(true);
  });
});

describe('DIPLOMATIC_STAFF: a high commissioner is the envoy between Commonwealth states', () => {
  it('reads recalling or expelling a high commissioner as a sanction', () => {
    expect(rulesOf('Wellington recalled its high commissioner from Suva on Friday.')).toContain('sanction.recalled-envoy');
    expect(rulesOf('The government expelled the acting high commissioner and two aides.')).toContain('sanction.expelled');
  });

  it('does not read a recalled letter as a sanction', () => {
    expect(rulesOf('The high commissioner recalled a letter he had sent in May.')).not.toContain('sanction.recalled-envoy');
  });
});

describe('events.context.quoteOpensOnVerb: the writer quotes only the wording of an encounter', () => {
  const kept = (body: string) => extract(body).events.filter((e) => e.type === 'meeting');

  it('keeps talks whose verb opens a partial quotation after the subject', () => {
    const events = kept('Armenia and Georgia signed a transit accord in Tbilisi on Monday.\n\nThe sides "discussed the reopening of the old rail line" as well.');
    expect(events).toHaveLength(1);
    expect(events[0]!.trace!.some((s) => s.rule === 'events.context.quoteOpensOnVerb')).toBe(true);
  });

  it('keeps a quoted verb after its subject, but not the same words quoted after a speech verb', () => {
    const rule = (body: string) => extract(body).events.flatMap((e) => e.trace ?? []).some((s) => s.rule === 'events.context.quoteOpensOnVerb');
    expect(rule('Armenia "held talks with Georgia on rail links and grain" on Monday.')).toBe(true);
    expect(rule('The envoy said "held talks with Georgia on rail links and grain" on Monday.')).toBe(false);
  });
});
