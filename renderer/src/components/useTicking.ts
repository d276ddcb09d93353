import { useEffect, useState } from 'react';

/** The clock, read again every `everyMs` while `active` (a countdown on screen); otherwise read once per render. */
export function useTicking(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [active, everyMs]);
  return active ? now : Date.now();
}
