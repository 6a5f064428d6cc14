/**
 * Property tests on the whole extractor (parse -> segment -> find events -> dates -> actors ->
 * assemble -> merge): for generated documents mixing diplomatic sentences, hostile markup and
 * arbitrary Unicode (lone surrogates, odd line breaks included):
 *  - no stage throws;
 *  - every event's source offsets cut its sentence out of the document's text exactly;
 *  - every date (and deadline) is a real calendar day;
 *  - every country code (event and actor) is a real ISO 3166-1 alpha-3 code (world-countries cca3);
 *  - the events file validates against the shared schema.
 */
import { neutralizeText } from '../../src/lib/sanitize.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import countries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { EventsFileSchema } from '../../src/lib/schema.ts';
import { createActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { documentId } from '../../scripts/pipeline/load.ts';
import { mergeEvents } from '../../scripts/pipeline/merge.ts';
import { parseDocument } from '../../scripts/pipeline/parse-document.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import type { ExtractedEvent, RawDocument } from '../../scripts/pipeline/types.ts';
import { isIsoDay as isRealDay } from '../../src/lib/days.ts';

const CCA3: ReadonlySet<string> = new Set(countries.map((c) => c.cca3));


// ---------------------------------------------------------------- generators

const sample = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const someCountries = countries.filter((_, i) => i % 7 === 0);
const countryName = fc.oneof(
  sample(['China', 'Russia', 'the United States', 'Iran', 'Israel', 'Ukraine', 'India', 'Pakistan', 'Japan', 'Brazil', 'the U.S.', 'U.K.']),
  sample(someCountries.map((c) => c.name.common)),
);
const demonym = sample(['Chinese', 'Russian', 'American', 'Iranian', 'Israeli', 'Ukrainian', 'French', 'German', 'Turkish', 'Qatari']);
const capital = fc.oneof(sample(['Beijing', 'Moscow', 'Washington', 'Tehran', 'Kyiv', 'Paris', 'Doha', 'Ankara']), sample(someCountries.flatMap((c) => c.capital.slice(0, 1))));
const person = sample(['Xi Jinping', 'Sergei Lavrov', 'Wang Yi', 'Donald Trump', 'Emmanuel Macron', 'Volodymyr Zelensky', 'Recep Tayyip Erdogan', 'Narendra Modi', 'Lavrov', 'Putin']);
const role = sample(['President', 'Foreign Minister', 'Prime Minister', 'Defence Minister', 'spokesperson', 'top diplomat']);
const when = fc.oneof(
  sample(['on Monday', 'on Tuesday', 'on Sunday', 'yesterday', 'last week', 'earlier this month', 'next week', 'later this year', 'on July 13', 'on 13 July', 'in March', 'hours after the talks', 'within 50 days', 'on Feb. 30', 'on 2025-02-30', 'on July 32', '']),
  fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => `on ${d.toUTCString().slice(5, 16)}`),
);
const verb = sample(['met', 'held talks with', 'visited', 'arrived in', 'said', 'warned', 'threatened to impose tariffs on', 'imposed sanctions on', 'signed an agreement with', 'condemned', 'accused', 'launched strikes on', 'spoke by phone with', 'will meet', 'did not meet', 'plans to visit']);
const hostile = sample([
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  '</title>',
  "'; DROP TABLE events; --",
  '\u202Eevil\u202C',
  '\u0000\u0001\u0008',
]);
const noise = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  sample(['...', 'U.S.', 'Mr.', 'e.g.', '"', '“', '”', '(', ')', '—', ' - ', ';', '\u00a0', '\u2028', '\u0085', 'No.', '10.5', '1,000']),
);
const sentence = fc
  .tuple(
    fc.oneof(fc.tuple(demonym, role, person).map((p) => p.join(' ')), countryName, capital, person),
    verb,
    fc.oneof(countryName, fc.tuple(demonym, role, person).map((p) => p.join(' ')), capital),
    fc.option(fc.tuple(sample(['in', 'at']), capital).map((p) => p.join(' ')), { nil: '' }),
    when,
    fc.option(fc.oneof(hostile, noise), { nil: '' }),
    sample(['.', '.', '!', '?', '', ' state media said.', ', the ministry said.', '."']),
  )
  .map((parts) => parts.filter((p) => p !== '').join(' '));
