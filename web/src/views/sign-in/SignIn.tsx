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

/**
 * Sign-in. In development the gateway lists the demo users with fresh sign-in links
 * (GET /auth/dev/users); in production that route is absent and sign-in goes through the
 * municipality's identity provider (issue 16).
 */
export function SignIn() {
  const t = useT();
  const [params] = useSearchParams();
  const { actor } = useSession();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const [users, setUsers] = useState<DemoUser[] | null | undefined>(undefined);
  useEffect(() => {
    fetch('/auth/dev/users', { headers: { accept: 'application/json' } })
      .then(async (res) => setUsers(res.ok ? ((await res.json()) as DemoUser[]) : null))
      .catch(() => setUsers(null));
  }, []);
  if (actor && !params.get('expired')) return <Navigate to={returnTo ?? HOME_OF[actor.role]} replace />;

  const withReturn = (url: string) => {
    if (!returnTo) return url;
    const u = new URL(url, window.location.origin);
    u.searchParams.set('returnTo', returnTo);
    return u.origin === window.location.origin ? u.pathname + u.search : u.toString();
  };
  return (
    <Page title={t('signIn.title')}>
      {params.get('signedOut') && <p role="status">{t('signIn.signedOut')}</p>}
      {params.get('expired') && <p role="status">{t('errors.sessionExpired')}</p>}
      {users === null && <p>{t('signIn.unavailable')}</p>}
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
