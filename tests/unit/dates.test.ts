import { describe, expect, it } from 'vitest';
import { parseDayText, resolveDate } from '../../scripts/pipeline/dates.ts';
import type { DateContext, EventCandidate, EventType, Modality, Sentence } from '../../scripts/pipeline/types.ts';

// Reference days: 2025-07-15 is a Tuesday, 2025-07-14 a Monday, 2026-01-05 a Monday in January.
const TUE = '2025-07-15';
const MON = '2025-07-14';
const JAN = '2026-01-05';

/** A sentence at an arbitrary document offset, with one candidate on `trigger` (first occurrence, or `nth`). */
function setup(text: string, trigger: string, opts: { type?: EventType; modality?: Modality; offset?: number; clause?: string; nth?: number } = {}) {
  const offset = opts.offset ?? 500;
  const sentence: Sentence = { index: 3, paragraph: 1, text, start: offset, end: offset + text.length, kind: 'body' };
  let at = -1;
  for (let k = 0; k <= (opts.nth ?? 0); k++) at = text.indexOf(trigger, at + 1);
  if (at < 0) throw new Error(`trigger ${trigger} not in text`);
  const clauseAt = opts.clause ? text.indexOf(opts.clause) : 0;
  const clauseLen = opts.clause ? opts.clause.length : text.length;
  const candidate: EventCandidate = {
    type: opts.type ?? 'meeting',
    trigger: { start: offset + at, end: offset + at + trigger.length, text: trigger },
    clause: { start: offset + clauseAt, end: offset + clauseAt + clauseLen },
    modality: opts.modality ?? 'asserted',
    confidence: 0.9,
    rule: 'test',
  };
  return { sentence, candidate };
}

function resolve(text: string, trigger: string, ctx: DateContext, opts: Parameters<typeof setup>[2] = {}) {
  const { sentence, candidate } = setup(text, trigger, opts);
  return resolveDate(sentence, candidate, ctx);
}

describe('weekdays prefer the past', () => {
  it('"on Tuesday" in a Tuesday article is that same day', () => {
    const r = resolve('The prime minister hosted her Japanese counterpart on Tuesday in Canberra.', 'hosted', { published: TUE });
    expect(r).toMatchObject({ date: '2025-07-15', precision: 'day', evidence: 'weekday' });
  });

  it('a bare weekday is the latest such day on or before publication', () => {
    expect(resolve('Lavrov met Sunday with his counterpart in Beijing.', 'met', { published: TUE }).date).toBe('2025-07-13');
    expect(resolve('The envoys met on Friday in Doha.', 'met', { published: TUE }).date).toBe('2025-07-11');
    expect(resolve('The envoys met on Wednesday in Doha.', 'met', { published: TUE }).date).toBe('2025-07-09');
    // Monday article: "Tuesday" is six days back, "Monday" is today.
    expect(resolve('The envoys met on Tuesday in Doha.', 'met', { published: MON }).date).toBe('2025-07-08');
    expect(resolve('The envoys met on Monday in Doha.', 'met', { published: MON }).date).toBe('2025-07-14');
  });

  it('"last Friday" is the Friday before publication; "last Tuesday" in a Tuesday article is a week back', () => {
    expect(resolve('The two leaders spoke by phone last Friday.', 'spoke', { published: TUE }).date).toBe('2025-07-11');
    expect(resolve('The two leaders spoke by phone last Tuesday.', 'spoke', { published: TUE }).date).toBe('2025-07-08');
  });

  it('a future clause reads the weekday forward and flags it', () => {
    const r = resolve('The ministers will meet again on Friday in Geneva.', 'meet', { published: TUE }, { modality: 'planned' });
    expect(r.date).toBe('2025-07-18');
    expect(r.future).toBe(true);
  });

  it('a planned candidate reads a bare weekday forward even without a future word next to it', () => {
    const r = resolve('Talks with the delegation on Friday are expected to focus on trade.', 'Talks', { published: TUE }, { modality: 'planned' });
    expect(r.date).toBe('2025-07-18');
    expect(r.future).toBe(true);
  });
});

