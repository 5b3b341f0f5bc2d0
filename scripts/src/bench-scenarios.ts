import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RunningSubgraph } from '@jobcenter/kit';
import { addDays, todayInCopenhagen } from '@jobcenter/kit/calendar';
import { demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { operation } from '@jobcenter/gateway/operations';
import { sealCpr } from '@jobcenter/citizens/cpr/storage';

export interface BenchScenario {
  name: string;
  /** Who runs it: Inger and Mette (caseworkers), Jens (job consultant), Karin (analyst), Svend (citizen). */
  as: 'inger' | 'mette' | 'jens' | 'analyst' | 'citizen';
  query: string;
  variables?: Record<string, unknown>;
  /** Answered by the citizens subgraph alone: also measured straight at it, for the gateway's overhead. */
  singleSubgraph?: boolean;
}

/**
 * Adds `count` citizens, each with a caseworker and a resource consultant from the demo
 * staff, in set-based SQL (the benchmark measures reads, not the seeding).
 */
export async function fillCaseload(subgraphs: Record<string, RunningSubgraph>, count: number): Promise<void> {
  const citizens = subgraphs.citizens.dataSource;
  // CPR numbers are stored encrypted with their blind index, which only the service's keys can
  // make: the numbers are sealed here, the rest of each row is still made by the database.
  const batch = 5000;
  for (let start = 0; start < count; start += batch) {
    const numbers = Array.from({ length: Math.min(batch, count - start) }, (_, k) => sealCpr(benchCpr(start + k)));
    await citizens.query(
      `INSERT INTO citizen (cpr_encrypted, cpr_index, first_name, last_name, birth_date, preferred_contact, target_group, status, enrolled_at, version)
       SELECT encrypted, index, 'Bench' || i, 'Citizen' || lpad(i::text, 5, '0'),
              make_date(1985, ((i / 28) % 12) + 1, (i % 28) + 1), 'PHONE',
              (ARRAY['JOB_READY','ACTIVITY_READY','EDUCATION_READY','SICKNESS_BENEFIT','RESOURCE_PROGRAMME'])[(i % 5) + 1],
              (ARRAY['ACTIVE','ACTIVE','ACTIVE','PAUSED','SELF_SUPPORTING'])[(i % 5) + 1], CURRENT_DATE - (i % 400), 1
       FROM (SELECT $1::int + n::int - 1 AS i, encrypted, index
             FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(encrypted, index, n)) AS v`,
      [start, numbers.map((c) => c.cprEncrypted), numbers.map((c) => c.cprIndex)],
    );
  }
  await citizens.query(
    `INSERT INTO assignment (citizen_id, staff_id, role, from_date)
     SELECT c.id, s.staff_id::uuid, s.role, c.enrolled_at
     FROM citizen c CROSS JOIN (VALUES ($1, 'CASEWORKER'), ($2, 'RESOURCE_CONSULTANT')) AS s(staff_id, role)
     WHERE c.first_name LIKE 'Bench%'`,
    [demoStaff.inger.id, demoStaff.anders.id],
  );
}

/** The i-th bench citizen's CPR number: born 1985 on the date its name gives, a distinct serial. */
export function benchCpr(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
  return `${day}${month}85${String(2000 + Math.floor(i / 336)).padStart(4, '0')}`;
}

/** What the users do most: the caseload list, one citizen's record, the dashboard, their own record. */
export function benchScenarios(extraCitizens: number): BenchScenario[] {
  return [
    {
      name: 'citizens page of 50 with team (caseworker)',
      as: 'inger',
      query: `{ citizens(first: 50, filter: { status: ACTIVE }) { totalCount nodes { id firstName lastName cpr assignments { role staff { name } } } } }`,
    },
    {
      name: `caseload of ${extraCitizens}+ via StaffMember.caseload`,
      as: 'inger',
      query: `query($id: ID!) { staffMember(id: $id) { caseload { id firstName status } } }`,
      variables: { id: demoStaff.inger.id },
    },
    {
      name: "one citizen's record (caseworker)",
      as: 'inger',
      singleSubgraph: true,
      query: `query($id: ID!) { citizen(id: $id) { cpr firstName lastName assignments { role staff { name } } network { name relation } resourceProfile { dreams strengths } } }`,
      variables: { id: demoCitizens.svend.id },
    },
    {
      name: 'citizenStatistics (analyst)',
      as: 'analyst',
      singleSubgraph: true,
      query: `{ citizenStatistics { total byStatus { key count } byTargetGroup { key count } } }`,
    },
    // The operations clients run, from gateway/operations (the same text the tests run).
    {
      name: 'CaseworkerCaseload, 4 subgraphs (demo, Mette)',
      as: 'mette',
      query: operation('CaseworkerCaseload'),
      variables: { staffId: demoStaff.mette.id },
    },
    {
      name: 'JobConsultantDay (demo, Jens)',
      as: 'jens',
      query: operation('JobConsultantDay'),
      variables: { staffId: demoStaff.jens.id },
    },
    {
      name: 'MunicipalDashboard, 6 statistics (analyst)',
      as: 'analyst',
      query: operation('MunicipalDashboard'),
      variables: { from: '2025-11-01', to: '2026-12-31' },
    },
    ...insightsScenarios(todayInCopenhagen()).map((s) => ({ ...s, as: 'analyst' as const })),
    {
      name: 'CitizenOwnView, 4 subgraphs (Svend)',
      as: 'citizen',
      query: operation('CitizenOwnView'),
      variables: { citizenId: demoCitizens.svend.id },
    },
    {
      name: 'own record (citizen)',
      as: 'citizen',
      query: `query($id: ID!) { citizen(id: $id) { firstName cpr assignments { role staff { name email } } } }`,
      variables: { id: demoCitizens.svend.id },
    },
  ];
}

/** The workbench dashboard's own query (web/src/views/dashboard/operations/Dashboard.graphql): every figure it shows. */
export function workbenchDashboardQuery(): string {
  return readFileSync(path.resolve(__dirname, '../../../web/src/views/dashboard/operations/Dashboard.graphql'), 'utf8');
}

/** The month `months` before `today`'s ("YYYY-MM"). */
function monthBefore(today: string, months: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Issue 17's two dashboard figures, for an analyst: the workbench dashboard for the last 12
 * months with every figure, and a 36-month series with one breakdown (meetings held by target
 * group: the largest fact table, broken down by a citizen attribute at each month's end).
 */
export function insightsScenarios(today: string): Omit<BenchScenario, 'as'>[] {
  return [
    {
      name: 'Dashboard, 12 months, every figure (analyst)',
      query: workbenchDashboardQuery(),
      variables: { from: addDays(today, -365), to: today },
    },
    {
      name: '36-month series by target group (analyst)',
      query: `query($from: String!, $to: String!) { series(measure: MEETINGS_HELD, fromMonth: $from, toMonth: $to, breakdown: TARGET_GROUP) { asOf points { month key value suppressed } } }`,
      variables: { from: monthBefore(today, 35), to: today.slice(0, 7) },
    },
  ];
}
