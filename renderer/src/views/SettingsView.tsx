import { Fragment } from 'react';
import type { ConfigView } from '../../../preload/contract';
import { LockedBadge } from '../components/LockedBadge';
import { run } from '../services/api';
import { dispatch, useStore } from '../store';
import { AboutSettings } from './AboutSettings';
import { AlertSettings } from './alerts/AlertSettings';
import { AudioSettings } from './AudioSettings';
import { OfflineCacheSettings } from './OfflineCacheSettings';
import { SecretField, useSecretsStatus } from './SecretField';
import { WssTrustSettings } from './WssTrustSettings';

export interface FieldSpec {
  key: string;
  label: string;
  help: string;
  kind: 'text' | 'number' | 'boolean' | 'select';
  options?: string[];
  /** The PBX profile brings its own value for this key (shown "from the profile" until someone sets it). */
  profileDefault?: boolean;
}

const fields: FieldSpec[] = [
  { key: 'connector', label: 'Contact center', help: 'Which contact-center connection to use (takes effect on restart).', kind: 'select', options: ['demo', 'asterisk'] },
  { key: 'asterisk.host', label: 'Asterisk host', help: 'The Asterisk server for the AMI connection, for example pbx.example.com.', kind: 'text' },
  { key: 'asterisk.port', label: 'Asterisk AMI port', help: 'Usually 5038 (5039 with TLS).', kind: 'number' },
  { key: 'asterisk.tls', label: 'Asterisk AMI over TLS', help: 'Encrypt the manager connection (Asterisk tlsenable=yes).', kind: 'boolean' },
  { key: 'asterisk.user', label: 'Asterisk AMI user', help: 'The read-only manager user from manager.conf. Its secret is kept in the OS secret store, never here.', kind: 'text' },
  { key: 'startOffline', label: 'Start in offline review', help: 'Open with cached data only, without connecting.', kind: 'boolean' },
  { key: 'phone.profile', label: 'PBX profile', help: 'How monitor calls are placed and modes switched.', kind: 'select', options: ['demo', 'asterisk-chanspy', 'freeswitch-eavesdrop', 'auto-answer'] },
  { key: 'phone.server', label: 'SIP WebSocket server', help: 'For example wss://pbx.example.com:8089/ws', kind: 'text' },
  { key: 'phone.user', label: 'SIP user', help: 'Your supervisor endpoint, for example sip:7001@pbx.example.com', kind: 'text' },
  {
    key: 'phone.featureCode',
    label: 'Monitor feature code',
    help: 'Dialled before the agent extension (Asterisk ChanSpy or FreeSWITCH eavesdrop).',
    kind: 'text',
    profileDefault: true,
  },
  { key: 'phone.dtmfMethod', label: 'DTMF method', help: 'How mode-change digits are sent to the PBX.', kind: 'select', options: ['info', 'rfc2833'], profileDefault: true },
  {
    key: 'phone.liberalDtmf',
    label: 'FreeSWITCH has liberal-dtmf',
    help: 'Only if your PBX administrator confirms liberal-dtmf=true in the Sofia profile: then INFO digits are sent to FreeSWITCH; otherwise Spyglass refuses them.',
    kind: 'boolean',
  },
  {
    key: 'phone.answerTimeoutSeconds',
    label: 'Monitor answer timeout (seconds)',
    help: 'How long the PBX has to answer a monitor call before Spyglass gives up and says why.',
    kind: 'number',
  },
  // The STUN/TURN server lists are set in settings.json or IT policy (phone.stunServers, phone.turnServers; README).
  { key: 'phone.turnUsername', label: 'TURN username', help: 'The username for the TURN servers your IT set up (static credential).', kind: 'text' },
  {
    key: 'phone.turnCredentialsUrl',
    label: 'TURN credentials service',
    help: 'An https URL from your IT that hands out short-lived TURN credentials (TURN REST); when set it replaces the static TURN username and password.',
    kind: 'text',
  },
  {
    key: 'phone.iceTransportPolicy',
    label: 'Media path',
    help: 'relay: audio only ever goes through the TURN servers (usually set by IT policy); all: direct paths too.',
    kind: 'select',
    options: ['all', 'relay'],
  },
  { key: 'ui.theme', label: 'Theme', help: 'Light or dark; system follows your operating system. High contrast follows the operating system’s contrast setting.', kind: 'select', options: ['system', 'light', 'dark'] },
  { key: 'cache.retentionDays', label: 'Keep cached interactions (days)', help: 'Older cached interactions are purged.', kind: 'number' },
  { key: 'metrics.serviceLevelMinPercent', label: 'Service level target (%)', help: 'Queue activity marks a service level below this.', kind: 'number' },
  { key: 'metrics.abandonRateMaxPercent', label: 'Abandon rate limit (%)', help: 'Queue activity marks an abandon rate above this.', kind: 'number' },
  { key: 'metrics.averageSpeedOfAnswerMaxSeconds', label: 'Speed of answer limit (seconds)', help: 'Queue activity marks an average speed of answer above this.', kind: 'number' },
  {
    key: 'metrics.longestWaitMaxPercentOfThreshold',
    label: 'Longest wait limit (% of the queue threshold)',
    help: "Queue activity marks a longest wait above this share of the queue's own service-level threshold (100 = the threshold).",
    kind: 'number',
  },
  { key: 'metrics.digitalSlaMissedMax', label: 'Digital SLA misses allowed', help: 'Queue activity marks more digital conversations past their SLA than this.', kind: 'number' },
  {
    key: 'log.level',
    label: 'Log level',
    help: 'What the log files keep: errors only, warnings too, or everything (info). The folder is under About.',
    kind: 'select',
    options: ['error', 'warn', 'info'],
  },
  { key: 'demo.timeCompression', label: 'Demo speed', help: 'How much faster than real time the demo runs (takes effect on restart).', kind: 'number' },
];

