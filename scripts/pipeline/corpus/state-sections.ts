/**
 * The build state's sections (build-state.ts): lists of records, one record a line, so that a build
 * parses a whole list at once (`JSON.parse`), parses one record of it when that is all it needs
 * (BlockLines), and writes the next state's list by copying the runs of records that did not change
 * as bytes (LinesWriter) instead of serializing every record again.
 *
 * A section's text is a JSON array laid out one element a line: "[" R0 ",\n" R1 ",\n" ... Rn-1 "]"
 * ("[]" when empty). JSON.stringify never puts a raw line break inside a value, so every line
 * break of the text ends a record.
 */

/**
 * Where each record of a section's text lies: [start, end) of record k at 2k, 2k + 1; undefined when
 * the text is not laid out one record a line or does not hold `n` records.
 */
export function recordLines(text: Buffer, n: number): Uint32Array | undefined {
  const at = new Uint32Array(2 * n);
  if (text.length < 2 || text[0] !== 0x5b || text[text.length - 1] !== 0x5d) return undefined;
  if (n === 0) return text.length === 2 ? at : undefined;
  let start = 1;
  for (let k = 0; k < n - 1; k++) {
    const nl = text.indexOf(10, start);
    if (nl < 0 || text[nl - 1] !== 0x2c) return undefined;
    at[2 * k] = start;
    at[2 * k + 1] = nl - 1;
    start = nl + 1;
  }
  if (text.indexOf(10, start) >= 0 || text.length - 1 <= start) return undefined;
  at[2 * n - 2] = start;
  at[2 * n - 1] = text.length - 1;
  return at;
}

/**
 * Builds a section's text: records written anew (`add`) and records copied from the previous
 * section's text (`copy`, by their position there), consecutive old records in one piece.
 */
export class LinesWriter {
  private readonly parts: Buffer[] = [Buffer.from('[')];
  private count = 0;
  private runFrom = -1;
  private runTo = -1;
  private size = 1;
  private static readonly SEP = Buffer.from(',\n');

  /** `old`: the previous text and its records' places (recordLines); copy() needs them. */
  constructor(
    private readonly old?: Buffer,
    private readonly lines?: Uint32Array,
  ) {}

  /** Appends record `k` of the previous text. */
  copy(k: number): void {
    if (this.runFrom >= 0 && k === this.runTo + 1) {
      this.runTo = k;
      return;
    }
    this.endRun();
    if (this.count > 0) this.push(LinesWriter.SEP);
    this.count++;
    this.runFrom = this.runTo = k;
  }

  /** Appends a record (its JSON text, on one line). */
  add(text: string | Buffer): void {
    this.endRun();
    if (this.count > 0) this.push(LinesWriter.SEP);
    this.count++;
    this.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  }

  /** The records written so far. */
  get length(): number {
    let n = this.count;
    if (this.runFrom >= 0) n += this.runTo - this.runFrom;
    return n;
  }

  /** The section's text, as pieces to write one after another, and its length in bytes. */
  finish(): { parts: Buffer[]; bytes: number; count: number } {
    this.endRun();
    this.push(Buffer.from(']'));
    return { parts: this.parts, bytes: this.size, count: this.count };
  }

  private push(b: Buffer): void {
    this.parts.push(b);
    this.size += b.length;
  }

  private endRun(): void {
    if (this.runFrom < 0) return;
    if (this.old === undefined || this.lines === undefined) throw new Error('build state: no previous text to copy from');
    this.push(this.old.subarray(this.lines[2 * this.runFrom]!, this.lines[2 * this.runTo + 1]!));
    this.count += this.runTo - this.runFrom;
    this.runFrom = -1;
  }
}

/**
 * The blocks of the state (their reports as [document number, report position]), one block a line as
 * `[id,[[d,j],...]]`, parsed one block at a time when a build asks for it: a rebuild needs the
 * reports of the few blocks it clusters again, not those of 150,000 blocks. What incrementalFinish
 * asks of a Map: has, get, size.
 */
export class BlockLines {
  private readonly line = new Map<number, number>();
  private readonly parsed = new Map<number, [number, number][]>();
  readonly lines: Uint32Array;

  /** Throws when `text` does not hold `n` blocks one a line. */
  constructor(
    readonly text: Buffer = Buffer.from('[]'),
    n = 0,
  ) {
    const lines = recordLines(text, n);
    if (lines === undefined) throw new Error('build state: the blocks are not one a line');
    this.lines = lines;
    for (let k = 0; k < n; k++) {
      // "[" then the id's digits then ","
      let p = lines[2 * k]! + 1;
      let id = 0;
      let c = text[p]!;
      if (c < 0x30 || c > 0x39) throw new Error('build state: a block without id');
      for (; c >= 0x30 && c <= 0x39; c = text[++p]!) id = id * 10 + (c - 0x30);
      if (c !== 0x2c || this.line.has(id)) throw new Error('build state: a block without id');
      this.line.set(id, k);
    }
  }

  get size(): number {
    return this.line.size;
  }

  has(b: number): boolean {
    return this.line.has(b);
  }

  /** Block `b`'s reports (parsed once). */
  get(b: number): [number, number][] | undefined {
    let refs = this.parsed.get(b);
    if (refs === undefined) {
      const k = this.line.get(b);
      if (k === undefined) return undefined;
      const rec = JSON.parse(this.text.toString('latin1', this.lines[2 * k]!, this.lines[2 * k + 1]!)) as [number, [number, number][]];
      refs = rec[1];
      this.parsed.set(b, refs);
    }
    return refs;
  }

  /** Each block's id and its line, in the order of the text. */
  entries(): IterableIterator<[number, number]> {
    return this.line.entries();
  }
}
