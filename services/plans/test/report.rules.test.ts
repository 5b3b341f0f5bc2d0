import { GraphQLError } from 'graphql';
import { PlanStatus } from '../src/plan/plan.enums';
import { composeReport, danishDate, reportText } from '../src/report/report.compose';
import { ReportKind, ReportStatus } from '../src/report/report.enums';
import {
  checkMayApprove,
  checkMayShare,
  checkReferralReportPeriod,
  checkReportPeriod,
  decideDraft,
  isMidwayReportDue,
  midwayDueOn,
  midwayOf,
} from '../src/report/report.rules';

const failure = (fn: () => unknown): { code?: unknown; field?: unknown } => {
  try {
    fn();
  } catch (error) {
    return { code: (error as GraphQLError).extensions?.code, field: (error as GraphQLError).extensions?.field };
  }
  return {};
};
const plan = (over: Partial<{ status: PlanStatus; startDate: string; endDate: string | null; plannedEndDate: string | null }> = {}) => ({
  status: PlanStatus.ACTIVE,
  startDate: '2026-03-01',
  endDate: null,
  plannedEndDate: '2026-08-31',
  ...over,
});

describe("a report's period", () => {
  const TODAY = '2026-06-10';
  it('lies within the plan: from its start to its end or planned end', () => {
    expect(() => checkReportPeriod(plan(), '2026-03-01', '2026-05-31', TODAY)).not.toThrow();
    expect(() => checkReportPeriod(plan(), '2026-06-01', '2026-08-31', TODAY)).not.toThrow();
  });
  it('starting before the plan is BAD_USER_INPUT at periodFrom', () => {
    expect(failure(() => checkReportPeriod(plan(), '2026-02-28', '2026-05-31', TODAY))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'periodFrom',
    });
  });
  it("ending after the plan's (planned) end is BAD_USER_INPUT at periodTo", () => {
    expect(failure(() => checkReportPeriod(plan(), '2026-03-01', '2026-09-01', TODAY))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'periodTo',
    });
    // A closed plan ends on its end date, whatever was planned.
    const closed = plan({ status: PlanStatus.COMPLETED, endDate: '2026-07-15' });
    expect(failure(() => checkReportPeriod(closed, '2026-03-01', '2026-07-16', TODAY))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'periodTo',
    });
  });
  it('without a planned end, reaches no further than today', () => {
    const open = plan({ plannedEndDate: null });
    expect(() => checkReportPeriod(open, '2026-03-01', TODAY, TODAY)).not.toThrow();
    expect(failure(() => checkReportPeriod(open, '2026-03-01', '2026-06-11', TODAY)).field).toBe('periodTo');
  });
  it('reversed dates are BAD_USER_INPUT at periodTo', () => {
    expect(failure(() => checkReportPeriod(plan(), '2026-05-01', '2026-04-30', TODAY))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'periodTo',
    });
  });
});

describe('the midway report', () => {
  it('is due halfway through the course (rounded down)', () => {
    expect(midwayDueOn(plan({ startDate: '2026-03-01', plannedEndDate: '2026-03-31' }))).toBe('2026-03-16');
    expect(midwayDueOn(plan({ startDate: '2026-03-01', plannedEndDate: '2026-08-31' }))).toBe('2026-05-31');
    expect(midwayDueOn(plan({ plannedEndDate: null }))).toBeNull();
    // A closed plan's end counts, not what was planned.
    expect(midwayDueOn(plan({ endDate: '2026-03-11', plannedEndDate: '2026-12-31' }))).toBe('2026-03-06');
  });
  it('is due from that day while the plan is active and none is drafted', () => {
    const p = plan({ startDate: '2026-03-01', plannedEndDate: '2026-03-31' });
    expect(isMidwayReportDue(p, '2026-03-15', false)).toBe(false);
    expect(isMidwayReportDue(p, '2026-03-16', false)).toBe(true);
    expect(isMidwayReportDue(p, '2026-04-20', false)).toBe(true);
    expect(isMidwayReportDue(p, '2026-03-20', true)).toBe(false);
    expect(isMidwayReportDue({ ...p, status: PlanStatus.COMPLETED }, '2026-03-20', false)).toBe(false);
    expect(isMidwayReportDue(plan({ plannedEndDate: null }), '2026-12-20', false)).toBe(false);
  });
});

