import { useState, type FormEvent } from 'react';
import type { TodoFilter } from './useTodoList';

/** Title search and the completed filter; applied on submit so typing does not send a query per key. */
export function TodoFilters({ value, onChange }: { value: TodoFilter; onChange: (f: TodoFilter) => void }) {
  const [q, setQ] = useState(value.q);
  const [completed, setCompleted] = useState(value.completed);

  function submit(e: FormEvent) {
    e.preventDefault();
    onChange({ q: q.trim(), completed });
  }

  return (
    <form className="filters" role="search" onSubmit={submit} aria-label="Filter todos">
      <div className="field">
        <label htmlFor="todo-search">Title contains</label>
        <input id="todo-search" type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="todo-completed">Show</label>
        <select id="todo-completed" value={completed}
          onChange={(e) => setCompleted(e.target.value as TodoFilter['completed'])}>
          <option value="all">All</option>
          <option value="open">Open</option>
          <option value="done">Completed</option>
        </select>
      </div>
      <button type="submit" className="secondary">
        Search
      </button>
    </form>
  );
}
