import { registerEnumType } from 'type-graphql';

export enum ProgressDimension {
  JOB_SKILLS_EXPERIENCE = 'JOB_SKILLS_EXPERIENCE',
  ASPIRATION_MOTIVATION = 'ASPIRATION_MOTIVATION',
  JOB_SEARCH_SKILLS = 'JOB_SEARCH_SKILLS',
  STABILITY = 'STABILITY',
  BASIC_SKILLS = 'BASIC_SKILLS',
  WORKPLACE_SOCIAL_SKILLS = 'WORKPLACE_SOCIAL_SKILLS',
  HEALTH_WELLBEING = 'HEALTH_WELLBEING',
  SELF_ESTEEM = 'SELF_ESTEEM',
  COPING = 'COPING',
  NETWORK = 'NETWORK',
  DAILY_STRUCTURE = 'DAILY_STRUCTURE',
}
registerEnumType(ProgressDimension, {
  name: 'ProgressDimension',
  description:
    'A dimension scored on the 1–10 progression ladder (progressionsmåling): the Work Star areas and the soft dimensions of the seeds.',
  valuesConfig: {
    JOB_SKILLS_EXPERIENCE: { description: 'Job skills and experience (faglige kompetencer og erfaring)' },
    ASPIRATION_MOTIVATION: { description: 'Aspiration and motivation (motivation)' },
    JOB_SEARCH_SKILLS: { description: 'Job-search skills (jobsøgning)' },
    STABILITY: { description: 'Stability (stabilitet)' },
    BASIC_SKILLS: { description: 'Basic skills (basale færdigheder)' },
    WORKPLACE_SOCIAL_SKILLS: { description: 'Workplace and social skills (sociale kompetencer)' },
    HEALTH_WELLBEING: { description: 'Health and wellbeing (helbred og trivsel)' },
    SELF_ESTEEM: { description: 'Self-esteem (selvværd)' },
    COPING: { description: 'Coping (mestring)' },
    NETWORK: { description: 'Network (netværk)' },
    DAILY_STRUCTURE: { description: 'Daily structure (struktur i hverdagen)' },
  },
});

export enum Assessor {
  STAFF = 'STAFF',
  CITIZEN = 'CITIZEN',
}
registerEnumType(Assessor, {
  name: 'Assessor',
  description: "Whose scores an assessment holds: the staff's (recordProgress) or the citizen's own (recordSelfAssessment).",
  valuesConfig: {
    STAFF: { description: 'Scored by a professional, agreed in conversation with the citizen (fagpersonens vurdering)' },
    CITIZEN: { description: "The citizen's own scores (selvvurdering)" },
  },
});
