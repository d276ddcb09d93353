export function QueueActivityView() {
  return (
    <section aria-labelledby="queues-title" className="view">
      <h1 id="queues-title">Queue activity</h1>
    </section>
  );
}
