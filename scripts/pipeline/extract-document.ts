/**
 * Assembles one document's events from the pure stages: find candidates in each body
 * sentence, resolve their actors and dates, and keep only what the text asserts happened
 * on a knowable day. Pure: same document in, same events out.
 */
import type { ActorResolver } from './actors.ts';
import { resolveDate } from './dates.ts';
import { byTheatre, distribute, earlierTargets, separate } from './events/distributive.ts';
import { encounterOf, SAID_IN_ENCOUNTER_RULE } from './events/said-in-encounter.ts';
import { tripOfMeeting } from './events/trip-of-meeting.ts';
import { isUndatedSpeech, UNDATED_SPEECH_RULE } from './events/undated-speech.ts';
import { DRILL_PARTICIPATION_RULE, PART_OF_TOLD_RULE, REFERRING_PAIR_RULE, REFERRING_PARTIES_RULE, drillOfParticipation, partOfTold, referredPair, referredParties, retellingOf, toldAs, type Retelling, type Told } from './events/retelling.ts';
import { droppedEventTraces, findEvents } from './find-events.ts';
import { OTHER_AGENT, otherAgentDays, sentenceAt, type AgentsAt, type DayFromElsewhere } from './dates/other-agent.ts';
import { DATED_FRAME, LEAD_SUMMARY } from './dates/cue-data.ts';
import { makeTitle, type TitleNote } from './title.ts';
import { PASSIVE_ACTED_ON_RULE, passiveSides } from './passive-act.ts';
import type { Trace, TraceStep } from './trace.ts';
import type { DateContext, DateEvidence, DateResolution, Span, EventType, ExtractedEvent, Modality, SegmentedDocument, Sentence } from './types.ts';
import { sortStrings } from './sort.ts';

/**
 * Modalities that describe something that happened. Planned, negated, habitual and background
 * events are dropped, except dated background (`needsOwnDate`), kept when it has a day of its own.
 */
const HAPPENED: ReadonlySet<Modality> = new Set<Modality>(['asserted', 'reported']);
/** Date evidence that comes from the event's own words (not the publication day, the dateline or another event). */
const OWN_EVIDENCE: ReadonlySet<DateEvidence> = new Set<DateEvidence>(['explicit', 'relative', 'weekday']);
/**
 * An approximate date whose possible span is wider than this ("last month", "in 2014") does not
 * place an event: the timeline would show a day the text never gave. "Hours after X" stays.
 */
const MAX_APPROXIMATE_SPAN_DAYS = 2;

/**
 * Types whose "in X" names where the event took place. For a statement or threat it names a
 * topic more often than a place ("ended its war in Ukraine"), so no location is kept.
 */
const PLACED_TYPES: ReadonlySet<EventType> = new Set<EventType>(['meeting', 'visit', 'agreement', 'military']);

/** How many later sentences the date stage may read for a retelling of an event. */
const FOLLOWING_SENTENCES = 10;
/** How many earlier sentences "That day"/"the same day" may look back to for the day they refer to. */
const EARLIER_SENTENCES = 2;
/** The body sentences before index `at` (a few, in text order). */
function earlierBody(sentences: readonly Sentence[], at: number): Sentence[] {
  const out: Sentence[] = [];
  for (let i = at - 1; i >= 0 && out.length < EARLIER_SENTENCES; i--) if (sentences[i]!.kind === 'body') out.unshift(sentences[i]!);
  return out;
}

/** The body sentences after index `at` (a few). */
function laterBody(sentences: readonly Sentence[], at: number): Sentence[] {
  const out: Sentence[] = [];
  for (let i = at + 1; i < sentences.length && out.length < FOLLOWING_SENTENCES; i++) if (sentences[i]!.kind === 'body') out.push(sentences[i]!);
  return out;
}

const spanDays = (r: { from: string; to: string }): number => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000;

export interface DocumentExtraction {
  events: ExtractedEvent[];
  /** Candidates dropped, by reason; for the build report and the eval's diagnostics. */
  dropped: Record<string, number>;
  /** With tracing on: each dropped candidate's trace, ending in the step that dropped it. */
  droppedTraces?: Trace[];
}

