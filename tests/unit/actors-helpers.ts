/**
 * Test helpers for the actor resolver: build a small segmented document from sentences written
 * for the tests, and resolve every sentence as one candidate of a given type.
 */
import { createActorResolver, type ActorResolver } from '../../scripts/pipeline/actors.ts';
import type { ActorResolution, EventCandidate, EventType, SegmentedDocument, Sentence } from '../../scripts/pipeline/types.ts';

let shared: ActorResolver | undefined;
export function resolver(): ActorResolver {
  shared ??= createActorResolver();
  return shared;
}

export function makeDoc(sentences: string[], published = '2025-07-15'): SegmentedDocument {
  const header = ` date ${published} Test\n\n`;
  let text = header;
  const out: Sentence[] = [];
  sentences.forEach((s, i) => {
    const start = text.length;
    text += s;
    out.push({ index: i, paragraph: i, text: s, start, end: start + s.length, kind: 'body' });
    text += '\n\n';
  });
  return {
    doc: { id: 'test', path: 'test.txt', title: 'Test', published, text, bodyStart: header.length, warnings: [] },
    sentences: out,
  };
}

export function candidate(s: Sentence, type: EventType, clause?: { from: string; to?: string }): EventCandidate {
  let start = s.start;
  let end = s.end;
  if (clause) {
    const a = s.text.indexOf(clause.from);
    if (a < 0) throw new Error(`clause start not found: ${clause.from}`);
    start = s.start + a;
    if (clause.to) {
      const b = s.text.indexOf(clause.to, a);
      if (b < 0) throw new Error(`clause end not found: ${clause.to}`);
      end = s.start + b + clause.to.length;
    }
  }
  return { type, trigger: { start, end: start + 1, text: s.text[0] ?? '' }, clause: { start, end }, modality: 'asserted', confidence: 1, rule: 'test' };
}

/** Resolve every sentence of a document in order (as one candidate of `type` each). */
export function resolveAll(sentences: string[], type: EventType = 'statement', published = '2025-07-15'): ActorResolution[] {
  const seg = makeDoc(sentences, published);
  const doc = resolver().forDocument(seg);
  return seg.sentences.map((s) => doc.resolve(s, candidate(s, type)));
}

/** Resolve one sentence. */
export function one(sentence: string, type: EventType = 'statement', published = '2025-07-15'): ActorResolution {
  return resolveAll([sentence], type, published)[0]!;
}

/** Resolve each sentence of one document as a candidate of its own type, in order. */
export function resolveTyped(items: [string, EventType][], published = '2025-07-15', title = 'Test'): ActorResolution[] {
  const seg = makeDoc(items.map((x) => x[0]), published);
  seg.doc.title = title;
  const doc = resolver().forDocument(seg);
  return seg.sentences.map((s, i) => doc.resolve(s, candidate(s, items[i]![1])));
}

/** Resolve each sentence as a candidate of its type whose trigger is the given words (first occurrence). */
export function resolveTriggered(items: [string, EventType, string][], published = '2025-07-15', title = 'Test'): ActorResolution[] {
  const seg = makeDoc(items.map((x) => x[0]), published);
  seg.doc.title = title;
  const doc = resolver().forDocument(seg);
  return seg.sentences.map((s, i) => {
    const [, type, words] = items[i]!;
    const at = s.text.indexOf(words);
    if (at < 0) throw new Error(`trigger not found: ${words}`);
    const start = s.start + at;
    const c: EventCandidate = {
      type,
      trigger: { start, end: start + words.length, text: words },
      clause: { start: s.start, end: s.end },
      modality: 'asserted',
      confidence: 1,
      rule: 'test',
    };
    return doc.resolve(s, c);
  });
}

/** The rule ids of a resolution's trace. */
export function rules(r: ActorResolution): string[] {
  return (r.trace ?? []).map((t) => t.rule);
}
