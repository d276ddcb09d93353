import type { TokenCheck } from './requestGuards';

/**
 * What a browser gets instead of the app when its request has no token or
 * another run's token: a plain page that says which it is and what to do.
 * A tab from before a restart lands here too (the renderer reloads when the
 * bridge refuses its token), so it never sits "reconnecting" forever.
 * Nothing from the request is echoed into the page.
 */
export function accessPage(why: Exclude<TokenCheck, 'valid'>, port: number): string {
  const heading = why === 'missing' ? 'This address has no Spyglass access token' : 'This Spyglass tab is from an earlier run';
  const explanation =
    why === 'missing'
      ? 'Spyglass only answers the address it printed when it started, which carries a one-time access token. This address has none.'
      : 'Spyglass makes a new access token each time it starts, and this tab still has the token of an earlier run (Spyglass was restarted), or a wrong one. It cannot reconnect by itself.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spyglass: ${heading.replace(/^This /, 'this ')}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f5f6f8; color: #1b1f24; }
  main { max-width: 40rem; margin: 4rem auto; padding: 2rem; background: #fff; border: 1px solid #c9ced6; border-radius: 8px; }
  code { background: #eef0f3; padding: 0.1rem 0.3rem; border-radius: 4px; }
</style>
</head>
<body>
<main>
<h1>${heading}</h1>
<p>${explanation}</p>
<p><strong>What to do:</strong> open the URL printed in the terminal where Spyglass is running. It looks like
<code>http://127.0.0.1:${port}/?token=…</code> and follows the words “Spyglass is running at”.
If Spyglass is not running, start it again with <code>npm run start:web</code>.</p>
</main>
</body>
</html>
`;
}

/** The page's own policy: nothing but its inline style may load. */
export const accessPagePolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
