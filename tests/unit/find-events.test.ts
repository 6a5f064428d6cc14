import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEvents } from '../../scripts/pipeline/find-events.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import type { EventCandidate, SegmentedDocument } from '../../scripts/pipeline/types.ts';

const HEADER = ' date 2025-07-15 Test article\n\n';

function segOf(body: string): SegmentedDocument {
  const text = HEADER + body;
  return segment({ id: 't', path: 't.txt', title: 'Test', published: '2025-07-15', text, bodyStart: HEADER.length, warnings: [] });
}

/** Candidates of every sentence of a one-paragraph body. */
function events(body: string): EventCandidate[] {
  const seg = segOf(body);
  return seg.sentences.flatMap((s) => findEvents(s, seg));
}

const brief = (e: EventCandidate) => `${e.type}/${e.modality}`;
const one = (body: string) => events(body).map(brief);

describe('findEvents: the eight types', () => {
  const cases: [string, string][] = [
    ['The Turkish foreign minister met his Greek counterpart in Athens on Monday.', 'meeting'],
    ['The two presidents spoke by phone on Saturday about the border.', 'meeting'],
    ['The Indian prime minister arrived in Brasilia on Sunday.', 'visit'],
    ['The French president toured a shipyard in Manila on Thursday.', 'visit'],
    ['The Kenyan foreign ministry urged both sides to show restraint.', 'statement'],
    ['Canada pledged $200 million in aid to Haiti on Monday.', 'statement'],
    ['Washington threatened to impose sanctions on Caracas over the vote.', 'threat'],
    ['The president set a 30-day deadline for the talks to produce results.', 'threat'],
    ['The European Union imposed sanctions on four Iranian officials on Monday.', 'sanction'],
    ['Poland expelled two Belarusian diplomats on Wednesday.', 'sanction'],
    ['The Treasury froze the assets of three shipping firms.', 'sanction'],
    ['Egypt and Sudan signed a water-sharing agreement in Cairo on Tuesday.', 'agreement'],
    ['The two governments reached a deal on fishing rights late on Friday.', 'agreement'],
    ['The leaders issued a joint statement after the talks.', 'agreement'],
    ['Seoul accused Pyongyang of jamming GPS signals near the border.', 'accusation'],
    ['Beijing summoned the Philippine ambassador on Thursday.', 'accusation'],
    ['Brazil condemned the raid on its embassy.', 'accusation'],
    ['Russia launched dozens of drones at Ukrainian cities overnight.', 'military'],
    ['China began large-scale naval drills around the island on Monday.', 'military'],
    ['The army deployed troops to the northern border on Sunday.', 'military'],
    ['Air defences shot down a drone over the capital.', 'military'],
  ];
  for (const [body, type] of cases) {
    it(`${type}: ${body.slice(0, 50)}`, () => {
      const found = events(body);
      expect(found.map(brief)).toEqual([`${type}/asserted`]);
    });
  }
  // A host receiving a foreign leader tells a meeting and the guest's visit (events.context.hostedGuest).
  it('meeting and visit: Japan hosted Indonesian President Prabowo Subianto', () => {
    expect(one('Japan hosted Indonesian President Prabowo Subianto for talks on Friday.')).toEqual(['meeting/asserted', 'visit/asserted']);
  });
});

describe('findEvents: spans, confidence, rule names', () => {
  it('gives absolute trigger and clause offsets inside the sentence', () => {
    const seg = segOf('Officials said little. The envoy met the rebel leaders in Doha on Tuesday.');
    const sentence = seg.sentences[1]!;
    const [ev] = findEvents(sentence, seg);
    expect(ev).toBeDefined();
    expect(seg.doc.text.slice(ev!.trigger.start, ev!.trigger.end)).toBe('met');
    expect(ev!.trigger.text).toBe('met');
    expect(ev!.clause.start).toBeGreaterThanOrEqual(sentence.start);
    expect(ev!.clause.end).toBeLessThanOrEqual(sentence.end);
    expect(ev!.trigger.start).toBeGreaterThanOrEqual(ev!.clause.start);
    expect(ev!.confidence).toBeGreaterThan(0);
    expect(ev!.confidence).toBeLessThanOrEqual(1);
    expect(ev!.rule).toMatch(/^meeting\./);
  });

  it('finds nothing in headings, boilerplate or sentences without triggers', () => {
    expect(events('Trade talks stall\n\nShare this article')).toEqual([]);
    expect(events('The weather in the capital was mild this week.')).toEqual([]);
  });
});

