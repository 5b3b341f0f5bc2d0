import { GraphQLError } from 'graphql';
import { MilestoneStatus } from '../src/milestone/milestone.enums';
import { checkDeadline, decideStatusChange, isOverdue, MILESTONE_TRANSITIONS } from '../src/milestone/milestone.rules';
import { PlanStatus } from '../src/plan/plan.enums';
import { checkInitialStatus, checkPlanOpen, checkPlanTransition, endDateFor } from '../src/plan/plan.rules';
import { checkScores } from '../src/progress/progress.rules';
import { notInFuture, requiredText } from '@jobcenter/kit/input';

const TODAY = '2026-11-23';
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as GraphQLError).extensions?.code as string;
  }
  return undefined;
};

describe('plan state machine', () => {
  it.each([
    [PlanStatus.DRAFT, PlanStatus.ACTIVE],
    [PlanStatus.DRAFT, PlanStatus.ABANDONED],
    [PlanStatus.ACTIVE, PlanStatus.COMPLETED],
    [PlanStatus.ACTIVE, PlanStatus.ABANDONED],
  ])('allows %s → %s', (from, to) => {
    expect(() => checkPlanTransition(from, to)).not.toThrow();
  });

  it.each([
    [PlanStatus.COMPLETED, PlanStatus.ACTIVE],
    [PlanStatus.COMPLETED, PlanStatus.DRAFT],
    [PlanStatus.ABANDONED, PlanStatus.ACTIVE],
    [PlanStatus.ABANDONED, PlanStatus.COMPLETED],
    [PlanStatus.ACTIVE, PlanStatus.DRAFT],
    [PlanStatus.DRAFT, PlanStatus.COMPLETED],
  ])('refuses %s → %s with CONFLICT', (from, to) => {
    expect(code(() => checkPlanTransition(from, to))).toBe('CONFLICT');
  });

  it('says what is possible instead', () => {
    expect(() => checkPlanTransition(PlanStatus.ACTIVE, PlanStatus.DRAFT)).toThrow(/can become COMPLETED or ABANDONED/);
    expect(() => checkPlanTransition(PlanStatus.COMPLETED, PlanStatus.ACTIVE)).toThrow(/closed; create a new plan/);
  });

  it('treats a closed plan as history that cannot be written to', () => {
    expect(code(() => checkPlanOpen(PlanStatus.ABANDONED, 'add milestones'))).toBe('CONFLICT');
    expect(() => checkPlanOpen(PlanStatus.DRAFT, 'add milestones')).not.toThrow();
  });

  it('creates plans only as DRAFT or ACTIVE', () => {
    expect(code(() => checkInitialStatus(PlanStatus.COMPLETED))).toBe('BAD_USER_INPUT');
    expect(() => checkInitialStatus(PlanStatus.DRAFT)).not.toThrow();
  });

  it('ends a closed plan today, never before it started', () => {
    expect(endDateFor(PlanStatus.COMPLETED, '2026-01-01', TODAY)).toBe(TODAY);
    expect(endDateFor(PlanStatus.ABANDONED, '2026-12-01', TODAY)).toBe('2026-12-01');
    expect(endDateFor(PlanStatus.ACTIVE, '2026-01-01', TODAY)).toBeNull();
  });
});

