/**
 * Lists what extraction dropped in the documents of a directory (or one file): every dropped
 * candidate with the rule id that dropped it and the trigger rule that made it, and with --silent
 * every body sentence that gave no candidate at all. --only id,id keeps those documents (ids or id
 * prefixes); --tally prints only the counts by dropping rule.
 * Usage: npx tsx scripts/explain-dropped.ts <dir-or-file> [--only id,id] [--silent] [--tally]
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dropRows, formatDropRows, tallyDropRules, type DropRow } from './eval/dropped.ts';
import { exitQuietlyOnClosedPipe } from './eval/closed-pipe.ts';
import { createActorResolver } from './pipeline/actors.ts';
import { readRawDocument } from './pipeline/load.ts';
import { parseDocument } from './pipeline/parse-document.ts';
import { segment } from './pipeline/segment.ts';

exitQuietlyOnClosedPipe();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { only: { type: 'string' }, silent: { type: 'boolean', default: false }, tally: { type: 'boolean', default: false } },
});
const target = positionals[0];
if (!target) {
  console.error('usage: explain-dropped.ts <dir-or-file> [--only id,id] [--silent] [--tally]');
  process.exit(2);
}
const only = values.only ? values.only.split(',').filter(Boolean) : undefined;
const isDir = statSync(target).isDirectory();
const dir = isDir ? target : path.dirname(target);
const files = isDir ? readdirSync(target).filter((f) => !f.startsWith('.')).sort() : [path.basename(target)];
const actors = createActorResolver();
const all: DropRow[] = [];
for (const rel of files) {
  const raw = await readRawDocument(dir, rel);
  const parsed = parseDocument(raw);
  if (!parsed.ok) continue;
  if (only && !only.some((p) => parsed.doc.id.startsWith(p))) continue;
  const rows = dropRows(segment(parsed.doc), actors, { silent: values.silent });
  all.push(...rows);
  if (!values.tally) for (const line of formatDropRows(parsed.doc.id, rows)) console.log(line);
}
if (values.tally) for (const [rule, n] of tallyDropRules(all)) console.log(`${String(n).padStart(5)}  ${rule}`);