export interface ExtractOptions {
  /** Keep every decision on the events (`ExtractedEvent.trace`), for `--explain` and `eval --rules`. */
  trace?: boolean;
}

/** The trace a stage left on its record, if it keeps one (dates and actors add theirs). */
function traceOf(record: unknown): readonly TraceStep[] {
  const t = (record as { trace?: unknown } | null)?.trace;
  return Array.isArray(t) ? (t as TraceStep[]) : [];
}

/**
 * Whether the date came from a cue inside the candidate's own words (not the sentence's other cues, the publication
 * day or an anchor). A cue that starts inside them may run past their end by its year ("signed on 17 January 2024":
 * the act's phrase ends at the month, the date reader reads the year too).
 */
function ownDay(when: DateResolution, clause: Span): boolean {
  // "Two days earlier he had met ...": an anchor of its clause counted in days is a day of its own too.
  const own = OWN_EVIDENCE.has(when.evidence) || (when.evidence === 'anchor' && when.precision === 'day');
  return own && when.cue !== undefined && when.cue.start >= clause.start && when.cue.start < clause.end;
}

export function extractDocument(seg: SegmentedDocument, actors: ActorResolver, opts: ExtractOptions = {}): DocumentExtraction {
  // An act dated from a later sentence whose act is another state's is read again without that day (dates/other-agent.ts).
  let barred: Map<string, Map<number, string>> | undefined;
  for (let pass = 1; ; pass++) {
    const read = extractPass(seg, actors, opts, barred);
    const more = pass < OTHER_AGENT.maxPasses ? otherAgentDays(read.checks, read.agentsAt, barred) : undefined;
    if (!more) return read.result;
    barred = more;
  }
}

/** A candidate's key across readings of one document: its sentence, trigger and type. */
const LEAD_SUMMARY_ID = LEAD_SUMMARY.id;

const candidateKey = (sentence: Sentence, c: { trigger: Span; type: EventType }): string => `${sentence.index}:${c.trigger.start}:${c.type}`;

