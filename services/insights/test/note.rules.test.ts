import { NOTE_MAX_LENGTH, noteText } from '../src/note/note.rules';

describe('a note', () => {
  it('is stored trimmed', () => {
    expect(noteText('  Wants to start with mornings only. ')).toBe('Wants to start with mornings only.');
  });

  it('cannot be empty (BAD_USER_INPUT on text)', () => {
    expect(() => noteText('   ')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'text' }) }),
    );
  });

  it(`holds at most ${NOTE_MAX_LENGTH} characters`, () => {
    expect(noteText('x'.repeat(NOTE_MAX_LENGTH))).toHaveLength(NOTE_MAX_LENGTH);
    expect(() => noteText('x'.repeat(NOTE_MAX_LENGTH + 1))).toThrow(/at most 2000/);
  });
});
