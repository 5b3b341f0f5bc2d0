/**
 * The Danish message catalogue (the default language). Keys are grouped by feature: one
 * top-level object per view or shared part. `en.ts` must have exactly the same keys (type-checked).
 * Values are ICU messages (react-intl): {name} placeholders, {count, plural, ...}.
 */
export const da = {
  app: {
    name: 'Jobcenter',
    skipToContent: 'Gå til indhold',
    mainNavigation: 'Hovedmenu',
    language: 'Sprog',
    switchTo: 'English',
    switchToLabel: 'Switch to English',
    signOut: 'Log ud',
    signedInAs: 'Logget ind som {name} ({role})',
    loading: 'Indlæser …',
    notFound: 'Siden findes ikke.',
    notAllowed: 'Du har ikke adgang til denne side.',
  },
  nav: {
    caseload: 'Min sagsstamme',
    team: 'Teamet',
    dashboard: 'Overblik',
    myDay: 'Min dag',
    minPlan: 'Min plan',
    graphiql: 'GraphQL-udforsker',
  },
  role: {
    CASEWORKER: 'Sagsbehandler',
    RESOURCE_CONSULTANT: 'Ressourcekonsulent',
    JOB_CONSULTANT: 'Jobkonsulent',
    TEAM_LEAD: 'Teamleder',
    ANALYST: 'Analytiker',
    CITIZEN: 'Borger',
  },
  errors: {
    network: 'Forbindelsen til jobcentret blev afbrudt.',
    retry: 'Prøv igen',
    forbidden: 'Du har ikke adgang til disse oplysninger.',
    notFound: 'Oplysningerne findes ikke (længere).',
    conflict: 'Ændringen kunne ikke gemmes: {message}',
    input: 'Ret de markerede felter.',
    unknown: 'Der skete en fejl. Prøv igen, eller kontakt support hvis det bliver ved.',
    sessionExpired: 'Du er blevet logget ud. Log ind igen – det du har skrevet, er gemt.',
  },
  signIn: {
    title: 'Log ind',
    intro: 'Vælg en demobruger for at logge ind (kun i udviklingsmiljøet).',
    unavailable: 'Log ind via kommunens login er endnu ikke sat op på denne server.',
    signedOut: 'Du er logget ud.',
  },
  dashboard: {
    title: 'Kommunens overblik',
  },
  myDay: {
    title: 'Min dag',
  },
  minPlan: {
    title: 'Min plan',
  },
};

type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type Messages = Catalogue<typeof da>;
