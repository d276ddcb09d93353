import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigView } from '../../preload/contract';
import { CommandError } from '../../preload/contract';
import { profileSettingDefaults } from '../phone/pbxProfiles';
import { parsePolicy } from './parsePolicy';
import { defaultSettings, isSettingKey, settingsShape, type SettingKey, type Settings } from './settingsSchema';
import { describeUserSettingsProblem, keptAsideName, readUserSettings, type IgnoredSetting } from './userSettings';

export interface ConfigSource {
  /** Path of the machine-wide policy file (may not exist). */
  policyFile: string;
  /** Path of this user's settings file (created on first change). */
  userFile: string;
}

/**
 * Effective configuration: defaults < the PBX profile's own defaults (feature
 * code, DTMF method of the chosen phone.profile) < user settings < IT policy.
 * Policy keys are locked: the UI shows them read-only and `set` refuses them.
 */
export class ConfigService {
  private user: Partial<Settings> = {};
  private policy: Partial<Settings> = {};
  private policyError: string | undefined;
  /** Entries of the user's file that did not apply; written back unchanged on save (the user's text is theirs). */
  private userKept: Record<string, unknown> = {};
  private userIgnored: IgnoredSetting[] = [];
  /** Why the user's file could not be read at all; it is kept aside before the first save. */
  private userUnreadable: string | undefined;
  private userKeptAsidePath: string | undefined;
  private listeners = new Set<(view: ConfigView) => void>();

  constructor(
    private readonly source: ConfigSource,
    private readonly log: (message: string) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.reload();
  }

  reload(): void {
    this.policy = {};
    this.policyError = undefined;
    const policyText = readIfExists(this.source.policyFile);
    if (policyText !== undefined) {
      const parsed = parsePolicy(policyText, this.source.policyFile);
      if (parsed.ok) {
        this.policy = parsed.values;
        for (const warning of parsed.warnings) this.log(warning);
      } else {
        this.policyError = parsed.error;
        this.log(parsed.error);
      }
    }
    this.user = {};
    this.userKept = {};
    this.userIgnored = [];
    this.userUnreadable = undefined;
    this.userKeptAsidePath = undefined;
    let userText: string | undefined;
    try {
      userText = readIfExists(this.source.userFile);
    } catch (e) {
      // Not ours to read (permissions, a folder in its place): start on defaults, say so, keep it aside on save.
      this.userUnreadable = `not readable (${(e as Error).message})`;
      this.log(this.settingsProblem() ?? '');
    }
    if (userText !== undefined) {
      const read = readUserSettings(userText);
      if (read.readable) {
        this.user = read.values;
        this.userKept = read.kept;
        this.userIgnored = read.ignored;
      } else {
        this.userUnreadable = read.reason;
      }
      const problem = this.settingsProblem();
      if (problem) this.log(problem);
    }
  }

  /** What is wrong with the user's own settings file, for the Settings banner, status bar and log. */
  private settingsProblem(): string | undefined {
    const file = this.source.userFile;
    if (this.userUnreadable !== undefined) return describeUserSettingsProblem(file, { readable: false, reason: this.userUnreadable });
    if (this.userKeptAsidePath) return describeUserSettingsProblem(file, { readable: false, reason: 'unreadable' }, this.userKeptAsidePath);
    return describeUserSettingsProblem(file, { readable: true, values: this.user, ignored: this.userIgnored, kept: this.userKept });
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    if (key in this.policy) return this.policy[key] as Settings[K];
    if (key in this.user) return this.user[key] as Settings[K];
    const fromProfile = this.profileLayer();
    if (key in fromProfile) return fromProfile[key] as Settings[K];
    return defaultSettings[key];
  }

  all(): Settings {
    return { ...defaultSettings, ...this.profileLayer(), ...this.user, ...this.policy };
  }

  /** Keys whose effective value is the chosen PBX profile's own default (nobody set them). */
  fromProfile(): SettingKey[] {
    return (Object.keys(this.profileLayer()) as SettingKey[]).filter((k) => !(k in this.user) && !(k in this.policy));
  }

  private profileLayer(): Partial<Settings> {
    const profile = this.policy['phone.profile'] ?? this.user['phone.profile'] ?? defaultSettings['phone.profile'];
    return profileSettingDefaults(profile);
  }

  isLocked(key: SettingKey): boolean {
    return key in this.policy;
  }

  view(): ConfigView {
    const settingsProblem = this.settingsProblem();
    return {
      values: this.all() as unknown as ConfigView['values'],
      locked: Object.keys(this.policy),
      fromProfile: this.fromProfile(),
      policyPath: this.source.policyFile,
      ...(this.policyError ? { policyError: this.policyError } : {}),
      ...(settingsProblem ? { settingsProblem } : {}),
    };
  }

  set(key: string, value: unknown): ConfigView {
    if (!isSettingKey(key)) throw new CommandError('INVALID_PAYLOAD', `Unknown setting “${key}”.`);
    if (this.isLocked(key)) throw new CommandError('FORBIDDEN', `“${key}” is set by your IT policy and cannot be changed here.`);
    if (value === null) return this.unset(key);
    const parsed = settingsShape[key].safeParse(value);
    if (!parsed.success) {
      throw new CommandError('INVALID_PAYLOAD', `Invalid value for “${key}”: ${parsed.error.issues[0]?.message ?? 'wrong type'}.`);
    }
    const next = { ...this.user, [key]: parsed.data };
    this.saveUser(key, next);
    const view = this.view();
    for (const listener of this.listeners) listener(view);
    return view;
  }

  /** Forget the user's own value: the profile's (or the app's) default applies again. */
  private unset(key: SettingKey): ConfigView {
    const next = { ...this.user };
    delete next[key];
    this.saveUser(key, next);
    const view = this.view();
    for (const listener of this.listeners) listener(view);
    return view;
  }

  /**
   * Writes the user's file. The key just changed replaces whatever the file had
   * for it (a bad value included); every other unusable entry is written back
   * as it was. A file that could not be read is kept aside first, never overwritten.
   */
  private saveUser(changed: SettingKey, next: Partial<Settings>): void {
    const file = this.source.userFile;
    if (this.userUnreadable !== undefined) {
      const aside = keptAsideName(file, this.now());
      fs.renameSync(file, aside);
      this.userUnreadable = undefined;
      this.userKeptAsidePath = aside;
      this.log(this.settingsProblem() ?? '');
    }
    const kept = { ...this.userKept };
    delete kept[changed];
    writeAtomically(file, JSON.stringify({ ...kept, ...next }, null, 2));
    this.user = next;
    this.userKept = kept;
    this.userIgnored = this.userIgnored.filter((i) => i.key !== changed);
  }

  onChange(listener: (view: ConfigView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Write-then-rename so a crash never leaves a half-written settings file. */
function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