describe('milestone state machine', () => {
  const opts = { today: TODAY, planStart: '2026-06-01', hasRevision: false };
  const planned = { status: MilestoneStatus.PLANNED, deadline: '2026-12-01' };
  const pastDue = { status: MilestoneStatus.IN_PROGRESS, deadline: '2026-11-01' };

  it('makes ACHIEVED, REVISED and DROPPED final', () => {
    for (const final of [MilestoneStatus.ACHIEVED, MilestoneStatus.REVISED, MilestoneStatus.DROPPED]) {
      expect(MILESTONE_TRANSITIONS[final]).toEqual([]);
      expect(code(() => decideStatusChange({ status: final, deadline: '2026-12-01' }, MilestoneStatus.IN_PROGRESS, opts))).toBe('CONFLICT');
    }
  });

  it('never goes back to PLANNED and refuses the same status', () => {
    expect(code(() => decideStatusChange(pastDue, MilestoneStatus.PLANNED, opts))).toBe('CONFLICT');
    expect(code(() => decideStatusChange(planned, MilestoneStatus.PLANNED, opts))).toBe('CONFLICT');
  });

  it('sets achievedAt exactly when ACHIEVED, today by default or the day given', () => {
    expect(decideStatusChange(planned, MilestoneStatus.ACHIEVED, opts)).toEqual({ status: 'ACHIEVED', achievedAt: TODAY });
    expect(decideStatusChange(planned, MilestoneStatus.ACHIEVED, { ...opts, on: '2026-10-02' })).toEqual({
      status: 'ACHIEVED',
      achievedAt: '2026-10-02',
    });
    expect(decideStatusChange(planned, MilestoneStatus.IN_PROGRESS, opts)).toEqual({ status: 'IN_PROGRESS', achievedAt: null });
  });

  it('refuses an achieved date in the future, before the plan, or on another status', () => {
    expect(code(() => decideStatusChange(planned, MilestoneStatus.ACHIEVED, { ...opts, on: '2026-11-24' }))).toBe('BAD_USER_INPUT');
    expect(code(() => decideStatusChange(planned, MilestoneStatus.ACHIEVED, { ...opts, on: '2026-05-31' }))).toBe('BAD_USER_INPUT');
    expect(code(() => decideStatusChange(planned, MilestoneStatus.DROPPED, { ...opts, on: '2026-11-01' }))).toBe('BAD_USER_INPUT');
  });

  it('marks MISSED only after the deadline, and a missed milestone can still be achieved late', () => {
    expect(code(() => decideStatusChange(planned, MilestoneStatus.MISSED, opts))).toBe('BAD_USER_INPUT');
    expect(code(() => decideStatusChange({ ...pastDue, deadline: TODAY }, MilestoneStatus.MISSED, opts))).toBe('BAD_USER_INPUT');
    expect(decideStatusChange(pastDue, MilestoneStatus.MISSED, opts).status).toBe('MISSED');
    expect(decideStatusChange({ ...pastDue, status: MilestoneStatus.MISSED }, MilestoneStatus.ACHIEVED, opts).status).toBe('ACHIEVED');
    expect(code(() => decideStatusChange({ ...pastDue, status: MilestoneStatus.MISSED }, MilestoneStatus.IN_PROGRESS, opts))).toBe(
      'CONFLICT',
    );
  });

  it('needs a replacement to REVISE, and only then', () => {
    expect(code(() => decideStatusChange(planned, MilestoneStatus.REVISED, opts))).toBe('BAD_USER_INPUT');
    expect(decideStatusChange(planned, MilestoneStatus.REVISED, { ...opts, hasRevision: true }).status).toBe('REVISED');
    expect(code(() => decideStatusChange(planned, MilestoneStatus.DROPPED, { ...opts, hasRevision: true }))).toBe('BAD_USER_INPUT');
  });

  it('is overdue after the deadline day while PLANNED, IN_PROGRESS or MISSED', () => {
    expect(isOverdue({ deadline: '2026-11-22', status: MilestoneStatus.PLANNED }, TODAY)).toBe(true);
    expect(isOverdue({ deadline: '2026-11-22', status: MilestoneStatus.MISSED }, TODAY)).toBe(true);
    expect(isOverdue({ deadline: TODAY, status: MilestoneStatus.IN_PROGRESS }, TODAY)).toBe(false);
    for (const done of [MilestoneStatus.ACHIEVED, MilestoneStatus.DROPPED, MilestoneStatus.REVISED]) {
      expect(isOverdue({ deadline: '2026-01-01', status: done }, TODAY)).toBe(false);
    }
  });

  it("refuses a deadline before the plan's start, accepts one in the past", () => {
    expect(code(() => checkDeadline('2026-05-31', '2026-06-01'))).toBe('BAD_USER_INPUT');
    expect(checkDeadline('2026-06-01', '2026-06-01')).toBe('2026-06-01');
  });
});

describe('progress scores', () => {
  it('accepts scores 1 to 10 and returns them in dimension order', () => {
    expect(
      checkScores([
        { dimension: 'SELF_ESTEEM', score: 10 },
        { dimension: 'STABILITY', score: 1 },
      ]),
    ).toEqual([
      { dimension: 'STABILITY', score: 1 },
      { dimension: 'SELF_ESTEEM', score: 10 },
    ]);
  });

  it.each([
    ['a score of 0', [{ dimension: 'COPING', score: 0 }], /1 to 10/],
    ['a score of 11', [{ dimension: 'COPING', score: 11 }], /1 to 10/],
    ['a fraction', [{ dimension: 'COPING', score: 5.5 }], /whole number/],
    [
      'a repeated dimension',
      [
        { dimension: 'COPING', score: 5 },
        { dimension: 'COPING', score: 6 },
      ],
      /twice/,
    ],
    ['an unknown dimension', [{ dimension: 'HAPPINESS', score: 5 }], /not a dimension/],
    ['no scores', [], /at least one/],
  ])('refuses %s with BAD_USER_INPUT', (_what, scores, message) => {
    expect(code(() => checkScores(scores))).toBe('BAD_USER_INPUT');
    expect(() => checkScores(scores)).toThrow(message);
  });
});

describe('text and dates', () => {
  it('trims text and refuses empty or too long text', () => {
    expect(requiredText('  Mål  ', 'goal', 10)).toBe('Mål');
    expect(code(() => requiredText('   ', 'goal', 10))).toBe('BAD_USER_INPUT');
    expect(code(() => requiredText('x'.repeat(11), 'goal', 10))).toBe('BAD_USER_INPUT');
  });

  it('accepts today and the past, refuses the future', () => {
    expect(notInFuture(TODAY, 'assessedAt', 'an assessment', TODAY)).toBe(TODAY);
    expect(notInFuture('2020-01-01', 'assessedAt', 'an assessment', TODAY)).toBe('2020-01-01');
    expect(code(() => notInFuture('2026-11-24', 'assessedAt', 'an assessment', TODAY))).toBe('BAD_USER_INPUT');
  });
});
