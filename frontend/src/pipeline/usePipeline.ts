import { useEffect, useRef, useState } from 'react';
import { call } from '../api/call';
import { queryApi, type QuerySchemas } from '../api/client';
import type { Problem } from '../api/problem';

export type PipelineSnapshot = QuerySchemas['PipelineSnapshot'];

/** How often the page asks; the query service reuses a snapshot for a second, so pages polling together cost one scrape. */
export const POLL_MS = 2_000;

export interface PipelineState {
  /** The latest snapshot that arrived; kept while a later poll fails, so the page shows it as stale instead of blank. */
  snapshot?: PipelineSnapshot;
  /** The last poll's failure; cleared by the next success. */
  problem?: Problem;
  /** Polls answered so far (the page shows the numbers move). */
  polls: number;
}

/**
 * Polls GET /api/pipeline every POLL_MS while the page is mounted: one request at a time (the next is scheduled when
 * the previous one ended, so a slow answer never piles up requests), none while the tab is hidden, and cancelled
 * when the page goes away.
 */
export function usePipeline(): PipelineState {
  const [state, setState] = useState<PipelineState>({ polls: 0 });
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    let stopped = false;

    async function poll() {
      if (stopped) return;
      if (document.visibilityState === 'hidden') {
        timer.current = window.setTimeout(poll, POLL_MS);
        return;
      }
      const outcome = await call<PipelineSnapshot>(() => queryApi.GET('/api/pipeline', { signal: abort.signal }));
      if (stopped) return;
      setState((previous) =>
        outcome.ok
          ? { snapshot: outcome.data, polls: previous.polls + 1 }
          : { ...previous, problem: outcome.problem },
      );
      timer.current = window.setTimeout(poll, POLL_MS);
    }

    void poll();
    return () => {
      stopped = true;
      abort.abort();
      window.clearTimeout(timer.current);
    };
  }, []);

  return state;
}