describe('findEvents: modality', () => {
  const cases: [string, string][] = [
    ['The chancellor will visit Beijing next week.', 'visit/planned'],
    ['The foreign minister is expected to meet her Indian counterpart on Friday.', 'meeting/planned'],
    ['Tokyo plans to sign the accord in September.', 'agreement/planned'],
    ['The two leaders did not meet during the summit week.', 'meeting/negated'],
    ['Kyiv refused to sign the memorandum.', 'agreement/negated'],
    ['The envoys parted with no agreement on the border.', 'agreement/negated'],
    ['Hanoi regularly calls for freedom of navigation in the sea.', 'statement/habitual'],
    ['The government has never condemned the coup.', 'accusation/habitual'],
    ['The bloc could impose new sanctions if the talks fail.', 'sanction/hypothetical'],
    ['If the offer is accepted, the ministers may meet again in Rome.', 'meeting/hypothetical'],
    ['Tensions have grown since Russia invaded Ukraine in 2022.', 'military/background'],
  ];
  for (const [body, expected] of cases) {
    it(`${expected}: ${body.slice(0, 50)}`, () => {
      expect(one(body)).toEqual([expected]);
    });
  }

  it('keeps a threat asserted although the threatened measure lies in the future', () => {
    expect(one('The president warned Moscow that he will impose heavy tariffs if the war does not end.')).toEqual(['threat/asserted']);
    expect(one('The minister threatened to expel the ambassador.')).toEqual(['threat/asserted']);
  });

  it('types the warning, not the verb that introduces it', () => {
    const found = events('The pledges of support came just hours after the president warned Iran that he would impose sanctions.');
    expect(found.map(brief)).toEqual(['threat/asserted']);
    expect(found[0]!.trigger.text).toMatch(/^warned/);
  });

  it('carries habitual modality into a participle clause', () => {
    expect(one('Beijing routinely calls for calm, while also accusing outside powers of stoking tension.')).toEqual([
      'statement/habitual',
      'accusation/habitual',
    ]);
  });

  it('marks media-attributed events as reported, and does not make the attribution a statement', () => {
    expect(one('The prime minister met the visiting emir on Monday, state media said.')).toEqual(['meeting/reported']);
    expect(one('Xinhua reported that the two ministers held talks in Lhasa.')).toEqual(['meeting/reported']);
    expect(one('The national broadcaster said the border crossing would reopen.')).toEqual([]);
  });
});

