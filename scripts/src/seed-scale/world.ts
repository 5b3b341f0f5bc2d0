import { centuryOf, parseCpr } from '@jobcenter/citizens/cpr/rules';
import { PlacementKind } from '@jobcenter/placements/placement/enums';
import { TargetGroup } from '@jobcenter/placements/target-group';
import { maxEndDate, ruleFor, UNLIMITED_KINDS } from '@jobcenter/placements/placement-rules';
import { isValidCvr } from '@jobcenter/placements/company/cvr-rules';
import * as da from './danish';
import { dayNumber, plusDays, Random } from './random';

/**
 * The people of the generated municipality and the facts every subgraph's tables must agree
 * on: staff and teams, citizens with their course dates and team, and their placements (which
 * decide the job consultant's assignment and the kick-off meetings). Each subgraph module turns
 * this into its own rows.
 */

export interface GeneratorOptions {
  citizens: number;
  seed: string;
  /** YYYY-MM-DD: the day the history ends; the data's "now". */
  today: string;
}

export type StaffRole = 'CASEWORKER' | 'RESOURCE_CONSULTANT' | 'JOB_CONSULTANT' | 'TEAM_LEAD' | 'ANALYST';

export interface Staff {
  id: string;
  name: string;
  role: StaffRole;
  email: string;
  team: string;
}

export interface Team {
  name: string;
  caseworkers: Staff[];
  resourceConsultants: Staff[];
  jobConsultants: Staff[];
  lead: Staff;
}

export interface Company {
  id: string;
  cvr: string;
  name: string;
  industry: string;
  size: 'SMALL' | 'MEDIUM' | 'LARGE';
  partnership: boolean;
  publicSector: boolean;
  contact: { name: string; phone: string | null; email: string | null };
}

export interface PlacementFact {
  id: string;
  company: Company;
  kind: PlacementKind;
  purpose: 'CLARIFICATION' | 'UPSKILLING' | 'RETENTION' | null;
  start: string;
  end: string;
  hoursPerWeek: number;
  mentor: string | null;
  status: 'PROPOSED' | 'AGREED' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
  outcome: string | null;
  endedOn: string | null;
  cancelReason: string | null;
  /** The day it was proposed. */
  proposedOn: string;
}

export interface Citizen {
  index: number;
  id: string;
  /** Ten digits. */
  cpr: string;
  firstName: string;
  lastName: string;
  female: boolean;
  birthDate: string;
  email: string | null;
  phone: string | null;
  preferredContact: string;
  targetGroup: TargetGroup;
  status: 'ACTIVE' | 'PAUSED' | 'SELF_SUPPORTING' | 'CLOSED';
  enrolledAt: string;
  /** Last day of the course for SELF_SUPPORTING and CLOSED citizens; null while it goes on. */
  endedAt: string | null;
  team: Team;
  caseworker: Staff;
  /** A caseworker who held the case before a handover, until the day before `handoverOn`. */
  previousCaseworker: Staff | null;
  handoverOn: string | null;
  resourceConsultant: Staff;
  jobConsultant: Staff | null;
  placements: PlacementFact[];
}

export interface World {
  options: GeneratorOptions;
  staff: Staff[];
  teams: Team[];
  analysts: Staff[];
  citizens: Citizen[];
  companies: Company[];
  /** The first day of the generated history. */
  historyStart: string;
}

export const HISTORY_DAYS = 730;
/** Case roles per team: ~60 open cases per caseworker at the status mix below. */
const TEAM_SHAPE = { CASEWORKER: 4, RESOURCE_CONSULTANT: 5, JOB_CONSULTANT: 2 } as const;
const CITIZENS_PER_TEAM = 2000;

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '.');

