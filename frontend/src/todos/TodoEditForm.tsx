import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TodoView } from '../api/client';
import type { TodoFields } from './todoApi';

/** The inline edit form of one todo; the draft survives a conflict reload, so nothing typed is lost. */
export function TodoEditForm(props: {
  todo: TodoView;
  busy: boolean;
  onSave: (fields: TodoFields) => void;
  onCancel: () => void;
  onDraftChange: () => void;
}) {
  const { todo, busy, onSave, onCancel, onDraftChange } = props;
  const [title, setTitle] = useState(todo.title ?? '');
  const [description, setDescription] = useState(todo.description ?? '');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const id = todo.id!;

  function submit(e: FormEvent) {
    e.preventDefault();
    onSave({ title: title.trim(), description });
  }

  return (
    <form onSubmit={submit} className="edit" aria-label={`Edit ${todo.title ?? ''}`}>
      <div className="field">
        <label htmlFor={`title-${id}`}>Title</label>
        <input id={`title-${id}`} ref={first} value={title} required maxLength={200}
          onChange={(e) => { onDraftChange(); setTitle(e.target.value); }} />
      </div>
      <div className="field">
        <label htmlFor={`description-${id}`}>Description</label>
        <textarea id={`description-${id}`} value={description} maxLength={2000} rows={2}
          onChange={(e) => { onDraftChange(); setDescription(e.target.value); }} />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          Save
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
