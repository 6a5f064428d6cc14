/**
 * Actor resolution: which states (ISO 3166-1 alpha-3), international organisations and people
 * an event sentence names, with coreference across a document's sentences.
 *
 *   const resolver = createActorResolver();        // builds the gazetteer trie once
 *   const doc = resolver.forDocument(seg);         // per document: coreference state
 *   doc.resolve(sentence, candidate);              // per candidate, in sentence order
 *
 * Data: world-countries plus scripts/data/{country-aliases,metonyms,organizations,people,actor-context}.json.
 * Decisions (see /tmp/team/actors.md): places ("in Doha") are mentions with `locative`, not parties,
 * except a visit's destination; media outlets are attributions, never parties by themselves;
 * "Ukraine's allies", "Iran-backed", "Western countries" name no party.
 */
import { SentenceAnalyzer, type SentenceAnalysis } from './actors/analyze.ts';
import { DocState } from './actors/doc-state.ts';
import { buildGazetteer, loadContextWords } from './actors/gazetteer.ts';
import { LOOKBACK, rankStates, sentenceSides, type CounterpartContext } from './actors/counterpart.ts';
import { noteInstrumentOwners } from './actors/instruments.ts';
import { nounActs } from './actors/noun-acts.ts';
import { selectParties } from './actors/parties.ts';
import type { PastAct } from './actors/passes/state.ts';
import type { ActorResolution, EventCandidate, SegmentedDocument, Sentence } from './types.ts';

/** Body sentences that make the lead (with the headline, weighted twice) for the article's main states. */
const LEAD_SENTENCES = 2;

export interface DocumentActors {
  resolve(sentence: Sentence, candidate: EventCandidate): ActorResolution;
}

export interface ActorResolver {
  forDocument(seg: SegmentedDocument): DocumentActors;
  countryName(iso3: string): string | undefined;
  isCountryCode(iso3: string): boolean;
}

/** Build the resolver: compiles every gazetteer into one token trie. Reuse it across documents. */
export function createActorResolver(): ActorResolver {
  const gaz = buildGazetteer();
  const words = loadContextWords();
  const analyzer = new SentenceAnalyzer(gaz, words);
  return {
    countryName: (iso3) => gaz.names.get(iso3),
    isCountryCode: (iso3) => gaz.names.has(iso3),
    forDocument(seg) {
      const state = new DocState(seg.doc.text, seg.doc.published, seg.doc.title, seg.dateline?.place);
      const sentences = seg.sentences;
      let next = 0;
      let last: { index: number; start: number; analysis: SentenceAnalysis; ctx: CounterpartContext } | undefined;
      // Sides named by each sentence read so far (for implied counterparts), and the headline's and lead's.
      const history: string[][] = [];
      const lead: string[][] = [];
      let titleSides: string[] | undefined;
      // Acts resolved so far, for "condemned the attack" later (bounded: only the latest few are looked at).
      const past: PastAct[] = [];
      // Acts the latest analysed sentence names only as a noun with its agent: kept once the next sentence is read,
      // so that a candidate never refers to a noun of its own sentence.
      let pendingNounActs: PastAct[] = [];
      // Craft and forces named with their state so far ("a Malian drone"), for "the drone" later.
      const instruments = new Map<string, string>();
      const analyzeOne = (s: Sentence): SentenceAnalysis => {
        if (pendingNounActs.length > 0) {
          past.push(...pendingNounActs);
          while (past.length > 32) past.shift();
          pendingNounActs = [];
        }
        const a = analyzer.analyze(s.text, s.start, s.kind, state);
        pendingNounActs = nounActs(a.tokens, a.found);
        noteInstrumentOwners(a.tokens, a.found, instruments);
        const sides = sentenceSides(a.found, a.collectives);
        history.push(sides);
        if (history.length > LOOKBACK) history.shift();
        if (s.kind === 'body' && lead.length < LEAD_SENTENCES) lead.push(sides);
        return a;
      };
      const contextNow = (): CounterpartContext => {
        if (!titleSides) {
          const t = analyzer.analyze(seg.doc.title, 0, 'heading', new DocState(seg.doc.title, seg.doc.published, seg.doc.title));
          titleSides = sentenceSides(t.found, t.collectives);
        }
        const ctx: CounterpartContext = { recent: history.slice(), main: rankStates([titleSides, titleSides, ...lead]) };
        if (state.destination) ctx.host = state.destination;
        return ctx;
      };
      const analysisFor = (sentence: Sentence): { analysis: SentenceAnalysis; ctx: CounterpartContext } => {
        if (last && last.index === sentence.index && last.start === sentence.start) return last;
        // Read earlier sentences first so coreference sees them ("Russia's Sergei Lavrov" ... "Lavrov").
        while (next < sentences.length && sentences[next]!.start < sentence.start) {
          const s = sentences[next++]!;
          if (s.kind !== 'boilerplate') analyzeOne(s);
        }
        if (next < sentences.length && sentences[next]!.start === sentence.start) next++;
        const ctx = contextNow();
        // The next body sentence, read with a state of its own (no coreference is changed), only when a pass asks.
        let ahead: { text: string; sides: string[] } | undefined | null = null;
        ctx.next = () => {
          if (ahead !== null) return ahead;
          ahead = undefined;
          const k = sentences.findIndex((x) => x.start > sentence.start && x.kind !== 'boilerplate');
          const n = k >= 0 ? sentences[k]! : undefined;
          if (n && n.kind === 'body') {
            const a = analyzer.analyze(n.text, n.start, n.kind, new DocState(seg.doc.text, seg.doc.published, seg.doc.title, seg.dateline?.place));
            ahead = { text: n.text, sides: sentenceSides(a.found, a.collectives) };
          }
          return ahead;
        };
        const analysis = analyzeOne(sentence);
        if (analysis.collectives > 0) ctx.otherSide = true;
        last = { index: sentence.index, start: sentence.start, analysis, ctx };
        return last;
      };
      return {
        resolve(sentence, candidate) {
          try {
            const { analysis, ctx } = analysisFor(sentence);
            const res = selectParties({
              found: analysis.found,
              sentenceStart: sentence.start,
              sentenceEnd: sentence.end,
              sentenceText: sentence.text,
              candidate,
              ctx,
              words,
              published: seg.doc.published,
              past,
              instruments,
            });
            if (res.agents && res.agents.length > 0) {
              past.push({ type: candidate.type, trigger: candidate.trigger.text, agents: res.agents, countries: res.countries });
              if (past.length > 32) past.shift();
            }
            return res;
          } catch (err) {
            return { countries: [], organizations: [], actors: [], mentions: [], trace: [{ stage: 'actors', rule: 'actors.error', action: 'no parties', detail: String(err).slice(0, 200) }] };
          }
        },
      };
    },
  };
}
