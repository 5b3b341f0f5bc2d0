import type { MessageKey } from '../../i18n/I18n';
import type { DashboardQuery } from '../../gql/graphql';
import { breakdown, Cell, count, rate } from './suppression';

/**
 * The dashboard's figures as data: every panel's rows, columns and values, in one shape that the
 * chart, the table alternative and the CSV download all draw from, so they cannot disagree.
 */

export type Format = 'count' | 'percent' | 'score' | 'change';
export interface FigureValue extends Cell {
  format: Format;
}
export interface FigureRow {
  key: string;
  label: MessageKey;
  values: FigureValue[];
}
export interface FigureSpec {
  /** Stable id: the panel's anchor and the CSV file's name. */
  id: string;
  title: MessageKey;
  /** `now`: today's state; `period`: counted within the chosen period. */
  scope: 'now' | 'period';
  chart: 'bars' | 'progression' | 'keys';
  columns: MessageKey[];
  rows: FigureRow[];
  note?: MessageKey;
}

const CITIZEN_STATUSES = ['ACTIVE', 'PAUSED', 'SELF_SUPPORTING', 'CLOSED'] as const;
const TARGET_GROUPS = [
  'JOB_READY',
  'ACTIVITY_READY',
  'EDUCATION_READY',
  'EDUCATION_ACTIVITY_READY',
  'UNEMPLOYMENT_INSURANCE',
  'NEW_GRADUATE',
  'SICKNESS_BENEFIT',
  'RESOURCE_PROGRAMME',
  'JOB_CLARIFICATION',
  'INTEGRATION',
  'FAMILY_SUPPORT',
] as const;
const PLACEMENT_KINDS = ['INTERNSHIP', 'WAGE_SUBSIDY_PRIVATE', 'WAGE_SUBSIDY_PUBLIC', 'ORDINARY_JOB', 'FLEXJOB'] as const;
export const DIMENSIONS = [
  'JOB_SKILLS_EXPERIENCE',
  'ASPIRATION_MOTIVATION',
  'JOB_SEARCH_SKILLS',
  'STABILITY',
  'BASIC_SKILLS',
  'WORKPLACE_SOCIAL_SKILLS',
  'HEALTH_WELLBEING',
  'SELF_ESTEEM',
  'COPING',
  'NETWORK',
  'DAILY_STRUCTURE',
] as const;

const v = (cell: Cell, format: Format = 'count'): FigureValue => ({ ...cell, format });
const shown = (value: number, format: Format = 'count'): FigureValue => ({ value, suppressed: false, format });
const withheld = (format: Format = 'count'): FigureValue => ({ value: null, suppressed: true, format });

