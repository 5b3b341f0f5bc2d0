import { AssignmentLike, decideAssignment, decideEnd } from '../src/assignment/assignment.rules';
import { StaffRole } from '../src/staff/staff-role';

const inger = { id: 'inger', role: StaffRole.CASEWORKER, name: 'Inger Holm' };
const mette = { id: 'mette', role: StaffRole.CASEWORKER, name: 'Mette Skov' };
const held = (over: Partial<AssignmentLike>): AssignmentLike => ({
  id: 'a1', staffId: 'inger', role: StaffRole.CASEWORKER, from: '2026-01-01', to: null, ...over,
});

describe('assigning staff to a citizen', () => {
  it('assigns a first caseworker with nothing to end', () => {
    expect(decideAssignment([], inger, StaffRole.CASEWORKER, '2026-03-01')).toEqual({ ok: true, end: [] });
  });

  it('hands over: the previous caseworker ends the day before, history kept', () => {
    expect(decideAssignment([held({})], mette, StaffRole.CASEWORKER, '2026-03-01')).toEqual({
      ok: true,
      end: [{ id: 'a1', to: '2026-02-28' }],
    });
  });

  it('keeps other roles untouched', () => {
    const consultant = held({ id: 'a2', staffId: 'anders', role: StaffRole.RESOURCE_CONSULTANT });
    expect(decideAssignment([consultant], inger, StaffRole.CASEWORKER, '2026-03-01')).toEqual({ ok: true, end: [] });
  });

  it('refuses the same person twice in the same role (CONFLICT)', () => {
    const decision = decideAssignment([held({})], inger, StaffRole.CASEWORKER, '2026-03-01');
    expect(decision).toMatchObject({ ok: false, kind: 'CONFLICT' });
  });

  it('allows the same person again after their assignment ended', () => {
    expect(decideAssignment([held({ to: '2026-02-01' })], inger, StaffRole.CASEWORKER, '2026-03-01')).toEqual({ ok: true, end: [] });
  });

  it('refuses a role the staff member does not have (BAD_USER_INPUT)', () => {
    expect(decideAssignment([], inger, StaffRole.JOB_CONSULTANT, '2026-03-01')).toMatchObject({
      ok: false,
      kind: 'BAD_USER_INPUT',
      message: expect.stringContaining('Inger Holm is a CASEWORKER'),
    });
  });

  it('refuses analysts and team leads as case roles', () => {
    const karin = { id: 'karin', role: StaffRole.ANALYST, name: 'Karin Dahl' };
    expect(decideAssignment([], karin, StaffRole.ANALYST, '2026-03-01')).toMatchObject({ ok: false, kind: 'BAD_USER_INPUT' });
  });

  it('refuses a handover dated before the current holder started (CONFLICT)', () => {
    expect(decideAssignment([held({ from: '2026-05-01' })], mette, StaffRole.CASEWORKER, '2026-03-01')).toMatchObject({
      ok: false,
      kind: 'CONFLICT',
    });
  });
});

describe('ending an assignment', () => {
  it('ends an open assignment', () => {
    expect(decideEnd(held({}), '2026-06-01', '2026-06-01')).toBeNull();
  });
  it('refuses an end before the start', () => {
    expect(decideEnd(held({}), '2025-12-31', '2026-06-01')).toBe('BAD_USER_INPUT');
  });
  it('refuses ending twice', () => {
    expect(decideEnd(held({ to: '2026-05-01' }), '2026-06-01', '2026-06-01')).toBe('CONFLICT');
  });
});
