import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from './call';
import type { Problem } from './problem';

interface Page<T> {
  items?: T[];
  nextCursor?: string | null;
}
type Fetch = (cursor: string | undefined, signal: AbortSignal) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Pages of a cursor-paged query appended one after another ("Load more"). `fetchPage` is null until there is
 * something to ask (e.g. before the form is submitted); a new fetchPage starts again from the first page.
 */
export function useCursorPages<T>(fetchPage: Fetch | null) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const abort = useRef<AbortController | null>(null);

  const load = useCallback(
    async (cursor: string | undefined) => {
      if (!fetchPage) return;
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setLoading(true);
      const outcome = await call<Page<T>>(() => fetchPage(cursor, controller.signal));
      if (controller.signal.aborted) return;
      setLoading(false);
      if (outcome.ok) {
        setProblem(null);
        setItems((old) => (cursor ? [...old, ...(outcome.data.items ?? [])] : outcome.data.items ?? []));
        setNext(outcome.data.nextCursor ?? undefined);
      } else {
        setProblem(outcome.problem);
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    setItems([]);
    setNext(undefined);
    setProblem(null);
    void load(undefined);
    return () => abort.current?.abort();
  }, [load]);

  return { items, loading, problem, hasMore: !!next, loadMore: () => void load(next), reload: () => void load(undefined) };
}