describe('findEvents: quotes, clauses and precedence', () => {
  it('types quoted speech as a statement with the speech verb as trigger', () => {
    const found = events('"There are no winners in a trade war, and pressure will not solve problems," the spokesman said.');
    expect(found.map(brief)).toEqual(['statement/asserted']);
    expect(found[0]!.trigger.text).toBe('said');
  });

  it('ignores verbs inside a quotation that spans two sentences', () => {
    const found = events('"We oppose all unilateral sanctions. Missile strikes will not bring peace," the envoy said.');
    expect(found.map((e) => e.type)).toEqual(['statement']);
  });

  it('makes what was said to a visiting official part of the meeting', () => {
    expect(one("The president told Japan's foreign minister on Tuesday that the two countries should deepen trade.")).toEqual([
      'meeting/asserted',
    ]);
    expect(one('The president told reporters on Tuesday that trade would grow.')).toEqual(['statement/asserted']);
  });

  it('prefers the meeting to the speech verb in one clause', () => {
    expect(one('Meeting Rutte in Brussels, the prime minister said the alliance must stay united.')).toEqual(['meeting/asserted']);
  });

  it('emits one event per clause and finds events in separate clauses', () => {
    expect(one('The president met the premier on Monday, as foreign ministers gathered in Astana for regional talks.')).toEqual([
      'meeting/asserted',
      'meeting/asserted',
    ]);
    expect(one('The envoy met the king and signed a trade agreement.')).toEqual(['meeting/asserted', 'agreement/asserted']);
    expect(one('The ministry said the talks were useful and welcomed the outcome.')).toEqual(['statement/asserted']);
  });

  it('falls back to the statement when the reported event did not happen', () => {
    expect(one('The minister said both sides should sign a peace treaty soon.')).toEqual(['statement/asserted']);
  });

  it('does not mistake look-alike phrases for events', () => {
    expect(events('The plan meets the needs of both economies.')).toEqual([]);
    expect(events('The proposal met with criticism from farmers.')).toEqual([]);
    expect(events('The UN-sanctioned force patrolled the zone.')).toEqual([]);
    expect(events('Anti-government protests filled the streets.')).toEqual([]);
    expect(events('The meeting and the pledges of support came a day later.')).toEqual([]);
  });
});

describe('findEvents: conditions', () => {
  it('splits an opening if-clause from the main clause, both hypothetical', () => {
    expect(one('If Tehran rejects the offer, the bloc would impose new sanctions.')).toEqual(['accusation/hypothetical', 'sanction/hypothetical']);
  });

  it('keeps the main clause of a past when-clause asserted', () => {
    expect(one('When the two leaders met in Paris, they signed a defence pact.')).toEqual(['meeting/asserted', 'agreement/asserted']);
  });
});

describe('findEvents: diplomatic wording', () => {
  const cases: [string, string][] = [
    ['The ministry told the Dutch embassy on Monday that five of its staff must leave the country within a week.', 'sanction/asserted'],
    ['The ministry said it had summoned the deputy head of the Swiss mission.', 'accusation/asserted'],
    ['The envoys were handed notes of protest on Friday.', 'accusation/asserted'],
    ['The charter was co-signed by the two presidents at the palace.', 'agreement/asserted'],
    ['The talks between the two delegations took place in Muscat on Sunday.', 'meeting/asserted'],
    ['Tehran vowed to take reciprocal measures against the sanctions.', 'threat/asserted'],
    ['The foreign ministry said it would take necessary measures to protect its sovereignty.', 'threat/asserted'],
    ['The drones targeted energy infrastructure in three regions overnight.', 'military/asserted'],
    ['The cabinet informed the envoys of its decision to expel four diplomats.', 'sanction/asserted'],
  ];
  for (const [body, expected] of cases) {
    it(`${expected}: ${body.slice(0, 50)}`, () => {
      expect(one(body)).toEqual([expected]);
    });
  }
});

describe('findEvents: threats, speech and repeated mentions', () => {
  it('reads "will retaliate" and "would raise duties" as threats', () => {
    expect(one('Beijing will immediately retaliate against any new levies, the ministry said on Friday.')).toEqual(['threat/asserted']);
    expect(one('The response came after the president announced on Sunday that he would raise duties on steel.')).toEqual(['threat/asserted']);
    expect(one('Ottawa warned Washington of retaliation if the levies go ahead.')).toEqual(['threat/asserted']);
  });

  it('lets the speech verb win over an event noun it introduces', () => {
    expect(one('The premier said trade talks between the two capitals were moving too slowly.')).toEqual(['statement/asserted']);
    expect(one('The premier said at the summit that trade must stay open.')).toEqual(['meeting/asserted']);
  });

  it('falls back to an asserted statement that follows an unrealised event', () => {
    expect(one('Seoul will never accept a deal that ignores its security, the minister said.')).toEqual(['statement/asserted']);
  });

  it('does not count a later noun for the same kind of event twice', () => {
    expect(one('The chancellor met the leaders of five states in Oslo, where energy dominated the summit.')).toEqual(['meeting/asserted']);
  });

  it('marks long-running measures as background', () => {
    expect(one('The two economies have imposed tariffs on each other since last year.')).toEqual(['sanction/background']);
  });

  it('does not read the United States as a speech verb', () => {
    expect(events('Trade between Canada and the United States grew in May.')).toEqual([]);
  });

  it('keeps a modal inside the clause from being swallowed by a long trigger', () => {
    expect(one('The office filed a notice of tariffs that would take effect on Friday.')).toEqual([]);
  });
});


