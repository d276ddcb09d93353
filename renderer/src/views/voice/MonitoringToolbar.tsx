/** The monitoring toolbar, bottom left, while a voice monitor session exists (seed 002). */
export function MonitoringToolbar() {
  return null;
}
