import { RecordDeclaration, sqlSection } from '@jobcenter/kit';

/**
 * What meetings holds about a citizen, for their whole record (GDPR Art. 15,
 * docs/record-export.md): meetings with participants, minutes amendments, agreements and their
 * history, courses, attendance and the follow-up interval.
 */
export const meetingsRecord: RecordDeclaration = {
  sections: [
    sqlSection({
      name: 'meetings',
      title: 'Møder',
      tables: ['meeting'],
      columns: { scheduled_at: 'Tidspunkt', kind: 'Slags', location: 'Sted', status: 'Status', summary: 'Referat' },
      codes: { kind: 'meetingKind', status: 'meetingStatus' },
      sql: `SELECT m.*, COALESCE((SELECT json_agg(json_build_object('role', p.role, 'name', p.name, 'staffId', p.staff_id) ORDER BY p.position)
                                    FROM meeting_participant p WHERE p.meeting_id = m.id), '[]') AS participants
              FROM meeting m WHERE m.citizen_id = $1 ORDER BY m.scheduled_at`,
    }),
    sqlSection({
      name: 'minutesAmendments',
      title: 'Rettelser af referater',
      tables: ['minutes_amendment'],
      columns: { amended_at: 'Rettet', previous_status: 'Tidligere status', previous_summary: 'Tidligere referat' },
      codes: { previous_status: 'meetingStatus' },
      sql: `SELECT a.* FROM minutes_amendment a JOIN meeting m ON m.id = a.meeting_id WHERE m.citizen_id = $1 ORDER BY a.amended_at`,
    }),
    sqlSection({
      name: 'agreements',
      title: 'Aftaler',
      tables: ['agreement'],
      columns: { text: 'Aftale', deadline: 'Frist', responsible: 'Ansvarlig', status: 'Status' },
      codes: { responsible: 'participantRole', status: 'agreementStatus' },
      sql: `SELECT a.* FROM agreement a WHERE a.citizen_id = $1 ORDER BY a.created_at, a.position`,
    }),
    sqlSection({
      name: 'agreementChanges',
      title: 'Ændringer af aftaler',
      tables: ['agreement_status_change'],
      columns: { at: 'Tidspunkt', changed_by_role: 'Af (rolle)', previous_status: 'Fra', status: 'Til', note: 'Note' },
      codes: { changed_by_role: 'role', previous_status: 'agreementStatus', status: 'agreementStatus' },
      sql: `SELECT c.* FROM agreement_status_change c JOIN agreement a ON a.id = c.agreement_id WHERE a.citizen_id = $1 ORDER BY c.at`,
    }),
    sqlSection({
      name: 'courses',
      title: 'Forløb og kurser',
      tables: ['enrollment'],
      columns: { title: 'Kursus', start_date: 'Start', end_date: 'Slut', location: 'Sted', enrolled_at: 'Tilmeldt' },
      sql: `SELECT e.*, c.title, c.start_date, c.end_date, c.location FROM enrollment e JOIN group_course c ON c.id = e.course_id
             WHERE e.citizen_id = $1 ORDER BY c.start_date`,
    }),
    sqlSection({
      name: 'attendance',
      title: 'Fremmøde',
      tables: ['attendance'],
      columns: { course: 'Kursus', number: 'Gang', starts_at: 'Tidspunkt', status: 'Fremmøde' },
      codes: { status: 'attendanceStatus' },
      sql: `SELECT a.*, c.title AS course, s.number, s.starts_at FROM attendance a
              JOIN group_session s ON s.id = a.session_id JOIN group_course c ON c.id = s.course_id
             WHERE a.citizen_id = $1 ORDER BY s.starts_at`,
    }),
    sqlSection({
      name: 'followUpInterval',
      title: 'Opfølgningsinterval',
      tables: ['follow_up_interval'],
      columns: { days: 'Dage', set_at: 'Sat' },
      sql: `SELECT * FROM follow_up_interval WHERE citizen_id = $1`,
    }),
  ],
};
