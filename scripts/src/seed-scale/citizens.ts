import type { StaffRole } from '@jobcenter/citizens/staff-role';
import type { CitizenStatus } from '@jobcenter/citizens/citizen/enums';
import { assignmentEnded, assignmentStarted, citizenChanged, citizenRegistered, staffCreated } from '@jobcenter/citizens/events';
import { sealCpr } from '@jobcenter/citizens/cpr/storage';
import * as da from './danish';
import { copenhagenInstant, plusDays, Random } from './random';
import { minDate } from './world';
import { OutboxTable, Table } from './table';
import { World } from './world';

/** The citizens subgraph's tables: staff, citizens, their team (assignments), network and resource profile. */
export function citizensTables(world: World): Table[] {
  const { seed, today } = world.options;
  const at9 = (date: string) => copenhagenInstant(date, 9 * 60);
  const staff = new Table('staff_member', ['id', 'name', 'role', 'email', 'team', 'created_at']);
  const outbox = new OutboxTable();
  for (const s of world.staff) {
    staff.add([s.id, s.name, s.role, s.email, s.team, at9(world.historyStart)]);
    outbox.event(staffCreated(s as Parameters<typeof staffCreated>[0]));
  }

  // CPR numbers at rest as the citizens service keeps them: encrypted (random IV) plus the blind index.
  const citizen = new Table('citizen', [
    'id',
    'cpr_encrypted',
    'cpr_index',
    'first_name',
    'last_name',
    'birth_date',
    'email',
    'phone',
    'preferred_contact',
    'target_group',
    'status',
    'enrolled_at',
    'version',
    'created_at',
    'updated_at',
  ]);
  const assignment = new Table('assignment', ['id', 'citizen_id', 'staff_id', 'role', 'from_date', 'to_date', 'created_at']);
  const network = new Table('network_contact', ['id', 'citizen_id', 'name', 'relation', 'phone', 'email', 'created_at']);
  const profile = new Table('resource_profile', ['citizen_id', 'dreams', 'strengths', 'updated_at']);

  for (const c of world.citizens) {
    const r = new Random(`${seed}:citizens-rows:${c.index}`);
    const sealed = sealCpr(c.cpr);
    const changed = c.endedAt ?? minDate(today, plusDays(c.enrolledAt, 14));
    citizen.add([
      c.id,
      sealed.cprEncrypted,
      sealed.cprIndex,
      c.firstName,
      c.lastName,
      c.birthDate,
      c.email,
      c.phone,
      c.preferredContact,
      c.targetGroup,
      c.status,
      c.enrolledAt,
      c.endedAt ? 2 : 1,
      at9(c.enrolledAt),
      at9(changed),
    ]);
    // Registered active; a course that has ended (or paused) changed status afterwards.
    outbox.event(
      citizenRegistered({ ...c, status: 'ACTIVE' as CitizenStatus }),
      ...citizenChanged({ ...c, status: 'ACTIVE' as CitizenStatus }, { status: c.status as CitizenStatus }),
    );
    const assign = (id: string, staffMember: typeof c.caseworker, role: string, from: string, to: string | null) => {
      assignment.add([id, c.id, staffMember.id, role, from, to, at9(from)]);
      const facts = { id, citizenId: c.id, staffId: staffMember.id, role: role as StaffRole, from };
      outbox.event(assignmentStarted(facts, staffMember.team));
      if (to) outbox.event(assignmentEnded(facts, to));
    };

    // One professional per role at a time; a handover ends the previous caseworker the day before.
    const cwFrom = c.handoverOn ?? c.enrolledAt;
    if (c.previousCaseworker && c.handoverOn) {
      assign(r.uuid(), c.previousCaseworker, 'CASEWORKER', c.enrolledAt, plusDays(c.handoverOn, -1));
    }
    assign(r.uuid(), c.caseworker, 'CASEWORKER', cwFrom, c.endedAt);
    assign(r.uuid(), c.resourceConsultant, 'RESOURCE_CONSULTANT', c.enrolledAt, c.endedAt);
    if (c.jobConsultant) assign(r.uuid(), c.jobConsultant, 'JOB_CONSULTANT', c.placements[0].proposedOn, c.endedAt);
    for (let n = r.pick([0, 0, 1, 1, 1, 2, 2]); n > 0; n--) {
      const name = `${r.pick(r.chance(0.5) ? da.FEMALE_NAMES : da.MALE_NAMES)} ${r.chance(0.5) ? c.lastName : r.pick(da.LAST_NAMES)}`;
      network.add([
        r.uuid(),
        c.id,
        name,
        r.pick(da.RELATIONS),
        r.chance(0.8) ? `+45 ${r.int(20000000, 99999999)}` : null,
        null,
        at9(c.enrolledAt),
      ]);
    }
    if (r.chance(0.6))
      profile.add([c.id, r.pick(da.DREAMS), r.sample(da.STRENGTHS, r.int(1, 4)), at9(minDate(today, plusDays(c.enrolledAt, 21)))]);
  }
  return [staff.done(), citizen.done(), assignment.done(), network.done(), profile.done(), outbox.done()];
}
