import { commandApi, queryApi, type EmployeeView, type HireRequest } from '../api/client';
import { afterWrite, call, consistentRead, type Outcome } from '../api/call';
import { consistencyTokenOf, etagOf } from '../api/etag';

// The employee commands, each followed by a read of the user's own write with the command's consistency token.

export function readEmployee(code: string, token?: string | null, signal?: AbortSignal): Promise<Outcome<EmployeeView>> {
  const headers: Record<string, string> = token ? { 'X-Consistency-Token': token } : {};
  return consistentRead<EmployeeView>(
    () => queryApi.GET('/api/employees/{code}', { params: { path: { code } }, headers, signal }),
    signal,
  );
}

async function thenRead(outcome: Outcome<unknown>, code: string): Promise<Outcome<EmployeeView>> {
  if (!outcome.ok) return outcome;
  return afterWrite(await readEmployee(code, consistencyTokenOf(outcome.response)));
}

export async function hire(request: HireRequest, key: string): Promise<Outcome<EmployeeView>> {
  const outcome = await call(() => commandApi.POST('/api/employees', { body: request, headers: { 'Idempotency-Key': key } }));
  return thenRead(outcome, request.code.toUpperCase());
}

/** All or nothing; on success each hired employee is read back at the version the batch gave it. */
export async function hireBatch(rows: HireRequest[], key: string): Promise<Outcome<EmployeeView[]>> {
  const outcome = await call<{ code?: string; version?: number }[]>(() =>
    commandApi.POST('/api/employees/batch', { body: { employees: rows }, headers: { 'Idempotency-Key': key } }),
  );
  if (!outcome.ok) return outcome;
  const hired: EmployeeView[] = [];
  for (const v of outcome.data ?? []) {
    const read = afterWrite(await readEmployee(v.code!, v.version ? String(v.version) : null));
    if (!read.ok) return read;
    hired.push(read.data);
  }
  return { ok: true, data: hired, response: outcome.response };
}

export async function changeManager(e: Versioned, managerCode: string | null, key: string): Promise<Outcome<EmployeeView>> {
  const code = e.code!;
  const outcome = await call(() =>
    commandApi.PUT('/api/employees/{code}/manager', {
      params: { path: { code } },
      body: { managerCode: managerCode ?? undefined },
      headers: { 'If-Match': etagOf(e.version ?? 0), 'Idempotency-Key': key },
    }),
  );
  return thenRead(outcome, code);
}

export async function terminate(e: Versioned, lastWorkingDate: string, key: string): Promise<Outcome<EmployeeView>> {
  const code = e.code!;
  const outcome = await call(() =>
    commandApi.POST('/api/employees/{code}/terminate', {
      params: { path: { code } },
      body: { lastWorkingDate },
      headers: { 'If-Match': etagOf(e.version ?? 0), 'Idempotency-Key': key },
    }),
  );
  return thenRead(outcome, code);
}

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** What a write on an employee needs: the code and the version shown (its If-Match). */
export interface Versioned {
  code?: string;
  version?: number;
}
