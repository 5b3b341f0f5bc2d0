import { ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useT } from '../i18n/I18n';
import { useSession, type Role } from '../session/session';
import { Loading } from '../ui/Loading';

/** Renders its view for the given roles; sends a signed-out person to sign in (with returnTo). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { actor } = useSession();
  const location = useLocation();
  const t = useT();
  if (actor === undefined) return <Loading />;
  if (actor === null) return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(actor.role)) return <NotAllowed text={t('app.notAllowed')} />;
  return <>{children}</>;
}

function NotAllowed({ text }: { text: string }) {
  useEffect(() => {
    document.title = text;
  }, [text]);
  return <h1>{text}</h1>;
}
