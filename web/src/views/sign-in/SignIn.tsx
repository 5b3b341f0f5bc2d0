import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n/I18n';
import { HOME_OF, useSession, type Role } from '../../session/session';
import { Page } from '../../ui/Page';

interface DemoUser {
  role: Role;
  name: string;
  url: string;
}

/** Only same-origin paths may be returned to. */
export function safeReturnTo(value: string | null): string | undefined {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

interface Providers {
  staff: boolean;
  citizen: boolean;
}

/**
 * Sign-in. Staff and citizens have separate buttons, each starting the code flow at its identity
 * provider (GET /auth/providers says which are configured; docs/sign-in.md). In development the
 * gateway also lists the demo users (GET /auth/dev/users): with a provider configured (npm start)
 * their links go through it, the production code path; without one they are sign-in tickets.
 */
export function SignIn() {
  const t = useT();
  const [params] = useSearchParams();
  const { actor } = useSession();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const [users, setUsers] = useState<DemoUser[] | null | undefined>(undefined);
  const [providers, setProviders] = useState<Providers | null | undefined>(undefined);
  useEffect(() => {
    const load = <T,>(url: string, set: (value: T | null) => void) =>
      fetch(url, { headers: { accept: 'application/json' } })
        .then(async (res) => set(res.ok ? ((await res.json()) as T) : null))
        .catch(() => set(null));
    void load<DemoUser[]>('/auth/dev/users', setUsers);
    void load<Providers>('/auth/providers', setProviders);
  }, []);
  if (actor && !params.get('expired')) return <Navigate to={returnTo ?? HOME_OF[actor.role]} replace />;

  const withReturn = (url: string) => {
    if (!returnTo) return url;
    const u = new URL(url, window.location.origin);
    u.searchParams.set('returnTo', returnTo);
    return u.origin === window.location.origin ? u.pathname + u.search : u.toString();
  };
  const providerSignIn = (kind: 'staff' | 'citizen') =>
    `/auth/sign-in?${new URLSearchParams({ kind, ...(returnTo ? { returnTo } : {}) }).toString()}`;
  return (
    <Page title={t('signIn.title')}>
      {(params.get('signedOut') || params.get('state') === 'signed-out') && <p role="status">{t('signIn.signedOut')}</p>}
      {params.get('expired') && <p role="status">{t('errors.sessionExpired')}</p>}
      {(providers?.staff || providers?.citizen) && (
        <div className="sign-in-buttons">
          {providers.staff && (
            <a className="button" href={providerSignIn('staff')}>
              {t('signIn.staff')}
            </a>
          )}
          {providers.citizen && (
            <a className="button" href={providerSignIn('citizen')}>
              {t('signIn.citizen')}
            </a>
          )}
        </div>
      )}
      {users === null && providers !== undefined && !providers?.staff && !providers?.citizen && <p>{t('signIn.unavailable')}</p>}
      {users && (
        <>
          <p>{t('signIn.intro')}</p>
          <ul className="demo-users">
            {users.map((u) => (
              <li key={u.url}>
                <a href={withReturn(u.url)}>
                  {u.name} <span className="muted">– {t(`role.${u.role}`)}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
