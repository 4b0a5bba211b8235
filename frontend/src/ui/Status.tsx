import type { ReactNode } from 'react';
import type { Problem } from '../api/problem';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="muted">
      {label}
    </p>
  );
}

export function ErrorMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="alert" className="error">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

/** A problem details answer in words: its title, detail and each invalid field; `action` e.g. a reload button. */
export function ProblemMessage({ problem, children }: { problem: Problem; children?: ReactNode }) {
  return (
    <ErrorMessage title={problem.title}>
      {problem.detail ? <p>{problem.detail}</p> : null}
      {problem.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field + e.message}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {problem.status === 401 ? <p>Your session has expired: sign in again.</p> : null}
      {children}
    </ErrorMessage>
  );
}