function extractPass(
  seg: SegmentedDocument,
  actors: ActorResolver,
  opts: ExtractOptions,
  barred: ReadonlyMap<string, ReadonlyMap<number, string>> | undefined,
): { result: DocumentExtraction; checks: DayFromElsewhere[]; agentsAt: Map<number, AgentsAt[]> } {
  const tracing = opts.trace === true;
  const droppedTraces: Trace[] = [];
  const { doc } = seg;
  const docActors = actors.forDocument(seg);
  const countryName = (iso3: string) => actors.countryName(iso3);
  const previous: NonNullable<DateContext['previous']> = [];
  // Acts dated from another sentence, and every candidate's acting states by sentence (dates/other-agent.ts).
  const checks: DayFromElsewhere[] = [];
  const agentsAt = new Map<number, AgentsAt[]>();
  // Acts dated by their own words, dated background included (dates.resolver.dated-frame).
  const frames: NonNullable<DateContext['frames']> = [];
  const events: ExtractedEvent[] = [];
  // Every kept report with its sentence, for finding the act a later sentence tells again (events/retelling.ts).
  const told: Told[] = [];
  const dropped: Record<string, number> = {};
  const drop = (why: string, steps?: () => Trace) => {
    dropped[why] = (dropped[why] ?? 0) + 1;
    if (tracing && steps) droppedTraces.push([...steps(), { stage: 'assemble', rule: `assemble.drop.${why.replace(/\s+/g, '-')}`, action: `dropped: ${why}` }]);
  };

  // The sentence just before, when it held no event: its opening time phrase may carry over
  // ("Just hours later, Pakistan did the same. They declared ...").
  let eventless: Sentence | undefined;
  // The lead: the first body paragraph.
  // A dateline opening a later paragraph (page.dateline.mid-text) starts the story proper: its paragraph is the lead.
  const midDateline = seg.dateline?.rule ? seg.dateline.start : undefined;
  const lead = seg.sentences.find((s) => s.kind === 'body' && (midDateline === undefined || s.end > midDateline))?.paragraph ?? 0;
  for (const [at, sentence] of seg.sentences.entries()) {
    if (sentence.kind !== 'body') continue;
    const candidates = findEvents(sentence, seg);
    const before = eventless?.paragraph === sentence.paragraph && eventless.index === sentence.index - 1 ? eventless : undefined;
    eventless = candidates.length === 0 ? sentence : undefined;
    for (const candidate of candidates) {
      const who = docActors.resolve(sentence, candidate);
      const own = candidate.trace ?? [];
      const key = candidateKey(sentence, candidate);
      const agentList = agentsAt.get(sentence.index) ?? [];
      agentList.push({ start: candidate.trigger.start, end: candidate.trigger.end, type: candidate.type, agents: who.agents ?? [] });
      agentsAt.set(sentence.index, agentList);
      const otherAgent = barred?.get(key);
      if (!HAPPENED.has(candidate.modality) && !candidate.needsOwnDate) {
        drop(candidate.modality, () => [...own]);
        continue;
      }
      const when = resolveDate(sentence, candidate, {
        published: doc.published,
        dateline: seg.dateline,
        previous,
        ...(before ? { before } : {}),
        // Later sentences may tell this event again with its day (dates.resolver.later-retelling).
        following: laterBody(seg.sentences, at),
        // "That day", "the same day": the day the sentences just before state (dates.frame.preceding-day).
        earlier: earlierBody(seg.sentences, at),
        frames,
        ...(otherAgent ? { otherAgent } : {}),
      });
      const decidedBy = when.trace?.[when.trace.length - 1]?.rule;
      if (decidedBy && OTHER_AGENT.rules.has(decidedBy) && who.agents && who.agents.length > 0) {
        const from = decidedBy === LEAD_SUMMARY_ID ? laterBody(seg.sentences, at)[0]?.index : when.cue ? sentenceAt(seg.sentences, when.cue.start) : undefined;
        if (from !== undefined && from !== sentence.index) checks.push({ key, agents: who.agents, sentence: from, at: decidedBy === LEAD_SUMMARY_ID ? undefined : when.cue?.start });
      }
      const steps = (): Trace => [...own, ...traceOf(when), ...traceOf(who)];
      if (when.date === null) {
        drop('no knowable day', steps);
        continue;
      }
      // Dated background counts only with a day of its own: never the publication day or the main event's.
      if (candidate.needsOwnDate && !ownDay(when, candidate.clause)) {
        drop('background without own day', steps);
        continue;
      }
      // A statement past the lead with no day of its own (events/undated-speech.ts).
      if (isUndatedSpeech(candidate.type, when.newsDay ? 'publication' : when.evidence, sentence, lead)) {
        drop('undated speech', () => [...steps(), { stage: 'events', rule: UNDATED_SPEECH_RULE, action: 'dropped: speech with no day of its own past the lead' }]);
        continue;
      }
      if (when.precision === 'approximate' && when.range && spanDays(when.range) > MAX_APPROXIMATE_SPAN_DAYS) {
        drop('vague period', steps);
        continue;
      }
      if (when.future || when.date > doc.published) {
        drop('after publication', steps);
        continue;
      }
      // "The two sides discussed ...": the parties are those of the act the document has just told (events/retelling.ts).
      const referred = referredParties(candidate.rule, who.countries, at, told);
      if (referred) {
        who.countries = [...referred.countries];
        who.actors = referred.actors.map((a) => ({ ...a }));
        own.push({ stage: 'events', rule: REFERRING_PARTIES_RULE, action: `parties=${referred.countries.join(',')}`, detail: `the parties of "${referred.title}"` });
      }
      // "talks between two delegations from two nations": the states of the report just told (events/retelling.ts).
      const pair = who.organizations.length === 0
        ? referredPair(candidate.type, who.countries, sentence.text.slice(candidate.clause.start - sentence.start, candidate.clause.end - sentence.start), at, told)
        : undefined;
      if (pair) {
        who.countries = [...pair.countries];
        who.actors = pair.actors.map((a) => ({ ...a }));
        own.push({ stage: 'events', rule: REFERRING_PAIR_RULE, action: `parties=${pair.countries.join(',')}`, detail: `the pair "${pair.title}"` });
      }
      if (who.countries.length === 0 && who.organizations.length === 0) {
        drop('no state or organisation', steps);
        continue;
      }
      const base: Omit<ExtractedEvent, 'title'> = {
        type: candidate.type,
        date: when.date,
        datePrecision: when.precision,
        dateEvidence: when.evidence,
        ...(when.deadline ? { deadline: when.deadline } : {}),
        countries: sortStrings([...new Set(who.countries)]),
        organizations: sortStrings([...new Set(who.organizations)]),
        actors: who.actors,
        ...(who.agents && who.agents.length > 0 ? { agents: who.agents } : {}),
        ...(who.location && PLACED_TYPES.has(candidate.type) ? { location: who.location } : {}),
        confidence: candidate.confidence,
        ...(tracing
          ? {
              trace: [
                ...steps(),
                ...(candidate.needsOwnDate
                  ? [{ stage: 'assemble', rule: 'assemble.background-own-date', action: `kept: ${when.evidence} day ${when.date}`, detail: when.cue?.text } satisfies TraceStep]
                  : []),
              ],
            }
          : {}),
        source: {
          document: doc.id,
          published: doc.published,
          sentence: sentence.text,
          start: sentence.start,
          end: sentence.end,
          trigger: { start: candidate.trigger.start - sentence.start, end: candidate.trigger.end - sentence.start },
        },
      };
      // The day later sentences may count from: the act's, or the day of the act it tells again.
      let anchorDay = when.date;
      // Several states condemning one act: one event each; one state's separate calls with several, a strike in
      // several states: one each (events/distributive.ts).
      const acts = distribute(base, sentence.text, { mentions: who.mentions, clauseStart: candidate.clause.start, sentenceStart: sentence.start, earlierTargets: (type) => earlierTargets(type, at, told) })
        .flatMap((e) => separate(e, sentence.text))
        .flatMap((e) => byTheatre(e, who.theatres));
      for (const [k, one] of acts.entries()) {
        // The title goes last, as a copy `{ ...base, title }` would put it, without copying base.
        const titleNotes: TitleNote[] | undefined = one.trace ? [] : undefined;
        const title = makeTitle(one, countryName, titleNotes);
        if (one.trace) {
          const passive = passiveSides(one);
          if (passive) one.trace.push({ stage: 'title', rule: PASSIVE_ACTED_ON_RULE, action: `acting=${passive.acting}, acted on=${passive.actedOn.join('+')}` });
          for (const n of titleNotes ?? []) one.trace.push({ stage: 'title', rule: n.rule, action: n.action });
          one.trace.push({ stage: 'title', rule: 'title.make', action: `title="${title}"` });
        }
        let ev: ExtractedEvent = Object.assign(one, { title });
        // The act an earlier sentence told: one event (events/retelling.ts).
        // Who took part in the drill told just before ("X, Y and Z sent troops to take part"): part of that drill.
        const drillAt = drillOfParticipation(ev, at, told);
        const again = drillAt === undefined ? retellingOf(ev, at, told) : undefined;
        if (drillAt !== undefined) {
          const drill = joinDrill(ev, drillAt, told, events, (e) => makeTitle(e, countryName));
          drop('part of a drill told', () => [...(ev.trace ?? steps()), { stage: 'events', rule: DRILL_PARTICIPATION_RULE, action: `dropped: taking part in the ${drill.type} "${drill.title}" (${drill.date})` }]);
          continue;
        }
        if (again) ev = foldRetelling(ev, again, told, events);
        else if (partOfTold(candidate.rule, ev.type, told)) {
          drop('part of an act told', () => [...(ev.trace ?? steps()), { stage: 'events', rule: PART_OF_TOLD_RULE, action: 'dropped: what the parties did in an act already told' }]);
          continue;
        }
        if (k === 0) anchorDay = ev.date;
        events.push(ev);
        told.push({ event: ev, sentence: at });
      }
      // Background is not an anchor for "hours after" in later sentences: those follow the news.
      if (when.precision === 'day' && ownDay(when, candidate.clause))
        frames.push({
          type: candidate.type,
          date: anchorDay,
          trigger: candidate.trigger.text,
          sentence: sentence.index,
          background: candidate.needsOwnDate === true,
          evidence: when.evidence,
          retrospective: candidate.needsOwnDate === true || DATED_FRAME.visitParts.retrospective.test(sentence.text),
        });
      if (!candidate.needsOwnDate) previous.push({ type: candidate.type, date: anchorDay, trigger: candidate.trigger.text, evidence: when.evidence, sentence: sentence.index, paragraph: sentence.paragraph });
    }
  }
  // What was said at a meeting, visit or signing the document reports belongs to it (events/said-in-encounter.ts).
  const kept = events.filter((e) => {
    const at = encounterOf(e, events);
    if (!at) return true;
    drop('said in encounter', () => [...(e.trace ?? []), { stage: 'events', rule: SAID_IN_ENCOUNTER_RULE, action: `part of the ${at.type} "${at.title}"` }]);
    return false;
  });
  // A trip the document names only in passing ("who is on a day-long visit to ..."): the visit of its meeting (events/trip-of-meeting.ts).
  const trip = tripOfMeeting(seg, kept, (ev) => makeTitle(ev, countryName), tracing);
  if (trip) kept.push(trip);
  // Candidates the events stage itself dropped (context rules, clause filters), each with the rule that dropped it.
  if (tracing) droppedTraces.push(...droppedEventTraces(seg));
  return { result: tracing ? { events: kept, dropped, droppedTraces } : { events: kept, dropped }, checks, agentsAt };
}

