/** The supervisor's own interaction panel (rule 13). */
export function MyInteractions() {
  return (
    <aside className="my-interactions" aria-label="My interactions">
      <h2>My interactions</h2>
    </aside>
  );
}
