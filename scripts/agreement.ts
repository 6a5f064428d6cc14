/**
 * Inter-annotator agreement: scores annotation B's required events, as if they were a system's output,
 * against annotation A (its required events only), on the articles both annotated.
 *   npm run eval:agreement -- <A.json> <B.json>
 * Prints the shared scorer's JSON line (strict and relaxed precision, recall, F1).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface GoldEvent { type: string; date: string; countries: string[]; required?: boolean }
interface GoldArticle { id: string; events: GoldEvent[] }

const [aPath, bPath] = process.argv.slice(2);
if (!aPath || !bPath) {
  process.stderr.write('usage: npm run eval:agreement -- <A.json> <B.json>\n');
  process.exit(2);
}
const read = (p: string): GoldArticle[] => (JSON.parse(readFileSync(p, 'utf8')) as { articles: GoldArticle[] }).articles;
const a = read(aPath);
const b = read(bPath);
const shared = new Set(b.map((x) => x.id).filter((id) => a.some((y) => y.id === id)));
const gold = { articles: a.filter((x) => shared.has(x.id)).map((x) => ({ ...x, events: x.events.filter((e) => e.required) })) };
const system = {
  events: b
    .filter((x) => shared.has(x.id))
    .flatMap((x) => x.events.filter((e) => e.required).map((e) => ({ type: e.type, date: e.date, countries: e.countries, sources: [{ document: x.id }] }))),
};
const dir = mkdtempSync(path.join(tmpdir(), 'agreement-'));
writeFileSync(path.join(dir, 'gold.json'), JSON.stringify(gold));
writeFileSync(path.join(dir, 'system.json'), JSON.stringify(system));
const scorer = path.resolve(import.meta.dirname, '../../shared/eval/score.mjs');
process.stdout.write(`${shared.size} articles annotated twice\n`);
process.stdout.write(execFileSync(process.execPath, [scorer, path.join(dir, 'gold.json'), path.join(dir, 'system.json')], { encoding: 'utf8' }));
