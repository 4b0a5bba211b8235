import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/AuthContext';
import { Callback } from './auth/Callback';
import { RequireAuth } from './auth/RequireAuth';
import { TodosPage } from './todos/TodosPage';
import { EmployeesPage } from './employees/EmployeesPage';
import { AuditPage } from './audit/AuditPage';
import PipelinePage from './pipeline/PipelinePage';

export function App() {
  const { user, signIn, signOut } = useAuth();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);

  // After a client-side navigation, move focus to the new page (screen readers announce it; Tab starts there).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <nav aria-label="Main">
          <NavLink to="/todos">Todos</NavLink>
          <NavLink to="/employees">Employees</NavLink>
          <NavLink to="/audit">Audit</NavLink>
          <NavLink to="/pipeline">Pipeline</NavLink>
        </nav>
        <div className="who">
          {user ? (
            <>
              <span>
                Signed in as <strong>{user.profile.sub}</strong>
              </span>
              <button type="button" className="secondary" onClick={() => void signOut()}>
                Sign out
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void signIn()}>
              Sign in
            </button>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to="/todos" replace />} />
          <Route path="/callback" element={<Callback />} />
          <Route path="/todos" element={<RequireAuth><TodosPage /></RequireAuth>} />
          <Route path="/employees" element={<RequireAuth><EmployeesPage /></RequireAuth>} />
          <Route path="/audit" element={<RequireAuth><AuditPage /></RequireAuth>} />
          <Route path="/pipeline" element={<RequireAuth><PipelinePage /></RequireAuth>} />
          <Route path="*" element={<p>Page not found.</p>} />
        </Routes>
      </main>
    </>
  );
}
