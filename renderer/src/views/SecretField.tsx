import { useEffect, useState } from 'react';
import type { SecretName, SecretsStatus } from '../../../preload/contract';
import { run } from '../services/api';
import './settings.css';

/**
 * The secrets' status (set / not set, where kept), loaded when Settings opens.
 * Main never sends a secret's value: there is nothing to read back.
 */
export function useSecretsStatus(): [SecretsStatus | undefined, (next: SecretsStatus) => void] {
  const [status, setStatus] = useState<SecretsStatus | undefined>();
  useEffect(() => {
    let live = true;
    void run('secrets:status', {}).then((s) => {
      if (live && s) setStatus(s);
    });
    return () => {
      live = false;
    };
  }, []);
  return [status, setStatus];
}

const envVarOf: Record<SecretName, string> = { 'phone.password': 'SPYGLASS_SIP_PASSWORD', 'asterisk.secret': 'SPYGLASS_AMI_SECRET', 'phone.turnPassword': 'SPYGLASS_TURN_PASSWORD' };

interface SecretFieldProps {
  name: SecretName;
  label: string;
  help: string;
  status: SecretsStatus | undefined;
  onStatus: (next: SecretsStatus) => void;
}

/**
 * A write-only secret: type it and save, or remove the one kept. The field is
 * never filled from main (it cannot be: main answers only "set" or "not set").
 */
export function SecretField({ name, label, help, status, onStatus }: SecretFieldProps) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `secret-${name.replace(/\W/g, '-')}`;
  const source = status?.secrets.find((s) => s.name === name)?.source;
  const save = async (value: string | null) => {
    setBusy(true);
    const next = await run('secrets:set', { name, value });
    setBusy(false);
    if (!next) return;
    onStatus(next);
    setTyped('');
  };
  const state =
    source === 'store'
      ? `Saved. ${status?.where ?? ''}`
      : source === 'environment'
        ? `Not saved here; the ${envVarOf[name]} environment variable supplies one (labs and tests).`
        : source === 'none'
          ? 'Not set.'
          : 'Checking…';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          maxLength={1000}
          value={typed}
          placeholder={source === 'store' ? 'Saved — type a new one to replace it' : 'Not set'}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && typed) void save(typed);
          }}
        />
        <button type="button" disabled={busy || typed === ''} onClick={() => void save(typed)}>
          Save {label.toLowerCase()}
        </button>
        {source === 'store' ? (
          <button type="button" className="link-button" disabled={busy} onClick={() => void save(null)}>
            Remove
          </button>
        ) : null}
      </div>
      <p className="field-help" role="status" data-testid={`${id}-state`}>
        {state}
      </p>
      <p className="field-help">{help}</p>
    </div>
  );
}
