import { AnyNewEvent, recordEvents } from '@jobcenter/kit';
import { assignmentEnded, assignmentStarted, citizenRegistered, staffCreated } from '../events';
import { DataSource } from 'typeorm';
import { addDays, todayInCopenhagen } from '@jobcenter/kit/calendar';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { Assignment } from '../assignment/assignment.entity';
import { Citizen } from '../citizen/citizen.entity';
import { CitizenStatus, ContactChannel, TargetGroup } from '../citizen/citizen.enums';
import { parseCpr } from '../cpr/cpr.rules';
import { sealCpr } from '../cpr/cpr.storage';
import { NetworkContact } from '../network/network-contact.entity';
import { ResourceProfile } from '../resource-profile/resource-profile.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffRole } from '../staff/staff-role';

/** The seed stories' people as they stand today, in the citizens' own words where it is theirs. */
const stories = {
  per: {
    targetGroup: TargetGroup.ACTIVITY_READY,
    status: CitizenStatus.ACTIVE,
    enrolledDaysAgo: 150,
    phone: '+45 20 11 22 33',
    preferredContact: ContactChannel.PHONE,
    caseworker: 'inger',
    consultant: 'anders',
    // The workshop internship after his course (placements' demo, pathways).
    jobConsultant: 'jens',
    network: [{ name: 'Hanne Hansen', relation: 'mother (lives with Per)', phone: '+45 61 11 22 33' }],
    dreams: 'Jeg vil tabe mig nok til at kunne arbejde fuld tid igen som mekaniker. Værkstedet har lovet mig et job.',
    strengths: ['Uddannet mekaniker', 'Har selv fundet et højskoleophold', 'Har bygget en speciel cykel'],
  },
  ulla: {
    targetGroup: TargetGroup.ACTIVITY_READY,
    status: CitizenStatus.ACTIVE,
    enrolledDaysAgo: 190,
    phone: '+45 22 33 44 55',
    preferredContact: ContactChannel.SMS,
    caseworker: 'mette',
    consultant: 'sofie',
    jobConsultant: 'jens',
    network: [
      { name: 'Bodil Jensen', relation: 'mother (sporadic contact)' },
      { name: 'Kasper Holm', relation: 'partner' },
    ],
    dreams: 'At få styr på hverdagen med børnene og en dag have et arbejde, hvor jeg ikke er bange.',
    strengths: ['Klarer det hårde praktiske arbejde derhjemme', 'Møder op til aftaler', 'Foreslår selv praktiksteder'],
  },
  svend: {
    targetGroup: TargetGroup.ACTIVITY_READY,
    status: CitizenStatus.ACTIVE,
    enrolledDaysAgo: 200,
    phone: '+45 24 55 66 77',
    preferredContact: ContactChannel.PHONE,
    caseworker: 'inger',
    consultant: 'anders',
    jobConsultant: 'jens',
    network: [
      { name: 'Grethe Madsen', relation: 'mother (lives with Svend)' },
      { name: 'AA-gruppen Ringe', relation: 'support group (Anonyme Alkoholikere)' },
    ],
    dreams: 'Min største drøm er at blive tørlagt og dernæst at blive uddannet som anlægsgartner.',
    strengths: ['Grunduddannelse som gartner', 'Har gennemført alkoholbehandling', 'Har selv opsøgt AA'],
  },
  line: {
    targetGroup: TargetGroup.EDUCATION_READY,
    status: CitizenStatus.ACTIVE,
    enrolledDaysAgo: 170,
    email: 'line.petersen@example.dk',
    preferredContact: ContactChannel.EMAIL,
    caseworker: 'mette',
    consultant: 'sofie',
    jobConsultant: 'jens',
    network: [{ name: 'Mikkel Sørensen', relation: "partner, her daughter's father" }],
    dreams: 'Et ordinært job det næste år, så jeg kan betale min gæld, og derefter en uddannelse på SU.',
    strengths: ['God 10. klasses eksamen', 'Moden og ansvarlig', 'Kan lide at arbejde med blomster'],
  },
  bent: {
    targetGroup: TargetGroup.JOB_READY,
    status: CitizenStatus.SELF_SUPPORTING,
    enrolledDaysAgo: 330,
    phone: '+45 26 77 88 99',
    preferredContact: ContactChannel.PHONE,
    caseworker: 'inger',
    jobConsultant: 'jens',
    network: [{ name: 'Maria Kristensen', relation: 'girlfriend (studies in Odense)' }],
    dreams: 'At arbejde som kok igen, uden at ryggen sætter grænsen.',
    strengths: ['Halv kokkeuddannelse', 'Erfaring fra restaurantkøkken', 'Ansvar for vagtplaner på kroen'],
  },
} as const;