describe('relative and explicit days', () => {
  it('"yesterday" is the day before publication', () => {
    expect(resolve('Iran rejected the proposal yesterday, its foreign ministry said.', 'rejected', { published: TUE }, { type: 'accusation' })).toMatchObject({
      date: '2025-07-14',
      precision: 'day',
      evidence: 'relative',
    });
  });

  it('"July 13", "13 July 2025" and "on 24 July" are those days, not after publication', () => {
    expect(resolve('The ministers met on July 13 in Kuala Lumpur.', 'met', { published: TUE })).toMatchObject({ date: '2025-07-13', evidence: 'explicit' });
    expect(resolve('The accord was signed on 13 July 2025 in Doha.', 'signed', { published: TUE }, { type: 'agreement' }).date).toBe('2025-07-13');
    // 24 July is nine days after a 15 July publication: read as last year's 24 July.
    expect(resolve('The delegations met on 24 July in Ankara.', 'met', { published: TUE }).date).toBe('2024-07-24');
  });

  it('a time of day does not change the day', () => {
    expect(resolve('The ministers met at 2 p.m. in Kuala Lumpur.', 'met', { published: TUE })).toMatchObject({ date: TUE, evidence: 'publication' });
    expect(resolve('The ministers met on Sunday at 2 p.m. local time.', 'met', { published: TUE }).date).toBe('2025-07-13');
  });

  it('in a January article, a December date without a year is last December', () => {
    expect(resolve('The two presidents met on December 28 in Mar-a-Lago.', 'met', { published: JAN }).date).toBe('2025-12-28');
    expect(resolve('Seoul and Tokyo signed the pact on Dec. 30.', 'signed', { published: JAN }, { type: 'agreement' }).date).toBe('2025-12-30');
    expect(resolve('The two presidents met on January 2 in Paris.', 'met', { published: JAN }).date).toBe('2026-01-02');
  });

  it('an explicit future date is kept and flagged future', () => {
    const r = resolve('Putin will visit New Delhi on July 20, the Kremlin said.', 'visit', { published: TUE }, { type: 'visit', modality: 'planned' });
    expect(r).toMatchObject({ date: '2025-07-20', precision: 'day', future: true });
  });

  it('a scheduled date just after publication is this year even without a future word', () => {
    expect(resolve('Talks in Istanbul on July 17 drew a large crowd of diplomats.', 'Talks', { published: TUE }).date).toBe('2025-07-17');
  });
});

describe('no cue: publication day or dateline', () => {
  it('a news lead without a time cue happened on the publication day', () => {
    expect(resolve('China firmly opposes unilateral sanctions, a foreign ministry spokesman said.', 'said', { published: TUE }, { type: 'statement' })).toMatchObject({
      date: TUE,
      precision: 'day',
      evidence: 'publication',
    });
  });

  it('the dateline day is used when the sentence has no cue', () => {
    const ctx: DateContext = { published: TUE, dateline: { place: 'BEIJING', date: '2025-07-13', start: 0, end: 20 } };
    expect(resolve('The foreign ministers issued a joint statement.', 'issued', ctx, { type: 'agreement' })).toMatchObject({ date: '2025-07-13', evidence: 'dateline' });
    // ...but a cue in the sentence wins over the dateline.
    expect(resolve('The foreign ministers met on Monday.', 'met', ctx).date).toBe('2025-07-14');
  });
});

describe('vague periods are approximate, never a made-up exact day', () => {
  const cases: Array<[string, string]> = [
    ['The envoys met earlier this month in Oslo.', '2025-07-08'], // 1..15 July -> middle
    ['The envoys met last week in Oslo.', '2025-07-10'], // Mon 7 .. Sun 13 July -> Thursday
    ['The envoys met this week in Oslo.', '2025-07-14'], // Mon 14 .. Tue 15 July
    ['The envoys met recently in Oslo.', '2025-06-30'], // 17 June .. 14 July
    ['The envoys met in June in Oslo.', '2025-06-15'],
    ['The envoys met in early June in Oslo.', '2025-06-05'],
    ['The envoys met last month in Oslo.', '2025-06-15'],
    ['The envoys met last year in Oslo.', '2024-07-01'],
  ];
  for (const [text, date] of cases) {
    it(text, () => {
      const r = resolve(text, 'met', { published: TUE });
      expect(r.precision).toBe('approximate');
      expect(r.date).toBe(date);
      expect(r.date! <= TUE).toBe(true);
    });
  }

  it('a month after the publication month is last year ("in December" in a July article)', () => {
    expect(resolve('The envoys met in December in Oslo.', 'met', { published: TUE }).date).toBe('2024-12-16');
  });

  it('a bare year is background: approximate middle of the year, only when nothing better is there', () => {
    expect(resolve('The two sides signed a pact in 2022.', 'signed', { published: TUE }, { type: 'agreement' })).toMatchObject({
      date: '2022-07-02',
      precision: 'approximate',
    });
    expect(resolve('In 2022 talks collapsed, but the two sides met on Sunday.', 'met', { published: TUE }).date).toBe('2025-07-13');
  });
});

