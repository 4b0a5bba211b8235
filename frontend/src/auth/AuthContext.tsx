import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User } from 'oidc-client-ts';
import { userManager } from './userManager';

interface Auth {
  user: User | null;
  loading: boolean;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    userManager.getUser().then((u) => {
      if (live) {
        setUser(u && !u.expired ? u : null);
        setLoading(false);
      }
    });
    // the callback page stores the user; expiry signs the user out here so pages ask to sign in again
    const loaded = (u: User) => setUser(u);
    const gone = () => setUser(null);
    userManager.events.addUserLoaded(loaded);
    userManager.events.addUserUnloaded(gone);
    userManager.events.addAccessTokenExpired(gone);
    return () => {
      live = false;
      userManager.events.removeUserLoaded(loaded);
      userManager.events.removeUserUnloaded(gone);
      userManager.events.removeAccessTokenExpired(gone);
    };
  }, []);

  const signIn = useCallback(async (returnTo?: string) => {
    await userManager.signinRedirect({ state: { returnTo: returnTo ?? window.location.pathname + window.location.search } });
  }, []);

  // Forgets the tokens here; the issuer's own session cookie stays, so signing in again may not ask for a password.
  const signOut = useCallback(async () => {
    await userManager.removeUser();
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, loading, signIn, signOut }), [user, loading, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
