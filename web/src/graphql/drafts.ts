import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Form drafts that survive an expired session: every open form registers its current values;
 * when a request comes back UNAUTHENTICATED, `keepOpenDrafts()` writes them to sessionStorage
 * before the person is sent to sign in, and the form picks them up again when it opens after.
 */
const open = new Map<string, { read: () => unknown; initial: unknown }>();
const PREFIX = 'jc.draft:';

/** Saves every open form someone has typed into; returns how many. */
export function keepOpenDrafts(): number {
  let kept = 0;
  for (const [key, { read, initial }] of open) {
    const values = JSON.stringify(read());
    if (values === JSON.stringify(initial)) continue;
    sessionStorage.setItem(PREFIX + key, values);
    kept++;
  }
  return kept;
}

/** Whether a draft waits for the form `key` (so the page can open that form again). */
export function hasDraft(key: string): boolean {
  return sessionStorage.getItem(PREFIX + key) != null;
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
    open.set(key, { read: () => ref.current, initial: first.current });
    return () => {
      open.delete(key);
    };
  }, [key]);
  const update = useCallback((patch: Partial<T>) => setValues((v) => ({ ...v, ...patch })), []);
  const clear = useCallback(() => setValues(first.current), []);
  return [values, update, clear];
}
