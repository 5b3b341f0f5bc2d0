import type { Messages } from './da';

/** The English message catalogue: the same keys as `da.ts`. */
export const en: Messages = {
  app: {
    name: 'Jobcentre',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main menu',
    language: 'Language',
    switchTo: 'Dansk',
    switchToLabel: 'Skift til dansk',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {name} ({role})',
    loading: 'Loading …',
    notFound: 'This page does not exist.',
    notAllowed: 'You do not have access to this page.',
  },
  nav: {
    caseload: 'My caseload',
    team: 'The team',
    dashboard: 'Dashboard',
    myDay: 'My day',
    minPlan: 'My plan',
    graphiql: 'GraphQL explorer',
  },
  role: {
    CASEWORKER: 'Caseworker',
    RESOURCE_CONSULTANT: 'Resource consultant',
    JOB_CONSULTANT: 'Job consultant',
    TEAM_LEAD: 'Team lead',
    ANALYST: 'Analyst',
    CITIZEN: 'Citizen',
  },
  errors: {
    network: 'The connection to the jobcentre was lost.',
    retry: 'Try again',
    forbidden: 'You do not have access to this information.',
    notFound: 'This information does not exist (any more).',
    conflict: 'The change could not be saved: {message}',
    input: 'Correct the marked fields.',
    unknown: 'Something went wrong. Try again, or contact support if it persists.',
    sessionExpired: 'You were signed out. Sign in again – what you typed has been kept.',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Pick a demo user to sign in (development only).',
    unavailable: "Sign-in through the municipality's login is not set up on this server yet.",
    signedOut: 'You are signed out.',
  },
  dashboard: {
    title: 'Municipal dashboard',
  },
  myDay: {
    title: 'My day',
  },
  minPlan: {
    title: 'My plan',
  },
};
