/**
 * One colour and one symbol per event type, so that types stay distinguishable without
 * colour (colour-blind readers, print). src/styles/global.css declares the same colours as
 * tokens (`--type-<type>`, light and dark) and `.t-<type> { --type-color }`; a unit test keeps
 * them in sync.
 */
import { EVENT_TYPES, type EventType } from './event-types.ts';

export interface TypeStyle {
  /** Human label, capitalised. */
  label: string;
  /** Colour on a light background. */
  color: string;
  /** Colour on a dark background (prefers-color-scheme: dark). */
  colorDark: string;
  /** A text symbol that is distinct in shape from the others. */
  symbol: string;
  /** One line explaining the type (legend tooltip). */
  description: string;
}

export const TYPE_STYLES: Readonly<Record<EventType, TypeStyle>> = {
  meeting: { label: 'Meeting', color: '#2563eb', colorDark: '#7aa2f7', symbol: '●', description: 'Talks, summits and calls between officials' },
  visit: { label: 'Visit', color: '#0f766e', colorDark: '#2dd4bf', symbol: '▲', description: 'An official trip to another country' },
  statement: { label: 'Statement', color: '#7c3aed', colorDark: '#b69cf7', symbol: '■', description: 'A public position, pledge or call' },
  threat: { label: 'Threat', color: '#b45309', colorDark: '#fbbf24', symbol: '◆', description: 'A warning of tariffs, sanctions or force' },
  sanction: { label: 'Sanction', color: '#dc2626', colorDark: '#f87171', symbol: '✖', description: 'Sanctions, tariffs or expulsions imposed' },
  agreement: { label: 'Agreement', color: '#15803d', colorDark: '#4ade80', symbol: '★', description: 'A deal, treaty or joint statement' },
  accusation: { label: 'Accusation', color: '#be185d', colorDark: '#f472b6', symbol: '▼', description: 'Criticism, condemnation or accusation' },
  military: { label: 'Military', color: '#57534e', colorDark: '#c4bdb6', symbol: '✚', description: 'Attacks, exercises and deployments' },
};

/** The event types in display order. */
export const TYPE_ORDER: readonly EventType[] = EVENT_TYPES;

/** The types in legend order, with their styles. */
export function legendEntries(): Array<{ type: EventType } & TypeStyle> {
  return TYPE_ORDER.map((type) => ({ type, ...TYPE_STYLES[type] }));
}

/** CSS class carrying a type's colour (`--type-color`, declared in src/styles/global.css). */
export function typeClass(type: EventType): string {
  return `t-${type}`;
}

/** Style of a type; unknown strings fall back to "statement" rather than throwing. */
export function typeStyle(type: string): TypeStyle {
  return (TYPE_STYLES as Record<string, TypeStyle>)[type] ?? TYPE_STYLES.statement;
}
