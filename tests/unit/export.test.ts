import { describe, expect, it } from 'vitest';
import { csvCell, icsEscape, icsFold, toCSV, toICS, toJSON, CSV_COLUMNS } from '../../src/lib/export.ts';
import { EventsFileSchema, type TimelineEvent } from '../../src/lib/schema.ts';

/** A small RFC 4180 reader, to check that what we write reads back to the same cells. */
function parseCSV(withBom: string): string[][] {
  // A whole export starts with the UTF-8 byte-order mark (for Excel); a reader drops it.
  const text = withBom.startsWith('\uFEFF') ? withBom.slice(1) : withBom;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const unfold = (ics: string): string[] => ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);

function event(over: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: '2025-07-15-meeting-chn-rus-lavrov',
    type: 'meeting',
    date: '2025-07-15',
    datePrecision: 'day',
    countries: ['CHN', 'RUS'],
    organizations: ['SCO'],
    actors: [
      { name: 'Wang Yi', country: 'CHN', role: 'Foreign Minister' },
      { name: 'Sergei Lavrov', country: 'RUS' },
    ],
    title: 'Wang Yi and Lavrov hold talks in Tianjin',
    sources: [
      {
        document: 'doc-one',
        sentence: 'The two foreign ministers held talks on Tuesday, officials said.',
        start: 10,
        end: 74,
        trigger: { start: 24, end: 34 },
        published: '2025-07-16',
      },
    ],
    ...over,
  };
}

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Xi Jinping')).toBe('Xi Jinping');
    expect(csvCell('')).toBe('');
  });

  it.each(['=SUM(A1:A2)', '+1+1', '-2+3', '@cmd', '\tleading tab', '\rcr', '  =indented', '\uFF1Dfullwidth'])(
    'neutralises formula-like cell %j with a leading apostrophe, quoted',
    (value) => {
      const out = csvCell(value);
      expect(out.startsWith(`"'`)).toBe(true);
      expect(parseCSV(`${out}\r\n`)[0]).toEqual([`'${value}`]);
    },
  );

  it('does not touch a formula character that is not at the start', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('talks - day two')).toBe('talks - day two');
  });

  it('quotes commas, quotes and line breaks and doubles inner quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
  });
});

describe('toCSV', () => {
  it('writes a header and one row per event that read back to the same values', () => {
    const hostile = event({
      id: 'e2',
      title: '=HYPERLINK("http://x.invalid","click"), then more',
      actors: [{ name: '@evil', role: '-1' }],
      sources: [{ document: 'd', sentence: '+cmd|" /C calc"!A0 "quoted", and\nmore', start: 0, end: 5 }],
    });
    const csv = toCSV([event(), hostile]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCSV(csv);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const first = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(first.countries).toBe('CHN; RUS');
    expect(first.actors).toBe('Wang Yi (Foreign Minister, CHN); Sergei Lavrov (RUS)');
    expect(first.date_precision).toBe('day');
    const second = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[2]![i]]));
    expect(second.title).toBe(`'=HYPERLINK("http://x.invalid","click"), then more`);
    expect(second.actors).toBe("'@evil (-1)");
    expect(second.sentences).toBe(`'+cmd|" /C calc"!A0 "quoted", and more`);
  });

  it('no cell of the output starts with a formula character', () => {
    const evs = ['=1', '+1', '-1', '@1', '\t1'].map((t, i) => event({ id: `${t}${i}`, title: t, location: t }));
    for (const row of parseCSV(toCSV(evs))) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('starts with a UTF-8 byte-order mark, once, so that Excel reads names with accents right', () => {
    const csv = toCSV([event({ title: 'Erdoğan meets Lula in São Paulo' })]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.charCodeAt(1)).not.toBe(0xfeff);
    expect(csv.slice(1).startsWith('id,date,')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('keeps bidi overrides and invisible characters out of every cell', () => {
    const csv = toCSV([
      event({
        title: 'Talks\u202E gnp.exe\u202C end\u200D\u2060',
        sources: [{ document: 'evil\u202Etxt.exe', sentence: 'A\u200Bsentence\u2066 with\u2069 marks.', start: 0, end: 5 }],
      }),
    ]);
    expect(csv.slice(1)).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069]/);
    const row = parseCSV(csv)[1]!;
    expect(row[CSV_COLUMNS.indexOf('title')]).toBe('Talks gnp.exe end');
    expect(row[CSV_COLUMNS.indexOf('documents')]).toBe('evil[U+202E]txt.exe');
    expect(row[CSV_COLUMNS.indexOf('sentences')]).toBe('Asentence with marks.');
    const ics = toICS([event({ title: 'A\u202Eb', sources: [{ document: 'x\u202Ey', sentence: 'S\u200Dt.', start: 0, end: 3 }] })]);
    expect(ics).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069]/);
    expect(ics).toContain('x[U+202E]y');
  });

  it('an empty list gives just the header', () => {
    expect(parseCSV(toCSV([]))).toEqual([[...CSV_COLUMNS]]);
  });
});