describe('status transitions', () => {
  it('DRAFT → APPROVED → SHARED; approving twice or sharing a draft is a CONFLICT', () => {
    expect(() => checkMayApprove(ReportStatus.DRAFT)).not.toThrow();
    expect(failure(() => checkMayApprove(ReportStatus.APPROVED)).code).toBe('CONFLICT');
    expect(failure(() => checkMayApprove(ReportStatus.SHARED)).code).toBe('CONFLICT');
    expect(failure(() => checkMayShare(ReportStatus.DRAFT)).code).toBe('CONFLICT');
    expect(checkMayShare(ReportStatus.APPROVED)).toBe(true);
    expect(checkMayShare(ReportStatus.SHARED)).toBe(false);
  });
  it('a draft is rewritten; an approved or shared report gets a next version linked to it', () => {
    expect(decideDraft(null)).toEqual({ kind: 'NEW', version: 1, previousId: null });
    expect(decideDraft({ id: 'a', status: ReportStatus.DRAFT, version: 1 })).toEqual({ kind: 'REWRITE', id: 'a' });
    expect(decideDraft({ id: 'a', status: ReportStatus.APPROVED, version: 1 })).toEqual({ kind: 'NEW', version: 2, previousId: 'a' });
    expect(decideDraft({ id: 'b', status: ReportStatus.SHARED, version: 2 })).toEqual({ kind: 'NEW', version: 3, previousId: 'b' });
  });
});

describe('the composed report', () => {
  it('quotes milestones with their history in the period, progression from both sides, meetings, agreements, attendance and the evaluation', () => {
    const sections = composeReport({
      kind: ReportKind.MIDWAY_STATUS,
      citizenName: 'Mette Holm',
      plan: { longTermGoal: 'En hverdag med struktur', startDate: '2026-03-01', plannedEndDate: '2026-08-31', endDate: null },
      periodFrom: '2026-03-01',
      periodTo: '2026-05-31',
      evaluation: 'Familien har fået en fast morgenrutine.\n\nForslag: fortsæt med fokus på aftensmad.',
      author: { name: 'Anders Lund', role: 'RESOURCE_CONSULTANT' },
      version: 1,
      previous: null,
      milestones: [
        {
          title: 'Fast morgenrutine',
          deadline: '2026-04-30',
          status: 'ACHIEVED',
          achievedAt: '2026-04-20',
          updates: [
            { at: new Date('2026-04-20T10:00:00Z'), authorName: 'Anders Lund', note: 'Børnene møder til tiden' },
            { at: new Date('2026-06-05T10:00:00Z'), authorName: 'Anders Lund', note: 'Efter perioden' },
          ],
        },
      ],
      progress: [
        { assessedAt: '2026-03-02', assessedBy: 'STAFF', scores: [{ dimension: 'DAILY_STRUCTURE', score: 3 }] },
        { assessedAt: '2026-05-20', assessedBy: 'STAFF', scores: [{ dimension: 'DAILY_STRUCTURE', score: 6 }] },
        { assessedAt: '2026-05-21', assessedBy: 'CITIZEN', scores: [{ dimension: 'DAILY_STRUCTURE', score: 7 }] },
      ],
      meetings: [{ kind: 'HOME_VISIT', scheduledAt: new Date('2026-04-02T08:00:00Z'), status: 'HELD', summary: 'God stemning' }],
      agreements: [{ text: 'Fast sengetid', responsible: 'CITIZEN', status: 'DONE', deadline: '2026-04-15', agreedOn: '2026-04-02' }],
      attendance: [{ courseTitle: 'Trivsel i hverdagen', sessions: 8, present: 6, absent: 1, excused: 1 }],
    });
    const text = reportText(ReportKind.MIDWAY_STATUS, 'Mette Holm, 1. marts 2026 – 31. maj 2026', sections);
    expect(text).toContain('Statusrapport midtvejs');
    expect(text).toContain('Fast morgenrutine: Nået, frist 30. april 2026, nået 20. april 2026.');
    expect(text).toContain('20. april 2026 (Anders Lund): Børnene møder til tiden');
    expect(text).not.toContain('Efter perioden');
    expect(text).toContain('Struktur i hverdagen | 3 (2. marts 2026) | 6 (20. maj 2026) | 7 (21. maj 2026) | 7 (21. maj 2026)');
    expect(text).toContain('2. april 2026 | Hjemmebesøg | Afholdt | God stemning');
    expect(text).toContain('Fast sengetid | Borgeren | Udført | 15. april 2026');
    expect(text).toContain('Trivsel i hverdagen | 8 | 6 | 1 | 1');
    expect(text).toContain(
      'EVALUERING OG FORSLAG TIL VIDERE HANDLEPLAN\nFamilien har fået en fast morgenrutine.\nForslag: fortsæt med fokus på aftensmad.',
    );
    expect(text).toContain('Udarbejdet af: Anders Lund, ressourcekonsulent');
  });
  it('writes dates the Danish way', () => {
    expect(danishDate('2026-12-07')).toBe('7. december 2026');
  });
});