describe('future without a day: date null', () => {
  for (const text of [
    'Xi is expected to visit Moscow later this year.',
    'Xi plans to visit Moscow next month.',
    'Xi will visit Moscow next week.',
    'Xi will visit Moscow in the coming weeks.',
  ]) {
    it(text, () => {
      const r = resolve(text, 'visit', { published: TUE }, { type: 'visit', modality: 'planned' });
      expect(r.date).toBeNull();
      expect(r.future).toBe(true);
    });
  }
});

describe('deadlines are not the event date', () => {
  it('"within 50 days" is a deadline counted from the threat\'s own day', () => {
    const r = resolve('Trump warned on Monday that he would impose steep tariffs unless the war ends within 50 days.', 'warned', { published: TUE }, { type: 'threat' });
    expect(r.date).toBe('2025-07-14');
    expect(r.deadline).toBe('2025-09-02');
  });

  it('a threat without its own cue happened on the publication day; "by September 1" is its deadline', () => {
    const r = resolve('Washington threatened new sanctions if Tehran does not respond by September 1.', 'threatened', { published: TUE }, { type: 'threat' });
    expect(r).toMatchObject({ date: TUE, evidence: 'publication', deadline: '2025-09-01' });
  });

  it('"by Friday" is a deadline (the coming Friday), the threat is dated by its own cue', () => {
    const r = resolve('The bloc warned on Sunday that Minsk must free the detainees by Friday.', 'warned', { published: TUE }, { type: 'threat' });
    expect(r.date).toBe('2025-07-13');
    expect(r.deadline).toBe('2025-07-18');
  });

  it('"the July 20 deadline" is a deadline', () => {
    const r = resolve('Officials rejected the July 20 deadline as unrealistic.', 'rejected', { published: TUE }, { type: 'accusation' });
    expect(r.date).toBe(TUE);
    expect(r.deadline).toBe('2025-07-20');
  });
});