/** Loads the demo people when the database has no citizens yet. Returns whether it did. */
export async function seedCitizensDemo(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(Citizen).count()) > 0) return false;
  const today = todayInCopenhagen();
  await dataSource.transaction(async (tx) => {
    const staff = Object.values(demoStaff).map((s) => ({ ...s, role: s.role as StaffRole, team: DEMO_TEAM }));
    await tx.getRepository(StaffMember).insert(staff);
    // The seed's events, in the same transaction as its rows (docs/events.md).
    const events: AnyNewEvent[] = staff.map(staffCreated);
    for (const [key, story] of Object.entries(stories) as [keyof typeof stories, (typeof stories)[keyof typeof stories]][]) {
      const person = demoCitizens[key];
      const cpr = parseCpr(person.cpr, today);
      const enrolledAt = addDays(today, -story.enrolledDaysAgo);
      await tx.getRepository(Citizen).insert({
        id: person.id,
        ...sealCpr(cpr.digits),
        birthDate: cpr.birthDate,
        firstName: person.firstName,
        lastName: person.lastName,
        email: 'email' in story ? story.email : null,
        phone: 'phone' in story ? story.phone : null,
        preferredContact: story.preferredContact,
        targetGroup: story.targetGroup,
        status: story.status,
        enrolledAt,
      });
      events.push(
        citizenRegistered({ id: person.id, targetGroup: story.targetGroup, status: story.status, enrolledAt, birthDate: cpr.birthDate }),
      );
      const team: [string, StaffRole][] = [
        [story.caseworker, StaffRole.CASEWORKER],
        ...('consultant' in story ? [[story.consultant, StaffRole.RESOURCE_CONSULTANT] as [string, StaffRole]] : []),
        ...('jobConsultant' in story ? [[story.jobConsultant, StaffRole.JOB_CONSULTANT] as [string, StaffRole]] : []),
      ];
      const assignments = team.map(([member, role]) => ({
        citizenId: person.id,
        staffId: demoStaff[member as keyof typeof demoStaff].id,
        role,
        from: enrolledAt,
        // Bent is self-supporting: his team's work ended when he got the permanent job.
        to: story.status === CitizenStatus.SELF_SUPPORTING ? addDays(today, -10) : null,
      }));
      const inserted = await tx.getRepository(Assignment).insert(assignments);
      assignments.forEach((a, i) => {
        const id = String(inserted.identifiers[i].id);
        events.push(assignmentStarted({ ...a, id }, DEMO_TEAM));
        if (a.to) events.push(assignmentEnded({ ...a, id }, a.to));
      });
      await tx.getRepository(NetworkContact).insert(
        story.network.map((n) => ({
          citizenId: person.id,
          name: n.name,
          relation: n.relation,
          phone: 'phone' in n ? n.phone : null,
          email: null,
        })),
      );
      await tx.getRepository(ResourceProfile).insert({ citizenId: person.id, dreams: story.dreams, strengths: [...story.strengths] });
    }
    await recordEvents(tx, events);
  });
  return true;
}
