/**
 * The domain events every subgraph publishes (docs/events.md, /work/coord/EVENTS.md): for each
 * type, the subgraph that emits it, the aggregate it orders on, and every payload field with
 * its kind. `recordEvent` refuses a payload with a field or value the catalogue does not allow,
 * so nothing personal (a name, a CPR number, an address, free text) can reach the outbox by
 * accident: a payload holds ids, enum codes, dates and numbers only.
 */

/** What a payload field may hold. There is deliberately no kind for free text. */
export type FieldKind =
  | 'uuid'
  | 'uuid?'
  | 'uuid[]'
  /** An enum code: letters, digits and `_`, e.g. `JOB_READY`. */
  | 'code'
  | 'code?'
  | 'code[]'
  /** A team's code (staff teams are organisational units, not people). */
  | 'team'
  /** A calendar date, `YYYY-MM-DD`. */
  | 'date'
  | 'date?'
  /** An instant, ISO 8601 with time zone. */
  | 'timestamp'
  | 'timestamp?'
  | 'int'
  | 'int?'
  | 'boolean'
  /** `[{ dimension: code, score: int }]`: progression scores. */
  | 'scores';

export const SOURCES = ['citizens', 'plans', 'meetings', 'placements'] as const;
export type EventSource = (typeof SOURCES)[number];

interface EventDefinition {
  source: EventSource;
  aggregateType: string;
  /** Whether events of this type always concern one citizen (citizenId set) or never (null). */
  citizen: boolean;
  fields: Record<string, FieldKind>;
  /** Who emits it when it is not the events helper's own write paths (e.g. a feature to come). */
  note?: string;
}

const define = <T extends Record<string, EventDefinition>>(catalogue: T) => catalogue;

const placementState = { placementId: 'uuid', kind: 'code', startDate: 'date', endDate: 'date' } as const;
const referralState = {
  referralId: 'uuid',
  providerId: 'uuid',
  kind: 'code',
  status: 'code',
  startDate: 'date',
  endDate: 'date?',
} as const;

