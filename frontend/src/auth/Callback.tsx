import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { userManager } from './userManager';
import { ErrorMessage } from '../ui/Status';

/** The issuer redirects here with ?code=&state=: exchange the code (with the PKCE verifier) for tokens. */
export function Callback() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  // React's strict mode runs effects twice in development; a code may be exchanged only once
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    userManager
      .signinRedirectCallback()
      .then((user) => {
        const state = user.state as { returnTo?: string } | undefined;
        const returnTo = state?.returnTo && state.returnTo.startsWith('/') && state.returnTo !== '/callback' ? state.returnTo : '/todos';
        navigate(returnTo, { replace: true });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [navigate]);

  if (error) return <ErrorMessage title="Sign-in failed">{error}</ErrorMessage>;
  return <p role="status">Signing in…</p>;
}
