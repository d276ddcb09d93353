/** Small inline icons (decorative: every control carrying one also has a text label or aria-label). */
const base = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false } as const;

export function BinocularsIcon() {
  return (
    <svg {...base} className="icon">
      <circle cx="6" cy="15" r="4" />
      <circle cx="18" cy="15" r="4" />
      <path d="M10 15h4M4 12l2-7h3l1 6M20 12l-2-7h-3l-1 6" />
    </svg>
  );
}

export function MicIcon({ muted }: { muted: boolean }) {
  return (
    <svg {...base} className="icon">
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
      {muted ? <path d="M3 3l18 18" strokeWidth={2.5} /> : null}
    </svg>
  );
}

export function HandsetIcon() {
  return (
    <svg {...base} className="icon">
      <path d="M3 14c5-5 13-5 18 0l-2 3-4-1v-3c-2-.7-4-.7-6 0v3l-4 1z" />
    </svg>
  );
}

export function CoachIcon() {
  return (
    <svg {...base} className="icon">
      <path d="M4 5h16v10H9l-5 4z" />
      <path d="M8 10h8" />
    </svg>
  );
}
