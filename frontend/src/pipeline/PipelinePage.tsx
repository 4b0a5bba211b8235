import type { ReactNode } from 'react';
import { ErrorMessage, Loading, ProblemMessage } from '../ui/Status';
import { count, duration, perSecond } from './format';
import { POLL_MS, usePipeline, type PipelineSnapshot } from './usePipeline';
import './pipeline.css';

/**
 * The pipeline, live: outbox → SNS → queues → projector / audit worker → replicas, from the services' metrics
 * (GET /api/pipeline, polled every two seconds). A service that cannot be read is named, its numbers shown as "—".
 */
export default function PipelinePage() {
  const { snapshot, problem, polls } = usePipeline();

  return (
    <section aria-labelledby="pipeline-heading" className="pipeline">
      <h1 id="pipeline-heading">Pipeline</h1>
      <p className="muted small">
        From the services' metrics, updated every {POLL_MS / 1000} s. Rates and mean lags are over the time between
        two readings.
      </p>
      {problem ? (
        <ProblemMessage problem={problem}>
          {snapshot ? <p>Showing the last numbers that arrived; retrying.</p> : <p>Retrying.</p>}
        </ProblemMessage>
      ) : null}
      {!snapshot && !problem ? <Loading label="Reading the pipeline…" /> : null}
      {snapshot ? <Snapshot snapshot={snapshot} polls={polls} /> : null}
    </section>
  );
}

function Snapshot({ snapshot, polls }: { snapshot: PipelineSnapshot; polls: number }) {
  const down = snapshot.sources.filter((s) => !s.up);
  const { outbox, audit } = snapshot;
  const queues = [...snapshot.queues].sort((a, b) => Number(a.deadLetter) - Number(b.deadLetter));
  return (
    <>
      <p className="muted small" data-testid="pipeline-updated">
        Read at <time dateTime={snapshot.takenAt}>{new Date(snapshot.takenAt).toLocaleTimeString('en-GB')}</time>
        {snapshot.windowSeconds != null ? `, over the last ${snapshot.windowSeconds.toFixed(1)} s` : ''} (reading{' '}
        {polls}).
      </p>
      {down.length ? (
        <ErrorMessage title={`Not answering: ${down.map((s) => s.name).join(', ')}`}>
          <ul>
            {down.map((s) => (
              <li key={s.name}>
                <code>{s.where}</code>: {s.error}
              </li>
            ))}
          </ul>
        </ErrorMessage>
      ) : null}
      <div className="pipeline-grid">
        <Card title="Outbox" note="command-service">
          <Metric id="outbox-backlog" label="Waiting to publish" value={count(outbox.backlogRows)} />
          <Metric id="outbox-oldest" label="Oldest waiting" value={duration(outbox.oldestUnpublishedAgeSeconds)} />
          <Metric id="outbox-published" label="Published" value={perSecond(outbox.publishedPerSecond)} />
          <Metric
            id="outbox-parked"
            label="Parked"
            value={count(outbox.parkedRows)}
            alert={(outbox.parkedRows ?? 0) > 0}
          />
        </Card>
        <Card title="Audit" note="audit-worker">
          <Metric id="audit-recorded" label="Recorded" value={perSecond(audit.recordedPerSecond)} />
          <Metric id="audit-lag" label="Mean lag" value={duration(audit.meanLagSeconds)} />
          <Metric id="audit-max-lag" label="Max lag, ~1 min" value={duration(audit.maxLagSeconds)} />
        </Card>
      </div>
      <Table caption="Queues" empty="No queue could be read." headers={['Queue', 'Consumer', 'Messages']}>
        {queues.map((q) => (
          <tr key={q.name}>
            <th scope="row">
              {q.name}
              {q.deadLetter ? <span className="badge badge-dlq">dead letters</span> : null}
            </th>
            <td>{q.consumer}</td>
            <td className={q.deadLetter && (q.messages ?? 0) > 0 ? 'num alert' : 'num'} data-testid={`queue-${q.name}`}>
              {count(q.messages)}
            </td>
          </tr>
        ))}
      </Table>
      <Table
        caption="Projections (projector)"
        empty="The projector could not be read."
        headers={['Read model', 'Applied', 'Mean lag', 'Max lag, ~1 min']}
      >
        {snapshot.projections.map((p) => (
          <tr key={p.name}>
            <th scope="row">{p.name}</th>
            <td className="num" data-testid={`projection-${p.name}-applied`}>
              {perSecond(p.appliedPerSecond)}
            </td>
            <td className="num" data-testid={`projection-${p.name}-lag`}>
              {duration(p.meanLagSeconds)}
            </td>
            <td className="num">{duration(p.maxLagSeconds)}</td>
          </tr>
        ))}
      </Table>
      <Table caption="Replicas" empty="No replica lag is measured here." headers={['Replica', 'Behind the primary']}>
        {snapshot.replicas.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td className="num">{r.lagSeconds == null ? 'unknown' : `${r.lagSeconds} s`}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function Card({ title, note, children }: { title: string; note: string; children: ReactNode }) {
  const id = `pipeline-${title.toLowerCase()}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted small">{note}</span>
      </h2>
      <dl className="metrics">{children}</dl>
    </section>
  );
}

function Metric({ id, label, value, alert = false }: { id: string; label: string; value: string; alert?: boolean }) {
  return (
    <div className={alert ? 'metric alert' : 'metric'}>
      <dt>{label}</dt>
      <dd data-testid={id}>{value}</dd>
    </div>
  );
}

function Table({
  caption,
  empty,
  headers,
  children,
}: {
  caption: string;
  empty: string;
  headers: string[];
  children: ReactNode[];
}) {
  return (
    <div className="card table-scroll">
      <table className="pipeline-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={i === 0 ? undefined : 'num'}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children.length ? (
            children
          ) : (
            <tr>
              <td colSpan={headers.length} className="muted">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
