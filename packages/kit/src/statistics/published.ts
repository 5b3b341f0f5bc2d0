import { Cell, CellSuppression, isSmallCell, KeyedCell, publishedRatio } from './suppression';

/*
 * What each existing statistics field publishes from its exact cells (count, people, record-key
 * sum): one definition for the home subgraph that counts its own rows and for insights, which
 * answers the same fields from its rollups (`@override`). Same cells in, same figures out: the
 * same perturbation, suppression and secondary suppression wherever the field is answered.
 */

/** `citizenStatistics`: every count is of citizens. */
export function publishCitizenFigures(byStatus: KeyedCell[], byTargetGroup: KeyedCell[]) {
  const total = { count: byStatus.reduce((sum, c) => sum + c.count, 0), keySum: byStatus.reduce((sum, c) => sum + (c.keySum ?? 0), 0) };
  const s = new CellSuppression();
  const shownTotal = s.count('total', total);
  const hideOne = isSmallCell(total);
  return {
    total: shownTotal,
    byStatus: s.breakdown('byStatus', byStatus, { hideOne }),
    byTargetGroup: s.breakdown('byTargetGroup', byTargetGroup, { hideOne }),
    suppressed: s.suppressed,
  };
}

/** `milestoneStatistics`: `decided` is achieved + missed + overdue (the rate's base). */
export function publishMilestoneFigures(c: Record<'achieved' | 'missed' | 'overdue' | 'open' | 'revised' | 'dropped' | 'decided', Cell>) {
  const s = new CellSuppression();
  return {
    achieved: s.count('achieved', c.achieved),
    missed: s.count('missed', c.missed),
    overdue: s.count('overdue', c.overdue),
    open: s.count('open', c.open),
    revised: s.count('revised', c.revised),
    dropped: s.count('dropped', c.dropped),
    // From the published (perturbed) counts, so the rate gives away no more than they do.
    achievementRate: s.rate('achievementRate', publishedRatio(c.achieved, c.decided), {
      over: c.decided,
      from: [c.achieved, c.missed, c.overdue],
    }),
    suppressed: s.suppressed,
  };
}

/** `meetingStatistics`: `attendedOrNot` is held + no-show (the rate's base). */
export function publishMeetingFigures(
  c: Record<'held' | 'noShow' | 'excused' | 'cancelled' | 'planned' | 'attendedOrNot' | 'networkMeetingsOverdue', Cell>,
) {
  const s = new CellSuppression();
  return {
    held: s.count('held', c.held),
    noShow: s.count('noShow', c.noShow),
    excused: s.count('excused', c.excused),
    cancelled: s.count('cancelled', c.cancelled),
    planned: s.count('planned', c.planned),
    attendanceRate: s.rate('attendanceRate', publishedRatio(c.held, c.attendedOrNot), { over: c.attendedOrNot, from: [c.held, c.noShow] }),
    networkMeetingsOverdue: s.count('networkMeetingsOverdue', c.networkMeetingsOverdue),
    suppressed: s.suppressed,
  };
}

/** `groupCourseStatistics`: courses and seats describe no one; `recorded` is present + absent, `recordedPeople` the citizens behind it. */
export function publishGroupCourseFigures(c: {
  courses: number;
  seats: number;
  enrolled: Cell;
  present: Cell;
  absent: Cell;
  recorded: Cell;
  recordedPeople: number;
}) {
  const s = new CellSuppression();
  return {
    courses: c.courses,
    seats: c.seats,
    enrolled: s.count('enrolled', c.enrolled),
    occupancyRate: s.rate('occupancyRate', publishedRatio(c.enrolled, c.seats), { over: c.enrolled, from: [c.enrolled] }),
    attendanceRate: s.rate('attendanceRate', publishedRatio(c.present, c.recorded), {
      over: c.recordedPeople,
      from: [c.present, c.absent],
    }),
    suppressed: s.suppressed,
  };
}

/** `placementStatistics`: outcomes of the completed ones (employment, education, the rest) and every kind's cell. */
export function publishPlacementFigures(c: {
  active: Cell;
  completed: Cell;
  employment: Cell;
  education: Cell;
  other: Cell;
  byKind: KeyedCell[];
}) {
  const s = new CellSuppression();
  const shownActive = s.count('active', c.active);
  const shownCompleted = s.count('completed', c.completed);
  // The outcomes add up to `completed`: the remainder ("other") is protected like a cell.
  const outcomes = s.parts(
    [
      { key: 'toOrdinaryEmployment', ...c.employment },
      { key: 'toEducation', ...c.education },
      { key: 'other', ...c.other },
    ],
    ['other'],
  );
  // The kinds add up to active + completed: if either is withheld, the sum must not give it away.
  const byKind = s.breakdown('byKind', c.byKind, { hideOne: isSmallCell(c.active) || isSmallCell(c.completed) });
  const succeeded: Cell = {
    count: c.employment.count + c.education.count,
    people: (c.employment.people ?? 0) + (c.education.people ?? 0),
    keySum: (c.employment.keySum ?? 0) + (c.education.keySum ?? 0),
  };
  return {
    active: shownActive,
    completed: shownCompleted,
    byKind,
    toOrdinaryEmployment: outcomes.toOrdinaryEmployment,
    toEducation: outcomes.toEducation,
    // Null when any outcome is small: the rate would reveal it (a part withheld only as the
    // second of two always has a small sibling, so this covers secondary suppression too).
    // From the published (perturbed) counts: the records of both outcomes form one cell.
    employmentRate: s.rate('employmentRate', publishedRatio(succeeded, c.completed), {
      over: c.completed,
      from: [c.employment, c.education, c.other],
    }),
    suppressed: s.suppressed,
  };
}
