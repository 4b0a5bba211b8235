import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per user intent: made at the first attempt and reused by every retry and double click of the
 * same intent, so the command runs at most once. `done()` after success (or when the intent changes, e.g. the form
 * was edited) makes the next attempt a new intent.
 */
export function useIntentKey(): { key: () => string; done: () => void } {
  const current = useRef<string | null>(null);
  const key = useCallback(() => {
    if (!current.current) current.current = crypto.randomUUID();
    return current.current;
  }, []);
  const done = useCallback(() => {
    current.current = null;
  }, []);
  return { key, done };
}

/** Keys for intents on many items of a list (complete todo A, delete todo B): one per item and action. */
export function useIntentKeys(): { key: (intent: string) => string; done: (intent: string) => void } {
  const keys = useRef(new Map<string, string>());
  const key = useCallback((intent: string) => {
    let k = keys.current.get(intent);
    if (!k) {
      k = crypto.randomUUID();
      keys.current.set(intent, k);
    }
    return k;
  }, []);
  const done = useCallback((intent: string) => {
    keys.current.delete(intent);
  }, []);
  return { key, done };
}
