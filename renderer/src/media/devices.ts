/** Audio input/output device lists for Settings, kept fresh on devicechange. */

export interface AudioDeviceOption {
  deviceId: string;
  label: string;
}

export interface AudioDeviceLists {
  inputs: AudioDeviceOption[];
  outputs: AudioDeviceOption[];
  /** False where the platform cannot route output per element (no setSinkId). */
  canChooseOutput: boolean;
}

export async function listAudioDevices(): Promise<AudioDeviceLists> {
  const all = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind, fallback: string) =>
    all
      .filter((d) => d.kind === kind)
      .map((d, i) => ({ deviceId: d.deviceId === 'default' ? '' : d.deviceId, label: d.label || `${fallback} ${i + 1}` }));
  return {
    inputs: pick('audioinput', 'Microphone'),
    outputs: pick('audiooutput', 'Speaker'),
    canChooseOutput: typeof (HTMLMediaElement.prototype as { setSinkId?: unknown }).setSinkId === 'function',
  };
}

export function watchAudioDevices(onChange: (lists: AudioDeviceLists) => void): () => void {
  const handler = () => void listAudioDevices().then(onChange, () => undefined);
  navigator.mediaDevices.addEventListener('devicechange', handler);
  handler();
  return () => navigator.mediaDevices.removeEventListener('devicechange', handler);
}

/** A preview stream for the Settings input meter (separate from any call, so it never touches a call's track). */
export function previewMicrophone(inputId: string): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: inputId ? { deviceId: { exact: inputId } } : true, video: false });
}
