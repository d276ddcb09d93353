// Pure decisions of `npm start` (no I/O, facts passed in; tested in
// tests/unit/packaging/launchPlan.test.ts).

/** A graphical session the app (Electron) or a browser can open a window in. */
export function hasDisplay(platform, env) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Where `npm start` runs Spyglass: the Electron app where its binary exists and
 * a window can open, otherwise the very same app in the web host.
 */
export function chooseHost({ electronPath, platform, env, forceWeb = false }) {
  if (forceWeb) return { host: 'web', why: 'the web host was asked for' };
  if (!electronPath) return { host: 'web', why: 'the Electron binary is not installed here' };
  if (!hasDisplay(platform, env)) return { host: 'web', why: 'there is no display for a window' };
  return { host: 'electron', why: 'the Electron binary is installed' };
}

/**
 * Since Electron 42 `npm install` no longer downloads Electron's binary; the
 * electron package fetches it the first time it is run. `npm start` does the
 * same, once, when it would run the desktop app but the binary is missing —
 * never in CI, without a display, when the web host was asked for, or when
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 says this machine must not download it.
 */
export function shouldFetchElectron({ electronPath, platform, env, forceWeb = false }) {
  if (electronPath || forceWeb || env.CI) return false;
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '0') return false;
  return hasDisplay(platform, env);
}

/** Open the printed URL in the default browser: only with a display, never in CI or when told not to. */
export function shouldOpenBrowser({ platform, env, noOpen = false }) {
  if (noOpen || env.CI || env.SPYGLASS_NO_BROWSER) return false;
  return hasDisplay(platform, env);
}

/** The command that hands a URL to the desktop's default browser. */
export function openerCommand(platform, url) {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; the empty "" is the window title it would otherwise take from the URL.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}