describe('findEvents: any text', () => {
  const pieces = ['met', 'said', 'threatened to impose', 'will', 'not', 'if', ', as', '; ', '"', '“', '”', ' ', 'the', 'Russia', 'signed a deal', 'U.S.', '.', '\n', 'Meeting', 'accused', 'since 2022', 'é'];
  const textArb = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })), { maxLength: 50 }).map((a) => a.join(' '));

  it('never throws; triggers lie inside their clause and sentence', () => {
    fc.assert(
      fc.property(textArb, (body) => {
        const seg = segOf(body);
        for (const s of seg.sentences) {
          for (const e of findEvents(s, seg)) {
            expect(seg.doc.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
            expect(e.trigger.start).toBeGreaterThanOrEqual(e.clause.start);
            expect(e.trigger.end).toBeLessThanOrEqual(e.clause.end);
            expect(e.clause.start).toBeGreaterThanOrEqual(s.start);
            expect(e.clause.end).toBeLessThanOrEqual(s.end);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('findEvents: visits and receptions', () => {
  const cases: [string, string[]][] = [
    ['The visiting king was received by the president at the palace.', ['meeting/asserted']],
    ['On arrival she was warmly welcomed by her Kenyan counterpart.', ['meeting/asserted']],
    ['The premier visited Hanoi and Vientiane last week.', ['visit/asserted']],
    ['The minister is scheduled to visit the Kremlin on Friday.', ['visit/planned']],
    ['It was an important visit for both sides.', []],
    ['Visiting Chilean Foreign Minister Ana Ruiz praised the port project.', ['statement/asserted']],
    ['Six memorandums of understanding are slated to be signed during the trip.', ['agreement/planned']],
    ['The president will also host a dinner for the delegation, which will travel to Haiphong.', ['visit/planned']],
  ];
  for (const [body, expected] of cases) {
    it(`${expected.join(',') || 'nothing'}: ${body.slice(0, 50)}`, () => {
      expect(one(body)).toEqual(expected);
    });
  }
});

describe('findEvents: wire-copy details', () => {
  const cases: [string, string[]][] = [
    ['Tokyo said a projectile was launched by the North and flew 900 kilometres.', ['military/asserted']],
    ['The army said the rockets were fired from the coast at dawn.', ['military/asserted']],
    ['Sirens prompted residents to seek an air raid shelter.', []],
    ['The debris came down after landing in the sea.', []],
    ['The envoy landed in Canberra on Monday.', ['visit/asserted']],
    ['The three mediators jointly announced a new ceasefire proposal on Friday.', ['statement/asserted']],
    ["Oman's foreign minister spoke with his Iranian counterpart, Ali Rezaei, via phone on Sunday.", ['meeting/asserted']],
    ['Speaking at a press conference in Rome, the minister said the vote was valid.', ['statement/asserted']],
  ];
  for (const [body, expected] of cases) {
    it(`${expected.join(',') || 'nothing'}: ${body.slice(0, 50)}`, () => {
      expect(one(body)).toEqual(expected);
    });
  }
});

describe('findEvents: threats in speech and context', () => {
  it('reads threatening words inside a quotation as a threat', () => {
    expect(one('"If the bloc adopts new sanctions, we will take retaliatory action," the minister warned.')).toEqual(['threat/asserted']);
    expect(one('"Anyone trading with the firm risks financial isolation," the secretary warned.')).toEqual(['threat/asserted']);
    expect(one('"We are ready to talk," the minister said.')).toEqual(['statement/asserted']);
  });

  it('reads condemning words inside a quotation as an accusation', () => {
    expect(one('"We condemn this reckless act," the ministry said on Sunday.')).toEqual(['accusation/asserted']);
  });

  it('finds warnings of a response, readiness to take measures and vows of counteraction', () => {
    expect(one('Pyongyang warned Washington of a "resolute" response should the drills go on.')).toEqual(['threat/asserted']);
    expect(one('The ministry said the country was ready to take "all necessary measures" to defend itself.')).toEqual(['threat/asserted']);
    expect(one('Tehran slammed the new listings and vowed to take the "strongest countermeasures".')).toEqual(['accusation/asserted', 'threat/asserted']);
    expect(one('The minister told his counterpart the move was illegal and said there would be consequences.')).toEqual(['meeting/asserted', 'threat/asserted']);
    expect(one('The president stepped up his tariff threats on Monday.')).toEqual(['threat/asserted']);
  });

  it('also reports the act a reaction names', () => {
    expect(one('Jordan said the Israeli strikes on Syria undermine efforts to end the fighting.')).toEqual(['accusation/asserted', 'military/asserted']);
    const found = events("Oman condemned Israel's attack on Iran on Saturday.");
    expect(found.map((e) => e.type)).toEqual(['accusation', 'military']);
    expect(found[1]!.trigger.text).toBe('attack on');
  });

  it('reads a sanction in persona non grata wording', () => {
    expect(one('On Tuesday the ministry told a visiting attaché that he was "persona non grata".')).toEqual(['sanction/asserted']);
  });
});

describe('findEvents: a document read in context', () => {
  it('drops what officials said right after a reported meeting', () => {
    const found = events('The two ministers held a phone call on Tuesday. Cho also urged Beijing to play a constructive role. He added that ties should deepen.');
    expect(found.map(brief)).toEqual(['meeting/asserted']);
  });

  it('keeps a statement that answers an earlier event or has its own day', () => {
    expect(events('The president imposed tariffs on steel on Monday. Ottawa in response said the duties were wrong.').map(brief)).toEqual([
      'sanction/asserted',
      'statement/asserted',
    ]);
    expect(events('The envoys met in Geneva on Monday. Moscow said on Tuesday that the talks had been useful.').map(brief)).toEqual([
      'meeting/asserted',
      'statement/asserted',
    ]);
  });

  it('treats a bare event noun right after a report of the same kind as the same event', () => {
    const found = events('Foreign Minister Ruiz met her Danish counterpart on Monday. The meeting took place on the sidelines of a forum.');
    expect(found.map(brief)).toEqual(['meeting/asserted']);
  });

  it('keeps a statement about something else after a military event', () => {
    const found = events('The navy opened joint drills with Japan on Monday. Seoul said it hoped for better ties with Beijing.');
    expect(found.map(brief)).toEqual(['military/asserted', 'statement/asserted']);
  });
});

describe('findEvents: more context rules', () => {
  it('keeps speech attached to a meeting through a run of speech', () => {
    const found = events(
      'The two ministers spoke by phone on Tuesday. Both sides agreed on the need for dialogue. Cho urged Beijing to help. He expressed concern over the missile tests. Wang invited Cho to visit.',
    );
    expect(found.map(brief)).toEqual(['meeting/asserted']);
  });

  it('makes an event noun in an opening circumstance background', () => {
    expect(one('After the recent Russian invasion of Ukraine, sanctions talk intensified.')).toEqual(['military/background']);
  });

  it('reads "within reach" speech as a threat', () => {
    expect(one('Tehran said dozens of bases in the region were within reach.')).toEqual(['threat/asserted']);
  });

  it('keeps the reaction when it names an act already reported', () => {
    const found = events('North Korea launched a missile on Thursday. Pyongyang said on Thursday that the launch of the missile was a warning to Seoul.');
    expect(found.map(brief)).toEqual(['military/asserted', 'statement/asserted']);
  });
});

describe('findEvents: acts in trailing circumstances', () => {
  it('reads a strike named in a trailing "following" phrase as an event, unlike an opening one', () => {
    expect(one('Oslo summoned the envoy following a wave of drone attacks on Kharkiv by Russia.')).toEqual(['accusation/asserted', 'military/asserted']);
    expect(one('After the recent Russian invasion of Georgia, talks stalled.')).toEqual(['military/background']);
  });

  it('does not read "These attacks" as a national strike', () => {
    expect(events('These attacks killed nine people.')).toEqual([]);
  });
});

describe('findEvents: chained clauses', () => {
  it('splits "and was hosted by" and a bare "where" clause', () => {
    expect(one('The Kenyan president arrived in Accra on Monday and was hosted by his counterpart at the palace where both leaders held talks.')).toEqual([
      'visit/asserted',
      'meeting/asserted',
      'meeting/asserted',
    ]);
  });

  it('reads "held his first discussion with" as a meeting', () => {
    expect(one('The minister on Monday held his first discussion with his Austrian counterpart.')).toEqual(['meeting/asserted']);
  });
});

describe('findEvents: downgrading relations', () => {
  const cases: [string, string[]][] = [
    ['Lima recalled its ambassador to Caracas on Monday.', ['sanction/asserted']],
    ["Chile's envoy has been recalled from Managua for consultations, the ministry said.", ['sanction/asserted']],
    ['Quito severed diplomatic relations with Mexico on Friday.', ['sanction/asserted']],
    ['The government reserves the right to respond to the incursion.', ['threat/asserted']],
  ];
  for (const [body, expected] of cases) {
    it(`${expected.join(',')}: ${body.slice(0, 50)}`, () => {
      expect(one(body)).toEqual(expected);
    });
  }
});

describe('findEvents: agendas', () => {
  it('reads events listed on an agenda as planned', () => {
    expect(one('Besides meetings with business leaders, his agenda includes a visit to the port.')).toEqual(['meeting/planned']);
    expect(one('The itinerary includes talks with the king on Sunday.')).toEqual(['meeting/planned']);
  });
});

describe('findEvents: agreeing to act is not an agreement', () => {
  it('types "agreed to renegotiate the deal" as a statement but "agreed to a swap" as an agreement', () => {
    expect(one('Ottawa has agreed to renegotiate the trade deal.')).toEqual(['statement/asserted']);
    expect(one('The two sides agreed to a prisoner swap on Monday.')).toEqual(['agreement/asserted']);
  });

  it('reads an ordered strike as a military act', () => {
    expect(one('The president ordered a massive strike on an air base.')).toEqual(['military/asserted']);
  });
});

describe('findEvents: words quoted as words', () => {
  it('ignores a trigger word that is itself the quotation', () => {
    expect(events('The word “condemns” was replaced by “deplores” in the draft.')).toEqual([]);
    expect(one('Xi met Lavrov after the president held a "general meeting" with ministers.')).toEqual(['meeting/asserted', 'meeting/asserted']);
  });
});

describe('findEvents: held-out style phrasings', () => {
  const cases: [string, string[]][] = [
    ['A joint statement was issued after the talks in Hanoi.', ['agreement/asserted']],
    ['Rabat downgraded its diplomatic relations with Berlin on Monday.', ['sanction/asserted']],
    ['Pyongyang tested a new cruise missile on Sunday.', ['military/asserted']],
    ['The president vowed to hit Ottawa with new tariffs.', ['threat/asserted']],
    ['The city is mobilising for the festival season.', []],
    ['The army mobilised reservists along the border.', ['military/asserted']],
    ['The official who attended the meeting said the mood was calm.', ['statement/asserted']],
    ['The governor said nine people were killed in the floods.', []],
    ['The summit opened in Nairobi on Monday.', ['meeting/asserted']],
    ['The summit was a success, the premier said.', ['statement/asserted']],
  ];
  for (const [body, expected] of cases) {
    it(`${expected.join(',') || 'nothing'}: ${body.slice(0, 50)}`, () => {
      expect(one(body)).toEqual(expected);
    });
  }
});
