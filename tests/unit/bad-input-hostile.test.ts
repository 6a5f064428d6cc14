/**
 * Hostile input (issue 12), one case per defect, every input generated here: no hang on a
 * pasted page, no lost document, no broken build, nothing invisible or reordering on display.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCuration } from '../../scripts/pipeline/curate.ts';
import { splitParagraphs } from '../../scripts/pipeline/events/paragraphs.ts';
import { readCorpus } from '../../scripts/pipeline/load.ts';
import { parseDocument } from '../../scripts/pipeline/parse-document.ts';
import { buildReport, MAX_EVENTS_PER_DOCUMENT } from '../../scripts/pipeline/report.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import type { ParsedDocument, RawDocument, SourceDocument } from '../../scripts/pipeline/types.ts';
import { validateEvents } from '../../scripts/pipeline/validate.ts';
import { EventsFileSchema, type TimelineEvent } from '../../src/lib/schema.ts';

const UNSAFE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]/;
const MEETING = 'Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing on Monday, the ministry said.';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'hostile-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let n = 0;
async function corpus(files: Record<string, string | Buffer>, raw: Array<[Buffer, string]> = []): Promise<string> {
  const dir = path.join(tmp, `c${n++}`);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  for (const [name, text] of raw) await writeFile(Buffer.concat([Buffer.from(`${dir}/`), name]), text);
  return dir;
}

function raw(text: string, p = 'doc.md'): RawDocument {
  return { id: p.replace(/\.\w+$/, ''), path: p, text, warnings: [] };
}
function ok(parsed: ParsedDocument): SourceDocument {
  if (!parsed.ok) throw new Error(`expected ok, got skipped: ${parsed.skipped.reason}`);
  return parsed.doc;
}
/** Milliseconds `fn` takes. */
function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

describe('1. no quadratic regular expression on a pasted page', () => {
  // Before the fix, 200k spaces took about 30 s in each case (8.5 s for 100k): quadratic.
  // The bound below is 20 times what a linear pass needs on a loaded machine.
  it('a YAML date followed by 200k spaces is read in linear time', () => {
    const text = `---\ntitle: x\ndate: 2025-07-15${' '.repeat(200_000)}12:00:00\n---\n\n${MEETING}\n`;
    let parsed: ParsedDocument | undefined;
    expect(time(() => (parsed = parseDocument(raw(text))))).toBeLessThan(2000);
    expect(parsed!.ok).toBe(false); // "2025-07-15 <spaces> 12:00:00" is not a day as written
  });
  it('a Markdown heading with 200k spaces before more words is split in linear time', () => {
    const text = `# China met${' '.repeat(200_000)}Russia\n\nBody.\n`;
    let paragraphs: ReturnType<typeof splitParagraphs> = [];
    expect(time(() => (paragraphs = splitParagraphs(text, 0)))).toBeLessThan(2000);
    expect(text.slice(paragraphs[0]!.start, paragraphs[0]!.end)).toMatch(/^China met +Russia$/);
  });
  it('the closing hashes of a heading are still removed', () => {
    const text = '## China and Russia meet ##\n';
    const [p] = splitParagraphs(text, 0);
    expect(text.slice(p!.start, p!.end)).toBe('China and Russia meet');
  });
});

