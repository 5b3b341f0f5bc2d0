import { useT } from '../../../i18n/I18n';
import type { CitizenData } from '../types';

/** The citizen's network (people around them) and resource profile (dreams, strengths). */
export function NetworkSection({ network, profile }: { network: CitizenData['network']; profile: CitizenData['resourceProfile'] }) {
  const t = useT();
  return (
    <div className="two-columns">
      <div>
        <h3>{t('network.contacts')}</h3>
        {network.length === 0 ? (
          <p className="muted">{t('network.noContacts')}</p>
        ) : (
          <ul>
            {network.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> – {c.relation}
                {(c.phone || c.email) && <span className="muted"> · {[c.phone, c.email].filter(Boolean).join(' · ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3>{t('network.dreams')}</h3>
        {profile?.dreams ? (
          <blockquote className="own-words">{profile.dreams}</blockquote>
        ) : (
          <p className="muted">{t('network.noProfile')}</p>
        )}
        <h3>{t('network.strengths')}</h3>
        {profile?.strengths.length ? (
          <ul>
            {profile.strengths.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('network.noProfile')}</p>
        )}
      </div>
    </div>
  );
}
