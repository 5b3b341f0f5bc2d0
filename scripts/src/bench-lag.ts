import { DataSource } from 'typeorm';
import { addDays, todayInCopenhagen } from '@jobcenter/kit/calendar';

/** How long a change took to reach insights' facts (from the write's answer), in ms. */
export interface LagResult {
  writes: number;
  /** Changes seen in insights, each with its lag. */
  lags: number[];
  /** Changes not seen within the probe's time-out. */
  missing: number;
  /** Writes the gateway refused or failed (a broken probe, not a slow one). */
  errors: string[];
  p50: number;
  p95: number;
  max: number;
}

export interface LagProbeOptions {
  /** Our gateway's /graphql. */
  gatewayUrl: string;
  /** A caseworker's request headers (bearer token). */
  headers: Record<string, string>;
  /** Active plans of that caseworker's caseload: each write adds a milestone to the next one. */
  planIds: string[];
  /** Insights' database, where the change must show. */
  insights: DataSource;
  /** One write every so often (default 500 ms). */
  intervalMs?: number;
  /** A change not seen after this long is counted missing (default 30 s). */
  timeoutMs?: number;
}

const ADD_MILESTONE = `mutation($planId: ID!, $input: AddMilestoneInput!) { addMilestone(planId: $planId, input: $input) { id } }`;

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Event lag under load: while it runs, a caseworker adds a milestone through the gateway every
 * `intervalMs`; for each, the time from the mutation's answer (the change and its outbox event
 * committed) until the milestone is in insights' statistics facts (`insights_stat_milestone`,
 * whose rollup the dashboard's figures sum, kept by a trigger in the same transaction), polled
 * every 25 ms. `stop()` ends the writes, waits for the outstanding ones and summarises.
 */
export function startLagProbe(o: LagProbeOptions): { stop(): Promise<LagResult> } {
  const interval = o.intervalMs ?? 500;
  const timeout = o.timeoutMs ?? 30_000;
  const lags: number[] = [];
  const errors: string[] = [];
  const pending: Promise<void>[] = [];
  let missing = 0;
  let writes = 0;
  let running = true;
  const deadline = addDays(todayInCopenhagen(), 30);

  const seen = async (milestoneId: string, committedAt: number) => {
    while (performance.now() - committedAt < timeout) {
      const rows = await o.insights.query(`SELECT 1 FROM insights_stat_milestone WHERE milestone_id = $1`, [milestoneId]);
      if (rows.length > 0) {
        lags.push(performance.now() - committedAt);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    missing += 1;
  };

  const loop = (async () => {
    while (running) {
      const planId = o.planIds[writes % o.planIds.length];
      writes += 1;
      const started = performance.now();
      try {
        const response = await fetch(o.gatewayUrl, {
          method: 'POST',
          headers: o.headers,
          body: JSON.stringify({ query: ADD_MILESTONE, variables: { planId, input: { title: `Bench step ${writes}`, deadline } } }),
        });
        const body = (await response.json()) as { data?: { addMilestone?: { id: string } }; errors?: unknown };
        const id = body.data?.addMilestone?.id;
        if (id) pending.push(seen(id, performance.now()));
        else errors.push(JSON.stringify(body.errors ?? body).slice(0, 300));
      } catch (error) {
        errors.push(String(error));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, interval - (performance.now() - started))));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      await Promise.all(pending);
      const sorted = [...lags].sort((a, b) => a - b);
      return { writes, lags, missing, errors, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
    },
  };
}

/** Active plans of the citizens a staff member holds today (plans and citizens are separate databases). */
export async function activePlansOf(citizens: DataSource, plans: DataSource, staffId: string): Promise<string[]> {
  const held: { citizen_id: string }[] = await citizens.query(
    `SELECT DISTINCT citizen_id FROM assignment WHERE staff_id = $1 AND from_date <= CURRENT_DATE AND (to_date IS NULL OR to_date >= CURRENT_DATE)`,
    [staffId],
  );
  const rows: { id: string }[] = await plans.query(
    `SELECT id FROM plan WHERE status = 'ACTIVE' AND citizen_id = ANY($1::uuid[]) ORDER BY id`,
    [held.map((h) => h.citizen_id)],
  );
  return rows.map((r) => r.id);
}
