/**
 * The sync server's address as kept, and the host permission it needs. The manifest's optional host permissions
 * already cover any http(s) host (`lib/core/translate/origins.ts`); the options page requests this one origin.
 */
import { isRemotePlainHttp, parseAddress } from '../net/addresses';

/**
 * The server address as kept: `https:`, or `http:` for a server on this computer only (the CouchDB password would
 * travel in clear to any other), no credentials, query or fragment, no trailing slash. Null when unusable.
 */
export function serverAddress(url: string): string | null {
  const parsed = parseAddress(url);
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || isRemotePlainHttp(url)) return null;
  if (parsed.username || parsed.password) return null;
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** The match pattern of the one origin sync talks to (null: not a usable address). */
export function serverPermission(url: string): string | null {
  const address = serverAddress(url);
  return address === null ? null : `${new URL(address).origin}/*`;
}
