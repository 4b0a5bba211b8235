import { EntityTimeline } from './EntityTimeline';
import { RangeView } from './RangeView';

export function AuditPage() {
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit</h1>
      <EntityTimeline />
      <RangeView />
    </section>
  );
}
