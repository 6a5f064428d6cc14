import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDay,
  cleanTitle,
  futurePublicationWarnings,
  MAX_TITLE_CHARS,
  parseDayString,
  parseDocument,
} from '../../scripts/pipeline/parse-document.ts';
import { documentId } from '../../scripts/pipeline/load.ts';
import { neutralizeText } from '../../src/lib/sanitize.ts';
import type { ParsedDocument, RawDocument, SourceDocument } from '../../scripts/pipeline/types.ts';

function raw(text: string | null, p = 'doc.txt', extra: Partial<RawDocument> = {}): RawDocument {
  return { id: documentId(p), path: p, text, warnings: [], ...extra };
}
function ok(parsed: ParsedDocument): SourceDocument {
  if (!parsed.ok) throw new Error(`expected ok, got skipped: ${parsed.skipped.reason}`);
  return parsed.doc;
}
function reason(parsed: ParsedDocument): string {
  if (parsed.ok) throw new Error('expected skipped, got ok');
  return parsed.skipped.reason;
}

describe('plain-text header line', () => {
  it('reads the seed form " date YYYY-MM-DD Title"', () => {
    const text = ' date 2025-07-15 China\'s Xi meets Lavrov\n\nBEIJING\n\nBody.';
    const doc = ok(parseDocument(raw(text)));
    expect(doc.published).toBe('2025-07-15');
    expect(doc.title).toBe("China's Xi meets Lavrov");
    expect(text.slice(doc.bodyStart)).toBe('\nBEIJING\n\nBody.');
    expect(doc.text).toBe(text);
  });
  it('accepts "date:" and leading blank lines', () => {
    const text = '\n  \ndate: 2025-07-15 Title here\nBody';
    const doc = ok(parseDocument(raw(text)));
    expect(doc.title).toBe('Title here');
    expect(text.slice(doc.bodyStart)).toBe('Body');
  });
  it('handles CRLF and lone CR line endings without moving the body', () => {
    const crlf = ' date 2025-07-15 Windows\r\n\r\nBody line.\r\n';
    const d1 = ok(parseDocument(raw(crlf)));
    expect(d1.title).toBe('Windows');
    expect(crlf.slice(d1.bodyStart)).toBe('\r\nBody line.\r\n');
    const cr = ' date 2025-07-15 Old Mac\r\rBody line.\r';
    const d2 = ok(parseDocument(raw(cr)));
    expect(d2.title).toBe('Old Mac');
    expect(cr.slice(d2.bodyStart)).toBe('\rBody line.\r');
  });
  it('tolerates a byte-order mark left in the text', () => {
    expect(ok(parseDocument(raw('\uFEFF date 2025-07-15 T\nB'))).published).toBe('2025-07-15');
  });
  it('uses the file name as title when there is none, with a warning', () => {
    const doc = ok(parseDocument(raw(' date 2025-07-15\nBody', 'x/untitled.txt')));
    expect(doc.title).toBe('untitled');
    expect(doc.warnings.join(' ')).toMatch(/no title/);
  });
  it('a header with nothing after it has an empty body', () => {
    const doc = ok(parseDocument(raw(' date 2025-07-15 Only a header')));
    expect(doc.bodyStart).toBe(doc.text.length);
  });
  it('skips, with a reason, documents without a usable date', () => {
    expect(reason(parseDocument(raw('Just a headline\n\nBody')))).toMatch(/first line/);
    expect(reason(parseDocument(raw(' date 2025-02-30 Nope\nB')))).toMatch(/not a real day/);
    expect(reason(parseDocument(raw(' date 2025-13-01 Nope\nB')))).toMatch(/not a real day/);
    expect(reason(parseDocument(raw(' date 2999-01-01 Far\nB')))).toMatch(/outside the years/);
    expect(reason(parseDocument(raw(' date 1850-01-01 Old\nB')))).toMatch(/outside the years/);
    expect(reason(parseDocument(raw(' date yesterday Vague\nB')))).toMatch(/not YYYY-MM-DD/);
    expect(reason(parseDocument(raw(' date 2025-07-150 Typo\nB')))).toMatch(/not YYYY-MM-DD/);
  });
  it('keeps the title of a skipped document', () => {
    const parsed = parseDocument(raw(' date 2025-02-30 Kept title\nB'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.skipped.title).toBe('Kept title');
  });
  it('skips empty, whitespace-only and unreadable documents with reasons, carrying read warnings', () => {
    expect(reason(parseDocument(raw('')))).toMatch(/empty/);
    expect(reason(parseDocument(raw(' \n\t\r\n \uFEFF')))).toMatch(/empty/);
    const unreadable = parseDocument(raw(null, 'x.txt', { readError: 'binary file', warnings: ['w1'] }));
    expect(unreadable.ok).toBe(false);
    if (!unreadable.ok) {
      expect(unreadable.skipped.reason).toBe('binary file');
      expect(unreadable.skipped.warnings).toEqual(['w1']);
    }
  });
});

describe('YAML front matter', () => {
  const md = (fm: string, body = '\nBody text.\n') => raw(`---\n${fm}\n---\n${body}`, 'a.md');

  it('reads an unquoted YAML date (a Date object in gray-matter) and the title', () => {
    const doc = ok(parseDocument(md('title: Talks in Doha\ndate: 2025-07-19')));
    expect(doc.published).toBe('2025-07-19');
    expect(doc.title).toBe('Talks in Doha');
    expect(doc.text.slice(doc.bodyStart)).toBe('\nBody text.\n');
  });
  it('rejects 2025-02-30 although js-yaml would roll it over to March 2', () => {
    expect(reason(parseDocument(md('title: T\ndate: 2025-02-30')))).toMatch(/2025-02-30.*not a real day/);
  });
  it('keeps the written day of a timestamp with an offset', () => {
    expect(ok(parseDocument(md('date: 2025-07-19T01:30:00+05:00'))).published).toBe('2025-07-19');
    expect(ok(parseDocument(md('date: 2025-07-19 23:30:00 -08:00'))).published).toBe('2025-07-19');
  });
  it('reads quoted dates, comments, dates in words, and other date keys', () => {
    expect(ok(parseDocument(md('date: "2025-07-19" # quoted'))).published).toBe('2025-07-19');
    expect(ok(parseDocument(md('date: July 19, 2025'))).published).toBe('2025-07-19');
    expect(ok(parseDocument(md('date: Sat, 19 Jul 2025'))).published).toBe('2025-07-19');
    expect(ok(parseDocument(md('published: 2025-07-19'))).published).toBe('2025-07-19');
  });
  it('rejects ambiguous numeric, numeric and missing dates', () => {
    expect(reason(parseDocument(md('date: 07/08/2025')))).toMatch(/not YYYY-MM-DD/);
    expect(reason(parseDocument(md('date: 20250719')))).toMatch(/unexpected form/);
    expect(reason(parseDocument(md('title: No date here')))).toMatch(/no publication date/);
    expect(reason(parseDocument(md('date:')))).toMatch(/no publication date/);
  });
  it('skips malformed YAML with the parser message', () => {
    expect(reason(parseDocument(md('title: [never closed\ndate: 2025-07-19')))).toMatch(/malformed YAML/);
  });
  it('copes with front matter that is not a mapping', () => {
    expect(reason(parseDocument(md('~')))).toMatch(/no publication date/);
    expect(reason(parseDocument(md('- a\n- b')))).toMatch(/no publication date/);
    expect(reason(parseDocument(md('just a string')))).toMatch(/no publication date/);
  });
  it('does not expand YAML alias bombs (billion laughs) when reporting a bad date', () => {
    let yaml = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) yaml += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
    const parsed = parseDocument(md(`${yaml}title: *i\ndate: *i`));
    expect(reason(parsed)).toBe('publication date has an unexpected form: a list');
    if (!parsed.ok) expect(parsed.skipped.title).toBe('');
  });
  it('never evaluates JavaScript front matter', () => {
    const g = globalThis as { __fmPwned?: unknown };
    delete g.__fmPwned;
    const parsed = parseDocument(raw("---js\n{ date: (globalThis.__fmPwned = '2025-07-19') }\n---\nBody", 'js.md'));
    expect(parsed.ok).toBe(false);
    expect(g.__fmPwned).toBeUndefined();
  });
  it('handles CRLF front matter', () => {
    const text = '---\r\ntitle: CRLF\r\ndate: 2025-07-19\r\n---\r\nBody.\r\n';
    const doc = ok(parseDocument(raw(text, 'c.md')));
    expect(doc.title).toBe('CRLF');
    expect(text.slice(doc.bodyStart)).toBe('Body.\r\n');
  });
  it('warns about front matter that is never closed', () => {
    const doc = ok(parseDocument(raw('---\ntitle: Open\ndate: 2025-07-19\n', 'o.md')));
    expect(doc.bodyStart).toBe(doc.text.length);
    expect(doc.warnings.join(' ')).toMatch(/not closed/);
  });
  it('turns a numeric title into text and ignores non-text titles', () => {
    expect(ok(parseDocument(md('title: 2025\ndate: 2025-07-19'))).title).toBe('2025');
    const listTitle = ok(parseDocument(raw('---\ntitle: [a, b]\ndate: 2025-07-19\n---\nB', 'desk/list-title.md')));
    expect(listTitle.title).toBe('list-title');
    expect(listTitle.warnings.join(' ')).toMatch(/no title/);
  });
});

