/** A search snippet: matched words in <mark>, everything as text (never HTML). */
export function Highlighted({ segments }: { segments: { text: string; hit: boolean }[] }) {
  return (
    <span className="snippet" dir="auto">
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </span>
  );
}
