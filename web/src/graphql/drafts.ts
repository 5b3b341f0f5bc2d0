import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Form drafts that survive an expired session: every open form registers its current values;
 * when a request comes back UNAUTHENTICATED, `keepOpenDrafts()` writes them to sessionStorage
 * before the person is sent to sign in, and the form picks them up again when it opens after.
 */
const open = new Map<string, () => unknown>();
const PREFIX = 'jc.draft:';

export function keepOpenDrafts(): number {
  for (const [key, read] of open) sessionStorage.setItem(PREFIX + key, JSON.stringify(read()));
  return open.size;
}

function takeDraft<T>(key: string): T | undefined {
  const raw = sessionStorage.getItem(PREFIX + key);
  if (raw == null) return undefined;
  sessionStorage.removeItem(PREFIX + key);
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

/**
 * Form values under a key unique to the form (e.g. `milestone-status:<id>`): like useState, but
 * kept across a sign-in. `clear()` after a successful submit.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (patch: Partial<T>) => void, () => void] {
  const first = useRef(initial);
  const [values, setValues] = useState<T>(() => ({ ...initial, ...takeDraft<Partial<T>>(key) }));
  const ref = useRef(values);
  ref.current = values;
  useEffect(() => {
    open.set(key, () => ref.current);
    return () => {
      open.delete(key);
    };
  }, [key]);
  const update = useCallback((patch: Partial<T>) => setValues((v) => ({ ...v, ...patch })), []);
  const clear = useCallback(() => setValues(first.current), []);
  return [values, update, clear];
}
