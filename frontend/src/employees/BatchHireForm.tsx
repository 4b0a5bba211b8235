import { useState, type FormEvent } from 'react';
import type { EmployeeView } from '../api/client';
import type { Problem } from '../api/problem';
import { useIntentKey } from '../api/idempotency';
import { ErrorMessage, ProblemMessage } from '../ui/Status';
import { hireBatch, today } from './employeeApi';
import { CSV_COLUMNS, failingRow, parseHireCsv } from './csv';

/** Hires every pasted row or none; a refusal names the failing row (problem details' index or field). */
export function BatchHireForm({ onHired }: { onHired: (e: EmployeeView[]) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [parseError, setParseError] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ problem: Problem; row?: number; code?: string } | null>(null);
  const [hired, setHired] = useState<EmployeeView[] | null>(null);
  const intent = useIntentKey();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setHired(null);
    setProblem(null);
    const parsed = parseHireCsv(text, today());
    if (!parsed.ok) {
      setParseError(parsed.message);
      return;
    }
    setParseError(null);
    setBusy(true);
    const outcome = await hireBatch(parsed.rows, intent.key());
    setBusy(false);
    if (outcome.ok) {
      intent.done();
      setText('');
      setHired(outcome.data);
      onHired(outcome.data);
    } else {
      const p = outcome.problem;
      const row = failingRow(p.index, [...(p.errors ?? []).map((x) => x.field), p.detail ?? '']);
      setProblem({ problem: p, row, code: row !== undefined ? parsed.rows[row]?.code : undefined });
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="batch-heading">
      <h2 id="batch-heading">Hire a batch</h2>
      <div className="field">
        <label htmlFor="batch-csv">
          CSV rows: <code>{CSV_COLUMNS.join(',')}</code> (all or nothing; managers may be hired earlier in the batch)
        </label>
        <textarea id="batch-csv" rows={5} value={text} required spellCheck={false}
          placeholder={'E200,Grace Hopper,grace@example.com,Admiral,,2026-01-15\nE201,Alan Turing,alan@example.com,,E200,'}
          onChange={(e) => { intent.done(); setText(e.target.value); }} />
      </div>
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Hiring…' : 'Hire all'}
      </button>
      {parseError ? <ErrorMessage title="The CSV could not be read">{parseError}</ErrorMessage> : null}
      {hired ? <p role="status">Hired {hired.length}: {hired.map((h) => h.code).join(', ')}.</p> : null}
      {problem ? (
        <ProblemMessage problem={problem.problem}>
          <p>
            {problem.row !== undefined
              ? `Row ${problem.row + 1}${problem.code ? ` (${problem.code})` : ''} was refused; no one was hired.`
              : 'No one was hired.'}
          </p>
        </ProblemMessage>
      ) : null}
    </form>
  );
}