/**
 * Folds a retelling into the act it tells again (events/retelling.ts): the folding report takes
 * the other's type, parties and place, and both keep the better-dated day, so that the merge
 * joins them with both sentences as sources. Replaces the earlier report in `events` and `told`
 * when it changes; returns the later report as it is to be kept.
 */
function foldRetelling(later: ExtractedEvent, again: Retelling, told: Told[], events: ExtractedEvent[]): ExtractedEvent {
  const entry = told[again.of]!;
  const earlier = entry.event;
  const replace = (next: ExtractedEvent) => {
    const i = events.indexOf(earlier);
    if (i >= 0) events[i] = next;
    entry.event = next;
  };
  const step = (ev: ExtractedEvent, action: string) => {
    if (ev.trace) ev.trace = [...ev.trace, { stage: 'events', rule: again.rule, action }];
    return ev;
  };
  const where = (ev: ExtractedEvent) => `the ${ev.type} "${ev.title}" (${ev.date})`;
  if (again.folds === 'later') {
    const kept = step(toldAs(later, earlier, again.dated), `told again: part of ${where(earlier)}`);
    if (again.dated !== earlier) replace(step(toldAs(earlier, earlier, again.dated), `day ${again.dated.date} from a later sentence telling it again`));
    return kept;
  }
  const talks = again.dated === later ? later : toldAs(later, later, again.dated);
  replace(step(toldAs(earlier, talks, again.dated), `a reception in ${where(talks)}`));
  return again.dated === later ? later : step(talks, `day ${again.dated.date} from the reception`);
}

