/**
 * Page-structure rules (issue #9, DIAGNOSIS (g)): page furniture read as news and news read as
 * furniture. Two wordings per class and controls, all written for this test.
 */
import { describe, expect, it } from 'vitest';
import { LEAD_LINE_CHARS, parseDocument } from '../../scripts/pipeline/parse-document.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import {
  creditEndsParagraph,
  dateLineDecision,
  isBareLinkLabel,
  isLinkLabel,
  PAGE_RULES,
} from '../../scripts/pipeline/events/page-structure.ts';
import type { SegmentedDocument, Sentence } from '../../scripts/pipeline/types.ts';

const HEADER = ' date 2025-07-15 Test article\n\n';

function seg(body: string, header = HEADER): SegmentedDocument {
  const text = header + body;
  return segment({ id: 't', path: 't.txt', title: 'Test article', published: '2025-07-15', text, bodyStart: header.length, warnings: [] });
}

/** Segments a whole file the way the pipeline reads it (header line parsed by parseDocument). */
function segFile(text: string): SegmentedDocument {
  const parsed = parseDocument({ id: 'f', path: 'f.txt', text, warnings: [] });
  if (!parsed.ok) throw new Error('not parsed');
  return segment(parsed.doc);
}

function find(s: SegmentedDocument, start: string): Sentence {
  const hit = s.sentences.find((x) => x.text.startsWith(start));
  if (!hit) throw new Error(`no sentence starting "${start}"`);
  return hit;
}

describe('page.date-line: publication lines are furniture, short dated sentences are news', () => {
  it.each([
    'Kenya and Somalia signed a maritime accord in March 2025.',
    'Talks between the two envoys resumed in October 2023.',
    'Chile recalled its ambassador on 4 May 2024.',
  ])('keeps a short sentence with a month and a year as body: %s', (line) => {
    expect(dateLineDecision(line)).toEqual({ kind: 'body', rule: PAGE_RULES.clauseKept });
    const s = find(seg(`${line}\n\nThe ministry gave no further details on the matter.\n`), line.slice(0, 12));
    expect(s.kind).toBe('body');
    expect(s.rule).toBe(PAGE_RULES.clauseKept);
  });

  it('keeps such a sentence when it is one of several in a paragraph', () => {
    const s = seg('Officials from both capitals met again on Monday to review progress. Peru joined the pact in June 2024.\n');
    expect(find(s, 'Peru joined').kind).toBe('body');
  });

  it.each(['Friday, 14 June 2024 | 09:30', '14 June, 2024', 'October 20, 2021.', 'Daily Briefing: June 19 2025.'])(
    'still marks a page date line as furniture: %s',
    (line) => {
      expect(dateLineDecision(line)?.kind ?? 'boilerplate').toBe('boilerplate');
      const s = find(seg(`${line}\n\nThe ministry gave no further details on the matter.\n`), line.slice(0, 8));
      expect(s.kind).toBe('boilerplate');
    },
  );

  it('keeps the existing labelled date lines as furniture (controls)', () => {
    const s = seg('Published: 12 March 2025\n\nUpdated March 12, 2025 10:14 GMT\n\nThe envoy arrived in Accra on Tuesday.\n');
    expect(find(s, 'Published').kind).toBe('boilerplate');
    expect(find(s, 'Updated').kind).toBe('boilerplate');
    expect(find(s, 'The envoy').kind).toBe('body');
  });
});

describe('page.credit-ends-paragraph: a paragraph ending in a photo credit is a caption as a whole', () => {
  it.each([
    'Chile and Peru sign the fisheries pact in Lima: foreign minister Ana Ruiz, (front row) and her counterpart exchange the folders. 4 May 2024 Photo: Facebook.com / @cancilleriaperu',
    'The two defence chiefs, (centre) and (right), walk to the press room after the talks. Image credit: defence.gov.example / J.R. Silva',
  ])('marks every sentence of the paragraph as caption: %#', (para) => {
    expect(creditEndsParagraph(para)).toBe(true);
    const s = seg(`The envoys met in the capital on Monday.\n\n${para}\n\nThe ministry said talks would go on.\n`);
    const cap = s.sentences.filter((x) => x.paragraph === 1);
    expect(cap.length).toBeGreaterThan(1);
    for (const x of cap) {
      expect(x.kind).toBe('caption');
      expect(x.rule).toBe(PAGE_RULES.creditEnd);
    }
    expect(find(s, 'The ministry said').kind).toBe('body');
  });

  it('does not take a body paragraph that mentions a photo (controls)', () => {
    expect(creditEndsParagraph('The ministry posted a photo of the meeting on its website.')).toBe(false);
    expect(creditEndsParagraph('Photo: the minister arrives at the palace. Talks then began in the capital and lasted four hours.')).toBe(false);
    const s = seg('The ministry posted a photo of the two leaders signing the accord on Tuesday.\n');
    expect(s.sentences[0]!.kind).toBe('body');
  });
});

