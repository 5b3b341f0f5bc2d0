import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { Actor } from '../identity';
import { forbidden } from '../errors';
import { isUuid } from '../ids';
import { GrantCache } from './grant-cache';
import type { GrantSource } from './grants';
import { AccessDecision, accessDeniedMessage, AccessGrant, decideCitizenAccess, emergencyReason, readsNoPersonalData } from './policy';

/**
 * One request's view of the policy: decisions per citizen, batched (all citizens a request
 * touches cost one look-up) and memoised for the request.
 */
export interface CitizenAccess {
  /** The decision for one citizen. */
  decide(citizenId: string): Promise<AccessDecision>;
  /** true to go on; false to answer as for a non-existent id; FORBIDDEN thrown otherwise. */
  mayRead(citizenId: string): Promise<boolean>;
  /** Throws FORBIDDEN (or NOT_FOUND-like `hidden()` for another citizen) unless allowed. */
  assert(citizenId: string, hidden?: () => Error): Promise<void>;
  /** The ids among these that the actor may read; throws FORBIDDEN for roles that read none. */
  filter(citizenIds: readonly string[]): Promise<Set<string>>;
  /**
   * Notes a refusal the service decided by a rule of its own (e.g. who may assign staff) and
   * returns the FORBIDDEN error to throw: logged under the citizen like the policy's refusals.
   */
  refuse(citizenId: string, message?: string): GraphQLError;
  /**
   * The citizens this request was refused (FORBIDDEN, or answered as unknown for another
   * citizen), for the access log with the outcome REFUSED; empties the list. A refusal is
   * logged whether or not a change transaction rolled back.
   */
  drainRefusals(): AccessRecord[];
  /**
   * Notes a CPR search that found this citizen (logged with the number searched for, encrypted).
   * `as`: another purpose and kind than the actor's case work, e.g. the gateway's sign-in look-up.
   */
  recordSearch(citizenId: string, cpr: string, as?: { purpose: AccessRecord['purpose']; kind: string }): void;
  /** Notes that the actor opened the citizen in an emergency, with the reason (logged as EMERGENCY). */
  recordEmergency(citizenId: string, reason: string): void;
  /** Notes a citizen whose record this request creates (a registration), with no decision to make. */
  recordChange(citizenId: string, kind?: string): void;
  /** The citizens whose data this request was allowed to touch, for the access log; empties the list. */
  drain(): AccessRecord[];
  /**
   * These records are on the log already (written with a committed change): reaching the same
   * citizens again in this request (reading the mutation's answer) adds no second entry.
   */
  markLogged(records: readonly AccessRecord[]): void;
}

/** One citizen's data reached in a request, as the access log needs it. */
export interface AccessRecord {
  citizenId: string;
  kind: string;
  /**
   * NONE: a refused try by someone with no purpose here (another citizen, an analyst). SIGN_IN:
   * the gateway found the citizen by CPR number when they signed in (MitID).
   */
  purpose: 'CASE_WORK' | 'OWN_ACCESS' | 'EMERGENCY' | 'NONE' | 'SIGN_IN';
  /** The emergency grant's reason, for purpose EMERGENCY. */
  reason?: string | null;
  search?: string;
  /** The actor was refused (logged with the outcome REFUSED). */
  refused?: boolean;
}

export interface CitizenAccessOptions {
  /** What kind of data this service holds, for the access log (e.g. "plans and progress"). */
  kind?: string;
}