describe('2. every file gets a non-empty unique id; one bad document never costs another its events', () => {
  it('files named ".md" and ".txt" get ids, and a neighbour keeps its events', async () => {
    const dir = await corpus({
      '.md': `---\ntitle: Hidden\ndate: 2025-07-14\n---\n\n${MEETING}\n`,
      '.txt': ` date 2025-07-14 Hidden too\n\n${MEETING}\n`,
      'ok.txt': ` date 2025-07-14 Talks in Beijing\n\n${MEETING}\n`,
    });
    const { docs } = await readCorpus(dir);
    const ids = docs.map((d) => d.id);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const { file } = runPipeline(docs);
    expect(EventsFileSchema.safeParse(file).success).toBe(true);
    const meeting = file.events.find((e) => e.type === 'meeting' && e.countries.join() === 'CHN,RUS');
    expect(meeting).toBeDefined();
    expect(meeting!.sources.map((s) => s.document)).toContain('ok');
  });
  it('an event with one invalid source keeps its valid ones', () => {
    const ev = {
      id: '2025-07-14-meeting-chn-rus',
      type: 'meeting',
      date: '2025-07-14',
      datePrecision: 'day',
      countries: ['CHN', 'RUS'],
      organizations: [],
      actors: [],
      title: 'China and Russia meet',
      sources: [
        { document: '', sentence: 'x', start: 0, end: 1 },
        { document: 'ok', sentence: MEETING, start: 0, end: MEETING.length },
      ],
    };
    const { valid, warnings } = validateEvents([ev, { ...ev, id: 'x', sources: [{ document: '', sentence: '', start: 0, end: 0 }] }]);
    expect(valid.map((e) => e.id)).toEqual(['2025-07-14-meeting-chn-rus']);
    expect(valid[0]!.sources.map((s) => s.document)).toEqual(['ok']);
    expect(warnings.join('\n')).toMatch(/1 invalid source/);
    expect(warnings.join('\n')).toMatch(/event x failed validation/);
  });
});

describe('3. the build report warns about a document that yields far more events than its size suggests', () => {
  it(`flags a generated document of more than ${MAX_EVENTS_PER_DOCUMENT} events, not a normal article`, () => {
    const sentences: string[] = [];
    const pairs = [
      ['Chinese Foreign Minister Wang Yi', 'Russian Foreign Minister Sergei Lavrov'],
      ['French President Emmanuel Macron', 'German Chancellor Friedrich Merz'],
      ['Japan', 'South Korea'],
      ['India', 'Brazil'],
    ];
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    for (let i = 0; i < 800; i++) {
      const [a, b] = pairs[i % pairs.length]!;
      sentences.push(`${a} met ${b} on ${months[i % 12]} ${1 + (Math.floor(i / 12) % 28)}, 2024.`);
    }
    const big: RawDocument = { id: 'pasted', path: 'pasted.txt', warnings: [], text: ` date 2025-01-10 Pasted list\n\n${sentences.join('\n\n')}\n` };
    const normal: RawDocument = { id: 'normal', path: 'normal.txt', warnings: [], text: ` date 2025-07-14 Talks\n\n${MEETING}\n` };
    const { report } = runPipeline([big, normal]);
    const bigReport = report.documents.find((d) => d.id === 'pasted')!;
    expect(bigReport.events).toBeGreaterThan(MAX_EVENTS_PER_DOCUMENT);
    expect(bigReport.warnings.join('\n')).toMatch(/far more than a news article/);
    expect(report.documents.find((d) => d.id === 'normal')!.warnings.join('\n')).not.toMatch(/events/);
  });
  it('judges density when the document size is known', () => {
    const r = buildReport({
      documents: [{ id: 'dense', title: 't', published: '2025-07-14', path: 'dense.txt', status: 'ok' }],
      eventsPerDocument: new Map([['dense', 120]]),
      documentChars: new Map([['dense', 6000]]),
      warnings: [],
      mergedEvents: 120,
      curationWarnings: [],
    });
    expect(r.documents[0]!.warnings.join('\n')).toMatch(/per 1,000/);
  });
});

