import { useState, type FormEvent } from 'react';
import type { EmployeeView } from '../api/client';
import { isConflict, type Problem } from '../api/problem';
import { useIntentKey } from '../api/idempotency';
import { ProblemMessage } from '../ui/Status';
import { terminate, today, type Versioned } from './employeeApi';

/** Terminates an employee; a manager with active reportees is refused (409 naming them: move them first). */
export function TerminateForm(props: { employee: Versioned; onTerminated: (e: EmployeeView) => void; onReload: () => void }) {
  const { employee, onTerminated, onReload } = props;
  const [date, setDate] = useState(today());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const intent = useIntentKey();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await terminate(employee, date, intent.key());
    setBusy(false);
    if (outcome.ok) {
      intent.done();
      setProblem(null);
      onTerminated(outcome.data);
    } else {
      if (isConflict(outcome.problem)) intent.done();
      setProblem(outcome.problem);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Terminate ${employee.code}`}>
      <div className="field">
        <label htmlFor="terminate-date">Last working date</label>
        <input id="terminate-date" type="date" value={date} required onChange={(e) => { intent.done(); setDate(e.target.value); }} />
      </div>
      <button type="submit" className="danger" disabled={busy} aria-busy={busy}>Terminate</button>
      {problem ? (
        <ProblemMessage problem={problem}>
          {problem.activeReportees?.length ? <p>Move these reportees first: {problem.activeReportees.join(', ')}.</p> : null}
          {problem.status === 412 ? <button type="button" onClick={onReload}>Reload</button> : null}
        </ProblemMessage>
      ) : null}
    </form>
  );
}
