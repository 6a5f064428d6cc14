import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from '../../scripts/pipeline/segment.ts';
import type { SegmentedDocument, SourceDocument } from '../../scripts/pipeline/types.ts';

const HEADER = ' date 2025-07-15 Test article\n';

function doc(body: string, header = HEADER, published = '2025-07-15'): SourceDocument {
  const text = header + body;
  return { id: 't', path: 't.txt', title: 'Test article', published, text, bodyStart: header.length, warnings: [] };
}

function seg(body: string, header = HEADER): SegmentedDocument {
  return segment(doc(body, header));
}

const texts = (s: SegmentedDocument, kind?: string) =>
  s.sentences.filter((x) => !kind || x.kind === kind).map((x) => x.text);

function expectOffsets(s: SegmentedDocument): void {
  for (const x of s.sentences) {
    expect(s.doc.text.slice(x.start, x.end)).toBe(x.text);
    expect(x.text).toBe(x.text.trim());
    expect(x.text.length).toBeGreaterThan(0);
  }
  s.sentences.forEach((x, i) => expect(x.index).toBe(i));
}

describe('segment: sentences and offsets', () => {
  it('keeps a quotation of several sentences with its speaker when a comma closes it', () => {
    const s = seg('\n"We reject the new duties. Pressure will not change our course," the ministry spokeswoman said. Talks resume in May.\n');
    expect(texts(s)).toEqual([
      '"We reject the new duties. Pressure will not change our course," the ministry spokeswoman said.',
      'Talks resume in May.',
    ]);
    expectOffsets(s);
  });

  it('still splits a quotation that ends its own sentence', () => {
    const s = seg('\nThe minister said: "We reject the new duties." Pressure mounted the next day.\n');
    expect(texts(s)).toEqual(['The minister said: "We reject the new duties."', 'Pressure mounted the next day.']);
  });

  it('splits paragraphs and sentences with absolute offsets', () => {
    const s = seg('\nThe envoy landed in Oslo on Monday. Talks began an hour later.\n\nBoth sides called the session useful.\n');
    expect(texts(s)).toEqual(['The envoy landed in Oslo on Monday.', 'Talks began an hour later.', 'Both sides called the session useful.']);
    expect(s.sentences.map((x) => x.paragraph)).toEqual([0, 0, 1]);
    expect(s.sentences.every((x) => x.start >= HEADER.length)).toBe(true);
    expectOffsets(s);
  });

  it('keeps abbreviations and initials inside one sentence', () => {
    const s = seg(
      'U.S. Secretary of State Marco Rubio met Gen. Ito and Sen. Ruiz on Jan. 9 at 10 a.m. local time in St. Petersburg. ' +
        'Mr. Lee and Dr. Park joined Vice President J. D. Vance at No. 10 Downing Street on Sept. 3 for a U.N. briefing.',
    );
    expect(texts(s)).toHaveLength(2);
    expect(texts(s)[1]).toMatch(/^Mr\. Lee/);
    expectOffsets(s);
  });

  it('still ends a sentence after a dotted abbreviation when a new sentence clearly starts', () => {
    const s = seg('Beijing announced new export controls aimed at the U.S. The move drew a swift reply.');
    expect(texts(s)).toEqual(['Beijing announced new export controls aimed at the U.S.', 'The move drew a swift reply.']);
  });

  it('ends sentences after closing quotes and ellipses in quotes', () => {
    const s = seg('The minister said: "We will not be pushed around." Her deputy added, "We are ready to talk..." The meeting then closed.');
    expect(texts(s)).toEqual([
      'The minister said: "We will not be pushed around."',
      'Her deputy added, "We are ready to talk..."',
      'The meeting then closed.',
    ]);
  });

  it('does not split a question inside a quote followed by lower-case attribution', () => {
    const s = seg('"Why should we accept this?" she asked reporters in Geneva.');
    expect(texts(s)).toHaveLength(1);
  });

  it('handles CRLF line endings', () => {
    const body = '\r\nThe two leaders spoke by phone on Friday.\r\n\r\nThey agreed to stay in touch.\r\n';
    const s = segment(doc(body, ' date 2025-07-15 Test article\r\n'));
    expect(texts(s)).toEqual(['The two leaders spoke by phone on Friday.', 'They agreed to stay in touch.']);
    expect(texts(s).some((t) => t.includes('\r'))).toBe(false);
    expectOffsets(s);
  });

  it('keeps a sentence cut off mid-way as body without crashing', () => {
    const s = seg('Officials met in Doha on Sunday. The ministers were expected to discuss the');
    expect(s.sentences.at(-1)).toMatchObject({ kind: 'body', text: 'The ministers were expected to discuss the' });
  });

  it('treats single newlines between standalone lines as paragraph breaks but joins hard-wrapped prose', () => {
    const wrapped =
      'The foreign ministers of the two countries held talks in Ankara on\nWednesday, the ministry said in a short statement issued after the\nmeeting.\nA second round is planned.';
    const s = seg(wrapped);
    expect(texts(s)).toEqual([
      'The foreign ministers of the two countries held talks in Ankara on\nWednesday, the ministry said in a short statement issued after the\nmeeting.',
      'A second round is planned.',
    ]);
    expect(s.sentences.map((x) => x.paragraph)).toEqual([0, 1]);
    expectOffsets(s);
  });

  it('survives empty bodies and odd offsets', () => {
    expect(seg('').sentences).toEqual([]);
    expect(seg('\n\n   \n').sentences).toEqual([]);
    const d = doc('Text.');
    expect(segment({ ...d, bodyStart: 10_000 }).sentences).toEqual([]);
    expect(segment({ ...d, bodyStart: -5 }).sentences.length).toBeGreaterThan(0);
  });

  it('removes Markdown markers from the sentence span', () => {
    const s = seg('## Sanctions widen\n\n- The bloc blacklisted four firms on Monday.\n\n> "This is not over," the envoy said.');
    expect(s.sentences[0]).toMatchObject({ kind: 'heading', text: 'Sanctions widen' });
    expect(texts(s, 'body')).toEqual(['The bloc blacklisted four firms on Monday.', '"This is not over," the envoy said.']);
    expectOffsets(s);
  });
});