describe('a report about a referral', () => {
  const TODAY = '2026-06-10';
  const referral = { startDate: '2026-04-01', endDate: '2026-07-31' };
  it("lies within the referral's dates, not the plan's", () => {
    expect(() => checkReferralReportPeriod(referral, '2026-04-01', '2026-05-31', TODAY)).not.toThrow();
    expect(failure(() => checkReferralReportPeriod(referral, '2026-03-31', '2026-05-31', TODAY))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'periodFrom',
    });
    expect(failure(() => checkReferralReportPeriod(referral, '2026-04-01', '2026-08-01', TODAY))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'periodTo',
    });
    // Open-ended: up to today.
    const open = { startDate: '2026-04-01', endDate: null };
    expect(() => checkReferralReportPeriod(open, '2026-04-01', TODAY, TODAY)).not.toThrow();
    expect(failure(() => checkReferralReportPeriod(open, '2026-04-01', '2026-06-11', TODAY)).field).toBe('periodTo');
    expect(failure(() => checkReferralReportPeriod(referral, '2026-05-01', '2026-04-30', TODAY)).field).toBe('periodTo');
  });
  it('has its midway halfway between its dates; none when open-ended', () => {
    expect(midwayOf({ from: referral.startDate, to: referral.endDate })).toBe('2026-05-31');
    expect(midwayOf({ from: '2026-04-01', to: null })).toBeNull();
  });
  it('carries the section "Tilbud" after the course, and the course period is the referral\'s', () => {
    const sections = composeReport({
      kind: ReportKind.FINAL,
      citizenName: 'Mette Holm',
      plan: { longTermGoal: 'En hverdag med struktur', startDate: '2026-03-01', plannedEndDate: '2026-12-31', endDate: null },
      referral: {
        providerName: 'Familiehuset',
        kind: 'FAMILY_SUPPORT',
        purpose: 'Pædagogisk støtte i hjemmet',
        startDate: '2026-04-01',
        endDate: '2026-07-31',
        status: 'COMPLETED',
        outcome: null,
        result: 'COMPLETED_AS_PLANNED',
      },
      periodFrom: '2026-04-01',
      periodTo: '2026-07-31',
      evaluation: 'Slut.',
      author: { name: 'Anders Lund', role: 'RESOURCE_CONSULTANT' },
      version: 1,
      previous: null,
      milestones: [],
      progress: [],
      meetings: [],
      agreements: [],
      attendance: [],
    });
    expect(sections.map((s) => s.heading).slice(0, 2)).toEqual(['Forløbet', 'Tilbud']);
    expect(sections[0].paragraphs).toContain('Forløbets periode: 1. april 2026 – 31. juli 2026');
    expect(sections[1].paragraphs).toEqual([
      'Tilbudsgiver: Familiehuset',
      'Tilbud: Familiestøtte',
      'Formål: Pædagogisk støtte i hjemmet',
      'Periode: 1. april 2026 – 31. juli 2026',
      'Status: Afsluttet',
      'Resultat: Gennemført som planlagt',
    ]);
  });
});