describe('anchors: hours after X, a day after X, following X', () => {
  const previous = [
    { type: 'statement' as EventType, date: '2025-07-13', trigger: 'said' },
    { type: 'meeting' as EventType, date: '2025-07-15', trigger: 'met' },
  ];

  it('the earlier event in "A came hours after B" is the day before A (approximate)', () => {
    const text = 'The meeting came just hours after the US president warned Moscow of severe tariffs within 50 days.';
    const r = resolve(text, 'warned', { published: TUE, previous }, { type: 'threat' });
    expect(r).toMatchObject({ date: '2025-07-14', precision: 'approximate', evidence: 'anchor' });
    expect(r.deadline).toBe('2025-09-02');
  });

  it('"a day after the meeting" is the meeting\'s day plus one', () => {
    const prev = [{ type: 'meeting' as EventType, date: '2025-07-12', trigger: 'held talks' }];
    const r = resolve('Beijing announced new export curbs a day after the talks.', 'announced', { published: TUE, previous: prev }, { type: 'sanction' });
    expect(r).toMatchObject({ date: '2025-07-13', precision: 'day', evidence: 'anchor' });
  });

  it('"hours after X" dates the later event on X\'s day', () => {
    const prev = [{ type: 'military' as EventType, date: '2025-07-12', trigger: 'struck' }];
    const r = resolve('Tehran condemned the West hours after the strikes on its nuclear sites.', 'condemned', { published: TUE, previous: prev }, { type: 'accusation' });
    expect(r).toMatchObject({ date: '2025-07-12', evidence: 'anchor' });
  });

  it('an anchor to an unknown event falls back to the publication day, approximate', () => {
    const r = resolve('Tehran condemned the West hours after the strikes on its nuclear sites.', 'condemned', { published: TUE }, { type: 'accusation' });
    expect(r).toMatchObject({ date: TUE, precision: 'approximate' });
  });

  it('"two days later" is relative to the event told before', () => {
    const told = [{ type: 'visit' as EventType, date: '2025-07-10', trigger: 'arrived' }];
    const r = resolve('Two days later, the foreign ministers met in Vienna.', 'met', { published: TUE, previous: told }, { type: 'meeting' });
    expect(r).toMatchObject({ date: '2025-07-12', precision: 'day', evidence: 'anchor' });
  });

  it('a sentence with two events gives each its own cue', () => {
    const text = 'The envoy met the king on Sunday, two days after the palace said on Friday that it would host him.';
    expect(resolve(text, 'met', { published: TUE }).date).toBe('2025-07-13');
    expect(resolve(text, 'said', { published: TUE }, { type: 'statement' }).date).toBe('2025-07-11');
  });

  it('a cue that closes an "after" phrase with a comma dates the act inside that phrase', () => {
    // "on Friday," ends the "after" phrase: it dates the shelling, which the phrase also holds.
    const text = 'Four soldiers died after rebels shelled the outpost near the border on Friday, officials said.';
    expect(resolve(text, 'shelled', { published: TUE }, { type: 'military' })).toMatchObject({ date: '2025-07-11', evidence: 'weekday' });
    // The act outside the phrase still does not take it.
    const other = 'Rebels withdrew after the army shelled their camp on Friday, a spokesman said.';
    expect(resolve(other, 'withdrew', { published: TUE }, { type: 'military' }).date).not.toBe('2025-07-11');
  });

  it('picks the cue in the candidate\'s clause', () => {
    const text = 'Xi hosted Lula on Monday, while Modi spoke to Putin on Saturday.';
    expect(resolve(text, 'hosted', { published: TUE }, { clause: 'Xi hosted Lula on Monday' }).date).toBe('2025-07-14');
    expect(resolve(text, 'spoke', { published: TUE }, { clause: 'Modi spoke to Putin on Saturday' }).date).toBe('2025-07-12');
  });
});

describe('words chrono would misread as dates', () => {
  const plain: Array<[string, string, EventType]> = [
    ['The EU may impose fresh sanctions on Minsk, the bloc\'s envoy said.', 'said', 'statement'],
    ['Thousands march on the embassy as the envoy arrives.', 'arrives', 'visit'],
    ['The minister sat down with her counterpart in Rome.', 'sat down', 'meeting'],
    ['The bloc has pushed for closer ties between its 10 members, the envoy said.', 'said', 'statement'],
    ['The Sept 11 attacks were cited as the minister spoke in Islamabad.', 'spoke', 'statement'],
    ['Veterans of World War II and the 1990s Balkan wars attended as Xi met Putin.', 'met', 'meeting'],
    ['He said the sanctions have been in force since June.', 'said', 'statement'],
    ['Russia says it is now ready to talk, the minister said.', 'said', 'statement'],
  ];
  for (const [text, trigger, type] of plain) {
    it(text, () => {
      expect(resolve(text, trigger, { published: TUE }, { type })).toMatchObject({ date: TUE, precision: 'day', evidence: 'publication' });
    });
  }

  it('"within 50 days" is never the event date', () => {
    const r = resolve('Russia must end the war within 50 days, Trump warned.', 'warned', { published: TUE }, { type: 'threat' });
    expect(r.date).toBe(TUE);
    expect(r.deadline).toBe('2025-09-03');
  });

  it('"May" with a day, and "in March", are dates', () => {
    expect(resolve('The two sides met on May 5 in Beijing.', 'met', { published: TUE }).date).toBe('2025-05-05');
    expect(resolve('The two sides met in March in Beijing.', 'met', { published: TUE })).toMatchObject({ date: '2025-03-16', precision: 'approximate' });
  });
});

