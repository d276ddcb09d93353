import { useEffect, useState } from 'react';
import type { DiagnosticsInfo } from '../../../preload/contract';
import { invoke, run } from '../services/api';
import './settings.css';

/**
 * Settings › About: which Spyglass this is, where its logs and crash dumps
 * are (what IT asks for), and whether crash reports leave this computer.
 */
export function AboutSettings() {
  const [info, setInfo] = useState<DiagnosticsInfo | undefined>();
  const [app, setApp] = useState<{ version: string; host: 'electron' | 'web' } | undefined>();
  useEffect(() => {
    let live = true;
    void invoke('diagnostics:info', {}).then((r) => live && r.ok && setInfo(r.value));
    void invoke('app:hello', {}).then((r) => live && r.ok && setApp({ version: r.value.version, host: r.value.host }));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby="about-title" className="about-settings">
      <h2 id="about-title">About</h2>
      {app ? (
        <p className="muted">
          Spyglass {app.version} — {app.host === 'electron' ? 'desktop app' : 'web host'}
        </p>
      ) : null}
      {info ? (
        <>
          <div className="field">
            <span className="field-label">Log folder</span>
            <div className="about-row">
              <code data-testid="log-folder">{info.logFolder}</code>
              {info.canOpenLogFolder ? (
                <button type="button" onClick={() => void run('diagnostics:openLogFolder', {})}>
                  Open log folder
                </button>
              ) : null}
            </div>
            <p className="field-help">
              spyglass.log and up to five older files (5 MB each); the level is the Log level setting above.
              {info.canOpenLogFolder ? '' : ' Open the folder in your file manager; send the files to IT when asked.'}
            </p>
          </div>
          {info.crashReports ? (
            <p className="field-help" data-testid="crash-reports">
              {info.crashReports.uploadsTo
                ? `Crash reports are kept in ${info.crashReports.folder} and uploaded to ${info.crashReports.uploadsTo} (set by your IT policy).`
                : `Crash reports are kept on this computer in ${info.crashReports.folder}; they are never uploaded.`}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
