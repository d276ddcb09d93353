export function TranscriptsView() {
  return (
    <section aria-labelledby="transcripts-title" className="view">
      <h1 id="transcripts-title">Transcripts</h1>
    </section>
  );
}
