import type { Actor } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit';
import { operation } from '@jobcenter/gateway/operations';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { parseCpr } from '@jobcenter/citizens/cpr/rules';
import { isValidCvr } from '@jobcenter/placements/company/cvr-rules';
import { attentionReasons } from '@jobcenter/placements/placement/rules';
import { checkProposedLength } from '@jobcenter/placements/placement-rules';
import { perturbedAround } from '@jobcenter/kit/testing';
import { subgraphs } from '../src/services';
import { catchUpInsights } from '@jobcenter/insights/statistics/catch-up';
import { seedScale, World } from '../src/seed-scale/index';

/**
 * The generated municipality (seed:scale) read back through the gateway: the four client
 * operations answer exactly what the generator wrote; the generator is deterministic; and
 * the caseload operation costs the same SQL statements per subgraph for 5 and for 50 citizens.
 */
let federation: TestFederation;
let world: World;
const today = todayInCopenhagen();
const SEED = 'test-seed-7';
const urls = () =>
  Object.fromEntries(subgraphs.map((d) => [d.name, (federation.subgraphs[d.name].dataSource.options as { url: string }).url]));
const sql = <T = any>(db: string, text: string, params: unknown[] = []): Promise<T[]> =>
  federation.subgraphs[db].dataSource.query(text, params);
const staffActor = (s: { id: string; name: string; role: string; team: string }): Actor => ({
  id: s.id,
  name: s.name,
  role: s.role as Actor['role'],
  team: s.team,
});

beforeAll(async () => {
  // Every request asks the citizens service for grants, so statement counts do not depend on a cache.
  process.env.ACCESS_GRANT_TTL_MS = '0';
  federation = await startTestFederation(subgraphs);
  world = (await seedScale({ citizens: 60, seed: SEED, today, urls: urls() })).world;
}, 120_000);
afterAll(async () => {
  delete process.env.ACCESS_GRANT_TTL_MS;
  await federation.stop();
});

