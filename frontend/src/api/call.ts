import { networkProblem, problemOf, type Problem } from './problem';

export type Outcome<T> = { ok: true; data: T; response: Response } | { ok: false; problem: Problem };

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Runs one openapi-fetch call and turns every failure (HTTP error, network error) into a Problem. */
export async function call<T>(run: () => Promise<FetchResult>): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await run();
    if (!response.ok) return { ok: false, problem: problemOf(response, error) };
    return { ok: true, data: data as T, response };
  } catch (e) {
    return { ok: false, problem: networkProblem(e) };
  }
}

const CONSISTENT_READ_DEADLINE_MS = 30_000;

/**
 * Reads one's own write: the query carries the command's consistency token and the query service waits (bounded)
 * for the read model; if it answers 503 it says when to ask again (Retry-After), which this honours until a deadline,
 * so the user sees their write or a clear error, never stale data.
 */
export async function consistentRead<T>(run: () => Promise<FetchResult>, signal?: AbortSignal): Promise<Outcome<T>> {
  const deadline = Date.now() + CONSISTENT_READ_DEADLINE_MS;
  for (;;) {
    const outcome = await call<T>(run);
    if (outcome.ok || outcome.problem.status !== 503) return outcome;
    const waitMs = (outcome.problem.retryAfterSeconds ?? 1) * 1000;
    if (Date.now() + waitMs > deadline || signal?.aborted) return outcome;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

/**
 * The read after a successful command failed: the command itself took effect, so say that. Sending the same intent
 * again is safe (its Idempotency-Key replays the stored answer) and reads again.
 */
export function afterWrite<T>(read: Outcome<T>): Outcome<T> {
  if (read.ok || read.problem.status !== 503) return read;
  return {
    ok: false,
    problem: {
      ...read.problem,
      title: 'Saved, but not visible yet',
      detail: `The change was accepted; the read side has not caught up yet (${read.problem.detail ?? 'busy'}). Try again in a moment: it will not be applied twice.`,
    },
  };
}
