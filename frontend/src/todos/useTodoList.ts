import { useCallback, useEffect, useMemo, useState } from 'react';
import { queryApi, type TodoView } from '../api/client';
import { call } from '../api/call';
import type { Problem } from '../api/problem';

export interface TodoFilter {
  q: string;
  completed: 'all' | 'open' | 'done';
}

const PAGE_SIZE = 10;

function matches(todo: TodoView, filter: TodoFilter): boolean {
  if (filter.completed === 'open' && todo.completed) return false;
  if (filter.completed === 'done' && !todo.completed) return false;
  return !filter.q || (todo.title ?? '').toLowerCase().includes(filter.q.toLowerCase());
}

/**
 * One page of todos (keyset paging: a stack of cursors for Previous/Next), with this user's own writes laid over it.
 * The list query takes no consistency token and its replica may be behind, so the todos this page has just written
 * (each read back at its new version) replace older copies, deleted ones are hidden and new ones shown on page 1.
 */
export function useTodoList(filter: TodoFilter) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [server, setServer] = useState<{ items: TodoView[]; nextCursor?: string } | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [mine, setMine] = useState<Map<string, TodoView | 'deleted'>>(new Map());
  const [created, setCreated] = useState<string[]>([]);
  const [generation, setGeneration] = useState(0);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    call<{ items?: TodoView[]; nextCursor?: string | null }>(() =>
      queryApi.GET('/api/todos', {
        params: {
          query: {
            limit: PAGE_SIZE,
            cursor,
            q: filter.q || undefined,
            completed: filter.completed === 'all' ? undefined : filter.completed === 'done',
          },
        },
        signal: abort.signal,
      }),
    ).then((outcome) => {
      if (abort.signal.aborted) return;
      setLoading(false);
      if (outcome.ok) {
        setServer({ items: outcome.data.items ?? [], nextCursor: outcome.data.nextCursor ?? undefined });
        setProblem(null);
      } else {
        setProblem(outcome.problem);
      }
    });
    return () => abort.abort();
  }, [cursor, filter.q, filter.completed, generation]);

  // a new filter starts again at the first page
  useEffect(() => setCursors([undefined]), [filter.q, filter.completed]);

  const items = useMemo(() => {
    const listed = (server?.items ?? [])
      .map((t) => {
        const own = mine.get(t.id!);
        if (own === 'deleted') return null;
        return own && (own.version ?? 0) > (t.version ?? 0) ? own : t;
      })
      .filter((t): t is TodoView => t !== null && matches(t, filter));
    if (cursors.length > 1) return listed;
    const ids = new Set(listed.map((t) => t.id));
    const fresh = created
      .map((id) => mine.get(id))
      .filter((t): t is TodoView => !!t && t !== 'deleted' && !ids.has(t.id) && matches(t, filter));
    return [...fresh, ...listed];
  }, [server, mine, created, filter, cursors.length]);

  const remember = useCallback((todo: TodoView) => {
    setMine((m) => new Map(m).set(todo.id!, todo));
  }, []);
  const rememberCreated = useCallback(
    (todo: TodoView) => {
      remember(todo);
      setCreated((c) => [todo.id!, ...c.filter((id) => id !== todo.id)]);
    },
    [remember],
  );
  const forget = useCallback((id: string) => setMine((m) => new Map(m).set(id, 'deleted')), []);

  return {
    items,
    loading,
    problem,
    page: cursors.length,
    hasNext: !!server?.nextCursor,
    next: () => server?.nextCursor && setCursors((c) => [...c, server.nextCursor]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reload: () => setGeneration((g) => g + 1),
    remember,
    rememberCreated,
    forget,
  };
}
