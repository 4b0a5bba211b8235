import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { queryApi, type AuditRecord } from '../api/client';
import { AuditList } from './AuditList';
import { useCursorPages } from '../api/useCursorPages';

const TYPES = ['todo', 'employee', 'audit-message'];

/** One entity's audit history, newest first; the entity is in the URL (?entityType=&entityId=) so it can be linked. */
export function EntityTimeline() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? 'todo';
  const entityId = params.get('entityId') ?? '';
  const [type, setType] = useState(entityType);
  const [id, setId] = useState(entityId);

  const fetchPage = useMemo(
    () =>
      entityId
        ? (cursor: string | undefined, signal: AbortSignal) =>
            queryApi.GET('/api/audit', { params: { query: { entityType, entityId, cursor, limit: 20 } }, signal })
        : null,
    [entityType, entityId],
  );
  const pages = useCursorPages<AuditRecord>(fetchPage);

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams(params);
    next.set('entityType', type);
    next.set('entityId', id.trim());
    setParams(next);
  }

  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">An entity's timeline</h2>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="audit-type">Entity type</label>
          <select id="audit-type" value={type} onChange={(e) => setType(e.target.value)}>
            {TYPES.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="audit-id">Entity id (a todo's id, an employee's code)</label>
          <input id="audit-id" value={id} required maxLength={100} onChange={(e) => setId(e.target.value)} />
        </div>
        <button type="submit">Show timeline</button>
      </form>
      {entityId ? <AuditList label={`Timeline of ${entityType} ${entityId}`} pages={pages} /> : null}
    </section>
  );
}
