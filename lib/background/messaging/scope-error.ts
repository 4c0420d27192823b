/** A content script asked about an article other than its tab's, or gave an article another address. */
export class ScopeError extends Error {}
