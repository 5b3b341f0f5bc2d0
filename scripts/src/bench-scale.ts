import type { Actor } from '@jobcenter/kit';
import { operation } from '@jobcenter/gateway/operations';
import type { World } from './seed-scale/index';
import { plusDays } from './seed-scale/random';
import { insightsScenarios } from './bench-scenarios';

export interface ScaleScenario {
  name: string;
  actor: Actor;
  query: string;
  variables?: Record<string, unknown>;
  singleSubgraph?: boolean;
}

const actorOf = (s: { id: string; name: string; role: string; team: string }): Actor => ({
  id: s.id,
  name: s.name,
  role: s.role as Actor['role'],
  team: s.team,
});

/**
 * The four client operations on generated data, run by people picked from it: the caseworker
 * whose open caseload is nearest 60, the job consultant with the most active placements, an
 * analyst (dashboard for the last 12 months) and an active citizen with a plan and a placement.
 * Plus two single-subgraph queries for the gateway overhead.
 */
export function scaleScenarios(world: World): ScaleScenario[] {
  const { today } = world.options;
  const open = world.citizens.filter((c) => c.endedAt === null);
  const caseloads = new Map<string, number>();
  for (const c of open) caseloads.set(c.caseworker.id, (caseloads.get(c.caseworker.id) ?? 0) + 1);
  const [caseworkerId, caseloadSize] = [...caseloads.entries()].sort(
    (a, b) => Math.abs(a[1] - 60) - Math.abs(b[1] - 60) || a[0].localeCompare(b[0]),
  )[0];
  const caseworker = world.staff.find((s) => s.id === caseworkerId)!;
  const activePlacements = new Map<string, number>();
  for (const c of open) {
    if (c.jobConsultant && c.placements.some((p) => p.status === 'ACTIVE')) {
      activePlacements.set(c.jobConsultant.id, (activePlacements.get(c.jobConsultant.id) ?? 0) + 1);
    }
  }
  const [consultantId, placed] = [...activePlacements.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const consultant = world.staff.find((s) => s.id === consultantId)!;
  const citizen = open.find((c) => c.status === 'ACTIVE' && c.placements.some((p) => p.status === 'ACTIVE'))!;
  const record = open.find((c) => c.caseworker.id === caseworker.id)!;
  const analyst = world.analysts[0];
  return [
    {
      name: `CaseworkerCaseload (${caseloadSize} citizens)`,
      actor: actorOf(caseworker),
      query: operation('CaseworkerCaseload'),
      variables: { staffId: caseworker.id },
    },
    {
      name: `JobConsultantDay (${placed} active placements)`,
      actor: actorOf(consultant),
      query: operation('JobConsultantDay'),
      variables: { staffId: consultant.id },
    },
    {
      name: 'MunicipalDashboard (12 months)',
      actor: actorOf(analyst),
      query: operation('MunicipalDashboard'),
      variables: { from: plusDays(today, -365), to: today },
    },
    ...insightsScenarios(today).map((s) => ({ ...s, actor: actorOf(analyst) })),
    {
      name: 'CitizenOwnView',
      actor: { id: citizen.id, role: 'CITIZEN', name: `${citizen.firstName} ${citizen.lastName}` },
      query: operation('CitizenOwnView'),
      variables: { citizenId: citizen.id },
    },
    {
      name: "one citizen's record (caseworker)",
      actor: actorOf(caseworker),
      singleSubgraph: true,
      query: `query($id: ID!) { citizen(id: $id) { cpr firstName lastName assignments { role staff { name } } network { name relation } resourceProfile { dreams strengths } } }`,
      variables: { id: record.id },
    },
    {
      name: 'citizenStatistics (analyst)',
      actor: actorOf(analyst),
      singleSubgraph: true,
      query: `{ citizenStatistics { total byStatus { key count } byTargetGroup { key count } } }`,
    },
  ];
}
