import { useEffect, useState } from 'react';
import type { WssTrust } from '../../../preload/contract/phone';
import { invoke } from '../services/api';

const kindWords: Record<WssTrust['sources'][number]['kind'], string> = {
  bundled: 'Built-in root CAs',
  system: 'This computer’s certificate store',
  policy: 'IT policy CA file',
};

/**
 * Settings › SIP account, for a wss:// server: which certificate authorities
 * the phone trusts (main's trust store), so IT can see that its CA file is in
 * force, or why it is not.
 */
export function WssTrustSettings({ server }: { server: string }) {
  const [trust, setTrust] = useState<WssTrust | undefined>();
  useEffect(() => {
    let live = true;
    void invoke('phone:trust', {}).then((r) => live && r.ok && setTrust(r.value));
    return () => {
      live = false;
    };
  }, [server]);
  if (!trust) return null;
  return (
    <div className="field" data-testid="wss-trust">
      <span className="field-label">Certificates trusted for wss://</span>
      <ul className="plain-list">
        {trust.sources.map((s) => (
          <li key={s.kind}>
            {kindWords[s.kind]}
            {s.kind === 'bundled' ? '' : <> (<code>{s.from}</code>)</>}: {s.count}
            {s.kind === 'policy'
              ? trust.policyCertificates.map((c) => (
                  <span key={c.subject} className="muted">
                    {' '}
                    — {c.subject}, valid until {c.validTo}
                  </span>
                ))
              : null}
          </li>
        ))}
      </ul>
      {trust.policyCaProblem ? (
        <p className="field-help status-error" role="note">
          The CA file in the IT policy cannot be used: {trust.policyCaProblem}
        </p>
      ) : null}
      {trust.systemProblem ? <p className="field-help">This computer’s certificate store could not be read: {trust.systemProblem}</p> : null}
    </div>
  );
}