describe('segment: kinds', () => {
  it('marks site chrome as boilerplate, never body', () => {
    const chrome = [
      'Home | World | Business | Politics',
      'Share this article',
      'Subscribe to our newsletter',
      'Advertisement',
      'Read more: Why the summit matters',
      'We use cookies to improve your experience on this site.',
      'Published on 15 Jul 2025',
      'Updated 3 hours ago',
      'By Jane Doe and Ravi Menon',
      'Reuters',
      '© 2025 Example Media Group. All rights reserved.',
      '(Photo: Example Agency)',
      'File photo',
      'Image: Example Pictures',
      'Getty Images',
    ];
    const s = seg(`Diplomats met in Vienna on Monday.\n\n${chrome.join('\n\n')}\n\nThe talks will resume next week.`);
    for (const line of chrome) {
      const found = s.sentences.filter((x) => line.startsWith(x.text) || x.text.startsWith(line));
      expect(found.length, line).toBeGreaterThan(0);
      for (const f of found) expect(f.kind, line).not.toBe('body');
    }
    expect(texts(s, 'body')).toEqual(['Diplomats met in Vienna on Monday.', 'The talks will resume next week.']);
  });

  it('keeps real sentences that merely start like chrome as body', () => {
    const body = [
      'By Tuesday, the two sides had agreed to extend the truce by a week.',
      'Updated figures released by the ministry showed exports fell sharply in June.',
      'Home ministers from the bloc gathered in Rome to discuss migration.',
    ];
    const s = seg(body.join('\n\n'));
    expect(texts(s, 'body')).toEqual(body);
  });

  it('marks descriptive photo captions as captions', () => {
    const s = seg('The two presidents shake hands before talks in Hanoi on Monday. (Photo: Example Agency)\n\nThe talks lasted two hours.');
    expect(s.sentences[0]?.kind).toBe('caption');
    expect(s.sentences.at(-1)?.kind).toBe('body');
  });

  it('marks short title-like lines as headings and sentences as body', () => {
    const s = seg("Beijing responds to tariff threat\n\nTrump's tariff threat\n\nThe ministry said it would respond firmly.");
    expect(s.sentences.map((x) => x.kind)).toEqual(['heading', 'heading', 'body']);
  });
});