export function buildWorld(options: GeneratorOptions): World {
  const { seed, today } = options;
  const historyStart = plusDays(today, -HISTORY_DAYS);

  // Staff and teams.
  const rs = new Random(`${seed}:staff`);
  const usedEmails = new Set<string>();
  const person = (r: Random) => {
    const female = r.chance(0.6);
    return `${r.pick(female ? da.FEMALE_NAMES : da.MALE_NAMES)} ${r.pick(da.LAST_NAMES)}`;
  };
  const staffMember = (role: StaffRole, team: string): Staff => {
    const name = person(rs);
    let email = `${ascii(name)}@jobcenter.example.dk`;
    for (let n = 2; usedEmails.has(email); n++) email = `${ascii(name)}${n}@jobcenter.example.dk`;
    usedEmails.add(email);
    return { id: rs.uuid(), name, role, email, team };
  };
  const teamCount = Math.max(2, Math.round(options.citizens / CITIZENS_PER_TEAM));
  const teams: Team[] = [];
  for (let t = 0; t < teamCount; t++) {
    const name = `Team ${da.TOWNS[t % da.TOWNS.length]} ${Math.floor(t / da.TOWNS.length) + 1}`;
    teams.push({
      name,
      caseworkers: Array.from({ length: TEAM_SHAPE.CASEWORKER }, () => staffMember('CASEWORKER', name)),
      resourceConsultants: Array.from({ length: TEAM_SHAPE.RESOURCE_CONSULTANT }, () => staffMember('RESOURCE_CONSULTANT', name)),
      jobConsultants: Array.from({ length: TEAM_SHAPE.JOB_CONSULTANT }, () => staffMember('JOB_CONSULTANT', name)),
      lead: staffMember('TEAM_LEAD', name),
    });
  }
  const analysts = Array.from({ length: Math.max(1, Math.round(teamCount / 5)) }, () => staffMember('ANALYST', 'Analyse og styring'));
  const staff = [...teams.flatMap((t) => [...t.caseworkers, ...t.resourceConsultants, ...t.jobConsultants, t.lead]), ...analysts];

  // Companies: valid CVR numbers (modulus 11), about one per 25 citizens.
  const rc = new Random(`${seed}:companies`);
  const cvrs = new Set<string>();
  const companies: Company[] = Array.from({ length: Math.max(20, Math.round(options.citizens / 25)) }, () => {
    const cvr = validCvr(rc, cvrs);
    const publicSector = rc.chance(0.2);
    const trade = rc.pick(Object.keys(da.INDUSTRIES));
    const name = publicSector
      ? `${rc.pick(da.TOWNS)} Kommune, ${rc.pick(['Materielgården', 'Plejecenter ' + rc.pick(da.STREETS), 'Børnehuset ' + rc.pick(da.LAST_NAMES), 'Rådhuset', 'Genbrugspladsen'])}`
      : `${rc.pick(da.COMPANY_WORDS)} ${trade} ${rc.pick(da.COMPANY_SUFFIX)}`;
    const contactName = person(rc);
    return {
      id: rc.uuid(),
      cvr,
      name,
      industry: publicSector ? 'Offentlig administration' : da.INDUSTRIES[trade],
      size: rc.weighted({ SMALL: 5, MEDIUM: 3, LARGE: 1 }),
      partnership: rc.chance(0.3),
      publicSector,
      contact: {
        name: contactName,
        phone: `+45 ${rc.int(20000000, 99999999)}`,
        email: rc.chance(0.7) ? `${ascii(contactName)}@firma.example.dk` : null,
      },
    };
  });

  const pools: CompanyPools = {
    all: companies,
    public: companies.filter((c) => c.publicSector),
    private: companies.filter((c) => !c.publicSector),
  };

  // Citizens.
  const cprs = new Set<string>();
  const caseworkerTurn = new Map<string, number>();
  const citizens: Citizen[] = [];
  for (let i = 0; i < options.citizens; i++) {
    const r = new Random(`${seed}:citizen:${i}`);
    const female = r.chance(0.5);
    const firstName = r.pick(female ? da.FEMALE_NAMES : da.MALE_NAMES);
    const lastName = r.chance(0.15) ? `${r.pick(da.LAST_NAMES)}-${r.pick(da.LAST_NAMES)}` : r.pick(da.LAST_NAMES);
    const { cpr, birthDate } = validCpr(r, today, female, cprs);
    const status = r.weighted({ ACTIVE: 10.5, PAUSED: 1.5, SELF_SUPPORTING: 50, CLOSED: 38 });
    const ongoing = status === 'ACTIVE' || status === 'PAUSED';
    let enrolledAt: string;
    let endedAt: string | null = null;
    if (ongoing) {
      enrolledAt = plusDays(today, -r.int(7, HISTORY_DAYS));
    } else {
      enrolledAt = plusDays(today, -r.int(60, HISTORY_DAYS));
      endedAt = plusDays(enrolledAt, Math.min(r.int(60, 240), dayNumber(today) - dayNumber(enrolledAt) - 7));
    }
    const targetGroup = r.weighted<TargetGroup>({
      JOB_READY: 20,
      ACTIVITY_READY: 18,
      EDUCATION_READY: 8,
      EDUCATION_ACTIVITY_READY: 6,
      UNEMPLOYMENT_INSURANCE: 10,
      NEW_GRADUATE: 3,
      SICKNESS_BENEFIT: 15,
      RESOURCE_PROGRAMME: 7,
      JOB_CLARIFICATION: 5,
      INTEGRATION: 5,
      FAMILY_SUPPORT: 3,
    } as Record<TargetGroup, number>);
    const team = teams[i % teams.length];
    // Open cases go round the team's caseworkers, so each holds about the same number.
    let caseworker: Staff;
    if (ongoing) {
      const turn = caseworkerTurn.get(team.name) ?? 0;
      caseworkerTurn.set(team.name, turn + 1);
      caseworker = team.caseworkers[turn % team.caseworkers.length];
    } else {
      caseworker = r.pick(team.caseworkers);
    }
    let previousCaseworker: Staff | null = null;
    let handoverOn: string | null = null;
    const courseDays = dayNumber(endedAt ?? today) - dayNumber(enrolledAt);
    if (courseDays > 180 && r.chance(0.15)) {
      previousCaseworker = r.pick(team.caseworkers.filter((c) => c !== caseworker));
      handoverOn = plusDays(enrolledAt, r.int(60, courseDays - 30));
    }
    const phone = r.chance(0.9) ? `+45 ${r.int(20000000, 99999999)}` : null;
    const email = r.chance(0.6) ? `${ascii(firstName)}.${ascii(lastName)}${r.int(1, 999)}@mail.example.dk` : null;
    const citizen: Citizen = {
      index: i,
      id: r.uuid(),
      cpr,
      firstName,
      lastName,
      female,
      birthDate,
      email,
      phone,
      preferredContact: phone
        ? r.weighted({ PHONE: 5, SMS: 3, EMAIL: email ? 2 : 0, IN_PERSON: 1 })
        : r.weighted({ LETTER: 3, EMAIL: email ? 3 : 0, IN_PERSON: 1 }),
      targetGroup,
      status,
      enrolledAt,
      endedAt,
      team,
      caseworker,
      previousCaseworker,
      handoverOn,
      resourceConsultant: r.pick(team.resourceConsultants),
      jobConsultant: null,
      placements: [],
    };
    citizen.placements = placementsOf(citizen, r, pools, today);
    if (citizen.placements.length) citizen.jobConsultant = r.pick(team.jobConsultants);
    citizens.push(citizen);
  }
  return { options, staff, teams, analysts, citizens, companies, historyStart };
}