describe('cue offsets and odd input', () => {
  it('cue offsets are absolute', () => {
    const text = 'Lavrov met Sunday with Wang Yi.';
    const { sentence, candidate } = setup(text, 'met', { offset: 1234 });
    const r = resolveDate(sentence, candidate, { published: TUE });
    expect(r.cue).toEqual({ start: 1234 + text.indexOf('Sunday'), end: 1234 + text.indexOf('Sunday') + 6, text: 'Sunday' });
  });

  it('never throws on odd text and an invalid publication day gives no date', () => {
    const odd = ['', '\u0000\uFFFF', 'on on on on', '9999-99-99', 'Monday Monday Monday'.repeat(50), 'in 1899 and 2100'];
    for (const text of odd) {
      const { sentence, candidate } = setup(text + ' met.', 'met');
      expect(() => resolveDate(sentence, candidate, { published: TUE })).not.toThrow();
    }
    const { sentence, candidate } = setup('They met on Sunday.', 'met');
    expect(resolveDate(sentence, candidate, { published: 'not a date' }).date).toBeNull();
  });
});

describe('parseDayText (datelines)', () => {
  it('reads a day, preferring the past', () => {
    expect(parseDayText('BEIJING, July 13 (Xinhua)', TUE)).toBe('2025-07-13');
    expect(parseDayText('WASHINGTON, Dec 30 (Reuters)', JAN)).toBe('2025-12-30');
    expect(parseDayText('MOSCOW, Monday', TUE)).toBe('2025-07-14');
    expect(parseDayText('2025-07-13', TUE)).toBe('2025-07-13');
  });

  it('returns null without a day', () => {
    expect(parseDayText('BEIJING', TUE)).toBeNull();
    expect(parseDayText('GENEVA (AP) --', TUE)).toBeNull();
    expect(parseDayText('July 13', 'garbage')).toBeNull();
  });
});

describe('cue attachment', () => {
  it('a cue after another actor\'s event noun dates that noun, not the trigger', () => {
    const r = resolve("The G7 ministers condemned in the strongest terms North Korea's launch last Thursday of a long-range missile.", 'condemned', { published: '2023-03-20' }, { type: 'accusation' });
    expect(r).toMatchObject({ date: '2023-03-20', evidence: 'publication' });
    // ...but the trigger's own object keeps its cue.
    expect(resolve('The two ministers signed the agreement on Monday in Hanoi.', 'signed', { published: TUE }, { type: 'agreement' }).date).toBe('2025-07-14');
  });

  it('a possessive cue dates only the noun right after it', () => {
    expect(resolve("The navy said this year's exercises are larger than before.", 'said', { published: TUE }, { type: 'statement' })).toMatchObject({ date: TUE, evidence: 'publication' });
    expect(resolve("Sunday's talks between the envoys ended without a deal.", 'talks', { published: TUE }).date).toBe('2025-07-13');
  });

  it('"earlier in the day" is the day of the event told before', () => {
    const previous = [{ type: 'accusation' as EventType, date: '2025-07-12', trigger: 'condemned' }];
    expect(resolve('Earlier in the day, the North fired a missile into the sea.', 'fired', { published: TUE, previous }, { type: 'military' })).toMatchObject({
      date: '2025-07-12',
      evidence: 'anchor',
    });
  });

  it('an anchor uses a day written on the other side of it', () => {
    const r = resolve('The chancellor took office on Dec. 8, after his party reached a coalition agreement.', 'reached', { published: '2021-12-24' }, { type: 'agreement' });
    expect(r).toMatchObject({ date: '2021-12-08', evidence: 'anchor', precision: 'approximate' });
  });

  it('a plain "following X" with X unknown keeps the publication day', () => {
    const r = resolve('The minister summoned the ambassador following a series of drone attacks.', 'summoned', { published: TUE }, { type: 'accusation' });
    expect(r).toMatchObject({ date: TUE, precision: 'day', evidence: 'publication' });
  });
});

