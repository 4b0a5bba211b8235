import { useState, type FormEvent } from 'react';
import type { EmployeeView } from '../api/client';
import type { Problem } from '../api/problem';
import { useIntentKey } from '../api/idempotency';
import { ProblemMessage } from '../ui/Status';
import { hire, today } from './employeeApi';

const EMPTY = { code: '', name: '', email: '', jobTitle: '', managerCode: '', hireDate: '' };

/** Hires one employee (a retry or double click reuses the intent's Idempotency-Key: hired once). */
export function HireForm({ onHired }: { onHired: (e: EmployeeView) => void }) {
  const [form, setForm] = useState({ ...EMPTY, hireDate: today() });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [hired, setHired] = useState<EmployeeView | null>(null);
  const intent = useIntentKey();

  const set = (k: keyof typeof EMPTY) => (v: string) => {
    intent.done();
    setForm((f) => ({ ...f, [k]: v }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await hire(
      {
        code: form.code.trim(),
        name: form.name.trim(),
        email: form.email.trim(),
        jobTitle: form.jobTitle.trim() || undefined,
        managerCode: form.managerCode.trim() || undefined,
        hireDate: form.hireDate,
      },
      intent.key(),
    );
    setBusy(false);
    if (outcome.ok) {
      intent.done();
      setProblem(null);
      setHired(outcome.data);
      setForm({ ...EMPTY, hireDate: form.hireDate, managerCode: form.managerCode });
      onHired(outcome.data);
    } else {
      setHired(null);
      setProblem(outcome.problem);
    }
  }

  const field = (k: keyof typeof EMPTY, label: string, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`hire-${k}`}>{label}</label>
      <input id={`hire-${k}`} value={form[k]} onChange={(e) => set(k)(e.target.value)} {...props} />
    </div>
  );

  return (
    <form className="card" onSubmit={submit} aria-labelledby="hire-heading">
      <h2 id="hire-heading">Hire an employee</h2>
      <div className="grid">
        {field('code', 'Code', { required: true, maxLength: 20, pattern: '[A-Za-z0-9][A-Za-z0-9\\-]{0,19}' })}
        {field('name', 'Name', { required: true, maxLength: 100 })}
        {field('email', 'Email', { required: true, type: 'email', maxLength: 254 })}
        {field('jobTitle', 'Job title (optional)', { maxLength: 100 })}
        {field('managerCode', 'Manager code (empty: top level)', { maxLength: 20 })}
        {field('hireDate', 'Hire date', { required: true, type: 'date' })}
      </div>
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Hiring…' : 'Hire'}
      </button>
      {hired ? <p role="status">Hired {hired.name} ({hired.code}).</p> : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
    </form>
  );
}