export const EVENT_CATALOGUE = define({
  // citizens
  'citizen.registered': {
    source: 'citizens',
    aggregateType: 'citizen',
    citizen: true,
    fields: { targetGroup: 'code', status: 'code', enrolledAt: 'date', birthYear: 'int' },
  },
  'citizen.statusChanged': {
    source: 'citizens',
    aggregateType: 'citizen',
    citizen: true,
    fields: { status: 'code', previousStatus: 'code' },
  },
  'citizen.targetGroupChanged': {
    source: 'citizens',
    aggregateType: 'citizen',
    citizen: true,
    fields: { targetGroup: 'code', previousTargetGroup: 'code' },
  },
  'assignment.started': {
    source: 'citizens',
    aggregateType: 'assignment',
    citizen: true,
    fields: { assignmentId: 'uuid', staffId: 'uuid', role: 'code', team: 'team', from: 'date' },
  },
  'assignment.ended': {
    source: 'citizens',
    aggregateType: 'assignment',
    citizen: true,
    fields: { assignmentId: 'uuid', staffId: 'uuid', role: 'code', to: 'date' },
  },
  'staff.created': { source: 'citizens', aggregateType: 'staff', citizen: false, fields: { staffId: 'uuid', role: 'code', team: 'team' } },
  'citizen.followUpIntervalSet': {
    source: 'meetings',
    aggregateType: 'citizen',
    citizen: true,
    fields: { intervalDays: 'int' },
    note: 'agreements helper (issue 18); meetings owns the follow-up rhythm, so the interval is stored and emitted there',
  },
  'message.sent': {
    source: 'citizens',
    aggregateType: 'message',
    citizen: true,
    fields: { messageId: 'uuid', fromRole: 'code' },
    note: 'agreements helper (issue 18)',
  },

  // plans
  'plan.created': { source: 'plans', aggregateType: 'plan', citizen: true, fields: { planId: 'uuid', status: 'code', startDate: 'date' } },
  'plan.statusChanged': {
    source: 'plans',
    aggregateType: 'plan',
    citizen: true,
    fields: { planId: 'uuid', status: 'code', previousStatus: 'code?' },
  },
  'plan.changed': { source: 'plans', aggregateType: 'plan', citizen: true, fields: { planId: 'uuid', version: 'int' } },
  'milestone.added': {
    source: 'plans',
    aggregateType: 'milestone',
    citizen: true,
    fields: { milestoneId: 'uuid', planId: 'uuid', deadline: 'date', responsible: 'code', status: 'code' },
  },
  'milestone.statusChanged': {
    source: 'plans',
    aggregateType: 'milestone',
    citizen: true,
    fields: { milestoneId: 'uuid', planId: 'uuid', status: 'code', previousStatus: 'code', deadline: 'date', responsible: 'code' },
  },
  'progress.recorded': {
    source: 'plans',
    aggregateType: 'assessment',
    citizen: true,
    fields: { assessmentId: 'uuid', assessedAt: 'date', assessedBy: 'code', scores: 'scores' },
  },
  'plan.confirmed': {
    source: 'plans',
    aggregateType: 'plan',
    citizen: true,
    fields: { planId: 'uuid', planVersion: 'int', agrees: 'boolean' },
    note: 'voice helper (issue 18)',
  },
  'milestone.proposed': {
    source: 'plans',
    aggregateType: 'milestone',
    citizen: true,
    fields: { milestoneId: 'uuid', planId: 'uuid', deadline: 'date' },
    note: 'voice helper (issue 18)',
  },
  'report.shared': {
    source: 'plans',
    aggregateType: 'report',
    citizen: true,
    fields: { reportId: 'uuid', planId: 'uuid', referralId: 'uuid?', kind: 'code', version: 'int' },
  },

  // meetings
  'meeting.scheduled': {
    source: 'meetings',
    aggregateType: 'meeting',
    citizen: true,
    fields: {
      meetingId: 'uuid',
      kind: 'code',
      scheduledAt: 'timestamp',
      durationMinutes: 'int',
      staffIds: 'uuid[]',
      // The placement a kick-off or placement follow-up is about (pathways helper, issue 19).
      placementId: 'uuid?',
    },
  },
  'meeting.rescheduled': {
    source: 'meetings',
    aggregateType: 'meeting',
    citizen: true,
    fields: { meetingId: 'uuid', kind: 'code', scheduledAt: 'timestamp', previousScheduledAt: 'timestamp', staffIds: 'uuid[]' },
  },
  'meeting.cancelled': {
    source: 'meetings',
    aggregateType: 'meeting',
    citizen: true,
    fields: { meetingId: 'uuid', kind: 'code', scheduledAt: 'timestamp' },
  },
  'meeting.outcomeRecorded': {
    source: 'meetings',
    aggregateType: 'meeting',
    citizen: true,
    fields: { meetingId: 'uuid', kind: 'code', scheduledAt: 'timestamp', status: 'code', placementId: 'uuid?' },
  },
  'agreement.recorded': {
    source: 'meetings',
    aggregateType: 'agreement',
    citizen: true,
    fields: { agreementId: 'uuid', meetingId: 'uuid', responsible: 'code', responsibleStaffId: 'uuid?', deadline: 'date?' },
    note: 'agreements helper (issue 18)',
  },
  'agreement.statusChanged': {
    source: 'meetings',
    aggregateType: 'agreement',
    citizen: true,
    fields: { agreementId: 'uuid', meetingId: 'uuid', status: 'code', deadline: 'date?', responsible: 'code' },
    note: 'agreements helper (issue 18)',
  },
  'course.created': {
    source: 'meetings',
    aggregateType: 'course',
    citizen: false,
    fields: { courseId: 'uuid', topics: 'code[]', capacity: 'int', startDate: 'date', sessions: 'int' },
  },
  'course.enrolled': { source: 'meetings', aggregateType: 'course', citizen: true, fields: { courseId: 'uuid' } },
  'attendance.recorded': {
    source: 'meetings',
    aggregateType: 'course',
    citizen: true,
    fields: { sessionId: 'uuid', courseId: 'uuid', sessionNumber: 'int', startsAt: 'timestamp', status: 'code' },
  },

  // placements
  'placement.proposed': {
    source: 'placements',
    aggregateType: 'placement',
    citizen: true,
    fields: {
      placementId: 'uuid',
      companyId: 'uuid',
      kind: 'code',
      purpose: 'code?',
      startDate: 'date',
      endDate: 'date',
      targetGroupAtStart: 'code?',
      continuesPlacementId: 'uuid?',
    },
  },
  'placement.agreed': { source: 'placements', aggregateType: 'placement', citizen: true, fields: placementState },
  'placement.started': { source: 'placements', aggregateType: 'placement', citizen: true, fields: placementState },
  'placement.cancelled': { source: 'placements', aggregateType: 'placement', citizen: true, fields: placementState },
  'placement.extended': {
    source: 'placements',
    aggregateType: 'placement',
    citizen: true,
    fields: { placementId: 'uuid', endDate: 'date', previousEndDate: 'date' },
  },
  'placement.completed': {
    source: 'placements',
    aggregateType: 'placement',
    citizen: true,
    fields: { ...placementState, outcome: 'code' },
  },

  // placements: offers and referrals (issue 19, helper offers)
  'referral.created': {
    source: 'placements',
    aggregateType: 'referral',
    citizen: true,
    fields: { ...referralState, civilSociety: 'boolean', milestoneId: 'uuid?' },
  },
  'referral.statusChanged': {
    source: 'placements',
    aggregateType: 'referral',
    citizen: true,
    // endDate: the day it actually ended once COMPLETED or CANCELLED after a start; result: a ReferralResult code.
    fields: { ...referralState, previousStatus: 'code', result: 'code?' },
  },
  'referral.renewed': {
    source: 'placements',
    aggregateType: 'referral',
    citizen: true,
    fields: { referralId: 'uuid', kind: 'code', endDate: 'date', previousEndDate: 'date?' },
  },
});

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

