import { useT } from '../../../i18n/I18n';
import { useFormat } from '../../../ui/format';
import type { CitizenData } from '../types';

/** Who in the jobcentre works with the citizen, in which role, since when. */
export function AssignmentsSection({ assignments }: { assignments: CitizenData['assignments'] }) {
  const t = useT();
  const f = useFormat();
  if (!assignments.length) return <p className="muted">{t('assignments.none')}</p>;
  return (
    <ul>
      {assignments.map((a) => (
        <li key={a.id}>
          <strong>{a.staff.name}</strong>, {t.label('role', a.role)}{' '}
          <span className="muted">({t('assignments.from', { date: f.date(a.from) })})</span>
          {' · '}
          <a href={`mailto:${a.staff.email}`}>{a.staff.email}</a>
        </li>
      ))}
    </ul>
  );
}