describe('toJSON', () => {
  it('round-trips events and, with documents, validates against the events-file schema', () => {
    const docs = [
      { id: 'doc-one', title: 'One', published: '2025-07-16', path: 'one.txt', status: 'ok' as const },
      { id: 'unused', title: 'Two', published: '2025-07-01', path: 'two.txt', status: 'ok' as const },
    ];
    const parsed = JSON.parse(toJSON([event()], docs));
    expect(EventsFileSchema.parse(parsed).events[0]).toEqual(event());
    expect(parsed.documents.map((d: { id: string }) => d.id)).toEqual(['doc-one']);
    expect(JSON.parse(toJSON([event()]))).toEqual({ schemaVersion: 1, events: [event()] });
  });
});

describe('iCalendar helpers', () => {
  it('escapes backslash, semicolon, comma and newlines, drops control characters', () => {
    expect(icsEscape('a\\b;c,d\ne\r\nf\u0007g')).toBe('a\\\\b\\;c\\,d\\ne\\nfg');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'Москва и Пекин '.repeat(12)}`;
    const folded = icsFold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(icsFold('SHORT:x')).toBe('SHORT:x');
  });
});

describe('toICS', () => {
  const evs = [
    event(),
    event({
      id: '2025-06-30-threat-usa',
      type: 'threat',
      date: '2025-06-30',
      datePrecision: 'approximate',
      title: 'US warns of tariffs; "secondary", sanctions, and more',
      location: 'Washington, D.C.',
      sources: [{ document: 'doc-two', sentence: 'Washington warned of tariffs.', start: 0, end: 29 }],
    }),
  ];
  const ics = toICS(evs, { siteUrl: 'https://example.org/timeline/' });
  const lines = unfold(ics);

  it('is a well-formed calendar with CRLF lines no longer than 75 octets', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of ics.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
  });

  it('writes all-day events ending the next day, across a month end', () => {
    expect(lines).toContain('DTSTART;VALUE=DATE:20250715');
    expect(lines).toContain('DTEND;VALUE=DATE:20250716');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250630');
    expect(lines).toContain('DTEND;VALUE=DATE:20250701');
  });

  it('escapes text and marks approximate dates', () => {
    expect(lines).toContain('SUMMARY:(approx.) US warns of tariffs\\; "secondary"\\, sanctions\\, and more');
    expect(lines).toContain('LOCATION:Washington\\, D.C.');
    expect(lines).toContain('STATUS:TENTATIVE');
    expect(lines).toContain('URL:https://example.org/timeline/event/2025-06-30-threat-usa/');
  });

  it('has stable UIDs and DTSTAMPs that come from the data, not the clock', () => {
    expect(lines).toContain('UID:2025-07-15-meeting-chn-rus-lavrov@diplomatic-timeline');
    expect(lines).toContain('DTSTAMP:20250716T000000Z');
    expect(lines).toContain('DTSTAMP:20250630T000000Z');
    expect(toICS(evs, { siteUrl: 'https://example.org/timeline/' })).toBe(ics);
    expect(toICS([...evs].reverse()).split('BEGIN:VEVENT').length).toBe(3);
  });

  it('keeps hostile ids inside the UID line', () => {
    const out = unfold(toICS([event({ id: 'a b\r\nX-EVIL:1;,' })]));
    expect(out.some((l) => l.startsWith('X-EVIL'))).toBe(false);
    expect(out).toContain('UID:a%20b%0D%0AX-EVIL%3A1%3B%2C@diplomatic-timeline');
  });
});