describe('page.link-label and page.link-list: links to other articles are furniture', () => {
  it.each([
    'RELATED Ghana and Togo agree to reopen their shared border',
    'Read also — Kenya recalls its envoy from Juba after border row',
    'See Also: Japan and India hold naval drills near Chennai',
  ])('marks a label followed by a headline: %s', (line) => {
    expect(isLinkLabel(line)).toBe(true);
    const s = find(seg(`The envoys met in the capital on Monday.\n\n${line}\n\nThe talks went on.\n`), line.slice(0, 6));
    expect(s.kind).toBe('boilerplate');
    expect(s.rule).toBe(PAGE_RULES.linkLabel);
  });

  it.each(['Related:', 'You may also like', 'More stories'])('a bare label "%s" opens a link list of headlines', (label) => {
    expect(isBareLinkLabel(label)).toBe(true);
    const body =
      'The envoys met in the capital on Monday.\n\n' +
      `${label}\n\n` +
      'Ghana signs a trade accord with Togo after two years of talks between the neighbours\n\n' +
      'Kenya and Uganda discuss the rail link to the port of Mombasa\n\n' +
      'The ministry said talks would resume next week.\n';
    const s = seg(body);
    expect(find(s, 'Ghana signs').kind).toBe('boilerplate');
    expect(find(s, 'Ghana signs').rule).toBe(PAGE_RULES.linkList);
    expect(find(s, 'Kenya and Uganda').rule).toBe(PAGE_RULES.linkList);
    // The list ends at the first paragraph written as a sentence.
    expect(find(s, 'The ministry said').kind).toBe('body');
  });

  it('leaves sentences that start with "Related" or "See" as news (controls)', () => {
    expect(isLinkLabel('Related talks were held in Geneva on Tuesday.')).toBe(false);
    expect(isBareLinkLabel('Related talks were held in Geneva')).toBe(false);
    const s = seg('Related talks were held in Geneva on Tuesday.\n\nSee the full statement, the ministry said.\n');
    expect(s.sentences.every((x) => x.kind === 'body')).toBe(true);
  });

  it('a link list stops after a label when the next paragraph is a sentence (control)', () => {
    const s = seg('Also Read\nThe defence minister praised the joint training held by the two armies last week.\n');
    expect(find(s, 'The defence minister').kind).toBe('body');
  });
});

describe('page.headline-run: a list of headlines at the end of the page', () => {
  const LIST =
    'Kenya expels two diplomats over spying claims in Nairobi\n\n' +
    'Japan and India hold naval drills near the port of Chennai\n\n' +
    'Brazil recalls its ambassador after a row over border patrols\n';

  it('marks three or more trailing headline-like paragraphs', () => {
    const s = seg(`The envoys met in the capital on Monday.\n\nThe ministry said talks would resume.\n\n${LIST}`);
    for (const h of ['Kenya expels', 'Japan and India', 'Brazil recalls']) {
      expect(find(s, h).kind).toBe('boilerplate');
      expect(find(s, h).rule).toBe(PAGE_RULES.headlineRun);
    }
  });

  it('marks a list of other wording, with a quoted headline', () => {
    const list =
      '"No compromise": Beijing warns Manila over the shoal patrols\n\n' +
      'Poland shuts two crossings on its border with Belarus for the drills\n\n' +
      'Egypt and Qatar call for a truce before the holy month begins\n\n' +
      'Leave a Reply\n';
    const s = seg(`Seoul and Tokyo agreed on Friday to share missile warning data.\n\n${list}`);
    expect(find(s, '"No compromise"').rule).toBe(PAGE_RULES.headlineRun);
    expect(find(s, 'Egypt and Qatar').kind).toBe('boilerplate');
  });

  it('does not take unpunctuated lines followed by article text (key points, lost periods: control)', () => {
    const s = seg(`The envoys met in the capital on Monday.\n\n${LIST}\nThe ministry said talks would resume next week.\n`);
    for (const h of ['Kenya expels', 'Japan and India', 'Brazil recalls']) expect(find(s, h).kind).not.toBe('boilerplate');
  });

  it('does not take two trailing headlines (control: a run needs three)', () => {
    const s = seg(
      'The envoys met in the capital on Monday.\n\nKenya expels two diplomats over spying claims in Nairobi\n\nJapan and India hold naval drills near the port of Chennai\n',
    );
    expect(find(s, 'Kenya expels').kind).not.toBe('boilerplate');
  });
});

