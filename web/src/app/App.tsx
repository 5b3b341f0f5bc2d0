import { useEffect } from 'react';
import { BrowserRouter, useLocation } from 'react-router';
import { I18nProvider } from '../i18n/I18n';
import { SessionProvider } from '../session/session';
import { onUnauthenticated } from '../graphql/client';
import { keepOpenDrafts } from '../graphql/drafts';
import { Layout } from './Layout';
import { AppRoutes } from './routes';

/** An expired session: keep what the open forms hold, then sign in again and come back here. */
function SessionExpiry() {
  const location = useLocation();
  useEffect(
    () =>
      onUnauthenticated(() => {
        keepOpenDrafts();
        const returnTo = location.pathname + location.search;
        window.location.assign(`/sign-in?expired=1&returnTo=${encodeURIComponent(returnTo)}`);
      }),
    [location],
  );
  return null;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <SessionExpiry />
          <Layout>
            <AppRoutes />
          </Layout>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
