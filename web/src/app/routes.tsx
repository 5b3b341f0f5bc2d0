import { lazy, ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { HOME_OF, STAFF_ROLES, useSession, type Role } from '../session/session';
import { useT } from '../i18n/I18n';
import { Loading } from '../ui/Loading';
import { RequireRole } from './RequireRole';
import { SignIn } from '../views/sign-in/SignIn';

// One lazily loaded chunk per role's views: a person downloads only what their work needs.
const Caseload = lazy(() => import('../views/caseload/Caseload'));
const Citizen = lazy(() => import('../views/citizen/Citizen'));
const PrintPlan = lazy(() => import('../views/citizen/print/PrintPlan'));
const Team = lazy(() => import('../views/team/Team'));
const Dashboard = lazy(() => import('../views/dashboard/Dashboard'));
const MyDay = lazy(() => import('../views/my-day/MyDay'));
const MinPlan = lazy(() => import('../views/min-plan/MinPlan'));
const Digest = lazy(() => import('../views/digest/Digest'));
const Providers = lazy(() => import('../views/offers/Providers'));

function guarded(roles: Role[], view: ReactNode) {
  return (
    <RequireRole roles={roles}>
      <Suspense fallback={<Loading />}>{view}</Suspense>
    </RequireRole>
  );
}

/** The workbench's routes (WORKBENCH-CONTRACT: SPA conventions). */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route path="/sign-in" element={<SignIn />} />
      <Route path="/dashboard" element={guarded(['ANALYST', 'TEAM_LEAD'], <Dashboard />)} />
      <Route path="/my-day" element={guarded(['JOB_CONSULTANT'], <MyDay />)} />
      <Route path="/caseload" element={guarded(['CASEWORKER', 'RESOURCE_CONSULTANT', 'TEAM_LEAD'], <Caseload />)} />
      <Route path="/citizens/:id" element={guarded(STAFF_ROLES, <Citizen />)} />
      <Route path="/citizens/:id/print" element={guarded(STAFF_ROLES, <PrintPlan />)} />
      <Route path="/digest" element={guarded(['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT', 'TEAM_LEAD'], <Digest />)} />
      <Route path="/team" element={guarded(['TEAM_LEAD'], <Team />)} />
      <Route path="/providers" element={guarded(STAFF_ROLES, <Providers />)} />
      <Route path="/min-plan" element={guarded(['CITIZEN'], <MinPlan />)} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function Home() {
  const { actor } = useSession();
  if (actor === undefined) return <Loading />;
  return <Navigate to={actor ? HOME_OF[actor.role] : '/sign-in'} replace />;
}

function NotFound() {
  const t = useT();
  return <h1>{t('app.notFound')}</h1>;
}
