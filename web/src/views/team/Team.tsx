import { useT } from '../../i18n/I18n';
import { useActor } from '../../session/session';
import { Page } from '../../ui/Page';
import { EmergencyAccesses } from './EmergencyAccesses';
import { SpotCheck } from './SpotCheck';
import { TeamCaseload } from './TeamCaseload';

/** Team lead: the team's caseload, the access-log spot check, emergency accesses to review. */
export default function Team() {
  const t = useT();
  const actor = useActor();
  const team = actor.team ?? '';
  return (
    <Page title={t('team.title', { team })}>
      <nav aria-label={t('team.sections')} className="no-print">
        <ul className="inline-list">
          <li>
            <a href="#emergency">{t('team.emergencyTitle')}</a>
          </li>
          <li>
            <a href="#spot-check">{t('team.spotCheckTitle')}</a>
          </li>
          <li>
            <a href="#team-caseload">{t('team.caseloadTitle')}</a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="emergency">
        <h2 id="emergency">{t('team.emergencyTitle')}</h2>
        <EmergencyAccesses team={team} />
      </section>
      <section aria-labelledby="spot-check">
        <h2 id="spot-check">{t('team.spotCheckTitle')}</h2>
        <SpotCheck team={team} />
      </section>
      <section aria-labelledby="team-caseload">
        <h2 id="team-caseload">{t('team.caseloadTitle')}</h2>
        <TeamCaseload team={team} />
      </section>
    </Page>
  );
}
