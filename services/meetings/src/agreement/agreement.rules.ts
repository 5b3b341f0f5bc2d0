import type { Actor } from '@jobcenter/kit';
import { isUuid } from '@jobcenter/kit';
import { ParticipantRole, STAFF_PARTICIPANT_ROLES } from '../meeting/meeting.enums';
import type { Decision } from '../meeting/meeting.rules';
import { AgreementStatus } from './agreement.enums';

const bad = (message: string, field?: string): Decision<never> => ({ ok: false, code: 'BAD_USER_INPUT', message, field });
const clash = (message: string): Decision<never> => ({ ok: false, code: 'CONFLICT', message });

/** An agreement as given in a meeting outcome, checked and tidied. */
export interface AgreementDraft {
  text: string;
  deadline: string | null;
  responsible: ParticipantRole;
  responsibleStaffId: string | null;
}

export interface AgreementInputLike {
  text: string;
  deadline?: string | null;
  responsible?: ParticipantRole | null;
  responsibleStaffId?: string | null;
}

/** The longest note or agreement text we keep. */
const MAX_TEXT = 2000;

/**
 * Checks and tidies the agreements of a held meeting: words in each; a deadline not before the
 * meeting's (Copenhagen) date; who carries it: a staff role names the staff member, any other
 * role names nobody by id. Left out, the citizen carries it (they own their plan).
 */
export function cleanAgreements(
  input: readonly AgreementInputLike[] | null | undefined,
  meetingDate: string,
): Decision<{ agreements: AgreementDraft[] }> {
  const agreements: AgreementDraft[] = [];
  for (const [i, a] of (input ?? []).entries()) {
    const field = `agreements.${i}`;
    const text = a.text.trim();
    if (!text) return bad(`${field}.text: an agreement needs words.`, `${field}.text`);
    if (text.length > MAX_TEXT) return bad(`${field}.text: keep an agreement under ${MAX_TEXT} characters.`, `${field}.text`);
    const deadline = a.deadline ?? null;
    if (deadline !== null && deadline < meetingDate) {
      return bad(`${field}.deadline: the deadline ${deadline} is before the meeting (${meetingDate}).`, `${field}.deadline`);
    }
    const staffId = a.responsibleStaffId?.trim() || null;
    const responsible = a.responsible ?? (staffId ? null : ParticipantRole.CITIZEN);
    if (responsible === null) {
      return bad(`${field}.responsible: say in which role the staff member carries the agreement.`, `${field}.responsible`);
    }
    if (staffId !== null && !isUuid(staffId)) {
      return bad(`${field}.responsibleStaffId: "${staffId}" is not a staff member id.`, `${field}.responsibleStaffId`);
    }
    if (STAFF_PARTICIPANT_ROLES.includes(responsible) && !staffId) {
      return bad(`${field}.responsibleStaffId: name the staff member who carries the agreement.`, `${field}.responsibleStaffId`);
    }
    if (!STAFF_PARTICIPANT_ROLES.includes(responsible) && staffId) {
      return bad(
        `${field}.responsibleStaffId: only a caseworker, resource consultant or job consultant is given by staff id (not ${responsible}).`,
        `${field}.responsibleStaffId`,
      );
    }
    agreements.push({ text, deadline, responsible, responsibleStaffId: staffId });
  }
  return { ok: true, agreements };
}

/** OPEN and its deadline (a Copenhagen date) has passed. */
export function isOverdue(agreement: { status: AgreementStatus; deadline: string | null }, today: string): boolean {
  return agreement.status === AgreementStatus.OPEN && agreement.deadline !== null && agreement.deadline < today;
}

/**
 * May this actor set this status now? Staff of the citizen's team set any status (a note is
 * required to drop one, so the next meeting knows why); the citizen marks their own agreements
 * (responsible CITIZEN) done or open again, not dropped (dropping is agreed with the team).
 */
export function decideStatusChange(
  agreement: { status: AgreementStatus; responsible: ParticipantRole; withdrawnAt: Date | null },
  actor: Pick<Actor, 'role'>,
  status: AgreementStatus,
  note: string | null | undefined,
): Decision<{ note: string | null }> {
  const text = note?.trim() || null;
  if (text !== null && text.length > MAX_TEXT) return bad(`note: keep the note under ${MAX_TEXT} characters.`, 'note');
  if (agreement.withdrawnAt) return clash('This agreement was taken out when the minutes were corrected; it has no status to set.');
  if (actor.role === 'CITIZEN') {
    if (agreement.responsible !== ParticipantRole.CITIZEN) {
      return {
        ok: false,
        code: 'FORBIDDEN',
        message: 'You can mark only the agreements you carry yourself; ask your team about this one.',
      };
    }
    if (status === AgreementStatus.DROPPED) {
      return {
        ok: false,
        code: 'FORBIDDEN',
        message: 'An agreement is dropped together with your team; ask your consultant or caseworker.',
      };
    }
  }
  if (agreement.status === status) return clash(`The agreement is already ${status}.`);
  if (status === AgreementStatus.DROPPED && !text) return bad('note: say why the agreement is dropped.', 'note');
  return { ok: true, note: text };
}

/** Same agreement in an amended list: same words, deadline and who carries it. */
const sameAgreement = (a: AgreementDraft, b: AgreementDraft) =>
  a.text === b.text && a.deadline === b.deadline && a.responsible === b.responsible && a.responsibleStaffId === b.responsibleStaffId;

/**
 * A corrected outcome's agreements against the ones recorded: an unchanged agreement keeps its
 * row (id, status, history) at its new position; the rest of the old ones are withdrawn and the
 * new ones inserted.
 */
export function matchAmended<T extends AgreementDraft & { id: string }>(
  existing: readonly T[],
  drafts: readonly AgreementDraft[],
): { keep: { row: T; position: number }[]; insert: { draft: AgreementDraft; position: number }[]; withdraw: T[] } {
  const left = [...existing];
  const keep: { row: T; position: number }[] = [];
  const insert: { draft: AgreementDraft; position: number }[] = [];
  drafts.forEach((draft, position) => {
    const i = left.findIndex((row) => sameAgreement(row, draft));
    if (i >= 0) keep.push({ row: left.splice(i, 1)[0], position });
    else insert.push({ draft, position });
  });
  return { keep, insert, withdraw: left };
}