describe('4. curation ids are checked against the event-id pattern', () => {
  it('reports ../x, a/b/c, x?y and x#y and keeps the valid entries', () => {
    const yaml = [
      'add:',
      ...['../x', 'a/b/c', 'x?y', 'x#y', 'Upper-Case'].flatMap((id) => [
        `  - id: "${id}"`,
        '    type: meeting',
        '    date: 2025-07-14',
        '    countries: [CHN, RUS]',
        '    title: A meeting',
      ]),
      '  - id: 2025-07-14-meeting-chn-rus-curated',
      '    type: meeting',
      '    date: 2025-07-14',
      '    countries: [CHN, RUS]',
      '    title: A curated meeting',
      'suppress:',
      '  - "../../etc"',
      'fix:',
      '  - id: "a b"',
      '    title: x',
    ].join('\n');
    const { curation, errors } = parseCuration(yaml, 'curation.yaml');
    expect(curation.add.map((a) => a.id)).toEqual(['2025-07-14-meeting-chn-rus-curated']);
    expect(curation.suppress).toEqual([]);
    expect(curation.fix).toEqual([]);
    expect(errors).toHaveLength(7);
    for (const e of errors) expect(e).toMatch(/not a valid event id/);
    expect(errors.join('\n')).toContain('../x');
  });
  it('the build goes on with the valid entries', () => {
    const doc: RawDocument = { id: 'ok', path: 'ok.txt', warnings: [], text: ` date 2025-07-14 Talks\n\n${MEETING}\n` };
    const text = 'add:\n  - id: ../x\n    type: meeting\n    date: 2025-07-14\n    countries: [CHN]\n    title: Bad\n  - type: visit\n    date: 2025-07-10\n    countries: [FRA, DEU]\n    title: Macron visits Berlin\n';
    const { file, report } = runPipeline([doc], { curation: { path: 'curation.yaml', text } });
    expect(EventsFileSchema.safeParse(file).success).toBe(true);
    expect(file.events.some((e) => e.title === 'Macron visits Berlin')).toBe(true);
    expect(report.curationWarnings.join('\n')).toMatch(/not a valid event id/);
  });
});

describe('5. publication dates: the parsed YAML value and its text agree, whatever the key', () => {
  const md = (fm: string) => raw(`---\n${fm}\n---\n\n${MEETING}\n`);
  const reason = (p: ParsedDocument) => (p.ok ? `ok ${p.doc.published}` : p.skipped.reason);
  it('refuses 2025-02-30 under a quoted key instead of rolling it over to March 2', () => {
    expect(reason(parseDocument(md('title: x\n"date": 2025-02-30')))).toMatch(/2025-02-30.*not a real day/);
    expect(reason(parseDocument(md("title: x\n'date' : 2025-02-30")))).toMatch(/not a real day/);
  });
  it('refuses 2025-02-30 given through a merge key', () => {
    expect(reason(parseDocument(md('base: &b\n  date: 2025-02-30\n<<: *b\ntitle: x')))).toMatch(/not a real day/);
  });
  it('a "date:" line inside a multi-line quoted title does not override the real date', () => {
    // YAML lets a quoted title's next line start at the margin, where it looks like a key.
    const p = parseDocument(md('title: "A title that wraps\ndate: 2020-01-01 inside it"\ndate: 2025-07-15'));
    expect(ok(p).published).toBe('2025-07-15');
    expect(ok(p).title).toBe('A title that wraps date: 2020-01-01 inside it');
  });
  it('accepts a valid date given through an alias', () => {
    expect(ok(parseDocument(md('when: &d 2025-07-15\ndate: *d\ntitle: x'))).published).toBe('2025-07-15');
  });
});

