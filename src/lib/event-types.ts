/**
 * The eight event types of CONTRACT.md, in display order. Zod-free, so browser modules can
 * import it without pulling the schema library into the bundle.
 */
export const EVENT_TYPES = ['meeting', 'visit', 'statement', 'threat', 'sanction', 'agreement', 'accusation', 'military'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