describe('date helpers', () => {
  it('checkDay and parseDayString accept only real days in range', () => {
    expect(checkDay('2024-02-29')).toEqual({ day: '2024-02-29' });
    expect(checkDay('2025-02-29')).toHaveProperty('reason');
    expect(checkDay('2100-12-31')).toEqual({ day: '2100-12-31' });
    expect(checkDay('2101-01-01')).toHaveProperty('reason');
    expect(checkDay(new Date(Date.UTC(2025, 6, 15)))).toEqual({ day: '2025-07-15' });
    expect(checkDay(new Date(Number.NaN))).toHaveProperty('reason');
    expect(checkDay(undefined)).toHaveProperty('reason');
    expect(checkDay({ a: 1 })).toHaveProperty('reason');
    expect(parseDayString('2025/7/5')).toEqual({ day: '2025-07-05' });
    expect(parseDayString('5 Sept. 2025')).toEqual({ day: '2025-09-05' });
    expect(parseDayString('September 31, 2025')).toHaveProperty('reason');
    expect(parseDayString('Smarch 3, 2025')).toHaveProperty('reason');
  });
  it('reads a YAML date as the text it was written as, whatever the spelling of the key', () => {
    const md = (fm: string) => raw(`---\n${fm}\n---\n\nBody text.\n`, 'doc.md');
    expect(ok(parseDocument(md('title: x\ndate: 2025-07-01 # a comment'))).published).toBe('2025-07-01');
    expect(ok(parseDocument(md("title: x\ndate: '2025-07-01'"))).published).toBe('2025-07-01');
    expect(ok(parseDocument(md('title: x\nDate: 2025-07-02'))).published).toBe('2025-07-02');
  });
  it('cleanTitle removes controls and bidi overrides and caps the length', () => {
    expect(cleanTitle('  a\tb\u202Ec\u0007 ')).toBe('a bc');
    const long = cleanTitle('x'.repeat(1000));
    expect(Array.from(long).length).toBe(MAX_TITLE_CHARS);
    expect(Array.from(cleanTitle('😀'.repeat(400))).every((c) => c === '😀' || c === '…')).toBe(true);
    expect(cleanTitle({})).toBe('');
  });
});