describe('6. smaller ones', () => {
  it('documents named constructor and __proto__ are counted like any other', () => {
    const documents = ['constructor', '__proto__', 'toString'].map((id) => ({ id, title: id, published: '2025-07-14', path: `${id}.txt`, status: 'ok' as const }));
    const r = buildReport({ documents, eventsPerDocument: Object.assign(Object.create(null) as Record<string, number>, { toString: 2 }), warnings: [], mergedEvents: 2, curationWarnings: [] });
    expect(r.documents.map((d) => d.events)).toEqual([0, 0, 2]);
    expect(JSON.stringify(r)).not.toMatch(/function|\[object/);
    const m = buildReport({ documents, eventsPerDocument: new Map([['constructor', 3], ['__proto__', 1]]), warnings: [], mergedEvents: 4, curationWarnings: [] });
    expect(m.documents.map((d) => d.events)).toEqual([3, 1, 0]);
    expect(m.totals.extractedEvents).toBe(4);
  });

  it('a right-to-left override in a file name reaches no id, path or export', async () => {
    const dir = await corpus({ 'evil\u202Etxt.exe.txt': ` date 2025-07-14 Talks\u200D in\u2060 Beijing\u200C\n\n${MEETING}\n` });
    const { docs } = await readCorpus(dir);
    expect(docs[0]!.id).toBe('eviltxt.exe');
    const { file } = runPipeline(docs);
    const d = file.documents[0]!;
    expect(d.path).toBe('evil[U+202E]txt.exe.txt');
    expect(d.title).toBe('Talks in Beijing');
    expect(JSON.stringify(file)).not.toMatch(UNSAFE);
  });

  it('bidi and invisible controls inside sentences are neutralised without moving offsets', () => {
    const text = ` date 2025-07-14 Talks\n\nChinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei\u202E Lavrov in Beijing on Monday, the ministry said.\n`;
    const { file } = runPipeline([{ id: 'd', path: 'd.txt', warnings: [], text }]);
    const sources = file.events.flatMap((e: TimelineEvent) => e.sources);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.sentence).not.toMatch(UNSAFE);
      expect(text.slice(s.start, s.end).replace(/\u202E/g, ' ')).toBe(s.sentence);
    }
  });

  it('lone-CR Markdown is read (not "no publication date")', () => {
    const p = parseDocument(raw(`---\rtitle: Old Mac file\rdate: 2025-07-15\r---\r\r${MEETING}\r`));
    expect(ok(p).published).toBe('2025-07-15');
    expect(ok(p).title).toBe('Old Mac file');
    expect(ok(p).text.slice(ok(p).bodyStart).trim()).toBe(MEETING);
  });

  it('"---\\rjson" cannot choose JSON front matter', () => {
    const p = parseDocument(raw(`---\rjson\n{"title": "x", "date": "2025-07-15"}\n---\n\n${MEETING}\n`));
    expect(p.ok).toBe(false);
    const lone = parseDocument(raw(`---\rjson\r{"title": "x", "date": "2025-07-15"}\r---\r\r${MEETING}\r`));
    expect(lone.ok).toBe(false);
    const q = parseDocument(raw(`---json\n{"title": "x", "date": "2025-07-15"}\n---\n\n${MEETING}\n`));
    expect(q.ok).toBe(false);
  });

  it('a file cut at the cap mid-sentence loses the cut sentence, not a word of it becomes an event', async () => {
    const filler = 'Analysts said the talks reflected a broader shift. '.repeat(40);
    const text = ` date 2025-07-14 Talks\n\n${filler}Wang Yi meets Sergei Lavrov in Beijing on Monday.`;
    const cap = Buffer.byteLength(text) - 'gei Lavrov in Beijing on Monday.'.length;
    const dir = await corpus({ 'long.txt': text });
    const { docs } = await readCorpus(dir, { maxFileBytes: cap });
    expect(docs[0]!.text).not.toContain('Serg');
    expect(docs[0]!.text!.trimEnd().endsWith('shift.')).toBe(true);
    expect(docs[0]!.warnings.join(' ')).toMatch(/cap/);
    const { file } = runPipeline(docs);
    expect(file.events.filter((e) => e.sources.some((s) => s.sentence.includes('Serg')))).toEqual([]);
  });

  it('a file name that is not valid UTF-8 is read, with a warning, not "cannot read file (ENOENT)"', async () => {
    const dir = await corpus({ 'fine.txt': ` date 2025-07-14 Fine\n\n${MEETING}\n` }, [[Buffer.from([0x62, 0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74]), ` date 2025-07-14 Odd name\n\n${MEETING}\n`]]);
    const { docs, warnings } = await readCorpus(dir);
    const odd = docs.find((d) => d.path !== 'fine.txt')!;
    expect(odd.readError).toBeUndefined();
    expect(odd.text).toContain('Wang Yi');
    expect(odd.path).toBe('b\uFFFD\uFFFD.txt');
    expect(warnings.join('\n')).toMatch(/not valid UTF-8/);
  });

  it('the corpus cap is never overshot by one file', async () => {
    const body = ` date 2025-07-14 Talks\n\n${'Officials met again. '.repeat(40)}\n`;
    const size = Buffer.byteLength(body);
    const dir = await corpus({ 'a.txt': body, 'b.txt': body, 'c.txt': body });
    const cap = Math.floor(size * 1.5);
    const { docs } = await readCorpus(dir, { maxCorpusBytes: cap });
    const read = docs.reduce((sum, d) => sum + (d.text === null ? 0 : Buffer.byteLength(d.text)), 0);
    expect(read).toBeLessThanOrEqual(cap);
    expect(docs[1]!.warnings.join(' ')).toMatch(/corpus reached its/);
    expect(docs[2]!.readError).toMatch(/corpus already reached/);
  });
});

