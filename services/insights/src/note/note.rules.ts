import { badUserInput } from '@jobcenter/kit';

export const NOTE_MAX_LENGTH = 2_000;

/** The note as stored: trimmed, 1 to NOTE_MAX_LENGTH characters; BAD_USER_INPUT on `text` otherwise. */
export function noteText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw badUserInput('Write the note: it cannot be empty.', 'text');
  if (trimmed.length > NOTE_MAX_LENGTH) {
    throw badUserInput(`The note is ${trimmed.length} characters; at most ${NOTE_MAX_LENGTH} are allowed.`, 'text');
  }
  return trimmed;
}
