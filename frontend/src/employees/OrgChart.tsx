import { useEffect, useState, type FormEvent } from 'react';
import { queryApi, type EmployeeView } from '../api/client';
import { call } from '../api/call';
import type { Problem } from '../api/problem';
import { Loading, ProblemMessage } from '../ui/Status';
import { readEmployee } from './employeeApi';
import { MoveForm } from './MoveForm';
import { Reportees } from './Reportees';
import { TerminateForm } from './TerminateForm';

interface Props {
  root: string;
  setRoot: (code: string) => void;
  known: Map<string, EmployeeView>;
  remember: (e: EmployeeView) => void;
}

/** One employee (its card, management chain and commands) with the org chart below it. */
export function OrgChart({ root, setRoot, known, remember }: Props) {
  const [code, setCode] = useState(root);
  const [employee, setEmployee] = useState<EmployeeView | null>(null);
  const [chain, setChain] = useState<EmployeeView[]>([]);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [generation, setGeneration] = useState(0);
  const [action, setAction] = useState<'move' | 'terminate' | null>(null);

  useEffect(() => setCode(root), [root]);

  useEffect(() => {
    if (!root) return;
    const abort = new AbortController();
    setLoading(true);
    setAction(null);
    const mine = known.get(root);
    // an employee this user just wrote is read at least at that version (its consistency token)
    Promise.all([
      readEmployee(root, mine?.version ? String(mine.version) : null, abort.signal),
      call<{ managers?: EmployeeView[] }>(() =>
        queryApi.GET('/api/employees/{code}/chain', { params: { path: { code: root } }, signal: abort.signal }),
      ),
    ]).then(([e, c]) => {
      if (abort.signal.aborted) return;
      setLoading(false);
      if (!e.ok) {
        setEmployee(null);
        setProblem(e.problem);
        return;
      }
      setProblem(c.ok ? null : c.problem);
      setEmployee(e.data);
      setChain(c.ok ? c.data.managers ?? [] : []);
    });
    return () => abort.abort();
    // known changes after each own write; the card itself is updated by `changed` below
  }, [root, generation]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setRoot(code.trim().toUpperCase());
  }

  const changed = (e: EmployeeView) => {
    remember(e);
    setEmployee(e);
    setAction(null);
    setGeneration((g) => g + 1);
  };

  return (
    <section className="card" aria-labelledby="chart-heading">
      <h2 id="chart-heading">Org chart</h2>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="chart-code">Employee code</label>
          <input id="chart-code" value={code} required maxLength={20} onChange={(e) => setCode(e.target.value)} />
        </div>
        <button type="submit">Show</button>
      </form>
      {loading ? <Loading label="Loading employee…" /> : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
      {employee && !loading ? (
        <>
          <article className="employee" aria-label={`Employee ${employee.code}`}>
            <h3>
              {employee.name} <code>{employee.code}</code>
            </h3>
            <p>
              {employee.jobTitle ?? 'No job title'} · {employee.email} · hired {employee.hireDate}
              {employee.lastWorkingDate ? ` · left ${employee.lastWorkingDate}` : ''} · version {employee.version}
            </p>
            <nav aria-label="Management chain">
              {chain.length ? (
                <>
                  Reports to:{' '}
                  {chain.map((m, i) => (
                    <span key={m.code}>
                      {i > 0 ? ' › ' : ''}
                      <button type="button" className="link" onClick={() => setRoot(m.code!)}>
                        {m.name} ({m.code})
                      </button>
                    </span>
                  ))}
                </>
              ) : (
                'Top of the hierarchy'
              )}
            </nav>
            {!employee.lastWorkingDate ? (
              <div className="actions">
                <button type="button" className="secondary" aria-expanded={action === 'move'}
                  onClick={() => setAction(action === 'move' ? null : 'move')}>Change manager</button>
                <button type="button" className="secondary" aria-expanded={action === 'terminate'}
                  onClick={() => setAction(action === 'terminate' ? null : 'terminate')}>Terminate</button>
              </div>
            ) : null}
            {action === 'move' ? (
              <MoveForm employee={employee} onMoved={changed} onCancel={() => setAction(null)}
                onReload={() => setGeneration((g) => g + 1)} />
            ) : null}
            {action === 'terminate' ? (
              <TerminateForm employee={employee} onTerminated={changed} onReload={() => setGeneration((g) => g + 1)} />
            ) : null}
          </article>
          <h3>Reports to {employee.code}</h3>
          <Reportees key={`${employee.code}-${generation}`} managerCode={employee.code!} known={known} remember={remember}
            onOpen={setRoot} depth={0} />
        </>
      ) : null}
    </section>
  );
}
