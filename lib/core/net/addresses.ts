/**
 * Server addresses the reader types in (a LibreTranslate server, a CouchDB server for sync): parsing them, and the
 * rule both follow that plain `http:` is only for a server on this computer, where nothing crosses a network in clear.
 */

/** Host names that stay on the reader's own computer, where plain `http:` crosses no network. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** The address as a URL when it is one, else null. Never throws. */
export function parseAddress(value: string): URL | null {
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}

/**
 * Whether `value` is a plain-`http:` address of a server that is not on this computer (refused: what is sent to it,
 * text, keys or passwords, would travel in clear).
 */
export function isRemotePlainHttp(value: string): boolean {
  const url = parseAddress(value);
  return url !== null && url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname);
}
