/** The one definition of "a NetEase page", shared by payload validation and sender checks. */

/** Whether `url` is an http(s) URL on 163.com or one of its subdomains (e.g. www.163.com, m.163.com). */
export function isNeteaseUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const { protocol, hostname } = parsed;
  return (protocol === 'https:' || protocol === 'http:') && (hostname === '163.com' || hostname.endsWith('.163.com'));
}
