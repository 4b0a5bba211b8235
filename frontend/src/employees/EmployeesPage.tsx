import { useCallback, useState } from 'react';
import type { EmployeeView } from '../api/client';
import { BatchHireForm } from './BatchHireForm';
import { HireForm } from './HireForm';
import { OrgChart } from './OrgChart';

/** Hiring and the org chart; employees written here are kept (at their new version) to overlay lagging indexes. */
export function EmployeesPage() {
  const [known, setKnown] = useState<Map<string, EmployeeView>>(new Map());
  const [root, setRoot] = useState('');
  const remember = useCallback(
    (e: EmployeeView) =>
      setKnown((m) => {
        const old = m.get(e.code!);
        return old && (old.version ?? 0) > (e.version ?? 0) ? m : new Map(m).set(e.code!, e);
      }),
    [],
  );

  return (
    <section aria-labelledby="employees-heading">
      <h1 id="employees-heading">Employees</h1>
      <div className="two">
        <HireForm onHired={remember} />
        <BatchHireForm onHired={(list) => list.forEach(remember)} />
      </div>
      <OrgChart root={root} setRoot={setRoot} known={known} remember={remember} />
    </section>
  );
}
