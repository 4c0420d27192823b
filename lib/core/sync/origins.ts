/**
 * The sync server's address as kept, and the host permission it needs. The manifest's optional host permissions
 * already cover any http(s) host (`lib/core/translate/origins.ts`); the options page requests this one origin.
 */

/** The server address as kept: http(s), no credentials, query or fragment, no trailing slash. Null when unusable. */
export function serverAddress(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) return null;
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** The match pattern of the one origin sync talks to (null: not a usable address). */
export function serverPermission(url: string): string | null {
  const address = serverAddress(url);
  return address === null ? null : `${new URL(address).origin}/*`;
}
