export function AuditView() {
  return (
    <section aria-labelledby="audit-title" className="view">
      <h1 id="audit-title">Audit log</h1>
    </section>
  );
}
