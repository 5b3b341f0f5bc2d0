import { registerEnumType } from 'type-graphql';

/** What a provider offers and what a citizen is referred for (tilbud). */
export enum OfferKind {
  UPSKILLING = 'UPSKILLING',
  EDUCATION = 'EDUCATION',
  MENTOR = 'MENTOR',
  TREATMENT = 'TREATMENT',
  HEALTH = 'HEALTH',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  FAMILY_SUPPORT = 'FAMILY_SUPPORT',
  GUIDANCE = 'GUIDANCE',
}
registerEnumType(OfferKind, {
  name: 'OfferKind',
  description: 'The kind of offer (tilbud) beyond a company placement.',
  valuesConfig: {
    UPSKILLING: { description: 'Upskilling, e.g. an AMU course (opkvalificering, kursus)' },
    EDUCATION: { description: 'Education (uddannelse)' },
    MENTOR: { description: 'Mentor support (mentorstøtte), LAB § 167: at most 6 months per agreement' },
    TREATMENT: { description: 'Treatment, e.g. for alcohol or drug abuse (behandling)' },
    HEALTH: { description: 'Health-related offer, e.g. a stay for weight loss or exercise (sundhedstilbud)' },
    CIVIL_SOCIETY: { description: 'An association or volunteer group (forening, frivillige)' },
    FAMILY_SUPPORT: { description: 'Family support, e.g. pedagogical support in the home (familiestøtte)' },
    GUIDANCE: { description: 'Guidance and counselling (vejledning)' },
  },
});