describe('quotations, ranges and implicit anchors', () => {
  it('a date inside a quotation does not date the speech verb outside it', () => {
    expect(resolve('"We will meet again next week," the minister said.', 'said', { published: TUE }, { type: 'statement' })).toMatchObject({ date: TUE, evidence: 'publication' });
    // The sentence starts inside a quotation opened in the sentence before.
    expect(resolve('talks must resume as soon as possible next month," the spokesman added.', 'added', { published: TUE }, { type: 'statement' }).date).toBe(TUE);
    // ...but a cue outside the quotation still counts.
    expect(resolve('"We reject this," the minister said on Sunday.', 'said', { published: TUE }, { type: 'statement' }).date).toBe('2025-07-13');
  });

  it('"as soon as possible" is not a future cue', () => {
    expect(resolve('The envoy urged both sides to talk as soon as possible.', 'urged', { published: TUE }, { type: 'statement' })).toMatchObject({ date: TUE, evidence: 'publication' });
  });

  it('approximate dates carry the range of days they stand for', () => {
    expect(resolve('The envoys met last week in Oslo.', 'met', { published: TUE }).range).toEqual({ from: '2025-07-07', to: '2025-07-13' });
    expect(resolve('The envoys met in June in Oslo.', 'met', { published: TUE }).range).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(resolve('The envoys met earlier this month in Oslo.', 'met', { published: TUE }).range).toEqual({ from: '2025-07-01', to: TUE });
    expect(resolve('The envoys met on Sunday in Oslo.', 'met', { published: TUE }).range).toBeUndefined();
  });

  it('"earlier in the day" with nothing told before is the dateline day, else the publication day', () => {
    const dateline = { place: 'SEOUL', date: '2025-07-14', start: 0, end: 10 };
    expect(resolve('Earlier in the day, the North fired two missiles.', 'fired', { published: TUE, dateline }, { type: 'military' })).toMatchObject({ date: '2025-07-14', precision: 'day' });
    expect(resolve('Earlier in the day, the North fired two missiles.', 'fired', { published: TUE }, { type: 'military' })).toMatchObject({ date: TUE, precision: 'day' });
  });
});

describe('more anchors and deadlines', () => {
  it('"the day before" closing a clause is relative to the event told before', () => {
    const previous = [{ type: 'meeting' as EventType, date: '2025-07-12', trigger: 'met' }];
    expect(resolve('Seoul had protested to Tokyo the day before.', 'protested', { published: TUE, previous }, { type: 'accusation' }).date).toBe('2025-07-11');
  });

  it('a visit has no deadline, a threat does', () => {
    expect(resolve('Lula began a visit to Lisbon that will last until April 25.', 'began a visit', { published: '2023-04-21' }, { type: 'visit' }).deadline).toBeUndefined();
    expect(resolve('Washington gave Caracas until April 25 to free the detainees, officials warned.', 'warned', { published: '2023-04-21' }, { type: 'threat' }).deadline).toBe('2023-04-25');
  });
});

describe('ordinal days of an earlier event', () => {
  const previous = [{ type: 'visit' as EventType, date: '2025-07-10', trigger: 'began his two-day visit' }];
  it('"on the first day of his visit" is the visit\'s day; "the second day" the next', () => {
    expect(resolve('On the first day of his visit, the minister held talks with six counterparts.', 'held talks', { published: TUE, previous })).toMatchObject({
      date: '2025-07-10',
      precision: 'day',
      evidence: 'anchor',
    });
    expect(resolve('On the second day of his visit, the minister met the king.', 'met', { published: TUE, previous }).date).toBe('2025-07-11');
  });
});

describe('ordinal day of an unknown event', () => {
  it('"on the first day of the year" with no such event falls back to the publication day', () => {
    expect(resolve('On the first day of the new year, the president spoke to his counterpart.', 'spoke', { published: TUE })).toMatchObject({ date: TUE, precision: 'day', evidence: 'publication' });
  });
});

describe('"ago"', () => {
  it('"two days ago" is a day, "two weeks ago" an approximate one', () => {
    expect(resolve('The envoys met two days ago in Oslo.', 'met', { published: TUE })).toMatchObject({ date: '2025-07-13', precision: 'day', evidence: 'relative' });
    expect(resolve('The envoys met two weeks ago in Oslo.', 'met', { published: TUE })).toMatchObject({
      date: '2025-07-01',
      precision: 'approximate',
      range: { from: '2025-06-28', to: '2025-07-04' },
    });
  });
});

