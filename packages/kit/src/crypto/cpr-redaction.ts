/**
 * Anything shaped like a CPR number (DDMMYY-SSSS or ten digits in a row), wherever it turns up in
 * text that leaves the process: log lines and error messages. Neither preceded nor followed by a
 * hex digit (nor preceded by a dash), so no part of a UUID or trace id matches and longer numbers
 * (timestamps) do not either. A lone ten-digit number that is no CPR number is hidden too: the
 * safe mistake.
 */
const CPR_SHAPED = /(?<![0-9A-Fa-f-])\d{6}-?\d{4}(?![0-9A-Fa-f])/g;

export const CPR_REDACTED = '[CPR redacted]';

/** The text with every CPR-shaped number replaced by `[CPR redacted]`. */
export function redactCprNumbers(text: string): string {
  return text.replace(CPR_SHAPED, CPR_REDACTED);
}
