import { registerEnumType } from 'type-graphql';

export enum CourseTopic {
  MEDITATION_RELAXATION = 'MEDITATION_RELAXATION',
  EXERCISE_WELLBEING = 'EXERCISE_WELLBEING',
  PSYCHOEDUCATION = 'PSYCHOEDUCATION',
  POSITIVE_PSYCHOLOGY = 'POSITIVE_PSYCHOLOGY',
  EVERYDAY_WELLBEING = 'EVERYDAY_WELLBEING',
}
registerEnumType(CourseTopic, {
  name: 'CourseTopic',
  description: 'A topic of a group course (emne i gruppeforløb).',
  valuesConfig: {
    MEDITATION_RELAXATION: { description: 'Meditation and relaxation (meditation og afspænding)' },
    EXERCISE_WELLBEING: { description: 'Exercise and wellbeing (motion og velvære)' },
    PSYCHOEDUCATION: { description: 'Psychoeducation (psykoedukation)' },
    POSITIVE_PSYCHOLOGY: { description: 'Positive psychology (positiv psykologi)' },
    EVERYDAY_WELLBEING: { description: 'Wellbeing in everyday life (trivsel i hverdagen)' },
  },
});

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: "A citizen's attendance at one group session (fremmøde).",
  valuesConfig: {
    PRESENT: { description: 'Came (mødt)' },
    ABSENT: { description: 'Did not come, no excuse (udeblevet)' },
    EXCUSED: { description: 'Lawful excuse (lovligt forfald); does not count against the attendance rate' },
  },
});
