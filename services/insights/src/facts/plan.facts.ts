import { recordKey } from '@jobcenter/kit';
import type { FactHandler } from './fact.types';
import { lastPerKey, text, upsertRows } from './fact-sql';

/**
 * Milestones (deadline: the newest event's) and their status history, one row per (milestone,
 * event time): `milestone.added`, `milestone.statusChanged`. History rows are keyed by time, so
 * their order in the page does not matter; the last event of a time wins.
 */
export const milestoneFacts: FactHandler = {
  types: ['milestone.added', 'milestone.statusChanged'],
  async apply(m, events) {
    await upsertRows(
      m,
      'insights_milestone',
      [
        ['milestone_id', 'uuid'],
        ['pid', 'text'],
        ['record_key', 'smallint'],
        ['deadline', 'date'],
      ],
      lastPerKey(events, (e) => text(e, 'milestoneId')).map((e) => [
        text(e, 'milestoneId'),
        e.pid,
        recordKey(text(e, 'milestoneId')),
        text(e, 'deadline'),
      ]),
      'milestone_id',
      'deadline = EXCLUDED.deadline',
    );
    await upsertRows(
      m,
      'insights_milestone_status',
      [
        ['milestone_id', 'uuid'],
        ['at', 'timestamptz'],
        ['status', 'text'],
      ],
      lastPerKey(events, (e) => `${text(e, 'milestoneId')}|${Date.parse(e.occurredAt)}`).map((e) => [
        text(e, 'milestoneId'),
        e.occurredAt,
        text(e, 'status'),
      ]),
      'milestone_id, at',
      'status = EXCLUDED.status',
    );
  },
};

/** Progression scores, one row per (assessment, dimension): `progress.recorded`. */
export const scoreFacts: FactHandler = {
  types: ['progress.recorded'],
  async apply(m, events) {
    const rows = new Map<string, unknown[]>();
    for (const e of events) {
      const scores = (e.payload.scores as { dimension: string; score: number }[] | undefined) ?? [];
      for (const s of scores) {
        rows.delete(`${text(e, 'assessmentId')}|${s.dimension}`);
        rows.set(`${text(e, 'assessmentId')}|${s.dimension}`, [
          text(e, 'assessmentId'),
          s.dimension,
          e.pid,
          recordKey(e.pid!),
          text(e, 'assessedAt'),
          s.score,
        ]);
      }
    }
    await upsertRows(
      m,
      'insights_score',
      [
        ['assessment_id', 'uuid'],
        ['dimension', 'text'],
        ['pid', 'text'],
        ['record_key', 'smallint'],
        ['assessed_at', 'date'],
        ['score', 'smallint'],
      ],
      [...rows.values()],
      'assessment_id, dimension',
      'score = EXCLUDED.score, assessed_at = EXCLUDED.assessed_at',
    );
  },
};