describe('page.header-lead-not-caption: a lead on the header line ending in an agency credit is news', () => {
  it.each([
    " date 2025-03-05 Latvia's foreign ministry said on Tuesday it was ordering a Belarusian diplomat to leave the country within three days over what it called hostile work against the state. (AFP)\n\nThe diplomat has three days to go.\n",
    ' date 2024-11-20 Norway announced on Wednesday that it would close its consulate in the northern port city at the end of the month, citing repeated breaches of the rules by the host state. (Reuters)\n\nThe decision follows months of tension.\n',
  ])('reads the lead as body: %#', (file) => {
    expect(file.split('\n')[0]!.length).toBeGreaterThan(LEAD_LINE_CHARS + 16);
    const s = segFile(file);
    const lead = s.sentences[0]!;
    expect(lead.kind).toBe('body');
    expect(lead.rule).toBe(PAGE_RULES.headerLead);
  });

  it('keeps a picture caption on the header line a caption (control: present tense, no reporting verb)', () => {
    const file =
      ' date 2024-11-20 The two presidents stand for a picture in front of the flags at the palace in Riga before the start of their first round of talks on energy links, 19 November 2024. (AFP)\n\nThe leaders discussed energy links.\n';
    expect(file.split('\n')[0]!.length).toBeGreaterThan(LEAD_LINE_CHARS + 16);
    const s = segFile(file);
    expect(s.sentences[0]!.kind).toBe('caption');
  });

  it('keeps a caption with a reporting verb a caption when it is not on the header line (control)', () => {
    const s = seg('The minister, who said on Monday the talks had failed, arrives at the palace in Riga. (AFP)\n\nThe leaders discussed energy links.\n');
    expect(s.sentences[0]!.kind).toBe('caption');
  });
});

describe('page.date-line: date lines written with foreign function words stay furniture', () => {
  it.each(['Lundi 3 de Mar 2025 | 10:20', 'Actualizado el 4 de Jun 2024'])('%s', (line) => {
    expect(dateLineDecision(line)?.kind).toBe('boilerplate');
  });
});

describe('page.position-marker: a sentence placing the people of a picture is a caption', () => {
  it.each([
    'Ghana President John Mensah (L) greets Togo Prime Minister Ama Kodjo at the airport in Accra, March 2, 2025.',
    'Foreign ministers Lina Berg (2nd R) and Omar Haddad (front left) pose with their delegations before the talks.',
    'Trade Minister Karim Nasser (c) tours the damaged depot at the harbour after the raid.',
  ])('%s', (line) => {
    const s = seg(`${line}\n\nThe two ministers met in Accra on Sunday and signed a trade accord.\n`);
    expect(s.sentences[0]!.kind).toBe('caption');
    expect(s.sentences[0]!.rule).toBe(PAGE_RULES.positionMarker);
    expect(find(s, 'The two ministers').kind).toBe('body');
  });

  it('keeps only the marked sentence of a paragraph as caption (the report after it stays news)', () => {
    const s = seg('President Rania Salem (C) meets the visiting envoy in Tunis. Salem met the envoy on Monday to discuss the border.\n');
    expect(find(s, 'President Rania').kind).toBe('caption');
    expect(find(s, 'Salem met').kind).toBe('body');
  });

  it('leaves enumerations and party labels in body text alone (controls)', () => {
    const s = seg('The plan covers (a) trade, (b) energy and (c) security, officials said on Friday.\n\nSenator Joan Miller (R-Texas) criticised the deal on Monday.\n\nUnder Article (c) the parties agreed on Tuesday to open the border.\n');
    expect(s.sentences.every((x) => x.kind === 'body')).toBe(true);
  });
});