/**
 * Joins the participation of a drill ("X and Y sent troops to take part") to the drill told just
 * before (events/retelling.ts `drillOfParticipation`): the drill takes the states the report names,
 * as acting states too when it names some (its title is made again); the report itself is then no act
 * of its own. Replaces the drill in `events` and `told` when it changes; returns the drill as kept.
 */
function joinDrill(later: ExtractedEvent, of: number, told: Told[], events: ExtractedEvent[], title: (ev: ExtractedEvent) => string): ExtractedEvent {
  const entry = told[of]!;
  const drill = entry.event;
  const countries = sortStrings([...new Set([...drill.countries, ...later.countries])]);
  if (countries.length === drill.countries.length) return drill;
  const grown: ExtractedEvent = { ...drill, countries };
  // Those taking part act in the drill too: they join its acting states, if it names some.
  if (drill.agents && drill.agents.length > 0) grown.agents = sortStrings([...new Set([...drill.agents, ...later.countries])]);
  grown.title = title(grown);
  if (grown.trace) grown.trace = [...grown.trace, { stage: 'events', rule: DRILL_PARTICIPATION_RULE, action: `parties=${countries.join(',')}`, detail: `those taking part: "${later.source.sentence.slice(0, 80)}"` }];
  const i = events.indexOf(drill);
  if (i >= 0) events[i] = grown;
  entry.event = grown;
  return grown;
}
