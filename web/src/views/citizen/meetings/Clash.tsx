import { useT } from '../../../i18n/I18n';
import { useActor } from '../../../session/session';
import { useFormat } from '../../../ui/format';
import type { MeetingData } from '../types';

export interface ClashInfo {
  kind: 'MEETING' | 'GROUP_SESSION';
  id: string;
  staffId: string;
  startsAt: string;
  endsAt: string;
  meetingKind: string | null;
  label: string;
}

/**
 * A double booking: whose calendar, what is in the way and when (CONFLICT `extensions.clash`).
 * When the clashing meeting is this citizen's, a link jumps to it on the page.
 */
export function Clash({ clash, meetings }: { clash: ClashInfo; meetings: MeetingData[] }) {
  const t = useT();
  const f = useFormat();
  const actor = useActor();
  const staffName =
    clash.staffId === actor.id
      ? t('meetings.clashYou')
      : (meetings.flatMap((m) => m.participants).find((p) => p.staff?.id === clash.staffId)?.staff?.name ?? clash.staffId);
  const what =
    clash.kind === 'MEETING' && clash.meetingKind
      ? t.label('enum.meetingKind', clash.meetingKind).toLowerCase()
      : t('meetings.clashSession');
  const when = t('meetings.when', { start: f.dateTime(clash.startsAt), end: f.time(clash.endsAt) });
  const own = meetings.some((m) => m.id === clash.id);
  return (
    <div className="notice notice-error" role="alert" data-testid="clash">
      <p>{t('meetings.clash', { who: staffName, what, when })}</p>
      {own && (
        <p>
          <a
            href={`#meeting-${clash.id}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(`meeting-${clash.id}`)?.focus();
            }}
          >
            {t('meetings.clashOpen')}
          </a>
        </p>
      )}
    </div>
  );
}
