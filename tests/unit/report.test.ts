import { describe, expect, it } from 'vitest';
import { buildReport, formatReport, type ReportInput } from '../../scripts/pipeline/report.ts';
import type { DocumentEntry } from '../../src/lib/schema.ts';

const docs: DocumentEntry[] = [
  { id: '000_seed', title: "China's Xi meets Lavrov", published: '2025-07-15', path: '000_seed.txt', status: 'ok' },
  { id: 'notes', title: 'notes', published: '', path: 'drafts/notes.md', status: 'skipped', reason: 'no publication date in the front matter' },
  { id: 'wire', title: 'Wire copy', published: '2025-07-16', path: 'wire.txt', status: 'ok' },
];

const input: ReportInput = {
  documents: docs,
  eventsPerDocument: { '000_seed': 9, wire: 4 },
  warnings: [
    { document: 'wire', message: 'decoded as Latin-1' },
    { document: 'notes', message: 'front matter has no date' },
    { message: 'cannot read folder private/: EACCES' },
    { document: 'ghost', message: 'same id as ghost.md' },
  ],
  mergedEvents: 10,
  curationWarnings: ['seeds/curation.yaml: fix[1] ("x"): no event with id "x" in this build'],
};

describe('buildReport', () => {
  const r = buildReport(input);

  it('lists every document with its status, events and warnings, in input order', () => {
    expect(r.documents.map((d) => [d.id, d.status, d.events, d.warnings])).toEqual([
      ['000_seed', 'ok', 9, []],
      ['notes', 'skipped', 0, ['front matter has no date']],
      ['wire', 'ok', 4, ['decoded as Latin-1']],
    ]);
    expect(r.documents[1]!.reason).toBe('no publication date in the front matter');
    expect(r.documents[0]!.reason).toBeUndefined();
  });

  it('adds up the totals', () => {
    expect(r.totals).toEqual({ documents: 3, ok: 2, skipped: 1, extractedEvents: 13, events: 10, warnings: 4, curationWarnings: 1 });
  });

  it('keeps warnings that belong to no listed document, named', () => {
    expect(r.warnings).toEqual(['cannot read folder private/: EACCES', 'ghost: same id as ghost.md']);
    expect(r.curationWarnings).toEqual(input.curationWarnings);
  });

  it('is plain JSON and deterministic', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(JSON.stringify(buildReport(input))).toBe(JSON.stringify(r));
  });

  it('copes with an empty corpus', () => {
    const empty = buildReport({ documents: [], eventsPerDocument: {}, warnings: [], mergedEvents: 0, curationWarnings: [] });
    expect(empty.totals).toEqual({ documents: 0, ok: 0, skipped: 0, extractedEvents: 0, events: 0, warnings: 0, curationWarnings: 0 });
    expect(formatReport(empty)).toContain('Totals: 0 documents (0 ok, 0 skipped)');
  });
});

describe('formatReport', () => {
  it('prints documents, problems, curation messages and totals', () => {
    const text = formatReport(buildReport(input));
    expect(text).toMatch(/ok\s+000_seed\s+9 events, 0 warnings/);
    expect(text).toMatch(/SKIPPED\s+notes\s+skipped: no publication date in the front matter/);
    expect(text).toContain('warning: decoded as Latin-1');
    expect(text).toContain('warning: cannot read folder private/: EACCES');
    expect(text).toContain('Curation: 1 problem');
    expect(text).toContain('no event with id "x"');
    expect(text).toContain('Totals: 3 documents (2 ok, 1 skipped); 13 event reports extracted, 10 events on the timeline; 4 warnings, 1 curation problem.');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('shows what the curation file changed', () => {
    const r = buildReport({ ...input, curation: { added: 2, fixed: 1, suppressed: 3 } });
    expect(r.curation).toEqual({ added: 2, fixed: 1, suppressed: 3 });
    expect(formatReport(r)).toContain('Curation: 2 added, 1 fixed, 3 suppressed; 1 problem');
    expect(buildReport(input).curation).toBeUndefined();
  });

  it('summarises a large corpus but always lists documents with problems', () => {
    const many: DocumentEntry[] = Array.from({ length: 500 }, (_, i) => ({
      id: `doc-${String(i).padStart(4, '0')}`,
      title: `Article ${i}`,
      published: '2025-01-01',
      path: `doc-${i}.txt`,
      status: i === 321 ? 'skipped' : 'ok',
      ...(i === 321 ? { reason: 'empty file' } : {}),
    }));
    const r = buildReport({ documents: many, eventsPerDocument: {}, warnings: [{ document: 'doc-0007', message: 'odd bytes' }], mergedEvents: 0, curationWarnings: [] });
    const text = formatReport(r);
    expect(text.split('\n').length).toBeLessThan(20);
    expect(text).toContain('doc-0321');
    expect(text).toContain('doc-0007');
    expect(text).toContain('... and 498 more documents ok without warnings');
    expect(formatReport(r, { all: true }).split('\n').length).toBeGreaterThan(500);
  });
});
