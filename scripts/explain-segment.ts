/**
 * Prints how segmentation classified each sentence of the documents of a directory (or of one
 * file): kind, the page-structure rule that decided it when there is one, and the text.
 * Usage: npx tsx scripts/explain-segment.ts <dir-or-file> [--kind caption|boilerplate|heading|dateline|body|nonbody]
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { exitQuietlyOnClosedPipe } from './eval/closed-pipe.ts';
import { readRawDocument } from './pipeline/load.ts';
import { parseDocument } from './pipeline/parse-document.ts';
import { segment } from './pipeline/segment.ts';

exitQuietlyOnClosedPipe();

const args = process.argv.slice(2);
const target = args[0];
const kindAt = args.indexOf('--kind');
const wanted = kindAt >= 0 ? args[kindAt + 1] : undefined;
if (!target) {
  console.error('usage: explain-segment.ts <dir-or-file> [--kind K|nonbody]');
  process.exit(2);
}
const isDir = statSync(target).isDirectory();
const dir = isDir ? target : path.dirname(target);
const files = isDir ? readdirSync(target).filter((f) => !f.startsWith('.')).sort() : [path.basename(target)];
for (const rel of files) {
  const raw = await readRawDocument(dir, rel);
  const parsed = parseDocument(raw);
  if (!parsed.ok) continue;
  const seg = segment(parsed.doc);
  for (const s of seg.sentences) {
    if (wanted === 'nonbody' ? s.kind === 'body' : wanted && s.kind !== wanted) continue;
    const rule = s.rule ? ` ${s.rule}` : '';
    console.log(`${rel}\t${s.paragraph}\t${s.kind}${rule}\t${s.text.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
}
