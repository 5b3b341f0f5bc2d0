import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import type { GraphQLResponse } from '@jobcenter/kit/testing';

export const TEAM = 'Team Ryslinge';
export const caseworker: Actor = { id: randomUUID(), role: 'CASEWORKER', name: 'Inger Holm', team: TEAM };
export const consultant: Actor = { id: randomUUID(), role: 'RESOURCE_CONSULTANT', name: 'Anders Lund', team: TEAM };
export const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
export const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: TEAM };
export const citizen = (id: string = randomUUID()): Actor => ({ id, role: 'CITIZEN', name: 'Svend' });

type Sender = { as(actor: Actor, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> };

export function ok<T = any>(res: GraphQLResponse): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

export const PLAN_FIELDS = 'id longTermGoal citizenPerspective status startDate endDate version citizen { id }';
export const MILESTONE_FIELDS = 'id title deadline status responsible overdue achievedAt updates { authorRole note status }';

export async function createPlan(api: Sender, citizenId: string, input: Record<string, unknown> = {}) {
  const res = await api.as(
    caseworker,
    `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { ${PLAN_FIELDS} } }`,
    {
      c: citizenId,
      i: { longTermGoal: 'Uddannet anlægsgartner, derefter fast job', ...input },
    },
  );
  return ok(res).createPlan as { id: string; version: number; status: string; startDate: string };
}

export async function addMilestone(api: Sender, planId: string, input: Record<string, unknown>) {
  const res = await api.as(
    caseworker,
    `mutation($p: ID!, $i: AddMilestoneInput!) { addMilestone(planId: $p, input: $i) { ${MILESTONE_FIELDS} } }`,
    {
      p: planId,
      i: { title: 'Praktik hos gartner', ...input },
    },
  );
  return ok(res).addMilestone as { id: string; status: string; overdue: boolean; deadline: string };
}

let serial = 0;
/** A valid, unique CPR number (born 1980–1989, 7th digit 0–3: 1900s). */
export function nextCpr(): string {
  serial += 1;
  const day = String((serial % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(serial / 28) % 12) + 1).padStart(2, '0');
  const year = 80 + (process.pid % 10);
  const seq = String(2000 + Math.floor(serial / 336) + (Date.now() % 1000) * 3).padStart(4, '0');
  return `${day}${month}${year}-${seq}`;
}
