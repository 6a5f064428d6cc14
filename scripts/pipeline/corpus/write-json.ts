/**
 * Writes events.json one event at a time: the same bytes as `JSON.stringify(file, null, 2) + "\n"`,
 * without ever holding the whole text (195 MB for 20,000 articles) in memory.
 */
import { createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import type { EventsFile } from '../../../src/lib/schema.ts';

/** The text of `value` as the element of an array nested `depth` levels deep, pretty-printed by 2. */
export function nested(value: unknown, depth: number): string {
  const pad = ' '.repeat(2 * depth);
  return pad + JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/** Yields the pretty-printed file in pieces; joined, they equal JSON.stringify(file, null, 2) + "\n". */
export function* eventsFileChunks(file: EventsFile): Generator<string> {
  yield '{';
  let first = true;
  for (const [key, value] of Object.entries(file)) {
    if (value === undefined) continue;
    const sep = first ? '' : ',';
    first = false;
    if (Array.isArray(value) && value.length > 0) {
      yield `${sep}\n  ${JSON.stringify(key)}: [`;
      for (let i = 0; i < value.length; i++) yield `${i === 0 ? '' : ','}\n${nested(value[i], 2)}`;
      yield '\n  ]';
    } else {
      yield `${sep}\n  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
    }
  }
  yield '\n}\n';
}

export async function writeEventsFile(path: string, file: EventsFile): Promise<void> {
  const out = createWriteStream(path);
  const failed = once(out, 'error').then(([err]) => {
    throw err;
  });
  const write = async () => {
    let buffer = '';
    for (const chunk of eventsFileChunks(file)) {
      buffer += chunk;
      if (buffer.length >= 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    out.end(buffer);
    await once(out, 'finish');
  };
  await Promise.race([write(), failed]);
}

/**
 * A file written through one buffer, reused: small pieces are copied into it, long runs of another
 * file are read straight into it (`fill`), and it goes to disk whenever it is full. Writing 200 MB
 * of events this way allocates nothing per piece (a stream of fresh buffers made the garbage
 * collector run several full collections of a heap of 800 MB while writing).
 */
export class BufferedFile {
  private readonly buf: Buffer;
  private used = 0;
  /** Bytes written to the file so far (not counting the buffer). */
  private written = 0;

  private constructor(
    private readonly fh: FileHandle,
    size: number,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Opens `path` for writing (truncated, or created). */
  static async create(path: string, size = 1 << 23): Promise<BufferedFile> {
    return new BufferedFile(await open(path, 'w'), size);
  }

  /** Bytes of the file so far (written and buffered). */
  get length(): number {
    return this.written + this.used;
  }

  private async flush(): Promise<void> {
    for (let at = 0; at < this.used; ) {
      const { bytesWritten } = await this.fh.write(this.buf, at, this.used - at, this.written + at);
      at += bytesWritten;
    }
    this.written += this.used;
    this.used = 0;
  }

  async text(s: string): Promise<void> {
    // (A string takes at most 3 bytes a UTF-16 unit.)
    if (s.length * 3 > this.buf.length - this.used) {
      await this.flush();
      if (s.length * 3 > this.buf.length) return this.bytes(Buffer.from(s, 'utf8'));
    }
    this.used += this.buf.write(s, this.used, 'utf8');
  }

  async bytes(b: Buffer): Promise<void> {
    if (b.length > this.buf.length - this.used) {
      await this.flush();
      if (b.length > this.buf.length) {
        for (let at = 0; at < b.length; ) {
          const { bytesWritten } = await this.fh.write(b, at, b.length - at, this.written + at);
          at += bytesWritten;
        }
        this.written += b.length;
        return;
      }
    }
    this.used += b.copy(this.buf, this.used);
  }

  /** `n` bytes that `read` puts at `at` of `target` (the buffer itself when they fit in it). */
  async fill(n: number, read: (target: Buffer, at: number) => Promise<void>): Promise<void> {
    if (n > this.buf.length - this.used) await this.flush();
    if (n > this.buf.length) {
      const b = Buffer.allocUnsafe(n);
      await read(b, 0);
      return this.bytes(b);
    }
    await read(this.buf, this.used);
    this.used += n;
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.fh.close();
    }
  }
}
