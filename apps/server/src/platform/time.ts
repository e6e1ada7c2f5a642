const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (yyyy-mm-dd) where the users are: Asia/Ho_Chi_Minh, not the server's UTC. */
export function todayInVietnam(now: Date = new Date()): string {
  return VN_DATE.format(now);
}
