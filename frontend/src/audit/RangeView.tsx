import { useMemo, useState, type FormEvent } from 'react';
import { queryApi, type AuditRecord } from '../api/client';
import { AuditList } from './AuditList';
import { useCursorPages } from '../api/useCursorPages';

// <input type="datetime-local"> speaks local time without a zone; the API wants instants
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Every audit record in a time range (at most 31 days), newest first. */
export function RangeView() {
  const [from, setFrom] = useState(() => localInput(new Date(Date.now() - 60 * 60 * 1000)));
  const [to, setTo] = useState(() => localInput(new Date(Date.now() + 60 * 1000)));
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);

  const fetchPage = useMemo(
    () =>
      range
        ? (cursor: string | undefined, signal: AbortSignal) =>
            queryApi.GET('/api/audit/range', { params: { query: { from: range.from, to: range.to, cursor, limit: 20 } }, signal })
        : null,
    [range],
  );
  const pages = useCursorPages<AuditRecord>(fetchPage);

  function submit(e: FormEvent) {
    e.preventDefault();
    setRange({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  }

  return (
    <section className="card" aria-labelledby="range-heading">
      <h2 id="range-heading">Everything in a time range</h2>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="range-from">From</label>
          <input id="range-from" type="datetime-local" value={from} required onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="range-to">To</label>
          <input id="range-to" type="datetime-local" value={to} required onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit">Show records</button>
      </form>
      {range ? <AuditList label="Records in the range" pages={pages} showEntity /> : null}
    </section>
  );
}
