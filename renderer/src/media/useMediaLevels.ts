/**
 * React hook: live levels (0..1) by name from a MediaLevels registry,
 * refreshed on animation frames while mounted. Names: 'input' (microphone),
 * 'output' (what the supervisor hears), and in demo mode 'agentHearsSupervisor'
 * and 'customerHearsSupervisor'.
 */
import { useEffect, useState } from 'react';
import { mediaLevels, type MediaLevels } from './levelMeter';

export function useMediaLevels(source: MediaLevels = mediaLevels, intervalMs = 50): Record<string, number> {
  const [levels, setLevels] = useState<Record<string, number>>({});
  useEffect(() => {
    let raf = 0;
    let last = 0;
    const tick = (t: number) => {
      if (t - last >= intervalMs) {
        last = t;
        setLevels(source.read());
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [source, intervalMs]);
  return levels;
}
