/**
 * A token trie: every gazetteer phrase is a path of normalised tokens, so a sentence is scanned
 * once, left to right, taking the longest phrase that starts at each token.
 */
import { caseMatches, caseShape, phraseKeys, tokenize, type CaseShape, type Token } from './text.ts';

export interface TrieEntry<P> {
  /** The phrase as written in the data, for case checks. */
  phrase: string;
  shapes: { shape: CaseShape; raw: string }[];
  payload: P;
}

interface Node<P> {
  next: Map<string, Node<P>>;
  entries?: TrieEntry<P>[];
}

export interface TrieMatch<P> {
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  /** Entries whose case constraints the text satisfies, in insertion order. */
  entries: P[];
}

export class TokenTrie<P> {
  private root: Node<P> = { next: new Map() };
  size = 0;

  /** `rank` orders entries that share a phrase: higher first. */
  constructor(private readonly rank: (p: P) => number = () => 0) {}

  /** Add a phrase; an empty phrase is ignored. */
  add(phrase: string, payload: P): void {
    const toks = tokenize(phrase);
    if (toks.length === 0) return;
    let node = this.root;
    for (const t of toks) {
      let child = node.next.get(t.norm);
      if (!child) {
        child = { next: new Map() };
        node.next.set(t.norm, child);
      }
      node = child;
    }
    const entry: TrieEntry<P> = { phrase, shapes: toks.map((t) => ({ shape: caseShape(t.raw), raw: t.raw })), payload };
    const list = (node.entries ??= []);
    const r = this.rank(payload);
    let at = list.length;
    while (at > 0 && this.rank(list[at - 1]!.payload) < r) at--;
    list.splice(at, 0, entry);
    this.size++;
  }

  /** Does any phrase consist of exactly these keys? */
  has(phrase: string): boolean {
    let node: Node<P> | undefined = this.root;
    for (const k of phraseKeys(phrase)) {
      node = node.next.get(k);
      if (!node) return false;
    }
    return !!node.entries?.length;
  }

  /** Longest match starting at token `i`, or undefined. */
  matchAt(tokens: Token[], i: number, accept?: (p: P) => boolean): TrieMatch<P> | undefined {
    let node: Node<P> | undefined = this.root;
    let best: TrieMatch<P> | undefined;
    for (let j = i; j < tokens.length; j++) {
      node = node.next.get((tokens[j] as Token).norm);
      if (!node) break;
      if (node.entries) {
        const ok: P[] = [];
        for (const e of node.entries) {
          if (accept && !accept(e.payload)) continue;
          let fits = true;
          for (let k = 0; k < e.shapes.length; k++) {
            const s = e.shapes[k]!;
            if (!caseMatches(s.shape, s.raw, tokens[i + k] as Token)) {
              fits = false;
              break;
            }
          }
          if (fits) ok.push(e.payload);
        }
        if (ok.length) best = { first: i, last: j, entries: ok };
      }
    }
    return best;
  }

  /** Non-overlapping longest matches, left to right. */
  scan(tokens: Token[], accept?: (p: P) => boolean): TrieMatch<P>[] {
    const out: TrieMatch<P>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.matchAt(tokens, i, accept);
      if (m) {
        out.push(m);
        i = m.last + 1;
      } else i++;
    }
    return out;
  }
}