describe('segment: datelines', () => {
  const cases: [string, { place?: string; agency?: string; date?: string }, string][] = [
    ['BEIJING, July 13 (Xinhua) -- China and Laos held talks on Sunday.', { place: 'BEIJING', agency: 'Xinhua', date: '2025-07-13' }, 'China and Laos held talks on Sunday.'],
    ['MOSCOW (Reuters) - Russia said it would respond.', { place: 'MOSCOW', agency: 'Reuters' }, 'Russia said it would respond.'],
    ['WASHINGTON, July 14 — The Treasury imposed sanctions on three firms.', { place: 'WASHINGTON', date: '2025-07-14' }, 'The Treasury imposed sanctions on three firms.'],
    ['KYIV, Ukraine (AP) — Drones struck the port overnight.', { place: 'KYIV', agency: 'AP' }, 'Drones struck the port overnight.'],
  ];
  for (const [body, expected, first] of cases) {
    it(`reads "${body.slice(0, 28)}..."`, () => {
      const s = seg(body);
      expect(s.dateline).toMatchObject(expected);
      expect(s.sentences[0]?.text).toBe(first);
      expect(s.sentences[0]?.kind).toBe('body');
      const d = s.dateline!;
      expect(s.doc.text.slice(d.start, d.end)).toMatch(new RegExp(`^${expected.place ?? '\\('}`));
      expect(d.end).toBeLessThanOrEqual(s.sentences[0]!.start);
    });
  }

  it('reads a standalone dateline line', () => {
    const s = seg('\nBEIJING\n\nThe two ministers met on Tuesday.');
    expect(s.dateline).toMatchObject({ place: 'BEIJING' });
    expect(s.sentences[0]).toMatchObject({ kind: 'dateline', text: 'BEIJING' });
    expect(s.sentences[1]?.kind).toBe('body');
  });

  it('does not take capitalised sentence openers or later paragraphs for datelines', () => {
    expect(seg('NATO - the alliance met in Brussels.').dateline).toBeUndefined();
    expect(seg('U.S. President Donald Trump spoke on Monday.').dateline).toBeUndefined();
    expect(seg('ANALYSIS\n\nThe talks failed.').dateline).toBeUndefined();
    const late = seg('First paragraph here.\n\nSecond one.\n\nLONDON (Reuters) - Late text.');
    expect(late.dateline).toBeUndefined();
  });

  it('takes a dated dateline that opens a later paragraph after a quotation (page.dateline.mid-text)', () => {
    const s = seg('"We ask both sides to stop the shelling at once," the envoy said.\n\nNAIROBI, July 14 (Agency) -- Kenya called for calm along the border.\n\nThe envoy spoke at a briefing.');
    expect(s.dateline).toMatchObject({ place: 'NAIROBI', date: '2025-07-14', rule: 'page.dateline.mid-text' });
    expect(texts(s, 'body')).toContain('Kenya called for calm along the border.');
    expectOffsets(s);
  });
});

