import { useEffect, useMemo, useState } from 'react';
import { LockedBadge } from '../components/LockedBadge';
import { listAudioDevices, previewMicrophone, watchAudioDevices, type AudioDeviceLists } from '../media/devices';
import { MediaLevels, mediaLevels } from '../media/levelMeter';
import { useMediaLevels } from '../media/useMediaLevels';
import { run } from '../services/api';
import { dispatch, useStore } from '../store';

function Level({ label, value }: { label: string; value: number }) {
  const id = `level-${label.replace(/\W/g, '-')}`;
  return (
    <div className="level">
      <label htmlFor={id}>{label}</label>
      <meter id={id} min={0} max={1} low={0.6} high={0.85} optimum={0.3} value={value} title={`${label}: ${Math.round(value * 100)}%`}>
        {Math.round(value * 100)}%
      </meter>
    </div>
  );
}

/** Microphone and speaker choice with live level meters (the call's own meters, plus a mic test). */
export function AudioSettings() {
  const config = useStore((s) => s.config.view);
  const [devices, setDevices] = useState<AudioDeviceLists | undefined>();
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const preview = useMemo(() => new MediaLevels(), []);
  const live = useMediaLevels(mediaLevels);
  const test = useMediaLevels(preview);

  useEffect(() => {
    if (!navigator.mediaDevices) return undefined;
    return watchAudioDevices(setDevices);
  }, []);

  const input = String(config?.values['audio.input'] ?? 'default');
  const output = String(config?.values['audio.output'] ?? 'default');
  const locked = (key: string) => config?.locked.includes(key) ?? false;

  useEffect(() => {
    if (!testing) return undefined;
    let stream: MediaStream | undefined;
    let cancelled = false;
    previewMicrophone(input === 'default' ? '' : input).then(
      (s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        preview.set('input', s);
        // Labels are only known once the microphone was allowed.
        void listAudioDevices().then(setDevices);
      },
      (e: Error) => {
        setError(`The microphone could not be opened (${e.message}). Check that it is connected and that Spyglass may use it.`);
        setTesting(false);
      },
    );
    return () => {
      cancelled = true;
      preview.clear();
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [testing, input, preview]);

  const save = async (key: string, value: string) => {
    const view = await run('config:set', { key, value });
    if (view) dispatch({ type: 'config/loaded', view });
  };

  return (
    <section aria-labelledby="audio-title" className="audio-settings">
      <h2 id="audio-title">Audio</h2>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="audio-input">
          Microphone
          {locked('audio.input') ? <LockedBadge /> : null}
        </label>
        <select id="audio-input" title="The microphone used when you coach or barge in" value={input} disabled={locked('audio.input')} onChange={(e) => void save('audio.input', e.target.value || 'default')}>
          <option value="default">System default</option>
          {devices?.inputs.filter((d) => d.deviceId).map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audio-output">
          Speaker or headset
          {locked('audio.output') ? <LockedBadge /> : null}
        </label>
        <select
          id="audio-output"
          title={devices?.canChooseOutput === false ? 'This platform plays on the system default output only' : 'Where monitored calls play'}
          value={output}
          disabled={locked('audio.output') || devices?.canChooseOutput === false}
          onChange={(e) => void save('audio.output', e.target.value || 'default')}
        >
          <option value="default">System default</option>
          {devices?.outputs.filter((d) => d.deviceId).map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <div className="levels">
        <Level label="Microphone level (test)" value={test.input ?? 0} />
        <Level label="Call microphone level" value={live.input ?? 0} />
        <Level label="Call audio level" value={live.output ?? 0} />
      </div>
      <button type="button" title={testing ? 'Stop the microphone test' : 'Open the microphone briefly to check its level (nobody hears it)'} onClick={() => setTesting((t) => !t)}>
        {testing ? 'Stop microphone test' : 'Test microphone'}
      </button>
    </section>
  );
}
