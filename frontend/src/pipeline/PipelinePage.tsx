// Placeholder: the pipeline page (live metrics) is built by another engineer and replaces this file.
export default function PipelinePage() {
  return (
    <section aria-labelledby="pipeline-heading">
      <h1 id="pipeline-heading">Pipeline</h1>
      <p>Coming soon.</p>
    </section>
  );
}