/** A CPR number for a real date between 18 and 64 years ago, century digit consistent, gender parity right. */
function validCpr(r: Random, today: string, female: boolean, used: Set<string>): { cpr: string; birthDate: string } {
  for (;;) {
    const year = +today.slice(0, 4) - r.int(18, 64);
    const birthDate = plusDays(`${year}-01-01`, r.int(0, 364));
    if (birthDate > plusDays(today, -18 * 365)) continue;
    const yy = year % 100;
    const sevenths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => centuryOf(d, yy) + yy === year);
    const seventh = r.pick(sevenths);
    let last = r.int(0, 9);
    if ((last % 2 === 0) !== female) last = (last + 1) % 10;
    const cpr = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}${seventh}${r.int(0, 99).toString().padStart(2, '0')}${last}`;
    if (used.has(cpr)) continue;
    const parsed = parseCpr(cpr, today); // the service's own rules: throws on anything it would refuse
    if (parsed.birthDate !== birthDate) throw new Error(`CPR ${cpr} gives ${parsed.birthDate}, not ${birthDate}`);
    used.add(cpr);
    return { cpr, birthDate };
  }
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];
function validCvr(r: Random, used: Set<string>): string {
  for (;;) {
    const digits = [r.int(1, 9), ...Array.from({ length: 6 }, () => r.int(0, 9))];
    const sum = digits.reduce((s, d, i) => s + d * CVR_WEIGHTS[i], 0);
    const check = (11 - (sum % 11)) % 11;
    if (check === 10) continue;
    const cvr = [...digits, check].join('');
    if (used.has(cvr) || !isValidCvr(cvr)) continue;
    used.add(cvr);
    return cvr;
  }
}

interface CompanyPools {
  all: Company[];
  public: Company[];
  private: Company[];
}

const OUTCOMES = { ORDINARY_EMPLOYMENT: 30, EDUCATION: 12, OTHER_PLACEMENT: 15, CONTINUED_SUPPORT: 23, ENDED_WITHOUT_RESULT: 20 };

/**
 * Zero, one or two placements within the citizen's course, one after the other (never two
 * active at once), each within the legal maximum length for its kind and target group on its
 * start date (the placements service's own rule table).
 */
function placementsOf(c: Citizen, r: Random, companies: CompanyPools, today: string): PlacementFact[] {
  const last = c.endedAt ?? plusDays(today, 30);
  const result: PlacementFact[] = [];
  let earliest = plusDays(c.enrolledAt, r.int(30, 90));
  const wanted = r.chance(0.4) ? (r.chance(0.2) ? 2 : 1) : 0;
  for (let n = 0; n < wanted; n++) {
    if (earliest >= last) break;
    const start = plusDays(earliest, r.int(0, Math.max(0, Math.min(120, dayNumber(last) - dayNumber(earliest) - 1))));
    let kind = r.weighted<PlacementKind>({
      INTERNSHIP: 55,
      WAGE_SUBSIDY_PRIVATE: 20,
      WAGE_SUBSIDY_PUBLIC: 10,
      ORDINARY_JOB: 8,
      FLEXJOB: 7,
    } as Record<PlacementKind, number>);
    let rule = UNLIMITED_KINDS.includes(kind) ? null : ruleFor(kind, c.targetGroup, start);
    if (!UNLIMITED_KINDS.includes(kind) && !rule) {
      kind = PlacementKind.ORDINARY_JOB;
      rule = null;
    }
    const limit = rule ? maxEndDate(rule, start) : plusDays(start, r.int(90, 365));
    const span = dayNumber(limit) - dayNumber(start);
    let end = plusDays(start, Math.max(6, Math.round(span * (0.5 + r.next() * 0.5))));
    if (end > limit) end = limit;
    if (c.endedAt && end > c.endedAt) end = c.endedAt < start ? start : c.endedAt;
    const publicSector = kind === PlacementKind.WAGE_SUBSIDY_PUBLIC;
    const pool = publicSector ? companies.public : kind === PlacementKind.WAGE_SUBSIDY_PRIVATE ? companies.private : companies.all;
    const company = pool[r.int(0, pool.length - 1)] ?? companies.all[0];
    let status: PlacementFact['status'];
    let outcome: string | null = null;
    let endedOn: string | null = null;
    let cancelReason: string | null = null;
    const ongoing = c.endedAt === null;
    if (start > today) {
      if (!ongoing) break;
      status = r.chance(0.5) ? 'PROPOSED' : 'AGREED';
    } else if (end >= today && ongoing) {
      status = 'ACTIVE';
    } else if (end < today && ongoing && end >= plusDays(today, -10) && r.chance(0.3)) {
      status = 'ACTIVE'; // past its end date and not closed yet: the job consultant's list shows it
    } else if (end >= today) {
      break; // an ended course has no placement running past its end
    } else if (r.chance(0.15)) {
      status = 'CANCELLED';
      endedOn = plusDays(start, r.int(0, Math.max(0, dayNumber(end) - dayNumber(start))));
      cancelReason = r.pick(da.CANCEL_REASONS);
    } else {
      status = 'COMPLETED';
      endedOn = r.chance(0.1) ? plusDays(start, r.int(0, Math.max(0, dayNumber(end) - dayNumber(start)))) : end;
      outcome = c.status === 'SELF_SUPPORTING' && n === wanted - 1 ? r.pick(['ORDINARY_EMPLOYMENT', 'EDUCATION']) : r.weighted(OUTCOMES);
    }
    result.push({
      id: r.uuid(),
      company,
      kind,
      purpose:
        kind === PlacementKind.INTERNSHIP
          ? r.pick(['CLARIFICATION', 'UPSKILLING'] as const)
          : kind === PlacementKind.ORDINARY_JOB
            ? null
            : r.pick(['UPSKILLING', 'RETENTION'] as const),
      start,
      end,
      hoursPerWeek: r.pick([10, 15, 20, 25, 30, 37]),
      mentor: r.chance(0.4) ? `${r.pick(da.FEMALE_NAMES.concat(da.MALE_NAMES))} ${r.pick(da.LAST_NAMES)}` : null,
      status,
      outcome,
      endedOn,
      cancelReason,
      proposedOn: minDate(today, maxDate(c.enrolledAt, plusDays(start, -r.int(7, 21)))),
    });
    if (status === 'ACTIVE' || status === 'PROPOSED' || status === 'AGREED') break;
    earliest = plusDays(endedOn ?? end, r.int(14, 60));
  }
  return result;
}

export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const minDate = (a: string, b: string) => (a < b ? a : b);
