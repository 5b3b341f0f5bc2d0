import type { Actor } from '@jobcenter/kit';

/** The longest message we keep: a letter, not a document. */
export const MAX_MESSAGE_LENGTH = 4000;

/** The message's text as stored, or why it is refused (for `text`). Control characters are refused for all input by the kit. */
export function cleanMessage(text: string): { ok: true; text: string } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: 'text: write something before sending.' };
  if (trimmed.length > MAX_MESSAGE_LENGTH) return { ok: false, message: `text: keep a message under ${MAX_MESSAGE_LENGTH} characters.` };
  return { ok: true, text: trimmed };
}

/**
 * The two sides of a thread: the citizen, and their team. A message is "from the other side"
 * for the one asking when it was written by the citizen and a staff member asks, or the reverse.
 */
export const isCitizenSide = (role: string) => role === 'CITIZEN';

export function fromOtherSide(message: { fromRole: string }, reader: Pick<Actor, 'role'>): boolean {
  return isCitizenSide(message.fromRole) !== isCitizenSide(reader.role);
}
