import {
  AssignmentLike,
  decideAssignment,
  decideEnd,
  mayDecideHandover,
  refuseAssignment,
  refuseEnd,
} from '../src/assignment/assignment.rules';
import { StaffRole } from '../src/staff/staff-role';

const inger = { id: 'inger', role: StaffRole.CASEWORKER, name: 'Inger Holm' };
const mette = { id: 'mette', role: StaffRole.CASEWORKER, name: 'Mette Skov' };
const held = (over: Partial<AssignmentLike>): AssignmentLike => ({
  id: 'a1',
  staffId: 'inger',
  role: StaffRole.CASEWORKER,
  from: '2026-01-01',
  to: null,
  ...over,
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

describe('who may change a citizen’s team', () => {
  const lead = { id: 'lead', role: 'TEAM_LEAD', team: 'A' };
  const cw = { id: 'cw', role: 'CASEWORKER', team: 'A' };
  const staffA = { id: 's', name: 'S', team: 'A' };
  const holderA = { staffId: 'cw', team: 'A', role: StaffRole.CASEWORKER };
  const holderB = { staffId: 'x', team: 'B', role: StaffRole.CASEWORKER };
  const none = { registeredBy: null, everAssigned: true };

  it('lets a team lead assign staff of their team to a citizen their team holds or nobody holds, not another team’s', () => {
    expect(refuseAssignment(lead, { holders: [], staff: staffA, ...none })).toBeNull();
    expect(refuseAssignment(lead, { holders: [holderA, holderB], staff: staffA, ...none })).toBeNull();
    expect(refuseAssignment(lead, { holders: [holderB], staff: staffA, ...none })).toMatch(/another team/);
    expect(refuseAssignment(lead, { holders: [], staff: { ...staffA, team: 'B' }, ...none })).toMatch(/own team only/);
  });

  it('lets the citizen’s caseworker assign within their team, and the registrar only the first time', () => {
    expect(refuseAssignment(cw, { holders: [holderA], staff: staffA, ...none })).toBeNull();
    expect(refuseAssignment(cw, { holders: [], staff: staffA, ...none })).toMatch(/Nobody holds this citizen/);
    expect(refuseAssignment(cw, { holders: [], staff: staffA, registeredBy: 'cw', everAssigned: false })).toBeNull();
    expect(refuseAssignment(cw, { holders: [], staff: staffA, registeredBy: 'cw', everAssigned: true })).toMatch(/review/);
    expect(
      refuseAssignment(
        { ...cw, role: 'JOB_CONSULTANT' },
        { holders: [{ ...holderA, role: StaffRole.JOB_CONSULTANT }], staff: staffA, ...none },
      ),
    ).not.toBeNull();
  });

  it('lets only a lead or the citizen’s caseworker end assignments, of their own team', () => {
    expect(refuseEnd(lead, { holders: [holderB], staffTeam: 'A' })).toBeNull();
    expect(refuseEnd(lead, { holders: [holderB], staffTeam: 'B' })).not.toBeNull();
    expect(refuseEnd(cw, { holders: [holderA], staffTeam: 'A' })).toBeNull();
    expect(refuseEnd({ ...cw, id: 'other' }, { holders: [holderA], staffTeam: 'A' })).not.toBeNull();
  });

  it('has a handover decided by the holding side, or the receiving lead for a citizen nobody else holds, never by the asker', () => {
    const request = { toTeam: 'A', requestedBy: 'cw2' };
    expect(mayDecideHandover({ id: 'lb', role: 'TEAM_LEAD', team: 'B' }, { holders: [holderB], ...request })).toBe(true);
    expect(mayDecideHandover({ id: 'x', role: 'CASEWORKER', team: 'B' }, { holders: [holderB], ...request })).toBe(true);
    expect(mayDecideHandover(lead, { holders: [holderB], ...request })).toBe(false);
    expect(mayDecideHandover(lead, { holders: [], ...request })).toBe(true);
    expect(mayDecideHandover(lead, { holders: [], toTeam: 'A', requestedBy: 'lead' })).toBe(false);
    expect(mayDecideHandover({ id: 'lb', role: 'TEAM_LEAD', team: 'B' }, { holders: [], ...request })).toBe(false);
  });
});
