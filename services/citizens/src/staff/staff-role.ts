import { registerEnumType } from 'type-graphql';

export enum StaffRole {
  CASEWORKER = 'CASEWORKER',
  RESOURCE_CONSULTANT = 'RESOURCE_CONSULTANT',
  JOB_CONSULTANT = 'JOB_CONSULTANT',
  TEAM_LEAD = 'TEAM_LEAD',
  ANALYST = 'ANALYST',
}
registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: "A staff member's role in the jobcenter.",
  valuesConfig: {
    CASEWORKER: { description: 'Caseworker (sagsbehandler / socialrådgiver): holds the authority role, owns the plan with the citizen' },
    RESOURCE_CONSULTANT: { description: 'Resource consultant (ressourcekonsulent / socialkonsulent): close follow-up, group courses' },
    JOB_CONSULTANT: { description: 'Job consultant (jobkonsulent): companies and placements' },
    TEAM_LEAD: { description: "Team lead (leder): the whole team's caseload and figures" },
    ANALYST: { description: 'Analyst (analytiker): aggregated figures only' },
  },
});

/** Roles a staff member can hold for a particular citizen (an assignment). */
export const CASE_ROLES: readonly StaffRole[] = [StaffRole.CASEWORKER, StaffRole.RESOURCE_CONSULTANT, StaffRole.JOB_CONSULTANT];
