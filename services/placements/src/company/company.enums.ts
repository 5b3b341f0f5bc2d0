import { registerEnumType } from 'type-graphql';

export enum CompanySize {
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
}
registerEnumType(CompanySize, {
  name: 'CompanySize',
  description: 'Company size (virksomhedsstørrelse).',
  valuesConfig: {
    SMALL: { description: 'Fewer than 50 employees (lille virksomhed)' },
    MEDIUM: { description: '50–249 employees (mellemstor virksomhed)' },
    LARGE: { description: '250 employees or more (stor virksomhed)' },
  },
});