describe('segment: one paragraph per line and page furniture', () => {
  it('keeps a headline, standfirst and byline on their own lines apart from the story', () => {
    const s = seg(
      'Danish minister meets Chilean counterpart in Santiago\n' +
        'The two also discussed copper trade and fisheries with business leaders\n' +
        'By Ana Lopez\n' +
        'SANTIAGO (EFE) - The Danish foreign minister met her Chilean counterpart on Monday.\n' +
        'No joint statement was issued after the closed-door meeting.\n',
    );
    expect(s.sentences.map((x) => x.kind)).toEqual(['heading', 'heading', 'boilerplate', 'body', 'body']);
    expect(s.dateline).toMatchObject({ place: 'SANTIAGO', agency: 'EFE' });
    expect(s.sentences[3]?.text).toBe('The Danish foreign minister met her Chilean counterpart on Monday.');
  });

  it('joins a line that clearly runs on into the next one', () => {
    const s = seg('The ministers said they would meet again in\nLisbon before the end of the year.\nA date was not set.');
    expect(texts(s)).toEqual(['The ministers said they would meet again in\nLisbon before the end of the year.', 'A date was not set.']);
  });

  it('marks date and time lines, source lines and view counters as boilerplate', () => {
    const lines = ['March 3, 2024 14:05', '09:15 3 March 2024', 'World | Tuesday 5 March, 2024 10:51 am |', 'Source: Example Wire | 2024-03-05 | Editor: kim', 'This article has been read 310 times'];
    const s = seg(`${lines.join('\n\n')}\n\nThe envoy left Hanoi on Tuesday.`);
    expect(s.sentences.map((x) => x.kind)).toEqual([...lines.map(() => 'boilerplate'), 'body']);
  });

  it('marks a caption ending in an agency credit, even a long one', () => {
    const long =
      'Delegates from the two countries walk past honour guards before the opening session of the round of talks at the lakeside conference centre outside the capital on Tuesday, March 5, 2024, as security forces line the route. (Example Wire/Jo Park)';
    const s = seg(`${long}\n\nThe talks opened on Tuesday.`);
    expect(s.sentences.filter((x) => x.kind === 'body').map((x) => x.text)).toEqual(['The talks opened on Tuesday.']);
  });

  it('marks a caption whose credit reads "Photo courtesy of ..." (boilerplate.json captionCue)', () => {
    const cap = 'The visiting prime minister steps off the plane at the capital airport, May 2, 2024. Photo courtesy of Example News Service';
    const s = seg(`${cap}\n\nThe prime minister arrived in the capital on Thursday for a two-day visit.`);
    expect(s.sentences.filter((x) => x.kind === 'body').map((x) => x.text)).toEqual(['The prime minister arrived in the capital on Thursday for a two-day visit.']);
    // A body sentence that merely mentions courtesy is no caption.
    const body = seg('The minister paid a courtesy call on the president on Monday.');
    expect(body.sentences[0]?.kind).toBe('body');
  });

  it('reads a standalone dateline with date and agency after commas, after page furniture', () => {
    const s = seg('Example Wire\n\nMarch 3, 2024 14:05\n\nTwo ministers meet in Bonn\n\nBONN, Germany, March 3, ExampleWire\n\nThe two ministers held talks on Sunday.');
    expect(s.dateline).toMatchObject({ place: 'BONN', agency: 'ExampleWire', date: '2025-03-03' });
    expect(s.sentences.find((x) => x.kind === 'body')?.text).toBe('The two ministers held talks on Sunday.');
  });
});


describe('segment: any text', () => {
  const pieces = ['Mr.', 'U.S.', ' ', '\n', '\r\n', '\n\n', '"', '“', '”', "'", 'BEIJING', ' -- ', '(AP)', 'met', 'said', '.', '?', '!', ',', 'Jan. 5', '# ', '- ', '|', 'é', '😀', 'A', 'z'];
  const textArb = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));

  it('never throws and always gives exact, ordered, non-overlapping offsets', () => {
    fc.assert(
      fc.property(textArb, fc.nat(40), (body, cut) => {
        const d = doc(body);
        const s = segment({ ...d, bodyStart: Math.min(cut, d.text.length) });
        let last = -1;
        for (const x of s.sentences) {
          expect(d.text.slice(x.start, x.end)).toBe(x.text);
          expect(x.text.trim()).toBe(x.text);
          expect(x.start).toBeGreaterThanOrEqual(last);
          last = x.end;
        }
        if (s.dateline) expect(s.dateline.end).toBeGreaterThan(s.dateline.start);
      }),
      { numRuns: 400 },
    );
  });
});

