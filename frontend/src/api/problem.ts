/**
 * What the app shows of an RFC 9457 problem details body (application/problem+json), read defensively: a gateway or
 * a network failure may answer with something else entirely.
 */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  /** the failing row of an all-or-nothing batch (POST /api/employees/batch) */
  index?: number;
  errors?: { field: string; message: string }[];
  activeReportees?: string[];
  retryAfterSeconds?: number;
}

export function problemOf(response: Response | undefined, body: unknown): Problem {
  const status = response?.status ?? 0;
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(b.errors)
    ? b.errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    : undefined;
  const retryAfter = Number(response?.headers.get('Retry-After'));
  return {
    status,
    title: typeof b.title === 'string' ? b.title : status ? `HTTP ${status}` : 'Network error',
    detail: typeof b.detail === 'string' ? b.detail : undefined,
    index: typeof b.index === 'number' ? b.index : undefined,
    errors,
    activeReportees: Array.isArray(b.activeReportees) ? b.activeReportees.map(String) : undefined,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/** A fetch that never reached the server (offline, CORS, DNS): shown like a problem so every page has one path. */
export function networkProblem(e: unknown): Problem {
  return { status: 0, title: 'The server could not be reached', detail: e instanceof Error ? e.message : String(e) };
}

export function isConflict(p: Problem | null | undefined): boolean {
  return !!p && (p.status === 409 || p.status === 412);
}