describe('futurePublicationWarnings', () => {
  it('flags a date far after the newest other document, deterministically', () => {
    const docs = [
      { id: 'a', published: '2025-07-10' },
      { id: 'b', published: '2025-07-15' },
      { id: 'typo', published: '2052-07-15' },
    ];
    const w = futurePublicationWarnings(docs);
    expect(w).toHaveLength(1);
    expect(w[0]!.document).toBe('typo');
    expect(w[0]!.message).toMatch(/2025-07-15/);
  });
  it('leaves ordinary spreads, single documents and skipped (undated) entries alone', () => {
    expect(futurePublicationWarnings([{ id: 'a', published: '2025-07-10' }, { id: 'b', published: '2025-07-30' }])).toEqual([]);
    expect(futurePublicationWarnings([{ id: 'a', published: '2099-01-01' }])).toEqual([]);
    expect(futurePublicationWarnings([{ id: 'a', published: '' }, { id: 'b', published: '2025-01-01' }])).toEqual([]);
  });
});

describe('parseDocument is total', () => {
  it('never throws and keeps its invariants for any text', () => {
    const header = fc.constantFrom('', ' date 2025-07-15 T\n', '---\ndate: 2025-07-15\n---\n', '---\n', ' date ', '\uFEFF---\r\n');
    fc.assert(
      fc.property(header, fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('a.txt', 'b.md'), (h, body, p) => {
        const text = h + body;
        const parsed = parseDocument(raw(text, p));
        if (parsed.ok) {
          // Bidi and invisible controls become spaces: same length, same offsets.
          expect(parsed.doc.text).toBe(neutralizeText(text));
          expect(parsed.doc.text.length).toBe(text.length);
          expect(parsed.doc.bodyStart).toBeGreaterThanOrEqual(0);
          expect(parsed.doc.bodyStart).toBeLessThanOrEqual(text.length);
          expect(checkDay(parsed.doc.published)).toEqual({ day: parsed.doc.published });
          expect(parsed.doc.title.length).toBeGreaterThan(0);
        } else {
          expect(parsed.skipped.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