/** Builds a request's CitizenAccess over a grant cache (or a source read fresh each time). */
export function createCitizenAccess(actor: Actor, grants: GrantCache | GrantSource, options: CitizenAccessOptions = {}): CitizenAccess {
  const cache = grants instanceof GrantCache ? grants : null;
  const purpose: AccessRecord['purpose'] = actor.role === 'CITIZEN' ? 'OWN_ACCESS' : 'CASE_WORK';
  const reached = new Map<string, AccessRecord>();
  /** Citizens whose entry for this request was written with a change. */
  const logged = new Set<string>();
  /** Citizens the actor reaches only through an emergency grant, with its reason. */
  const emergencies = new Map<string, string>();
  const judge = (id: string, grantsOf: readonly AccessGrant[]): AccessDecision => {
    const decision = decideCitizenAccess(actor, id, grantsOf);
    const reason = decision === 'ALLOW' ? emergencyReason(actor, id, grantsOf) : null;
    if (reason) emergencies.set(id, reason);
    else emergencies.delete(id);
    return decision;
  };
  const note = (citizenId: string, decision: AccessDecision) => {
    if (decision !== 'ALLOW' || reached.has(citizenId) || logged.has(citizenId)) return;
    const reason = emergencies.get(citizenId);
    reached.set(citizenId, {
      citizenId,
      kind: options.kind ?? 'personal data',
      purpose: reason ? 'EMERGENCY' : purpose,
      reason: reason ?? null,
    });
  };
  /** Citizens this request was refused, once each. */
  const refusals = new Map<string, AccessRecord>();
  const noteRefusal = (citizenId: string) => {
    // A refusal is logged under the id asked for; only an id can name a citizen (the column is a uuid).
    if (!isUuid(citizenId) || refusals.has(citizenId)) return;
    const staffPurpose = actor.role !== 'CITIZEN' && !readsNoPersonalData(actor);
    refusals.set(citizenId, {
      citizenId,
      kind: options.kind ?? 'personal data',
      purpose: staffPurpose ? 'CASE_WORK' : 'NONE',
      refused: true,
    });
  };
  const loader = new DataLoader<string, AccessDecision>(async (ids) => {
    if (actor.role === 'CITIZEN' || readsNoPersonalData(actor)) return ids.map((id) => decideCitizenAccess(actor, id, []));
    if (!cache) {
      const loaded = await (grants as GrantSource)(ids);
      return ids.map((id) => judge(id, loaded));
    }
    const cached = await cache.grantsFor(ids);
    const decisions = ids.map((id) => judge(id, cached.get(id) ?? []));
    // A refusal is confirmed at the source: a fresh assignment must work at once.
    const recheck = ids.filter((_, i) => decisions[i] !== 'ALLOW');
    if (recheck.length > 0) {
      const fresh = await cache.grantsFor(recheck, { fresh: true });
      ids.forEach((id, i) => {
        if (decisions[i] !== 'ALLOW') decisions[i] = judge(id, fresh.get(id) ?? []);
      });
    }
    return decisions;
  });
  const access: CitizenAccess = {
    async decide(citizenId) {
      const decision = await loader.load(citizenId);
      note(citizenId, decision);
      return decision;
    },
    async mayRead(citizenId) {
      const decision = await loader.load(citizenId);
      note(citizenId, decision);
      if (decision !== 'ALLOW') noteRefusal(citizenId);
      if (decision === 'DENY') throw forbidden(accessDeniedMessage(actor));
      return decision === 'ALLOW';
    },
    async assert(citizenId, hidden) {
      const decision = await loader.load(citizenId);
      note(citizenId, decision);
      if (decision === 'ALLOW') return;
      noteRefusal(citizenId);
      if (decision === 'HIDDEN' && hidden) throw hidden();
      throw forbidden(accessDeniedMessage(actor));
    },
    async filter(citizenIds) {
      if (readsNoPersonalData(actor)) throw forbidden(accessDeniedMessage(actor));
      const decisions = await loader.loadMany([...citizenIds]);
      citizenIds.forEach((id, i) => note(id, decisions[i] as AccessDecision));
      return new Set(citizenIds.filter((_, i) => decisions[i] === 'ALLOW'));
    },
    refuse(citizenId, message) {
      noteRefusal(citizenId);
      return forbidden(message ?? accessDeniedMessage(actor));
    },
    drainRefusals() {
      const records = [...refusals.values()];
      refusals.clear();
      return records;
    },
    recordSearch(citizenId, cpr, as) {
      const record = reached.get(citizenId);
      if (record && !as) record.search = cpr;
      else
        reached.set(citizenId, {
          citizenId,
          kind: as?.kind ?? options.kind ?? 'personal data',
          purpose: as?.purpose ?? purpose,
          search: cpr,
        });
    },
    recordEmergency(citizenId, reason) {
      reached.set(citizenId, { citizenId, kind: options.kind ?? 'personal data', purpose: 'EMERGENCY', reason });
    },
    recordChange(citizenId, kind) {
      const record = reached.get(citizenId);
      if (!record) reached.set(citizenId, { citizenId, kind: kind ?? options.kind ?? 'personal data', purpose });
      else if (kind) record.kind = kind;
    },
    drain() {
      const records = [...reached.values()];
      reached.clear();
      return records;
    },
    markLogged(records) {
      for (const r of records) logged.add(r.citizenId);
    },
  };
  return access;
}
