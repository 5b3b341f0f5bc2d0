import { ReactNode, useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useLanguage, useT, type MessageKey } from '../i18n/I18n';
import { useSession, type Role } from '../session/session';
import { focusNextHeading } from '../ui/Page';

const NAV: { to: string; label: MessageKey; roles: Role[] }[] = [
  { to: '/caseload', label: 'nav.caseload', roles: ['CASEWORKER', 'RESOURCE_CONSULTANT', 'TEAM_LEAD'] },
  { to: '/digest', label: 'nav.digest', roles: ['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT', 'TEAM_LEAD'] },
  { to: '/team', label: 'nav.team', roles: ['TEAM_LEAD'] },
  { to: '/dashboard', label: 'nav.dashboard', roles: ['ANALYST', 'TEAM_LEAD'] },
  { to: '/my-day', label: 'nav.myDay', roles: ['JOB_CONSULTANT'] },
  { to: '/min-plan', label: 'nav.minPlan', roles: ['CITIZEN'] },
  { to: '/providers', label: 'offers.nav', roles: ['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT', 'TEAM_LEAD'] },
];

/**
 * The page frame: a skip link, banner with the role's navigation, language switch and sign-out,
 * and the main landmark. After each navigation focus moves to the new page's heading, so a
 * screen reader announces it and keyboard users start at the content.
 */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const { actor, signOut } = useSession();
  const { language, setLanguage } = useLanguage();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The new view may still be loading: focus the main landmark now, its heading once drawn (ui/Page).
    main.current?.focus();
    focusNextHeading();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="banner">
        <span className="brand">{t('app.name')}</span>
        {actor && (
          <nav aria-label={t('app.mainNavigation')}>
            <ul>
              {NAV.filter((n) => n.roles.includes(actor.role)).map((n) => (
                <li key={n.to}>
                  <NavLink to={n.to}>{t(n.label)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="banner-tools">
          <button
            type="button"
            lang={language === 'da' ? 'en' : 'da'}
            aria-label={t('app.switchToLabel')}
            onClick={() => setLanguage(language === 'da' ? 'en' : 'da')}
          >
            {t('app.switchTo')}
          </button>
          {actor && (
            <>
              <span className="who">{t('app.signedInAs', { name: actor.name, role: t(`role.${actor.role}`) })}</span>
              <button type="button" onClick={signOut}>
                {t('app.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
