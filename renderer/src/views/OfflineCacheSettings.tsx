import { useStore } from '../store';

/**
 * Settings › Offline cache: how cached transcripts are kept and protected. The
 * standing facts about it (no OS secret store, so the key is in a user-only
 * file) live here; they are told once as a notice, not at every start.
 */
export function OfflineCacheSettings() {
  const status = useStore((s) => s.cache.status);
  if (!status) return null;
  return (
    <section aria-labelledby="offline-cache-title" className="offline-cache-settings">
      <h2 id="offline-cache-title">Offline cache</h2>
      {status.available ? (
        <p className="muted">
          {status.interactions} interactions and {status.messages} messages cached on this computer; card numbers and IT patterns are redacted and
          message text is encrypted before it is written.
        </p>
      ) : (
        <p className="muted">Offline review is not available on this computer.</p>
      )}
      {status.warnings.map((w) => (
        <p key={w} className="banner banner-warning" data-testid="cache-warning">
          {w}
        </p>
      ))}
    </section>
  );
}
