/**
 * Writes events.json one event at a time: the same bytes as `JSON.stringify(file, null, 2) + "\n"`,
 * without ever holding the whole text (195 MB for 20,000 articles) in memory.
 */
import { createWriteStream } from 'node:fs';
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
