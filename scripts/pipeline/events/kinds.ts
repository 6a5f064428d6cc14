/**
 * Sentence kinds: site chrome ('boilerplate'), photo captions ('caption') and short
 * title-like lines ('heading'); everything else is 'body'. Patterns live in
 * scripts/data/boilerplate.json.
 */
import boilerplate from '../../data/boilerplate.json' with { type: 'json' };
import type { SentenceKind } from '../types.ts';
import { compileAlternation } from './patterns.ts';

const MAX_LENGTH: number = boilerplate.maxLength;
const CAPTION_MAX_LENGTH: number = boilerplate.captionMaxLength;
/** How many characters at each end of a long line are searched for caption cues. */
const CAPTION_PROBE = 120;
const isChrome = compileAlternation(boilerplate.line);
const isCredit = compileAlternation(boilerplate.creditOnly);
const hasCaptionCue = compileAlternation(boilerplate.captionCue);
const isEmbed = compileAlternation(boilerplate.embed);
const EMBED_MAX_LENGTH: number = boilerplate.embedMaxLength;

/** Headings: at most this many words and characters. */
const HEADING_MAX_WORDS = 12;
/** A line ending in one of these words was cut off mid-sentence; it is not a heading. */
const DANGLING = /\b(?:the|a|an|to|of|and|or|but|in|on|at|for|with|by|from|that|which|who|is|are|was|were|has|have|had|will|would|its|their|his|her)$/iu;
const HEADING_MAX_CHARS = 110;
const ENDS_PUNCT = /[.!?;:,…]["”’')\]]*$/u;
const STARTS_UPPER = /^["“‘'(\[]?[\p{Lu}\p{N}]/u;
const WORDS = /\S+/g;

/** 'boilerplate', 'caption' or null for one trimmed line or sentence. */
export function chromeKind(text: string): 'boilerplate' | 'caption' | null {
  if (text.length <= EMBED_MAX_LENGTH && isEmbed(text.slice(-200))) return 'boilerplate';
  if (text.length > CAPTION_MAX_LENGTH) return null;
  const lower = text.toLowerCase();
  if (text.length <= MAX_LENGTH && (isChrome(text, lower) || isCredit(text, lower))) return 'boilerplate';
  // Caption cues sit at a caption's start or end: long lines are tested on those parts only.
  const probe = text.length > CAPTION_PROBE * 2 ? `${text.slice(0, CAPTION_PROBE)}\n${text.slice(-CAPTION_PROBE)}` : text;
  if (hasCaptionCue(probe, probe === text ? lower : undefined)) return 'caption';
  return null;
}

/** Whether a whole paragraph reads as a heading: short, capitalised, no final punctuation. */
export function looksLikeHeading(text: string, markdownHeading: boolean): boolean {
  if (markdownHeading) return true;
  if (text.length > HEADING_MAX_CHARS || ENDS_PUNCT.test(text) || !STARTS_UPPER.test(text)) return false;
  if (DANGLING.test(text) || /[.!?]\s+\p{Lu}/u.test(text)) return false;
  const words = text.match(WORDS)?.length ?? 0;
  return words > 0 && words <= HEADING_MAX_WORDS;
}

/**
 * Kind of one sentence of a paragraph. `chrome` is `chromeKind(sentence)` when the caller
 * already has it (a one-sentence paragraph: the paragraph's own result).
 */
export function sentenceKind(
  sentence: string,
  paragraphIsHeading: boolean,
  chrome: 'boilerplate' | 'caption' | null = chromeKind(sentence),
): SentenceKind {
  if (chrome) return chrome;
  return paragraphIsHeading ? 'heading' : 'body';
}
