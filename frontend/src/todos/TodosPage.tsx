import { useState } from 'react';
import { Loading, ProblemMessage } from '../ui/Status';
import { NewTodoForm } from './NewTodoForm';
import { TodoFilters } from './TodoFilters';
import { TodoItem } from './TodoItem';
import { useTodoList, type TodoFilter } from './useTodoList';

export function TodosPage() {
  const [filter, setFilter] = useState<TodoFilter>({ q: '', completed: 'all' });
  const list = useTodoList(filter);

  return (
    <section aria-labelledby="todos-heading">
      <h1 id="todos-heading">Todos</h1>
      <NewTodoForm onCreated={list.rememberCreated} />
      <TodoFilters value={filter} onChange={setFilter} />
      {list.problem ? (
        <ProblemMessage problem={list.problem}>
          <button type="button" onClick={list.reload}>Try again</button>
        </ProblemMessage>
      ) : null}
      {list.loading ? <Loading label="Loading todos…" /> : null}
      {!list.loading && !list.problem && list.items.length === 0 ? <p>No todos here yet.</p> : null}
      <ul className="todos" aria-label="Todos">
        {list.items.map((t) => (
          <TodoItem key={t.id} todo={t} onChanged={list.remember} onDeleted={list.forget} />
        ))}
      </ul>
      <nav className="pager" aria-label="Todo pages">
        <button type="button" className="secondary" onClick={list.previous} disabled={list.page <= 1}>
          Previous page
        </button>
        <span>Page {list.page}</span>
        <button type="button" className="secondary" onClick={list.next} disabled={!list.hasNext}>
          Next page
        </button>
      </nav>
    </section>
  );
}