const paragraph = fc.array(fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 1, arbitrary: noise }, { weight: 1, arbitrary: hostile }), { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));
const lineBreak = sample(['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\u2028', '\n   \n']);
const body = fc.array(fc.tuple(paragraph, lineBreak), { maxLength: 8 }).map((ps) => ps.map(([p, br]) => p + br).join(''));
const published = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const title = fc.oneof(fc.string({ maxLength: 40 }), hostile, sentence);
const document = fc
  .tuple(published, title, body, fc.constantFrom('txt', 'md'), sample(['', 'BEIJING\n\n', 'MOSCOW, July 13 (Reuters) - ', 'WASHINGTON —', 'Photo: Reuters\n\n']), fc.boolean())
  .map(([pub, t, b, ext, dateline, bom]) => {
    const head = ext === 'md' ? `---\ntitle: ${JSON.stringify(t)}\ndate: ${pub}\n---\n\n` : ` date ${pub} ${t.replace(/[\r\n\u2028\u0085]/g, ' ')}\n\n`;
    return { ext, text: (bom ? '\uFEFF' : '') + head + dateline + b };
  });
const corpus = fc.array(document, { minLength: 1, maxLength: 3 }).map((docs) =>
  docs.map((d, i): RawDocument => {
    const p = `gen/${String(i).padStart(3, '0')}_doc.${d.ext}`;
    return { id: documentId(p), path: p, text: d.text, warnings: [] };
  }),
);

// ---------------------------------------------------------------- properties

const actors = createActorResolver();
/** More runs for a deeper local hunt: FC_RUNS=5000 npx vitest run --project unit tests/unit/properties.test.ts */
const RUNS = Number(process.env.FC_RUNS) || 150;

function checkExtracted(ev: ExtractedEvent, text: string): void {
  const { start, end, sentence: s, trigger } = ev.source;
  expect(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length).toBe(true);
  expect(text.slice(start, end)).toBe(s);
  expect(0 <= trigger.start && trigger.start <= trigger.end && trigger.end <= s.length).toBe(true);
  expect(isRealDay(ev.date)).toBe(true);
  if (ev.deadline !== undefined) expect(isRealDay(ev.deadline)).toBe(true);
  for (const c of ev.countries) expect(CCA3.has(c), `unknown country code ${c}`).toBe(true);
  for (const a of ev.actors) if (a.country !== undefined) expect(CCA3.has(a.country), `unknown actor country ${a.country}`).toBe(true);
}

