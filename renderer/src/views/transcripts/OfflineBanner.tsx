import { useEffect, useState } from 'react';
import { run } from '../../services/api';
import { dispatch, useStore } from '../../store';
import { describeAge } from '../../store/cache/selectors';

/** Says plainly that what is shown is cached, how old it is, and how to get back online. */
export function OfflineBanner() {
  const status = useStore((s) => s.cache.status);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  if (status?.mode !== 'offline') return null;
  const goOnline = async () => {
    const next = await run('app:setOffline', { offline: false });
    if (next) dispatch({ type: 'cache/status', status: next });
  };
  return (
    <div className="banner banner-warning offline-banner" role="status">
      <strong>Offline review.</strong> You are seeing cached data only ({describeAge(status.lastWriteAt, now)}; {status.interactions} interactions).{' '}
      {status.reason ?? ''}{' '}
      <button type="button" title="Reconnect to the contact center and show live data" onClick={() => void goOnline()}>
        Go online
      </button>
    </div>
  );
}