describe('issue 9, item 9: a long first line is body text', () => {
  it('events in a lead paragraph on the date line are found, with offsets into the file', () => {
    const lead = `${MEETING} The two ministers also signed an agreement on energy cooperation.`;
    const text = ` date 2025-07-15 ${lead}\n\nOfficials declined to comment further.\n`;
    const parsed = ok(parseDocument({ id: 'lead', path: 'lead.txt', warnings: [], text }));
    expect(parsed.bodyStart).toBe(text.indexOf('Chinese'));
    expect(parsed.title).toBe(MEETING);
    const { file } = runPipeline([{ id: 'lead', path: 'lead.txt', warnings: [], text }]);
    const meeting = file.events.find((e) => e.type === 'meeting');
    expect(meeting).toBeDefined();
    for (const s of file.events.flatMap((e) => e.sources)) expect(text.slice(s.start, s.end)).toBe(s.sentence);
  });
  it('a short headline stays a title and is not read as body', () => {
    const text = ` date 2025-07-15 China's Xi vows support for Russia as he meets Lavrov\n\n${MEETING}\n`;
    const parsed = ok(parseDocument({ id: 'h', path: 'h.txt', warnings: [], text }));
    expect(parsed.bodyStart).toBe(text.indexOf('\n\n') + 1);
  });
});

describe('issue 11: url, source and author; page-chrome titles', () => {
  it('reads url, source and author from front matter, refusing non-http addresses', () => {
    const good = ok(parseDocument(raw(`---\ntitle: Talks\ndate: 2025-07-15\nurl: https://news.example/a?id=1\nsource: The Example Times\nauthor: [Ann Writer, Bo Reporter]\n---\n\n${MEETING}\n`)));
    expect(good).toMatchObject({ url: 'https://news.example/a?id=1', source: 'The Example Times', author: 'Ann Writer, Bo Reporter' });
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'ftp://x.example/', '//x.example/a', 'https://user:pw@x.example/', 'https://x.example/\u202Eevil']) {
      const d = ok(parseDocument(raw(`---\ntitle: Talks\ndate: 2025-07-15\nurl: "${bad}"\n---\n\nBody.\n`)));
      expect(d.url, bad).toBeUndefined();
      expect(d.warnings.join(' '), bad).toMatch(/url/);
    }
  });
  it('reads a plain-text second line " url <address>" and keeps it out of the body', () => {
    const text = ` date 2025-07-15 Talks in Beijing\n url https://news.example/talks\n\n${MEETING}\n`;
    const d = ok(parseDocument({ id: 'p', path: 'p.txt', warnings: [], text }));
    expect(d.url).toBe('https://news.example/talks');
    expect(text.slice(d.bodyStart).trim()).toBe(MEETING);
  });
  it('replaces a page-chrome title by the first sentence, and cleans chrome around a real title', () => {
    const menu = ok(parseDocument({ id: 'm', path: 'm.txt', warnings: [], text: ` date 2023-07-12 Open Menu\n\nGermany condemns North Korea's missile launch\n\n${MEETING}\n` }));
    expect(menu.title).toBe("Germany condemns North Korea's missile launch");
    expect(menu.warnings.join(' ')).toMatch(/page chrome/);
    for (const t of ['All Sections', 'Left Menu', 'Open Menu | Search']) {
      const d = ok(parseDocument({ id: 'c', path: 'c.txt', warnings: [], text: ` date 2023-07-12 ${t}\n\n${MEETING}\n` }));
      expect(d.title, t).toBe(MEETING);
    }
    const mixed = ok(parseDocument({ id: 'x', path: 'x.txt', warnings: [], text: ` date 2023-07-12 All Sections | China and Russia hold talks\n\nBody.\n` }));
    expect(mixed.title).toBe('China and Russia hold talks');
    const kept = ok(parseDocument({ id: 'k', path: 'k.txt', warnings: [], text: ` date 2023-07-12 Home Office condemns the attack\n\nBody.\n` }));
    expect(kept.title).toBe('Home Office condemns the attack');
  });
});