describe('the generated data obeys the services rules', () => {
  it('valid CPR and CVR numbers, one active plan per citizen, placements within their legal length, no double-booked staff', async () => {
    for (const c of world.citizens) expect(parseCpr(c.cpr, today).birthDate).toBe(c.birthDate);
    const companies = await sql('placements', 'SELECT cvr FROM company');
    expect(companies.length).toBeGreaterThan(0);
    for (const { cvr } of companies) expect(isValidCvr(cvr)).toBe(true);
    const placements = await sql(
      'placements',
      'SELECT kind, target_group_at_start, start_date::text AS s, end_date::text AS e FROM placement',
    );
    for (const p of placements) expect(checkProposedLength(p.kind, p.target_group_at_start, p.s, p.e).ok).toBe(true);
    const [{ n }] = await sql(
      'plans',
      `SELECT COUNT(*)::int AS n FROM (SELECT citizen_id FROM plan WHERE status = 'ACTIVE' GROUP BY citizen_id HAVING COUNT(*) > 1) x`,
    );
    expect(n).toBe(0);
    const [{ clashes }] = await sql(
      'meetings',
      `SELECT COUNT(*)::int AS clashes FROM meeting a JOIN meeting_participant pa ON pa.meeting_id = a.id
         JOIN meeting_participant pb ON pb.staff_id = pa.staff_id AND pb.meeting_id <> a.id
         JOIN meeting b ON b.id = pb.meeting_id AND b.scheduled_at < a.ends_at AND a.scheduled_at < b.ends_at
        WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'`,
    );
    expect(clashes).toBe(0);
  });

  it('stores CPR numbers the way the citizens service reads them (encrypted, found by blind index)', async () => {
    const c = world.citizens.find((x) => x.endedAt === null)!;
    const res = await federation.as(staffActor(c.caseworker), `query($id: ID!) { citizen(id: $id) { cpr birthDate } }`, { id: c.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizen).toEqual({ cpr: `${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`, birthDate: c.birthDate });
    const [row] = await sql('citizens', 'SELECT cpr_encrypted FROM citizen WHERE id = $1', [c.id]);
    expect(row.cpr_encrypted).not.toContain(c.cpr);
  });
});

describe('the four operations on the generated data', () => {
  it('CaseworkerCaseload: exactly the assigned citizens, with plan, milestones, meetings and placement as in the rows', async () => {
    const open = world.citizens.filter((c) => c.endedAt === null);
    const counts = new Map<string, number>();
    for (const c of open) counts.set(c.caseworker.id, (counts.get(c.caseworker.id) ?? 0) + 1);
    const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const caseworker = world.staff.find((s) => s.id === busiest[0])!;
    const res = await federation.as(staffActor(caseworker), operation('CaseworkerCaseload'), { staffId: caseworker.id });
    expect(res.errors).toBeUndefined();
    const caseload = res.data.staffMember.caseload as any[];
    const expected = open
      .filter((c) => c.caseworker.id === caseworker.id)
      .map((c) => c.id)
      .sort();
    expect(caseload.map((c) => c.id).sort()).toEqual(expected);

    const ids = expected;
    const plans = await sql('plans', `SELECT id, citizen_id, long_term_goal FROM plan WHERE status = 'ACTIVE' AND citizen_id = ANY($1)`, [
      ids,
    ]);
    const milestones = await sql(
      'plans',
      `SELECT m.id, m.plan_id, m.deadline::text AS deadline, m.status FROM milestone m JOIN plan p ON p.id = m.plan_id WHERE p.status = 'ACTIVE' AND p.citizen_id = ANY($1)`,
      [ids],
    );
    const meetings = await sql('meetings', `SELECT id, citizen_id, kind, status, scheduled_at FROM meeting WHERE citizen_id = ANY($1)`, [
      ids,
    ]);
    const placements = await sql('placements', `SELECT id, citizen_id FROM placement WHERE status = 'ACTIVE' AND citizen_id = ANY($1)`, [
      ids,
    ]);
    const openStatus = ['PLANNED', 'IN_PROGRESS', 'MISSED'];
    for (const c of caseload) {
      const plan = plans.find((p) => p.citizen_id === c.id);
      if (!plan) {
        expect(c.activePlan).toBeNull();
      } else {
        const own = milestones.filter((m) => m.plan_id === plan.id && openStatus.includes(m.status));
        expect(c.activePlan.longTermGoal).toBe(plan.long_term_goal);
        expect(c.activePlan.overdueMilestones.map((m: any) => m.id).sort()).toEqual(
          own
            .filter((m) => m.deadline < today)
            .map((m) => m.id)
            .sort(),
        );
        expect(c.activePlan.nextMilestoneDeadline).toBe(
          own
            .map((m) => m.deadline)
            .filter((d) => d >= today)
            .sort()[0] ?? null,
        );
      }
      const mine = meetings.filter((m) => m.citizen_id === c.id);
      const next = mine
        .filter((m) => m.status === 'PLANNED' && m.scheduled_at.getTime() >= Date.now())
        .sort((a, b) => a.scheduled_at - b.scheduled_at)[0];
      expect(c.nextMeeting?.id ?? null).toBe(next?.id ?? null);
      const held = mine
        .filter((m) => m.kind === 'NETWORK_MEETING' && m.status === 'HELD')
        .sort((a, b) => b.scheduled_at - a.scheduled_at)[0];
      expect(c.lastNetworkMeeting?.id ?? null).toBe(held?.id ?? null);
      expect(c.activePlacement?.id ?? null).toBe(placements.find((p) => p.citizen_id === c.id)?.id ?? null);
    }
    expect(caseload.some((c) => c.activePlan)).toBe(true);
  });

  it("JobConsultantDay: exactly the consultant's active placements that need attention, with the right reasons", async () => {
    const rows = await sql(
      'placements',
      `SELECT p.id, p.job_consultant_id, p.status, p.start_date::text AS s, p.end_date::text AS e, MAX(f.date)::text AS last
         FROM placement p LEFT JOIN placement_follow_up f ON f.placement_id = p.id WHERE p.status = 'ACTIVE' GROUP BY p.id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const byConsultant = new Map<string, any[]>();
    for (const r of rows) byConsultant.set(r.job_consultant_id, [...(byConsultant.get(r.job_consultant_id) ?? []), r]);
    const [consultantId, own] = [...byConsultant.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
    const consultant = world.staff.find((s) => s.id === consultantId)!;
    const res = await federation.as(staffActor(consultant), operation('JobConsultantDay'), { staffId: consultant.id });
    expect(res.errors).toBeUndefined();
    const expected = own
      .map((r) => ({ id: r.id, reasons: attentionReasons({ status: r.status, startDate: r.s, endDate: r.e }, r.last, today) }))
      .filter((x) => x.reasons.length > 0);
    const items = res.data.staffMember.placementsNeedingAttention as any[];
    expect(items.map((i) => ({ id: i.placement.id, reasons: i.reasons })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      expected.sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const i of items) {
      const c = world.citizens.find((x) => x.id === i.placement.citizen.id)!;
      expect(i.placement.citizen).toMatchObject({ firstName: c.firstName, lastName: c.lastName });
    }
  });

  it('MunicipalDashboard: the counts the generator wrote', async () => {
    const analyst = world.analysts[0];
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    // The statistics fields are insights' (@override): its facts read the generated events first.
    await catchUpInsights(federation.subgraphs.insights.dataSource);
    const res = await federation.as(staffActor(analyst), operation('MunicipalDashboard'), { from, to: today });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizenStatistics.total).toEqual(perturbedAround(60));
    // Small cells are withheld (kit suppression): a withheld figure is named in `suppressed` and
    // reads 0 (a breakdown leaves the cell out); every other figure is what was written, perturbed
    // by the cell-key method (within ±2).
    const shownOrWithheld = (stats: { suppressed: string[] }, name: string, value: number | undefined, written: number) => {
      if (stats.suppressed.includes(name)) expect(value ?? 0).toBe(0);
      else expect(value ?? 0).toEqual(perturbedAround(written));
    };
    const citizenStats = res.data.citizenStatistics;
    const byStatus = Object.fromEntries(citizenStats.byStatus.map((b: any) => [b.key, b.count]));
    const statuses = ['ACTIVE', 'PAUSED', 'SELF_SUPPORTING', 'CLOSED'];
    for (const status of statuses) {
      shownOrWithheld(citizenStats, `byStatus.${status}`, byStatus[status], world.citizens.filter((c) => c.status === status).length);
    }
    expect(statuses.filter((s) => !citizenStats.suppressed.includes(`byStatus.${s}`)).length).toBeGreaterThan(0);
    const [m] = await sql(
      'plans',
      `SELECT COUNT(*) FILTER (WHERE m.status = 'ACHIEVED')::int AS achieved, COUNT(*) FILTER (WHERE m.status = 'MISSED')::int AS missed
      FROM milestone m JOIN plan p ON p.id = m.plan_id WHERE m.deadline BETWEEN $1 AND $2 AND p.status <> 'DRAFT'`,
      [from, today],
    );
    shownOrWithheld(res.data.milestoneStatistics, 'achieved', res.data.milestoneStatistics.achieved, m.achieved);
    shownOrWithheld(res.data.milestoneStatistics, 'missed', res.data.milestoneStatistics.missed, m.missed);
    expect(m.achieved).toBeGreaterThan(0);
    expect(res.data.progressionStatistics.length).toBe(11);
    expect(res.data.meetingStatistics.held).toBeGreaterThan(0);
    expect(res.data.groupCourseStatistics.courses).toBeGreaterThan(0);
  });

  it('CitizenOwnView: the citizen sees their own plan, milestones, meetings and placement', async () => {
    const [withPlacement] = (await sql(
      'placements',
      `SELECT citizen_id FROM placement WHERE status = 'ACTIVE' ORDER BY citizen_id LIMIT 1`,
    )) as { citizen_id: string }[];
    const c = world.citizens.find((x) => x.id === withPlacement.citizen_id)!;
    const res = await federation.as({ id: c.id, role: 'CITIZEN', name: `${c.firstName} ${c.lastName}` }, operation('CitizenOwnView'), {
      citizenId: c.id,
    });
    expect(res.errors).toBeUndefined();
    const me = res.data.citizen;
    expect(me).toMatchObject({ id: c.id, firstName: c.firstName, lastName: c.lastName });
    expect(me.assignments.map((a: any) => a.staff.name)).toContain(c.caseworker.name);
    const milestones = await sql(
      'plans',
      `SELECT m.id FROM milestone m JOIN plan p ON p.id = m.plan_id WHERE p.status = 'ACTIVE' AND p.citizen_id = $1`,
      [c.id],
    );
    expect((me.activePlan?.milestones ?? []).map((m: any) => m.id).sort()).toEqual(milestones.map((m) => m.id).sort());
    const meetings = await sql('meetings', 'SELECT id FROM meeting WHERE citizen_id = $1', [c.id]);
    expect(me.meetings.map((m: any) => m.id).sort()).toEqual(meetings.map((m) => m.id).sort());
    expect(me.activePlacement.company.name).toBe(c.placements.find((p) => p.status === 'ACTIVE')!.company.name);
  });
});

/**
 * A hash per table of its ordered rows; the CPR ciphertext (random IV) is left out, its blind index
 * kept; of the outbox, what the writing transaction gives (position, transaction id, time) is left out.
 */
async function contentHash(): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const d of subgraphs) {
    const tables = await sql(
      d.name,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'kit_access_log', 'kit_idempotency_key') ORDER BY tablename`,
    );
    for (const { tablename } of tables) {
      const [{ h }] = await sql(
        d.name,
        `SELECT md5(COALESCE(string_agg(r, '|' ORDER BY r), '')) AS h FROM (SELECT (to_jsonb(t) - 'cpr_encrypted' ${tablename === 'outbox_event' ? `- 'position' - 'xid' - 'occurred_at'` : ''})::text AS r FROM "${tablename}" t) x`,
      );
      hashes[`${d.name}.${tablename}`] = h;
    }
  }
  return hashes;
}

describe('determinism', () => {
  it('the same seed writes the same rows; another seed writes others', async () => {
    // Seeded afresh first: the earlier tests let insights read the events (a seed empties that).
    await seedScale({ citizens: 60, seed: SEED, today, urls: urls() });
    const first = await contentHash();
    await seedScale({ citizens: 60, seed: SEED, today, urls: urls() });
    expect(await contentHash()).toEqual(first);
    await seedScale({ citizens: 60, seed: 'another-seed', today, urls: urls() });
    const other = await contentHash();
    expect(other['citizens.citizen']).not.toBe(first['citizens.citizen']);
    expect(other['meetings.meeting']).not.toBe(first['meetings.meeting']);
  }, 60_000);
});

describe('CaseworkerCaseload SQL statements', () => {
  it('are the same per subgraph for a caseload of 5 and of 50 citizens', async () => {
    const generated = (await seedScale({ citizens: 800, seed: SEED, today, urls: urls() })).world;
    const [small, large] = generated.teams[0].caseworkers;
    const open = generated.citizens.filter((c) => c.endedAt === null && c.caseworker !== small && c.caseworker !== large);
    expect(open.length).toBeGreaterThanOrEqual(55);
    // Hand the first 5 open cases to one caseworker and the next 50 to another (one caseworker per citizen still).
    const move = async (staffId: string, citizenIds: string[]) =>
      sql('citizens', `UPDATE assignment SET staff_id = $1 WHERE role = 'CASEWORKER' AND to_date IS NULL AND citizen_id = ANY($2)`, [
        staffId,
        citizenIds,
      ]);
    await sql(
      'citizens',
      `UPDATE assignment SET to_date = from_date WHERE role = 'CASEWORKER' AND to_date IS NULL AND staff_id = ANY($1)`,
      [[small.id, large.id]],
    );
    // Both caseloads hold citizens with an active placement, so both ask for the companies.
    const placed = open.filter((c) => c.placements.some((p) => p.status === 'ACTIVE'));
    const others = open.filter((c) => !placed.includes(c));
    expect(placed.length).toBeGreaterThanOrEqual(2);
    const fiveIds = [placed[0], ...others.slice(0, 4)].map((c) => c.id);
    const fiftyIds = [...placed.slice(1), ...others.slice(4)].slice(0, 50).map((c) => c.id);
    await move(small.id, fiveIds);
    await move(large.id, fiftyIds);
    const perSubgraph = async (staff: typeof small, size: number) => {
      const before = Object.fromEntries(subgraphs.map((d) => [d.name, federation.subgraphs[d.name].dataSource.statements.count]));
      const res = await federation.as(staffActor(staff), operation('CaseworkerCaseload'), { staffId: staff.id });
      expect(res.errors).toBeUndefined();
      expect(res.data.staffMember.caseload).toHaveLength(size);
      return Object.fromEntries(subgraphs.map((d) => [d.name, federation.subgraphs[d.name].dataSource.statements.count - before[d.name]]));
    };
    const five = await perSubgraph(small, 5);
    const fifty = await perSubgraph(large, 50);
    expect(fifty).toEqual(five);
    // insights serves aggregates only: it has no part in a caseload.
    for (const d of subgraphs.filter((s) => s.name !== 'insights')) expect(five[d.name]).toBeGreaterThan(0);
    expect(five.insights).toBe(0);
  }, 120_000);
});

describe('seeding again', () => {
  it('empties what the consumers derived from the replaced events, so insights counts the new municipality only', async () => {
    await catchUpInsights(federation.subgraphs.insights.dataSource);
    const count = async (db: string, table: string) => (await sql(db, `SELECT COUNT(*)::int AS n FROM ${table}`))[0].n as number;
    expect(await count('insights', 'insights_citizen')).toBeGreaterThanOrEqual(world.citizens.length);
    // A kick-off row and a notice from the old data, as the consumers would have left them.
    await sql(
      'placements',
      `INSERT INTO placement_kickoff (meeting_id, placement_id, citizen_id, status, scheduled_at, changed_at)
      VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'HELD', now(), now())`,
    );
    const again = (await seedScale({ citizens: 25, seed: `${SEED}-again`, today, urls: urls() })).world;
    expect(await count('placements', 'placement_kickoff')).toBe(0);
    for (const db of ['insights', 'placements', 'citizens']) expect(await count(db, 'event_cursor')).toBe(0);
    await catchUpInsights(federation.subgraphs.insights.dataSource);
    // Every citizen insights knows is one of the new data set (none left from the first).
    expect(await count('insights', 'insights_citizen')).toBe(again.citizens.length);
  }, 120_000);
});
