import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { markSigningOut } from '../graphql/client';

export type Role = 'CASEWORKER' | 'RESOURCE_CONSULTANT' | 'JOB_CONSULTANT' | 'TEAM_LEAD' | 'ANALYST' | 'CITIZEN';
export interface Actor {
  id: string;
  role: Role;
  name: string;
  team?: string | null;
}

/** Where `/` takes each role. */
export const HOME_OF: Record<Role, string> = {
  CASEWORKER: '/caseload',
  RESOURCE_CONSULTANT: '/caseload',
  TEAM_LEAD: '/team',
  ANALYST: '/dashboard',
  JOB_CONSULTANT: '/my-day',
  CITIZEN: '/min-plan',
};
export const STAFF_ROLES: Role[] = ['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT', 'TEAM_LEAD', 'ANALYST'];

interface SessionState {
  /** undefined while loading, null when nobody is signed in. */
  actor?: Actor | null;
  /** The session endpoint could not be reached. */
  unreachable: boolean;
  /** The identity provider the person signed in at (its session ends with ours), or null. */
  provider?: 'staff' | 'citizen' | null;
  reload(): Promise<void>;
  signOut(): Promise<void>;
}
const SessionContext = createContext<SessionState>({ unreachable: false, reload: async () => {}, signOut: async () => {} });

/** The signed-in person, from the gateway's session cookie (GET /auth/session); the page never sees a token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);
  const [unreachable, setUnreachable] = useState(false);
  const [provider, setProvider] = useState<'staff' | 'citizen' | null>(null);
  const reload = useCallback(async () => {
    try {
      const res = await fetch('/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      setUnreachable(false);
      const body = res.ok ? ((await res.json()) as { actor: Actor; provider?: 'staff' | 'citizen' | null }) : null;
      setActor(body?.actor ?? null);
      setProvider(body?.provider ?? null);
    } catch {
      setUnreachable(true);
      setActor(null);
    }
  }, []);
  const signOut = useCallback(async () => {
    // Queries still in flight come back UNAUTHENTICATED once the session ends: that is no expiry.
    markSigningOut();
    const headers = { 'content-type': 'application/json' };
    await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers }).catch(() => {});
    // A full page load: nothing of the person's data stays in the page's memory. Signed in at an identity
    // provider, its session ends too (RP-initiated logout), which then comes back to /sign-in.
    window.location.assign(provider ? `/auth/sign-out/provider?kind=${provider}` : '/sign-in?signedOut=1');
  }, [provider]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return <SessionContext.Provider value={{ actor, unreachable, provider, reload, signOut }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** The signed-in actor inside a view guarded by RequireRole (never null there). */
export function useActor(): Actor {
  const { actor } = useSession();
  if (!actor) throw new Error('useActor outside a signed-in route');
  return actor;
}
