/**
 * ISO 8601 durations as xAPI wants them: hours, minutes and seconds, with seconds
 * to the hundredth (xAPI keeps 0.01 s precision). 16559.14 s is `PT4H35M59.14S`.
 */
export function isoDuration(seconds: number): string {
  // Whole hundredths first: 16559.14 * 100 is 1655914.0000000002 in floating point.
  const hundredths = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 100) : 0;
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  const rest = hundredths % 6000;

  const parts = [hours > 0 ? `${hours}H` : '', minutes > 0 ? `${minutes}M` : ''];
  if (rest > 0 || (hours === 0 && minutes === 0)) parts.push(`${secondsOf(rest)}S`);
  return `PT${parts.join('')}`;
}

/** 5914 hundredths → "59.14"; 5910 → "59.1"; 5900 → "59". */
function secondsOf(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