describe('segment: title-case datelines', () => {
  it('reads a capital city followed by a colon', () => {
    const s = seg('Thimphu: The prime minister arrived on Saturday.');
    expect(s.dateline).toMatchObject({ place: 'Thimphu' });
    expect(s.sentences[0]?.text).toBe('The prime minister arrived on Saturday.');
  });

  it('reads a capital city with its day and no dash (the dateline glued to the lead)', () => {
    const s = seg('Nairobi, March 3 Kenya and Uganda signed a pipeline deal on Monday.');
    expect(s.dateline).toMatchObject({ place: 'Nairobi' });
    expect(s.sentences[0]?.text).toBe('Kenya and Uganda signed a pipeline deal on Monday.');
  });

  it('needs the day when there is no dash, and a known city', () => {
    expect(seg('Nairobi hosted the regional summit on Monday.').dateline).toBeUndefined();
    expect(seg('Analysis, March 3 Kenya and Uganda signed a pipeline deal.').dateline).toBeUndefined();
  });

  it('ignores a title-case word with a colon that is not a dateline city', () => {
    const s = seg('Analysis: The prime minister arrived on Saturday.');
    expect(s.dateline).toBeUndefined();
    expect(s.sentences[0]?.text).toBe('Analysis: The prime minister arrived on Saturday.');
  });
});

describe('segment: glued sentences', () => {
  it('splits sentences glued by a missing space, but not domains or initials', () => {
    const s = seg('The launch came on Tuesday.The ministry said it was monitoring.See pic.twitter.com/AbCd for images.');
    expect(texts(s)).toEqual(['The launch came on Tuesday.', 'The ministry said it was monitoring.', 'See pic.twitter.com/AbCd for images.']);
    expectOffsets(s);
  });
});

describe('segment: embedded posts', () => {
  it('marks an embedded social-media post as boilerplate', () => {
    const s = seg('Landed in Oslo. Looking forward to the talks with my friend the prime minister tomorrow. pic.twitter.com/AbC123 — Jane Minister (@janeminister) May 4, 2024\n\nThe minister arrived on Saturday.');
    expect(s.sentences.filter((x) => x.kind === 'body').map((x) => x.text)).toEqual(['The minister arrived on Saturday.']);
  });
});

describe('segment: a title that is a sentence', () => {
  it('reads a long, sentence-like title line as the first body sentence', () => {
    const title = 'The Chilean president arrived in Lima on Monday and was received by her Peruvian counterpart at the palace.';
    const header = ` date 2025-07-15 ${title}\n`;
    const s = segment({ ...doc('The two leaders signed three accords.', header), title });
    expect(s.sentences[0]).toMatchObject({ kind: 'body', text: title, paragraph: 0 });
    expect(s.doc.text.slice(s.sentences[0]!.start, s.sentences[0]!.end)).toBe(title);
    expect(s.sentences[1]).toMatchObject({ text: 'The two leaders signed three accords.', paragraph: 1 });
  });

  it('leaves a headline-style title out', () => {
    const title = 'Chile and Peru sign accords';
    const s = segment({ ...doc('The two leaders signed three accords.', ` date 2025-07-15 ${title}\n`), title });
    expect(s.sentences.map((x) => x.text)).toEqual(['The two leaders signed three accords.']);
  });
});

describe('segment: TASS-style datelines', () => {
  it('reads "PLACE, Month D. /AGENCY/:"', () => {
    const s = seg('ANKARA, November 4. /TASS/: The ambassador has been recalled.');
    expect(s.dateline).toMatchObject({ place: 'ANKARA', agency: 'TASS', date: '2024-11-04' });
    expect(s.sentences[0]?.text).toBe('The ambassador has been recalled.');
  });
});
