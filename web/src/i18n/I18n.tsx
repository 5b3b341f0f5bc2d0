import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { da, type Messages } from './da';
import { en } from './en';

export type Language = 'da' | 'en';
const STORAGE_KEY = 'jc.language';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Every message id of the catalogue, e.g. `caseload.title`. */
export type MessageKey = Leaves<Messages>;

function flatten(tree: object, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') into[prefix + key] = value;
    else flatten(value, `${prefix}${key}.`, into);
  }
  return into;
}
const flat: Record<Language, Record<string, string>> = { da: flatten(da), en: flatten(en) };

const LanguageContext = createContext<{ language: Language; setLanguage(l: Language): void }>({ language: 'da', setLanguage() {} });

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'da';
}

/** Danish by default; the choice is remembered and sets `<html lang>` so screen readers switch voice. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((l: Language) => {
    localStorage.setItem(STORAGE_KEY, l);
    setState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext.Provider value={value}>
      <IntlProvider locale={language === 'da' ? 'da-DK' : 'en-GB'} messages={flat[language]} defaultLocale="da-DK">
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

export const useLanguage = () => useContext(LanguageContext);

type Values = Record<string, string | number | Date | null | undefined>;
/** `t('caseload.title')`: a typed message lookup; plus react-intl's date and number formatting. */
export function useT() {
  const intl = useIntl();
  return useMemo(() => {
    const t = (id: MessageKey, values?: Values) => intl.formatMessage({ id }, values as never) as string;
    /** The label of a value the services send (an enum, a role): `label('enum.meetingKind', kind)`; the value itself if unknown. */
    const label = (group: string, value: string) => (`${group}.${value}` in intl.messages ? t(`${group}.${value}` as MessageKey) : value);
    return Object.assign(t, { intl, label });
  }, [intl]);
}
