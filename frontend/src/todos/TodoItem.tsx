import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TodoView } from '../api/client';
import type { Outcome } from '../api/call';
import { isConflict, type Problem } from '../api/problem';
import { useIntentKeys } from '../api/idempotency';
import { ProblemMessage } from '../ui/Status';
import { completeTodo, deleteTodo, editTodo, readTodo, reopenTodo, type TodoFields } from './todoApi';
import { TodoEditForm } from './TodoEditForm';

interface Props {
  todo: TodoView;
  onChanged: (todo: TodoView) => void;
  onDeleted: (id: string) => void;
}

/**
 * One todo and its commands. Each command sends the version shown here as If-Match; when someone else changed the
 * todo meanwhile the API answers 412 (or 409), which is explained here with a way to load the current version.
 */
export function TodoItem({ todo, onChanged, onDeleted }: Props) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const intents = useIntentKeys();
  const id = todo.id!;
  const headingId = `todo-${id}`;

  async function run(intent: string, action: (key: string) => Promise<Outcome<unknown>>, after: (data: unknown) => void) {
    if (busy) return;
    setBusy(true);
    setReloaded(false);
    const outcome = await action(intents.key(intent));
    setBusy(false);
    if (outcome.ok) {
      intents.done(intent);
      setProblem(null);
      after(outcome.data);
    } else {
      // a refused command is not remembered by the API: the next attempt (after a reload) is a new intent
      if (isConflict(outcome.problem)) intents.done(intent);
      setProblem(outcome.problem);
    }
  }

  const changed = (data: unknown) => onChanged(data as TodoView);
  const save = (fields: TodoFields) =>
    run(`edit@${todo.version}`, (k) => editTodo(todo, fields, k), (d) => { setEditing(false); changed(d); });
  const complete = () => run(`complete@${todo.version}`, (k) => completeTodo(todo, k), changed);
  const reopen = () => run(`reopen@${todo.version}`, (k) => reopenTodo(todo, k), changed);
  const remove = () => run(`delete@${todo.version}`, (k) => deleteTodo(todo, k), () => onDeleted(id));

  async function reload() {
    setBusy(true);
    const outcome = await readTodo(id);
    setBusy(false);
    if (outcome.ok) {
      setProblem(null);
      setReloaded(true);
      onChanged(outcome.data);
    } else if (outcome.problem.status === 404) {
      onDeleted(id);
    } else {
      setProblem(outcome.problem);
    }
  }

  return (
    <li className="todo" aria-labelledby={headingId} aria-busy={busy}>
      <div className="todo-head">
        <h3 id={headingId} className={todo.completed ? 'done' : undefined}>
          {todo.title}
        </h3>
        <span className={`badge ${todo.completed ? 'badge-done' : ''}`}>{todo.completed ? 'Completed' : 'Open'}</span>
        <span className="muted small">version {todo.version}</span>
      </div>
      {todo.description ? <p className="todo-description">{todo.description}</p> : null}
      {editing ? (
        <TodoEditForm todo={todo} busy={busy} onSave={save} onCancel={() => setEditing(false)}
          onDraftChange={() => intents.done(`edit@${todo.version}`)} />
      ) : (
        <div className="actions">
          {todo.completed ? (
            <button type="button" onClick={reopen} disabled={busy} aria-describedby={headingId}>Reopen</button>
          ) : (
            <button type="button" onClick={complete} disabled={busy} aria-describedby={headingId}>Complete</button>
          )}
          <button type="button" className="secondary" onClick={() => setEditing(true)} disabled={busy} aria-describedby={headingId}>
            Edit
          </button>
          <button type="button" className="danger" onClick={remove} disabled={busy} aria-describedby={headingId}>
            Delete
          </button>
          <Link to={`/audit?entityType=todo&entityId=${encodeURIComponent(id)}`} aria-describedby={headingId}>
            History
          </Link>
        </div>
      )}
      {reloaded ? (
        <p role="status" className="muted">
          Loaded the current version ({todo.version}).{editing ? ' Your draft is kept: save again to apply it on top.' : ''}
        </p>
      ) : null}
      {problem ? (
        <ProblemMessage problem={problem}>
          {isConflict(problem) ? (
            <>
              <p>
                {problem.status === 412
                  ? 'This todo was changed by someone else since you loaded it, so your change was not applied.'
                  : 'This change does not fit the todo as it is now (it may have been changed elsewhere).'}
              </p>
              <button type="button" onClick={reload} disabled={busy}>
                Reload this todo
              </button>
            </>
          ) : null}
        </ProblemMessage>
      ) : null}
    </li>
  );
}
