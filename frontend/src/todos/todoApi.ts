import { commandApi, queryApi, type TodoView } from '../api/client';
import { afterWrite, call, consistentRead, type Outcome } from '../api/call';
import { consistencyTokenOf, etagOf } from '../api/etag';

// The todo commands, each followed by a read of the user's own write (the command's consistency token sent to the
// query service), so the page shows the result at once even when the replica it reads from is behind.

export interface TodoFields {
  title: string;
  description: string;
}

function body(fields: TodoFields) {
  return { title: fields.title, description: fields.description.trim() ? fields.description : undefined };
}

export function readTodo(id: string, token?: string | null, signal?: AbortSignal): Promise<Outcome<TodoView>> {
  const headers: Record<string, string> = token ? { 'X-Consistency-Token': token } : {};
  return consistentRead<TodoView>(() => queryApi.GET('/api/todos/{id}', { params: { path: { id } }, headers, signal }), signal);
}

async function thenRead(outcome: Outcome<unknown>, id: string): Promise<Outcome<TodoView>> {
  if (!outcome.ok) return outcome;
  return afterWrite(await readTodo(id, consistencyTokenOf(outcome.response)));
}

export async function createTodo(fields: TodoFields, idempotencyKey: string): Promise<Outcome<TodoView>> {
  const created = await call<{ id?: string }>(() =>
    commandApi.POST('/api/todos', { body: body(fields), headers: { 'Idempotency-Key': idempotencyKey } }),
  );
  if (!created.ok) return created;
  const id = created.data?.id ?? created.response.headers.get('Location')?.split('/').pop();
  if (!id) return { ok: false, problem: { status: created.response.status, title: 'The todo was created but its id is unknown' } };
  return thenRead(created, id);
}

function writeHeaders(todo: TodoView, idempotencyKey: string) {
  return { 'If-Match': etagOf(todo.version ?? 0), 'Idempotency-Key': idempotencyKey };
}

export async function editTodo(todo: TodoView, fields: TodoFields, key: string): Promise<Outcome<TodoView>> {
  const id = todo.id!;
  const outcome = await call(() =>
    commandApi.PUT('/api/todos/{id}', { params: { path: { id } }, body: body(fields), headers: writeHeaders(todo, key) }),
  );
  return thenRead(outcome, id);
}

export async function completeTodo(todo: TodoView, key: string): Promise<Outcome<TodoView>> {
  const id = todo.id!;
  const outcome = await call(() =>
    commandApi.POST('/api/todos/{id}/complete', { params: { path: { id } }, headers: writeHeaders(todo, key) }),
  );
  return thenRead(outcome, id);
}

export async function reopenTodo(todo: TodoView, key: string): Promise<Outcome<TodoView>> {
  const id = todo.id!;
  const outcome = await call(() =>
    commandApi.POST('/api/todos/{id}/reopen', { params: { path: { id } }, headers: writeHeaders(todo, key) }),
  );
  return thenRead(outcome, id);
}

export async function deleteTodo(todo: TodoView, key: string): Promise<Outcome<unknown>> {
  const id = todo.id!;
  return call(() => commandApi.DELETE('/api/todos/{id}', { params: { path: { id } }, headers: writeHeaders(todo, key) }));
}