export function Field({ spec, config }: { spec: FieldSpec; config: ConfigView }) {
  const locked = config.locked.includes(spec.key);
  const fromProfile = config.fromProfile?.includes(spec.key) ?? false;
  const value = config.values[spec.key];
  const id = `setting-${spec.key.replace(/\W/g, '-')}`;
  const save = async (next: unknown) => {
    const view = await run('config:set', { key: spec.key, value: next as never });
    if (view) dispatch({ type: 'config/loaded', view });
  };
  const help = helpFor(spec, config);
  const title = locked ? `${help} Locked: set by your IT policy.` : help;
  return (
    <div className="field">
      <label htmlFor={id}>
        {spec.label}
        {locked ? <LockedBadge /> : null}
        {fromProfile ? (
          <span className="profile-badge" title="The chosen PBX profile's own value; change it here to override">
            from the profile
          </span>
        ) : null}
      </label>
      {spec.kind === 'boolean' ? (
        <input id={id} type="checkbox" title={title} checked={value === true} disabled={locked} onChange={(e) => void save(e.target.checked)} />
      ) : spec.kind === 'select' ? (
        <select id={id} title={title} value={String(value ?? '')} disabled={locked} onChange={(e) => void save(e.target.value)}>
          {spec.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          // Re-mounted when the effective value changes (e.g. another PBX profile picked), so it never shows a stale value.
          key={String(value ?? '')}
          type={spec.kind === 'number' ? 'number' : 'text'}
          title={title}
          defaultValue={String(value ?? '')}
          disabled={locked}
          onBlur={(e) => {
            const raw = e.target.value;
            const next = spec.kind === 'number' ? Number(raw) : raw;
            if (next !== value) void save(next);
          }}
        />
      )}
      {spec.profileDefault && !locked && !fromProfile && profileHasDefaults(config) ? (
        <button type="button" className="link-button" onClick={() => void save(null)}>
          Use the profile’s value
        </button>
      ) : null}
      {spec.key === 'phone.dtmfMethod' && value === 'info' && config.values['phone.profile'] === 'freeswitch-eavesdrop' ? (
        <p className="field-help status-error" role="note">
          FreeSWITCH ignores INFO digits (and still answers 200 OK) unless its Sofia profile sets liberal-dtmf=true: coach and barge would
          silently not start, so Spyglass refuses them unless “FreeSWITCH has liberal-dtmf” is on. Use rfc2833 unless your PBX administrator
          confirms liberal-dtmf.
        </p>
      ) : null}
      <p className="field-help">{help}</p>
    </div>
  );
}

/** The server example follows the chosen PBX: FreeSWITCH's Sofia wss-binding has no path, Asterisk's http.conf serves /ws. */
const serverExamples: Record<string, string> = {
  'asterisk-chanspy': 'For example wss://pbx.example.com:8089/ws (Asterisk http.conf)',
  'freeswitch-eavesdrop': 'For example wss://pbx.example.com:7443 (FreeSWITCH Sofia wss-binding, no path)',
};
const helpFor = (spec: FieldSpec, config: ConfigView): string =>
  spec.key === 'phone.server' ? (serverExamples[String(config.values['phone.profile'])] ?? spec.help) : spec.help;

const profileHasDefaults = (config: ConfigView) => ['asterisk-chanspy', 'freeswitch-eavesdrop'].includes(String(config.values['phone.profile']));

export function SettingsView() {
  const config = useStore((s) => s.config.view);
  // A refused server certificate is shown with the account too, not only in the status bar (issue 17 item 2).
  const certificateProblem = useStore((s) => (s.phone.status?.problem?.code === 'CERTIFICATE_REFUSED' ? s.phone.status.problem : undefined));
  const [secrets, setSecrets] = useSecretsStatus();
  if (!config) return <p>Loading settings…</p>;
  return (
    <section aria-labelledby="settings-title" className="view">
      <h1 id="settings-title">Settings</h1>
      {config.policyError ? (
        <div className="banner banner-error" role="alert">
          {config.policyError}
        </div>
      ) : (
        <p className="muted">
          IT policy file: <code>{config.policyPath}</code>
          {config.locked.length ? ` — ${config.locked.length} setting(s) locked by IT.` : ' — no policy in force.'}
        </p>
      )}
      {config.settingsProblem ? (
        <div className="banner banner-warning" role="alert" data-testid="settings-problem">
          {config.settingsProblem}
        </div>
      ) : null}
      <form className="settings-form" onSubmit={(e) => e.preventDefault()}>
        {fields.map((f) =>
          f.key === 'phone.server' ? (
            // Server, user and password together: IT may lock the first two by policy; the password is never a setting.
            <fieldset key="sip-account" id="sip-account" className="settings-group">
              <legend>SIP account</legend>
              {config.values['phone.profile'] === 'demo' ? (
                <p className="field-help">The demo profile uses the built-in demo PBX; this account is used with the other PBX profiles.</p>
              ) : null}
              <Field spec={f} config={config} />
              {certificateProblem ? (
                <div className="banner banner-error" role="alert" data-testid="certificate-problem">
                  {certificateProblem.message} {certificateProblem.action}
                </div>
              ) : null}
              {/^wss:/i.test(String(config.values['phone.server'] ?? '')) && config.values['phone.profile'] !== 'demo' ? (
                <WssTrustSettings server={String(config.values['phone.server'])} />
              ) : null}
              {fields
                .filter((u) => u.key === 'phone.user')
                .map((u) => (
                  <Field key={u.key} spec={u} config={config} />
                ))}
              <SecretField
                name="phone.password"
                label="SIP password"
                help="Your SIP endpoint’s password. Never written to settings or IT policy files (where it is kept is shown above); saving it registers the phone again."
                status={secrets}
                onStatus={setSecrets}
              />
            </fieldset>
          ) : f.key === 'phone.user' ? null : (
            <Fragment key={f.key}>
              <Field spec={f} config={config} />
              {f.key === 'asterisk.user' && config.values.connector === 'asterisk' ? (
                <SecretField
                  name="asterisk.secret"
                  label="Asterisk AMI secret"
                  help="The manager user’s secret from manager.conf. Never written to settings or IT policy files (where it is kept is shown above); used from the next connection attempt."
                  status={secrets}
                  onStatus={setSecrets}
                />
              ) : null}
              {f.key === 'phone.turnUsername' ? (
                <SecretField
                  name="phone.turnPassword"
                  label="TURN password"
                  help="The TURN servers’ static credential. Never written to settings or IT policy files (where it is kept is shown above); used from the next monitor call."
                  status={secrets}
                  onStatus={setSecrets}
                />
              ) : null}
            </Fragment>
          ),
        )}
      </form>
      <AlertSettings config={config} />
      <AudioSettings />
      <OfflineCacheSettings />
      <AboutSettings />
    </section>
  );
}
