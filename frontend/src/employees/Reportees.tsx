import { useMemo, useState } from 'react';
import { queryApi, type EmployeeView, type ReporteeView } from '../api/client';
import { useCursorPages } from '../api/useCursorPages';
import { Loading, ProblemMessage } from '../ui/Status';
import { MoveForm } from './MoveForm';

interface Props {
  managerCode: string;
  known: Map<string, EmployeeView>;
  remember: (e: EmployeeView) => void;
  onOpen: (code: string) => void;
  depth: number;
}

/**
 * A manager's active direct reportees (paged), each expandable into its own reportees: the org chart. The reportee
 * index carries no consistency token, so employees this user has just hired, moved or terminated (read back at their
 * new version) are laid over it: moved away and terminated ones leave, newly reporting ones join.
 */
export function Reportees({ managerCode, known, remember, onOpen, depth }: Props) {
  const fetchPage = useMemo(
    () => (cursor: string | undefined, signal: AbortSignal) =>
      queryApi.GET('/api/employees/{code}/reportees', { params: { path: { code: managerCode }, query: { cursor, limit: 20 } }, signal }),
    [managerCode],
  );
  const pages = useCursorPages<ReporteeView>(fetchPage);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [moving, setMoving] = useState<string | null>(null);

  const items = useMemo(() => {
    const listed = pages.items.filter((r) => {
      const k = known.get(r.code!);
      return !k || (k.version ?? 0) <= (r.version ?? 0) || (k.managerCode === managerCode && !k.lastWorkingDate);
    });
    const codes = new Set(listed.map((r) => r.code));
    const joined = [...known.values()].filter(
      (k) => k.managerCode === managerCode && !k.lastWorkingDate && !codes.has(k.code),
    ) as ReporteeView[];
    return [...listed, ...joined].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  }, [pages.items, known, managerCode]);

  const toggle = (code: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(code)) n.delete(code);
      else n.add(code);
      return n;
    });

  return (
    <div className="reportees">
      {pages.problem ? (
        <ProblemMessage problem={pages.problem}>
          <button type="button" onClick={pages.reload}>Try again</button>
        </ProblemMessage>
      ) : null}
      {!pages.loading && !pages.problem && items.length === 0 ? <p className="muted small">No active reportees.</p> : null}
      <ul className="org" aria-label={`Reportees of ${managerCode}`}>
        {items.map((r) => (
          <li key={r.code}>
            <div className="org-row">
              <span>
                <strong>{r.name}</strong> <code>{r.code}</code> {r.jobTitle ? <span className="muted">{r.jobTitle}</span> : null}
              </span>
              <span className="actions">
                {depth < 6 ? (
                  <button type="button" className="secondary small-button" aria-expanded={open.has(r.code!)}
                    onClick={() => toggle(r.code!)}>
                    {open.has(r.code!) ? 'Hide' : 'Show'} reportees<span className="visually-hidden"> of {r.code}</span>
                  </button>
                ) : null}
                <button type="button" className="secondary small-button" onClick={() => setMoving(moving === r.code ? null : r.code!)}>
                  Move<span className="visually-hidden"> {r.code}</span>
                </button>
                <button type="button" className="secondary small-button" onClick={() => onOpen(r.code!)}>
                  Open<span className="visually-hidden"> {r.code}</span>
                </button>
              </span>
            </div>
            {moving === r.code ? (
              <MoveForm employee={r} onCancel={() => setMoving(null)} onReload={pages.reload}
                onMoved={(e) => { setMoving(null); remember(e); }} />
            ) : null}
            {open.has(r.code!) ? (
              <Reportees managerCode={r.code!} known={known} remember={remember} onOpen={onOpen} depth={depth + 1} />
            ) : null}
          </li>
        ))}
      </ul>
      {pages.loading ? <Loading label={`Loading reportees of ${managerCode}…`} /> : null}
      {pages.hasMore && !pages.loading ? (
        <button type="button" className="secondary" onClick={pages.loadMore}>More reportees of {managerCode}</button>
      ) : null}
    </div>
  );
}
