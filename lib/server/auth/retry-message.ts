/** "Try again in 40 seconds." / "… in 12 minutes." — for the sign-in form and the 429 answer alike. */
export function retryMessage(seconds: number): string {
  const wait = seconds < 90 ? `${Math.max(1, Math.ceil(seconds))} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-in attempts. Try again in ${wait}.`;
}
