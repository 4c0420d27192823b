/**
 * The port extension pages (options, popup) hold open to the background while they show sync's status: while one is
 * connected, the background runs sync's live feed, so other devices' edits arrive without waiting for the alarm.
 */
export const SYNC_LIVE_PORT = 'sync-live';
