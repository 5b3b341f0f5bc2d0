import { parseDocument } from './html';
import { MilestoneStatus } from '../src/milestone/milestone.enums';
import { PlanStatus, PrintLanguage } from '../src/plan/plan.enums';
import { renderPlanHtml } from '../src/plan/plan.print';

const plan = {
  longTermGoal: 'Uddannet anlægsgartner <og> fast job',
  citizenPerspective: 'Min største drøm er at blive tørlagt & uddannet.',
  status: PlanStatus.ACTIVE,
  startDate: '2026-05-01',
  milestones: [
    { title: 'Blive tørlagt', description: null, deadline: '2026-06-01', status: MilestoneStatus.ACHIEVED, achievedAt: '2026-05-28' },
    {
      title: 'Praktik hos gartner <script>alert(1)</script>',
      description: 'Ringe',
      deadline: '2026-11-01',
      status: MilestoneStatus.IN_PROGRESS,
      achievedAt: null,
    },
  ],
  latestPeriod: { meetingDate: '2026-10-01', pastPeriodStatus: 'Godt forløb', nextPeriodGoals: 'Løntilskud', nextReviewDate: '2026-12-15' },
};

describe('the printable plan', () => {
  it("holds the goal, the citizen's words, every milestone with deadline and status, and the latest period", () => {
    const doc = parseDocument(renderPlanHtml(plan, PrintLanguage.DA, '2026-11-23'));
    expect(doc.text('#goal')).toContain('Uddannet anlægsgartner <og> fast job');
    expect(doc.text('#citizen-perspective')).toContain('tørlagt & uddannet');
    const rows = doc.rows('tr.milestone');
    expect(rows).toEqual([
      ['Blive tørlagt', '2026-06-01', 'Nået (nået 2026-05-28)'],
      ['Praktik hos gartner <script>alert(1)</script>Ringe', '2026-11-01', 'I gang – overskredet'],
    ]);
    expect(doc.text('#period')).toContain('Godt forløb');
    expect(doc.text('#period')).toContain('Løntilskud');
  });

  it('names the citizen when the name is known, escaped', () => {
    const doc = parseDocument(renderPlanHtml({ ...plan, citizenName: 'Svend <Madsen>' }, PrintLanguage.DA, '2026-11-23'));
    expect(doc.text('#citizen')).toBe('Plan for: Svend <Madsen>');
    expect(parseDocument(renderPlanHtml(plan, PrintLanguage.DA, '2026-11-23')).find('#citizen')).toEqual([]);
  });

  it('escapes what people wrote, so it can never become markup', () => {
    const html = renderPlanHtml(plan, PrintLanguage.DA, '2026-11-23');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('is print-ready and labelled in the language asked for', () => {
    const en = renderPlanHtml(plan, PrintLanguage.EN, '2026-11-23');
    expect(en).toContain('@media print');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Long-term goal');
    expect(renderPlanHtml(plan, PrintLanguage.DA, '2026-11-23')).toContain('Langsigtet mål');
  });

  it('says so when there are no milestones or period statuses yet', () => {
    const html = renderPlanHtml({ ...plan, citizenPerspective: null, milestones: [], latestPeriod: null }, PrintLanguage.EN, '2026-11-23');
    expect(html).toContain('No milestones yet');
    expect(html).toContain('No period status yet');
    expect(html).toContain('Not written yet');
  });
});
