/**
 * Pass `actors.agents`: which of the parties do the act (the subject side): the first party named in
 * the clause before the trigger, outside a fronted prepositional phrase, with any parties coordinated
 * with it; or the party after a passive "by"; else a speaker right after a verb of saying ("..., said Iran's foreign minister"). Kept on the resolution for titles
 * and for later acts that refer back ("condemned the attack").
 */
import { actorPattern, INVERTING_VERBS } from '../words.ts';
import { isStateParty } from './party-test.ts';
import { note, stateOf, type PartyPass, type PartyState } from './state.ts';
import { wordsOf } from './words-of.ts';

/** "was summoned by Turkey": the agent is named after a passive "by" (actors.agents.passive-by). */
const PASSIVE_BY = actorPattern('passiveBy');
/** "the March 14 asset freeze ordered by Canada": a dated act noun's agent after a participle and "by" (actors.agents.participle-by). */
const PARTICIPLE_BY = actorPattern('participleBy');
/** Right after a mention: a passive verb of telling ("side has been clearly told", "was warned"), one noun may stand between ("Pakistani side"). */
const PASSIVE_ADDRESSEE = actorPattern('passiveAddressee');
/** A trigger told in the passive whose subject is the envoy summoned ("Pakistan's ambassador was summoned"). */
const PASSIVE_SUMMONS = actorPattern('passiveSummons');
/** Between an envoy's state and the envoy noun that opens the trigger: nothing, or a possessive ending. */
const ENVOY_POSSESSOR_GAP = /^(?:['’`]s)?\s{0,2}$/u;
/** Verbs of saying that put their speaker after them ("..., said Iran's foreign minister"). */
const INVERTING = new Set(INVERTING_VERBS);
/** A clause opening with a prepositional phrase up to its first comma. */
const FRONTED = actorPattern('frontedPhrase');
/** What may stand between two coordinated subjects: "X and Y", "X, Y", "X as well as Y" (spaces normalised). */
const COORDINATORS = new Set(['', ',', 'and', ', and', '&', 'as well as', 'or', 'the', 'and the', ', the', ', and the', 'as well as the']);
function coordinated(gap: string): boolean {
  return gap.length <= 20 && COORDINATORS.has(gap.trim().replace(/\s+/gu, ' ').replace(/ ,/gu, ',').toLowerCase());
}

/** A participle that opens a sentence ("Condemning", "Responding"): its subject is the main clause's. */
const FRONTED_PARTICIPLE = actorPattern('frontedParticiple');

/** The first of `fs` with the parties coordinated with it ("Jordan and Egypt"): mentions of one state in a row are one name. */
export function coordinatedRun(s: PartyState, fs: ReturnType<PartyState['found']['filter']>): string[] {
  const picked = [stateOf(fs[0]!)!];
  for (let i = 1; i < fs.length; i++) {
    const c = stateOf(fs[i]!)!;
    const g = s.sentenceText.slice(fs[i - 1]!.m.end - s.sentenceStart, fs[i]!.m.start - s.sentenceStart);
    if (c === stateOf(fs[i - 1]!) && !/[,;:()]/.test(g) && g.length <= 40) continue;
    if (!coordinated(g)) break;
    if (!picked.includes(c)) picked.push(c);
  }
  return picked;
}

/** Start of a clause reported by a verb of saying that stands between `from` and the trigger (not the trigger itself). */
function reportedClauseStart(s: PartyState, from: number): number | undefined {
  const t = s.candidate.trigger;
  const ws = wordsOf(s.sentenceText.slice(Math.max(0, from - s.sentenceStart), Math.max(0, t.start - s.sentenceStart)), Math.max(from, s.sentenceStart));
  let lastThat: number | undefined;
  for (let i = ws.length - 2; i >= 0; i--) {
    // "said that the U.S. was to blame and that the DPRK was ready to ...": the clause of the trigger opens at
    // the last "that" after the verb of saying.
    if (ws[i]!.w === 'that' && lastThat === undefined) lastThat = ws[i]!.end;
    if (!INVERTING.has(ws[i]!.w)) continue;
    if (lastThat !== undefined) return lastThat;
    return ws[i]!.end;
  }
  return undefined;
}

export const agentsPass: PartyPass = {
  id: 'actors.agents',
  run(s) {
    if (s.agents.length > 0) return;
    const t = s.candidate.trigger;
    const parties = s.found.filter((f) => {
      const c = stateOf(f);
      return !!c && s.countries.includes(c) && (isStateParty(f, s.type, s.dest) || f.m.victim === true);
    });
    const after = s.sentenceText.slice(t.end - s.sentenceStart, t.end - s.sentenceStart + 6);
    let picked: string[] = [];
    let why: string | undefined;
    if (PASSIVE_BY.re.test(after)) {
      const by = parties.find((f) => f.m.start >= t.end);
      if (by) {
        picked = [stateOf(by)!];
        why = `'${by.m.text}' after a passive 'by' (${PASSIVE_BY.id})`;
      }
    }
    // Dated background: the noun's own phrase may name its agent after a participle ("the March 14 asset freeze ordered by Canada").
    if (picked.length === 0 && s.candidate.needsOwnDate && s.candidate.modality === 'background') {
      const m = PARTICIPLE_BY.re.exec(s.sentenceText.slice(t.end - s.sentenceStart, t.end - s.sentenceStart + 40));
      const by = m ? parties.find((f) => f.m.start >= t.end + m[0].length) : undefined;
      if (by) {
        picked = [stateOf(by)!];
        why = `'${by.m.text}' after a participle and 'by' (${PARTICIPLE_BY.id})`;
      }
    }
    // "Condemning the Israeli strike on Syria, the Jordanian ministry said ...": a participle opening the sentence
    // has the subject of the main clause after its comma (rule actors.agents.fronted-participle).
    let rule = this.id;
    if (picked.length === 0) {
      const lead = s.sentenceText.slice(0, Math.max(0, t.start - s.sentenceStart));
      const word = s.sentenceText.slice(t.start - s.sentenceStart, t.end - s.sentenceStart).split(/\s/u)[0] ?? '';
      const comma = s.sentenceText.indexOf(',', t.end - s.sentenceStart);
      if (/^[\s"“'‘]*$/u.test(lead) && FRONTED_PARTICIPLE.re.test(word) && comma > 0) {
        const main = parties.filter((f) => f.m.start > s.sentenceStart + comma && !f.m.victim);
        if (main.length > 0) {
          picked = coordinatedRun(s, main);
          rule = FRONTED_PARTICIPLE.id;
        }
      }
    }
    if (picked.length === 0) {
      const gap = (from: number, to: number) => s.sentenceText.slice(from - s.sentenceStart, to - s.sentenceStart);
      // A fronted prepositional phrase ("In a call with X on Friday, Y denounced") holds no subject.
      const head = s.sentenceText.slice(Math.max(0, s.clause.start - s.sentenceStart));
      const fronted = FRONTED.re.exec(head);
      const from = s.clause.start + (fronted ? head.indexOf(',') + 1 : 0);
      if (fronted) note(s, FRONTED.id, 'subject after the opening phrase', `'${fronted[0].trim()}' holds no subject`);
      let before = parties.filter((f) => f.m.start >= from && f.m.end <= t.start && !f.m.victim);
      // "The Pakistani side has been clearly told that ...": the subject of a passive verb of telling is who was told,
      // never the speaker (rule actors.agents.passive-addressee).
      const told = before.filter((f) => PASSIVE_ADDRESSEE.re.test(s.sentenceText.slice(f.m.end - s.sentenceStart, f.m.end - s.sentenceStart + 60)));
      if (told.length > 0) {
        before = before.filter((f) => !told.includes(f));
        for (const f of told) note(s, PASSIVE_ADDRESSEE.id, `~agent ${stateOf(f)}`, `'${f.m.text}' is told, not telling`);
      }
      // "Pakistan's ambassador had been summoned": the state whose envoy is the passive subject was summoned, it did
      // not summon (rule actors.agents.passive-patient).
      if (PASSIVE_SUMMONS.re.test(t.text)) {
        const patient = before.filter((f) => f.m.end <= t.start && ENVOY_POSSESSOR_GAP.test(s.sentenceText.slice(f.m.end - s.sentenceStart, t.start - s.sentenceStart)));
        if (patient.length > 0) {
          before = before.filter((f) => !patient.includes(f));
          told.push(...patient);
          for (const f of patient) note(s, PASSIVE_SUMMONS.id, `~agent ${stateOf(f)}`, `'${f.m.text}' names the envoy summoned`);
        }
      }
      // "Israel said that Iran launched 180 missiles": an act reported inside another's speech has its own
      // subject, after the last verb of saying (and "that") before the trigger.
      const reported = reportedClauseStart(s, from);
      if (reported !== undefined) {
        const inner = before.filter((f) => f.m.start >= reported);
        if (inner.length > 0) before = inner;
      }
      // "Finland must be aware of the consequences, Russia's foreign ministry said": after a verb of saying, a
      // speaker named after the last comma before it is the subject; what comes before is the content.
      const verb = s.sentenceText.slice(t.start - s.sentenceStart, t.end - s.sentenceStart).toLowerCase().split(/\s/)[0] ?? '';
      if (s.words.speechVerbs.has(verb)) {
        const lastComma = Math.max(s.sentenceText.lastIndexOf(',', t.start - s.sentenceStart - 1), s.sentenceText.lastIndexOf('”', t.start - s.sentenceStart - 1));
        const speaker = lastComma >= 0 ? before.filter((f) => f.m.start > s.sentenceStart + lastComma) : [];
        // What precedes the comma must be content (a clause), not the head of a list of names ("Mali, Burkina Faso
        // and Niger said"): at least three words that are no party's name.
        let content = s.sentenceText.slice(Math.max(0, from - s.sentenceStart), Math.max(0, lastComma));
        for (const f of before) if (f.m.start < s.sentenceStart + lastComma) content = content.replace(f.m.text, ' ');
        const contentWords = content.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
        if (speaker.length > 0 && contentWords >= 3) before = speaker;
      }
      if (before.length === 0) before = parties.filter((f) => f.m.end <= t.start && !f.m.victim && !told.includes(f));
      // The subject is the first party named in the clause before the verb ("North Korea on Friday slammed South
      // Korea ... and vowed" -> North Korea), with the parties coordinated with it ("Mali, Burkina Faso and Niger
      // said"; "US Secretary Antony Blinken and China's Wang Yi met"): mentions of one state in a row are one name.
      if (before.length > 0) {
        picked = [stateOf(before[0]!)!];
        for (let i = 1; i < before.length; i++) {
          const c = stateOf(before[i]!)!;
          const g = gap(before[i - 1]!.m.end, before[i]!.m.start);
          if (c === stateOf(before[i - 1]!) && !/[,;:()]/.test(g) && g.length <= 40) continue;
          if (!coordinated(g)) break;
          if (!picked.includes(c)) picked.push(c);
        }
      }
    }
    if (picked.length === 0) {
      // "..., said Iran's foreign minister": a speaker right after a verb of saying. After any other verb the
      // first party is its object, never its subject: the agent is then unknown.
      const verb = s.sentenceText.slice(t.start - s.sentenceStart, t.end - s.sentenceStart).toLowerCase().split(/\s/)[0] ?? '';
      const first = parties.find((f) => f.m.start >= t.end && !f.m.victim);
      const gap = first ? s.sentenceText.slice(t.end - s.sentenceStart, first.m.start - s.sentenceStart) : '';
      // "said that the United States would ...": after "that" comes what was said, never who said it.
      if (first && INVERTING.has(verb) && !/[,;:]/.test(gap) && !/\bthat\b/iu.test(gap) && gap.trim().split(/\s+/).filter(Boolean).length <= 4) picked = [stateOf(first)!];
    }
    s.agents = picked;
    if (picked.length) note(s, rule, `agents=${picked.join(',')}`, why);
  },
};
