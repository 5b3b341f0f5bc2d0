import type { useT } from '../../i18n/I18n';
import { formatDay } from '../../ui/dates';
import { withoutFieldPrefix } from '../../ui/format';

/** The kinds of offer, statuses and results the API knows, in the order the forms list them. */
export const OFFER_KINDS = [
  'UPSKILLING',
  'EDUCATION',
  'MENTOR',
  'TREATMENT',
  'HEALTH',
  'CIVIL_SOCIETY',
  'FAMILY_SUPPORT',
  'GUIDANCE',
] as const;
export const RESULTS = ['COMPLETED_AS_PLANNED', 'WORK', 'EDUCATION', 'DROPPED_OUT', 'OTHER'] as const;
/** Where a referral may go from each status (the service's lifecycle; it refuses anything else). */
export const NEXT_STATUSES: Record<string, readonly string[]> = {
  PROPOSED: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

type T = ReturnType<typeof useT>;

/**
 * A field error of the offers' mutations in the workbench's language: the service's message is
 * English; the rules it names (LAB § 167, the modulus-11 check, the provider's kinds) get a
 * sentence of their own, with the date the message carries.
 */
export function offerFieldError(t: T, field: string, message: string): string {
  const date = /latest allowed end date is (\d{4}-\d{2}-\d{2})/.exec(message)?.[1];
  if (field === 'endDate' && /LAB § 167/.test(message) && date) return t('offers.error.mentorMax', { date: formatDay(t.intl, date) });
  if (field === 'endDate' && /before the start date/.test(message)) return t('offers.error.datesReversed');
  if (field === 'kind') return t('offers.error.kindNotOffered');
  if (field === 'providerId') return t('offers.error.unknownProvider');
  if (field === 'cvr') return t('offers.error.cvr');
  if (field === 'kinds') return t('offers.error.kinds');
  if (field === 'name') return t('offers.error.name');
  return withoutFieldPrefix(message);
}