export function dashboardFigures(data: DashboardQuery): { keyFigures: FigureSpec; panels: FigureSpec[] } {
  const c = data.citizenStatistics;
  const m = data.milestoneStatistics;
  const mt = data.meetingStatistics;
  const g = data.groupCourseStatistics;
  const p = data.placementStatistics;
  const one = (key: string, label: MessageKey, value: FigureValue): FigureRow => ({ key, label, values: [value] });
  const countCol: MessageKey[] = ['dashboard.column.count'];

  const keyFigures: FigureSpec = {
    id: 'key-figures',
    title: 'dashboard.keyFigures.title',
    scope: 'period',
    chart: 'keys',
    columns: ['dashboard.column.value'],
    rows: [
      one('citizens', 'dashboard.keyFigures.citizens', v(count(c, 'total', c.total))),
      one(
        'networkMeetingsOverdue',
        'dashboard.keyFigures.networkMeetingsOverdue',
        v(count(mt, 'networkMeetingsOverdue', mt.networkMeetingsOverdue)),
      ),
      one('activePlacements', 'dashboard.keyFigures.activePlacements', v(count(p, 'active', p.active))),
      one('employmentRate', 'dashboard.keyFigures.employmentRate', v(rate(p, 'employmentRate', p.employmentRate), 'percent')),
      one('achievementRate', 'dashboard.keyFigures.achievementRate', v(rate(m, 'achievementRate', m.achievementRate), 'percent')),
      one('attendanceRate', 'dashboard.keyFigures.attendanceRate', v(rate(mt, 'attendanceRate', mt.attendanceRate), 'percent')),
    ],
  };

  const enumRows = (
    field: string,
    cells: readonly { key: string; count: number }[],
    keys: readonly string[],
    prefix: string,
    stats: { suppressed: string[] },
  ) => breakdown(stats, field, cells, keys).map(({ key, cell }) => one(key, `${prefix}.${key}` as MessageKey, v(cell)));

  const progressionRows: FigureRow[] = DIMENSIONS.map((dimension) => {
    const s = data.progressionStatistics.find((x) => x.dimension === dimension);
    const label = `enum.progressDimension.${dimension}` as MessageKey;
    // A dimension with fewer than 5 citizens assessed twice is left out by the service.
    if (!s) return { key: dimension, label, values: [withheld(), withheld('score'), withheld('score'), withheld('change')] };
    return {
      key: dimension,
      label,
      values: [shown(s.citizens), shown(s.averageFirst, 'score'), shown(s.averageLatest, 'score'), shown(s.averageChange, 'change')],
    };
  });

  const panels: FigureSpec[] = [
    {
      id: 'citizens-by-status',
      title: 'dashboard.citizensByStatus.title',
      scope: 'now',
      chart: 'bars',
      columns: countCol,
      rows: enumRows('byStatus', c.byStatus, CITIZEN_STATUSES, 'enum.citizenStatus', c),
    },
    {
      id: 'citizens-by-target-group',
      title: 'dashboard.citizensByTargetGroup.title',
      scope: 'now',
      chart: 'bars',
      columns: countCol,
      rows: enumRows('byTargetGroup', c.byTargetGroup, TARGET_GROUPS, 'enum.targetGroup', c),
    },
    {
      id: 'milestones',
      title: 'dashboard.milestones.title',
      scope: 'period',
      chart: 'bars',
      columns: countCol,
      note: 'dashboard.milestones.note',
      rows: (['achieved', 'missed', 'overdue', 'open', 'revised', 'dropped'] as const).map((k) =>
        one(k, `dashboard.milestones.${k}`, v(count(m, k, m[k]))),
      ),
    },
    {
      id: 'meetings',
      title: 'dashboard.meetings.title',
      scope: 'period',
      chart: 'bars',
      columns: countCol,
      rows: [
        ...(['held', 'noShow', 'excused', 'cancelled', 'planned'] as const).map((k) =>
          one(k, `dashboard.meetings.${k}`, v(count(mt, k, mt[k]))),
        ),
      ],
    },
    {
      id: 'network-meetings',
      title: 'dashboard.networkMeetings.title',
      scope: 'period',
      chart: 'keys',
      columns: ['dashboard.column.value'],
      note: 'dashboard.networkMeetings.note',
      rows: [
        one(
          'networkMeetingsOverdue',
          'dashboard.networkMeetings.overdue',
          v(count(mt, 'networkMeetingsOverdue', mt.networkMeetingsOverdue)),
        ),
        one('attendanceRate', 'dashboard.networkMeetings.attendanceRate', v(rate(mt, 'attendanceRate', mt.attendanceRate), 'percent')),
      ],
    },
    {
      id: 'group-courses',
      title: 'dashboard.courses.title',
      scope: 'period',
      chart: 'bars',
      columns: ['dashboard.column.share'],
      note: 'dashboard.courses.note',
      rows: [
        one('occupancyRate', 'dashboard.courses.occupancyRate', v(rate(g, 'occupancyRate', g.occupancyRate), 'percent')),
        one('attendanceRate', 'dashboard.courses.attendanceRate', v(rate(g, 'attendanceRate', g.attendanceRate), 'percent')),
      ],
    },
    {
      id: 'group-course-counts',
      title: 'dashboard.courseCounts.title',
      scope: 'period',
      chart: 'keys',
      columns: ['dashboard.column.value'],
      rows: [
        one('courses', 'dashboard.courseCounts.courses', shown(g.courses)),
        one('seats', 'dashboard.courseCounts.seats', shown(g.seats)),
        one('enrolled', 'dashboard.courseCounts.enrolled', v(count(g, 'enrolled', g.enrolled))),
      ],
    },
    {
      id: 'placements-by-kind',
      title: 'dashboard.placementsByKind.title',
      scope: 'period',
      chart: 'bars',
      columns: countCol,
      note: 'dashboard.placementsByKind.note',
      rows: enumRows('byKind', p.byKind, PLACEMENT_KINDS, 'enum.placementKind', p),
    },
    {
      id: 'placement-outcomes',
      title: 'dashboard.outcomes.title',
      scope: 'period',
      chart: 'keys',
      columns: ['dashboard.column.value'],
      rows: [
        one('active', 'dashboard.outcomes.active', v(count(p, 'active', p.active))),
        one('completed', 'dashboard.outcomes.completed', v(count(p, 'completed', p.completed))),
        one('toOrdinaryEmployment', 'dashboard.outcomes.toOrdinaryEmployment', v(count(p, 'toOrdinaryEmployment', p.toOrdinaryEmployment))),
        one('toEducation', 'dashboard.outcomes.toEducation', v(count(p, 'toEducation', p.toEducation))),
        one('employmentRate', 'dashboard.outcomes.employmentRate', v(rate(p, 'employmentRate', p.employmentRate), 'percent')),
      ],
    },
    {
      id: 'progression',
      title: 'dashboard.progression.title',
      scope: 'now',
      chart: 'progression',
      columns: [
        'dashboard.progression.citizens',
        'dashboard.progression.first',
        'dashboard.progression.latest',
        'dashboard.progression.change',
      ],
      note: 'dashboard.progression.note',
      rows: progressionRows,
    },
  ];
  return { keyFigures, panels };
}