describe('ranges of days', () => {
  it('"from Monday to Wednesday" and "July 13-15" date the event by its first day', () => {
    expect(resolve('The navies held drills from Monday to Wednesday off Guam.', 'held drills', { published: '2025-07-17' }, { type: 'military' }).date).toBe('2025-07-14');
    expect(resolve('The talks were held July 13-15 in Vienna.', 'talks', { published: '2025-07-17' }).date).toBe('2025-07-13');
  });
});

describe('clauses', () => {
  it('a cue of a later clause does not date the candidate; one of an earlier clause may', () => {
    const text = 'India blamed the militants and, on May 7, struck their camps.';
    expect(resolve(text, 'blamed', { published: '2025-05-14' }, { type: 'accusation', clause: 'India blamed the militants' })).toMatchObject({ date: '2025-05-14', evidence: 'publication' });
    const text2 = 'When they met on Sunday, the ministers signed a grain deal.';
    expect(resolve(text2, 'signed', { published: TUE }, { type: 'agreement', clause: 'the ministers signed a grain deal.' }).date).toBe('2025-07-13');
  });

  it('a deadline in a later clause still counts', () => {
    const text = 'Trump warned Moscow of steep tariffs, unless the war ends within 50 days.';
    expect(resolve(text, 'warned', { published: TUE }, { type: 'threat', clause: 'Trump warned Moscow of steep tariffs' }).deadline).toBe('2025-09-03');
  });
});

describe('time phrase carried over from an event-less sentence before (ctx.before)', () => {
  const sentenceAt = (text: string, start: number): Sentence => ({ index: 2, paragraph: 1, text, start, end: start + text.length, kind: 'body' });
  const previous = [{ type: 'sanction' as EventType, date: '2025-05-13', trigger: 'declared' }];

  it('"Just hours later, X did the same." dates the next sentence\'s event', () => {
    const before = sentenceAt('Just hours later, Islamabad did the same.', 100);
    const r = resolve('It declared an Indian staffer persona non grata.', 'declared', { published: '2025-05-14', previous, before }, { type: 'sanction' });
    expect(r).toMatchObject({ date: '2025-05-13', evidence: 'anchor' });
    expect(r.cue).toEqual({ start: 100, end: 116, text: 'Just hours later' });
  });

  it('an opening weekday carries over; a cue in the middle of that sentence does not', () => {
    expect(resolve('The two sides signed a trade pact.', 'signed', { published: TUE, before: sentenceAt('On Sunday, the talks resumed in Doha.', 0) }, { type: 'agreement' }).date).toBe('2025-07-13');
    expect(resolve('The two sides signed a trade pact.', 'signed', { published: TUE, before: sentenceAt('The talks, first held on Sunday, resumed.', 0) }, { type: 'agreement' }).date).toBe(TUE);
  });

  it('the candidate\'s own cue wins over the carried one', () => {
    expect(resolve('The two sides signed a pact on Monday.', 'signed', { published: TUE, before: sentenceAt('On Sunday, the talks resumed.', 0) }, { type: 'agreement' }).date).toBe('2025-07-14');
  });
});

describe('parenthetical anchors', () => {
  it('"On Monday, after weeks of talks, the sides signed" is Monday', () => {
    expect(resolve('On Monday, after weeks of talks, the two sides signed a ceasefire.', 'signed', { published: TUE }, { type: 'agreement' }).date).toBe('2025-07-14');
  });
});

describe('relative clauses, hour deadlines and the event told last', () => {
  it('a cue inside ", who ... ," does not date the main verb', () => {
    const text = 'The minister, who is touring Asia this week, met the Thai premier on Tuesday.';
    expect(resolve(text, 'met', { published: '2025-07-16' })).toMatchObject({ date: '2025-07-15', evidence: 'weekday' });
  });

  it('"within 72 hours" is three days after the threat', () => {
    const r = resolve('Caracas on Wednesday threatened to expel the ambassador within 72 hours.', 'threatened', { published: '2025-03-12' }, { type: 'threat' });
    expect(r).toMatchObject({ date: '2025-03-12', deadline: '2025-03-15' });
  });

  it('"The move came a day after X" takes the event told last when the words name none', () => {
    const previous = [{ type: 'sanction' as EventType, date: '2025-07-14', trigger: 'expelled' }];
    const r = resolve('The move came a day after Minsk threatened to cut gas supplies.', 'threatened', { published: TUE, previous }, { type: 'threat' });
    expect(r).toMatchObject({ date: '2025-07-13', precision: 'approximate', evidence: 'anchor' });
  });
});

