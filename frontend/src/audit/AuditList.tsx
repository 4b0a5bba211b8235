import type { AuditRecord } from '../api/client';
import type { Problem } from '../api/problem';
import { Loading, ProblemMessage } from '../ui/Status';

interface Props {
  label: string;
  pages: { items: AuditRecord[]; loading: boolean; problem: Problem | null; hasMore: boolean; loadMore: () => void; reload: () => void };
  showEntity?: boolean;
}

/** Audit records, newest first, as an ordered list; more pages on demand. */
export function AuditList({ label, pages, showEntity }: Props) {
  const { items, loading, problem, hasMore, loadMore, reload } = pages;
  return (
    <div>
      {problem ? (
        <ProblemMessage problem={problem}>
          <button type="button" onClick={reload}>Try again</button>
        </ProblemMessage>
      ) : null}
      {!loading && !problem && items.length === 0 ? <p>No audit records.</p> : null}
      <ol className="timeline" aria-label={label}>
        {items.map((r) => (
          <li key={r.eventId}>
            <div>
              <strong className="event-type">{r.eventType}</strong>{' '}
              <span className="muted">
                v{r.aggregateVersion} by {r.actor} at <time dateTime={r.occurredAt ?? undefined}>{formatTime(r.occurredAt)}</time>
              </span>
            </div>
            {showEntity ? (
              <div className="small">
                {r.entityType} <code>{r.entityId}</code>
              </div>
            ) : null}
            {r.payload ? <pre className="payload">{JSON.stringify(r.payload)}</pre> : null}
          </li>
        ))}
      </ol>
      {loading ? <Loading label="Loading audit records…" /> : null}
      <div className="actions">
        {/* the audit log is written asynchronously: a record of a command just made may arrive a moment later */}
        <button type="button" className="secondary" onClick={reload} disabled={loading}>
          Refresh
        </button>
      {hasMore && !loading ? (
        <button type="button" className="secondary" onClick={loadMore}>
          Load more
        </button>
      ) : null}
      </div>
    </div>
  );
}

function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
