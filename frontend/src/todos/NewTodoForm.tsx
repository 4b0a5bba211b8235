import { useState, type FormEvent } from 'react';
import type { TodoView } from '../api/client';
import type { Problem } from '../api/problem';
import { useIntentKey } from '../api/idempotency';
import { ProblemMessage } from '../ui/Status';
import { createTodo } from './todoApi';

/** Adds a todo. Retrying after an error or clicking twice reuses the intent's Idempotency-Key: never two todos. */
export function NewTodoForm({ onCreated }: { onCreated: (todo: TodoView) => void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const intent = useIntentKey();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await createTodo({ title: title.trim(), description }, intent.key());
    setBusy(false);
    if (outcome.ok) {
      intent.done();
      setTitle('');
      setDescription('');
      setProblem(null);
      onCreated(outcome.data);
    } else {
      setProblem(outcome.problem);
    }
  }

  // a changed form is a new intent: its key must not replay the earlier request's answer
  const edit = (set: (v: string) => void) => (v: string) => {
    intent.done();
    set(v);
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-todo-heading">
      <h2 id="new-todo-heading">New todo</h2>
      <div className="field">
        <label htmlFor="new-todo-title">Title</label>
        <input id="new-todo-title" value={title} required maxLength={200} onChange={(e) => edit(setTitle)(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-todo-description">Description (optional)</label>
        <textarea id="new-todo-description" value={description} maxLength={2000} rows={2}
          onChange={(e) => edit(setDescription)(e.target.value)} />
      </div>
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Adding…' : 'Add todo'}
      </button>
      {problem ? <ProblemMessage problem={problem} /> : null}
    </form>
  );
}
