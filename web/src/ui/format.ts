import { useMemo } from 'react';
import { useT } from '../i18n/I18n';

/** Dates and times the way the reader's language writes them, in Danish time (the services' calendar). */
export function useFormat() {
  const { intl } = useT();
  return useMemo(() => {
    const zone = 'Europe/Copenhagen';
    return {
      /** A calendar date (`2026-03-01`). */
      date: (d?: string | null) => (d ? intl.formatDate(`${d}T12:00:00Z`, { dateStyle: 'medium', timeZone: zone }) : ''),
      /** The Danish calendar day of an instant (`2026-03-01T23:30:00Z` is 2 March). */
      dayOf: (d?: string | null) => (d ? intl.formatDate(d, { dateStyle: 'medium', timeZone: zone }) : ''),
      /** An instant (`2026-03-01T09:30:00Z`). */
      dateTime: (d?: string | null) => (d ? intl.formatDate(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }) : ''),
      time: (d?: string | null) => (d ? intl.formatTime(d, { timeStyle: 'short', timeZone: zone }) : ''),
      number: (n: number) => intl.formatNumber(n),
    };
  }, [intl]);
}

/** Today in Danish time, as YYYY-MM-DD. */
export function todayInDenmark(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

/** A service message without its leading "field: " (the field it belongs to is shown already). */
export function withoutFieldPrefix(message: string): string {
  return message.replace(/^[A-Za-z.[\]0-9]+: /, '');
}