describe('sentence-opening anchor without a comma', () => {
  it('"After the talks the ministers signed" is the talks\' day', () => {
    const previous = [{ type: 'meeting' as EventType, date: '2025-03-11', trigger: 'held talks' }, { type: 'visit' as EventType, date: '2025-03-10', trigger: 'landed' }];
    expect(resolve('After the talks the two ministers signed a memorandum on biofuels.', 'signed', { published: '2025-03-12', previous }, { type: 'agreement' })).toMatchObject({
      date: '2025-03-11',
      evidence: 'anchor',
    });
  });
});

describe('anchor sanity', () => {
  it('an anchored day after publication means the wrong earlier event was matched', () => {
    const previous = [{ type: 'sanction' as EventType, date: TUE, trigger: 'expelled' }];
    const r = resolve('Moscow expelled two envoys days after Washington expelled Russian staff.', 'expelled', { published: TUE, previous }, { type: 'sanction' });
    expect(r).toMatchObject({ date: TUE, precision: 'approximate', evidence: 'publication' });
  });
});

describe('more attachment cases', () => {
  it('an implicit anchor next to the trigger beats a farther cue, counted from the sentence\'s day', () => {
    const text = 'The envoy said on Monday that talks held the previous day had been constructive.';
    expect(resolve(text, 'talks held', { published: TUE })).toMatchObject({ date: '2025-07-13', evidence: 'anchor' });
    expect(resolve(text, 'said', { published: TUE }, { type: 'statement' }).date).toBe('2025-07-14');
  });

  it('a relative clause right after the trigger noun describes it', () => {
    expect(resolve('The drills, which began on July 7, will run for two weeks.', 'drills', { published: TUE }, { type: 'military' }).date).toBe('2025-07-07');
  });

  it('"from June 15 to 17" is a range starting June 15, read forward when planned', () => {
    const r = resolve('The G7 leaders will gather in Kananaskis from June 15 to 17.', 'gather', { published: '2025-06-01' }, { modality: 'planned' });
    expect(r).toMatchObject({ date: '2025-06-15', future: true });
  });

  it('"within hours" is no deadline', () => {
    expect(resolve('Moscow responded within hours, expelling two diplomats.', 'expelling', { published: TUE }, { type: 'sanction' }).deadline).toBeUndefined();
  });
});

describe('the dateline day is the story day', () => {
  const dateline = { place: 'BEIJING', date: '2025-07-13', agency: 'Xinhua', start: 0, end: 30 };
  it('"yesterday" counts from the dateline day when it shortly precedes publication; weekdays from publication', () => {
    expect(resolve('The envoy arrived yesterday.', 'arrived', { published: TUE, dateline }, { type: 'visit' }).date).toBe('2025-07-12');
    expect(resolve('China on Saturday urged restraint.', 'urged', { published: TUE, dateline }, { type: 'statement' }).date).toBe('2025-07-12');
    expect(resolve('The ministers met on Monday.', 'met', { published: TUE, dateline }).date).toBe('2025-07-14');
  });

  it('a dateline day after publication or long before it is not used as the story day', () => {
    const odd = { ...dateline, date: '2025-06-01' };
    expect(resolve('The envoy arrived yesterday.', 'arrived', { published: TUE, dateline: odd }, { type: 'visit' }).date).toBe('2025-07-14');
  });
});

describe('an event after the anchor may be still to come', () => {
  it('"The meeting came a day before the summit": the summit is the next day (future)', () => {
    const previous = [{ type: 'meeting' as EventType, date: TUE, trigger: 'held talks' }];
    const r = resolve("The ministers' meeting came a day before the leaders' summit.", 'summit', { published: TUE, previous });
    expect(r).toMatchObject({ date: '2025-07-16', future: true });
  });
});
