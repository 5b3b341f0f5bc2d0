import { badUserInput } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { Cpr, CprError, parseCpr } from '../cpr/cpr.rules';
import { ContactChannel } from './citizen.enums';

/** Parses a CPR number from input, as BAD_USER_INPUT naming the field when it is not valid. */
export function cprFromInput(input: string, field = 'cpr'): Cpr {
  try {
    return parseCpr(input, todayInCopenhagen());
  } catch (error) {
    if (error instanceof CprError) throw badUserInput(error.message, field);
    throw error;
  }
}

/** Trims a name; a name of only spaces is no name. */
export function cleanName(value: string, field: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (!name) throw badUserInput(`${field}: must not be empty`, field);
  return name;
}

/** Empty strings clear an optional contact field rather than storing "". */
export function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** A citizen with a phone number is most often reached by phone; otherwise by letter (e-Boks). */
export function defaultContactChannel(phone: string | null): ContactChannel {
  return phone ? ContactChannel.PHONE : ContactChannel.LETTER;
}