type ValueOf<K extends FieldKind> = K extends 'uuid' | 'code' | 'team' | 'date' | 'timestamp'
  ? string
  : K extends 'uuid?' | 'code?' | 'date?' | 'timestamp?'
    ? string | null
    : K extends 'uuid[]' | 'code[]'
      ? string[]
      : K extends 'int'
        ? number
        : K extends 'int?'
          ? number | null
          : K extends 'boolean'
            ? boolean
            : K extends 'scores'
              ? { dimension: string; score: number }[]
              : never;

type Fields<T extends EventType> = (typeof EVENT_CATALOGUE)[T]['fields'];
/** The payload of an event type, as the catalogue defines it (dates as `YYYY-MM-DD`, instants ISO; `?` kinds may be left out or null). */
export type PayloadOf<T extends EventType> = {
  [F in keyof Fields<T> as Fields<T>[F] extends `${string}?` ? never : F]: ValueOf<Fields<T>[F] & FieldKind>;
} & {
  [F in keyof Fields<T> as Fields<T>[F] extends `${string}?` ? F : never]?: ValueOf<Fields<T>[F] & FieldKind>;
};

/** One event as it is stored, served by the feed and handed to consumers (the envelope). */
export interface EventEnvelope<T extends string = string, P = Record<string, unknown>> {
  id: string;
  source: string;
  type: T;
  aggregateType: string;
  aggregateId: string;
  citizenId: string | null;
  /** ISO 8601: the change's transaction time. */
  occurredAt: string;
  schemaVersion: number;
  payload: P;
  /** Where this event is in its source's feed: a consumer that stored it resumes after it. */
  cursor: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const TEAM = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,63}$/u;

function valid(kind: FieldKind, value: unknown): boolean {
  const optional = kind.endsWith('?');
  if (optional && value === null) return true;
  const base = kind.replace('?', '');
  switch (base) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'uuid[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && UUID.test(v));
    case 'code':
      return typeof value === 'string' && CODE.test(value);
    case 'code[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && CODE.test(v));
    case 'team':
      return typeof value === 'string' && TEAM.test(value);
    case 'date':
      return typeof value === 'string' && DATE.test(value);
    case 'timestamp':
      return typeof value === 'string' && TIMESTAMP.test(value);
    case 'int':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'scores':
      return (
        Array.isArray(value) &&
        value.every(
          (s) =>
            typeof s === 'object' &&
            s !== null &&
            Object.keys(s).sort().join() === 'dimension,score' &&
            CODE.test(String((s as { dimension: unknown }).dimension)) &&
            Number.isInteger((s as { score: unknown }).score),
        )
      );
    default:
      return false;
  }
}

/**
 * The problems of a payload against its type's catalogue entry (empty when it is fine): an
 * unknown field, a missing one, or a value of the wrong kind (free text is never a valid code).
 */
export function payloadProblems(type: string, payload: Record<string, unknown>): string[] {
  const definition = (EVENT_CATALOGUE as Record<string, EventDefinition>)[type];
  if (!definition) return [`unknown event type ${type}`];
  const problems: string[] = [];
  for (const key of Object.keys(payload)) if (!(key in definition.fields)) problems.push(`${type}: field ${key} is not in the catalogue`);
  for (const [key, kind] of Object.entries(definition.fields)) {
    if (!(key in payload) && !kind.endsWith('?')) problems.push(`${type}: field ${key} is missing`);
    else if (key in payload && !valid(kind, payload[key])) problems.push(`${type}: field ${key} is not a valid ${kind}`);
  }
  return problems;
}

/** The catalogue entry of a type (source, aggregate type, fields); undefined for an unknown type. */
export function eventDefinition(type: string): EventDefinition | undefined {
  return (EVENT_CATALOGUE as Record<string, EventDefinition>)[type];
}
