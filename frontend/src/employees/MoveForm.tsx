import { useState, type FormEvent } from 'react';
import type { EmployeeView } from '../api/client';
import { isConflict, type Problem } from '../api/problem';
import { useIntentKey } from '../api/idempotency';
import { ProblemMessage } from '../ui/Status';
import { changeManager, type Versioned } from './employeeApi';

/** Changes an employee's manager (empty: top level), as of the version shown (If-Match). */
export function MoveForm(props: { employee: Versioned & { name?: string }; onMoved: (e: EmployeeView) => void; onCancel?: () => void; onReload?: () => void }) {
  const { employee, onMoved, onCancel, onReload } = props;
  const [manager, setManager] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const intent = useIntentKey();
  const id = `move-${employee.code}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await changeManager(employee, manager.trim() || null, intent.key());
    setBusy(false);
    if (outcome.ok) {
      intent.done();
      setProblem(null);
      onMoved(outcome.data);
    } else {
      if (isConflict(outcome.problem)) intent.done();
      setProblem(outcome.problem);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Change the manager of ${employee.code}`}>
      <div className="field">
        <label htmlFor={id}>New manager code for {employee.code} (empty: top level)</label>
        <input id={id} value={manager} maxLength={20} autoFocus onChange={(e) => { intent.done(); setManager(e.target.value); }} />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>Change manager</button>
        {onCancel ? <button type="button" className="secondary" onClick={onCancel}>Cancel</button> : null}
      </div>
      {problem ? (
        <ProblemMessage problem={problem}>
          {problem.status === 412 && onReload ? (
            <>
              <p>{employee.code} was changed elsewhere since it was loaded.</p>
              <button type="button" onClick={onReload}>Reload</button>
            </>
          ) : null}
        </ProblemMessage>
      ) : null}
    </form>
  );
}
