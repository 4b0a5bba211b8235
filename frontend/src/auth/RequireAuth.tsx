import type { ReactNode } from 'react';
import { useAuth } from './AuthContext';

/** Pages that call the APIs need a token: offer to sign in instead of failing with 401s. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading, signIn } = useAuth();
  if (loading) return <p role="status">Loading…</p>;
  if (!user) {
    return (
      <section aria-labelledby="signin-heading" className="card">
        <h1 id="signin-heading">Sign in</h1>
        <p>Sign in at the issuer to see and change todos, employees and the audit log.</p>
        <button type="button" onClick={() => void signIn()}>
          Sign in
        </button>
      </section>
    );
  }
  return <>{children}</>;
}
