/**
 * The bell counts unread notices this far and shows 99+ beyond it: an office account with a backlog
 * of 20,000 unread notices (one per report filed in a busy county) then costs each page a hundred
 * index entries instead of 5 ms of counting.
 */
export const UNREAD_BADGE_LIMIT = 100;

/** The badge for a count taken up to UNREAD_BADGE_LIMIT. */
export function unreadBadgeText(count: number): string {
  return count >= UNREAD_BADGE_LIMIT ? `${UNREAD_BADGE_LIMIT - 1}+` : String(count);
}