describe('extractor properties', () => {
  it('no stage throws, offsets cut sentences exactly, dates are real days, countries are ISO alpha-3', () => {
    let extracted = 0;
    let merged = 0;
    fc.assert(
      fc.property(corpus, (raws) => {
        const byId = new Map<string, string>();
        const all: ExtractedEvent[] = [];
        for (const raw of raws) {
          const parsed = parseDocument(raw);
          if (!parsed.ok) continue;
          byId.set(parsed.doc.id, parsed.doc.text);
          const seg = segment(parsed.doc);
          for (const s of seg.sentences) expect(parsed.doc.text.slice(s.start, s.end)).toBe(s.text);
          const { events } = extractDocument(seg, actors);
          for (const ev of events) checkExtracted(ev, parsed.doc.text);
          all.push(...events);
        }
        extracted += all.length;
        const mergedEvents = mergeEvents(all);
        merged += mergedEvents.length;
        for (const ev of mergedEvents) {
          expect(isRealDay(ev.date)).toBe(true);
          for (const c of ev.countries) expect(CCA3.has(c), `unknown country code ${c}`).toBe(true);
          for (const src of ev.sources) {
            const text = byId.get(src.document);
            expect(text, `source names unknown document ${src.document}`).toBeDefined();
            expect(text!.slice(src.start, src.end)).toBe(src.sentence);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The properties must not hold vacuously: the generated documents do yield events.
    console.log(`property run: ${extracted} events extracted, ${merged} after merging`);
    expect(extracted).toBeGreaterThan(50);
    expect(merged).toBeGreaterThan(0);
  }, 120_000);

  it('the whole pipeline never throws, reports no stage failure and writes a schema-valid file', () => {
    fc.assert(
      fc.property(corpus, (raws) => {
        const { file, report } = runPipeline(raws);
        expect(EventsFileSchema.safeParse(file).success).toBe(true);
        expect(file.documents.map((d) => d.path)).toEqual(raws.map((r) => r.path));
        expect(JSON.stringify(report)).not.toMatch(/extraction failed/);
        // Offsets point into the file; bidi and invisible controls read as spaces (src/lib/sanitize.ts).
        const texts = new Map(raws.map((r) => [r.id, neutralizeText(r.text ?? '')]));
        for (const ev of file.events) {
          for (const c of ev.countries) expect(CCA3.has(c)).toBe(true);
          for (const src of ev.sources) expect(texts.get(src.document)!.slice(src.start, src.end)).toBe(src.sentence);
        }
      }),
      { numRuns: Math.ceil(RUNS / 2.5) },
    );
  }, 120_000);

  it('keeps its invariants on randomly damaged real articles (the seeds, mutated)', () => {
    const seedDir = path.resolve(import.meta.dirname, '../../seeds');
    const seeds = readdirSync(seedDir)
      .filter((n) => /\.(txt|md)$/.test(n))
      .sort()
      .map((n) => readFileSync(path.join(seedDir, n), 'utf8'));
    expect(seeds.length).toBeGreaterThan(0);
    type Edit = { at: number; kind: 'insert' | 'delete' | 'duplicate' | 'upper' | 'crlf'; len: number; text: string };
    const edit: fc.Arbitrary<Edit> = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x),
      kind: fc.constantFrom('insert' as const, 'delete' as const, 'duplicate' as const, 'upper' as const, 'crlf' as const),
      len: fc.integer({ min: 1, max: 400 }),
      text: fc.oneof(hostile, noise, sentence, lineBreak),
    }) as unknown as fc.Arbitrary<Edit>;
    const apply = (text: string, edits: Edit[]): string => {
      let t = text;
      for (const e of edits) {
        // Never touch the header line: the document must stay dated so the extractor runs.
        const head = t.indexOf('\n') + 1;
        const at = head + Math.floor(e.at * (t.length - head));
        const end = Math.min(t.length, at + e.len);
        if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
        else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(end);
        else if (e.kind === 'duplicate') t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
        else if (e.kind === 'upper') t = t.slice(0, at) + t.slice(at, end).toUpperCase() + t.slice(end);
        else t = t.slice(0, at) + t.slice(at, end).replace(/\n/g, '\r\n') + t.slice(end);
      }
      return t;
    };
    let events = 0;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (i, edits) => {
        const written = apply(seeds[i]!, edits);
        const parsed = parseDocument({ id: 'mutant', path: 'mutant.txt', text: written, warnings: [] });
        // Offsets point into the file; bidi and invisible controls read as spaces (src/lib/sanitize.ts).
        const text = neutralizeText(written);
        if (!parsed.ok) return;
        const seg = segment(parsed.doc);
        for (const s of seg.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
        const out = extractDocument(seg, actors).events;
        for (const ev of out) checkExtracted(ev, text);
        events += out.length;
        const { file, report } = runPipeline([{ id: 'mutant', path: 'mutant.txt', text, warnings: [] }]);
        expect(EventsFileSchema.safeParse(file).success).toBe(true);
        expect(JSON.stringify(report)).not.toMatch(/extraction failed/);
      }),
      { numRuns: Math.ceil(RUNS / 1.5) },
    );
    expect(events).toBeGreaterThan(0);
  }, 180_000);

  it('survives pathological single texts', () => {
    const nasty = [
      ' date 2025-07-15 T\n' + '.'.repeat(5000),
      ' date 2025-07-15 T\n' + 'Xi met Putin '.repeat(2000),
      ' date 2025-07-15 T\n' + '\u2028'.repeat(1000),
      ' date 2025-07-15 T\n' + '\ud800'.repeat(100) + ' China met Russia on Monday.',
      ' date 2025-07-15 T\n' + '"'.repeat(3000),
      ' date 2025-07-15 T\n' + 'a'.repeat(100_000),
      ' date 2025-07-15 T\n' + 'U.S. '.repeat(3000),
      ' date 2025-07-15 T\n' + '('.repeat(2000) + 'China met Russia' + ')'.repeat(2000),
      ' date 1900-01-01 T\nChina and Russia signed an agreement yesterday.',
      ' date 2100-12-31 T\nChina and Russia signed an agreement tomorrow and next year on December 31.',
    ];
    for (const [i, text] of nasty.entries()) {
      const raw: RawDocument = { id: `nasty${i}`, path: `nasty${i}.txt`, text, warnings: [] };
      const parsed = parseDocument(raw);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const { events } = extractDocument(segment(parsed.doc), actors);
      for (const ev of events) checkExtracted(ev, text);
    }
  }, 120_000);
});
