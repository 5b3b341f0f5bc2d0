import { RecordDeclaration, sqlSection } from '@jobcenter/kit';

/**
 * What plans holds about a citizen, for their whole record (GDPR Art. 15, docs/record-export.md):
 * plans with their goals, milestones and their history, periods, comments, confirmations, and
 * the progression assessments with their scores.
 */
export const plansRecord: RecordDeclaration = {
  sections: [
    sqlSection({
      name: 'plans',
      title: 'Planer',
      tables: ['plan'],
      columns: { long_term_goal: 'Mål', citizen_perspective: 'Dit perspektiv', status: 'Status', start_date: 'Start', end_date: 'Slut' },
      codes: { status: 'planStatus' },
      sql: `SELECT p.* FROM plan p WHERE p.citizen_id = $1 ORDER BY p.start_date, p.created_at`,
    }),
    sqlSection({
      name: 'milestones',
      title: 'Delmål',
      tables: ['milestone'],
      columns: { title: 'Delmål', deadline: 'Frist', status: 'Status', responsible: 'Ansvarlig', achieved_at: 'Nået' },
      codes: { status: 'milestoneStatus', responsible: 'milestoneResponsible' },
      sql: `SELECT m.* FROM milestone m JOIN plan p ON p.id = m.plan_id WHERE p.citizen_id = $1 ORDER BY m.deadline, m.created_at`,
    }),
    sqlSection({
      name: 'milestoneUpdates',
      title: 'Opdateringer af delmål',
      tables: ['milestone_update'],
      columns: { at: 'Tidspunkt', author_name: 'Af', note: 'Note', status: 'Status' },
      codes: { status: 'milestoneStatus' },
      sql: `SELECT u.* FROM milestone_update u JOIN milestone m ON m.id = u.milestone_id JOIN plan p ON p.id = m.plan_id
             WHERE p.citizen_id = $1 ORDER BY u.at`,
    }),
    sqlSection({
      name: 'periods',
      title: 'Opfølgningsperioder',
      tables: ['plan_period'],
      columns: {
        meeting_date: 'Møde',
        past_period_status: 'Status for perioden',
        next_period_goals: 'Mål for næste periode',
        author_name: 'Af',
      },
      sql: `SELECT pp.* FROM plan_period pp JOIN plan p ON p.id = pp.plan_id WHERE p.citizen_id = $1 ORDER BY pp.meeting_date`,
    }),
    sqlSection({
      name: 'comments',
      title: 'Kommentarer til planen',
      tables: ['plan_comment'],
      columns: { at: 'Tidspunkt', author_name: 'Af', text: 'Kommentar' },
      sql: `SELECT c.* FROM plan_comment c JOIN plan p ON p.id = c.plan_id WHERE p.citizen_id = $1 ORDER BY c.at`,
    }),
    sqlSection({
      name: 'confirmations',
      title: 'Bekræftelser af planen',
      tables: ['plan_confirmation'],
      columns: { at: 'Tidspunkt', plan_version: 'Version', agrees: 'Enig', comment: 'Kommentar' },
      sql: `SELECT c.* FROM plan_confirmation c JOIN plan p ON p.id = c.plan_id WHERE p.citizen_id = $1 ORDER BY c.at`,
    }),
    sqlSection({
      name: 'progressAssessments',
      title: 'Progressionsvurderinger',
      tables: ['progress_assessment', 'progress_score'],
      columns: { assessed_at: 'Dato', assessed_by_role: 'Vurderet af', scores: 'Score', note: 'Note' },
      // scores is { DIMENSION: score }: its keys are the codes.
      codes: { assessed_by_role: 'role', scores: 'progressDimension' },
      sql: `SELECT a.*, COALESCE((SELECT json_object_agg(s.dimension, s.score) FROM progress_score s WHERE s.assessment_id = a.id), '{}') AS scores
              FROM progress_assessment a WHERE a.citizen_id = $1 ORDER BY a.assessed_at, a.created_at`,
    }),
    sqlSection({
      name: 'progression',
      title: 'Progression (første og seneste vurdering)',
      tables: ['progression_summary'],
      columns: { dimension: 'Område', first_score: 'Første', latest_score: 'Seneste', assessments: 'Vurderinger' },
      codes: { dimension: 'progressDimension' },
      sql: `SELECT * FROM progression_summary WHERE citizen_id = $1 ORDER BY dimension`,
    }),
    sqlSection({
      name: 'reports',
      title: 'Rapporter om forløbet',
      tables: ['case_report'],
      columns: {
        kind: 'Slags',
        status: 'Status',
        period_from: 'Fra',
        period_to: 'Til',
        version: 'Version',
        evaluation: 'Vurdering',
        citizen_comment: 'Dine bemærkninger',
      },
      codes: { kind: 'reportKind', status: 'reportStatus' },
      sql: `SELECT * FROM case_report WHERE citizen_id = $1 ORDER BY period_from, kind, version`,
    }),
  ],
};
