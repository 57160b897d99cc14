/** Amounts in minor units, shown in their currency (EUR 2490 → €24.90). */
export function money(minor: number | bigint | string, currency: string): string {
  const digits = minorDigits(currency);
  const value = BigInt(minor);
  const scale = 10n ** BigInt(digits);
  const whole = value / scale;
  const fraction = (value < 0n ? -value : value) % scale;
  const amount = digits === 0 ? whole.toString() : `${whole}.${fraction.toString().padStart(digits, '0')}`;
  return `${amount} ${currency}`;
}

/** How many minor units a currency has (2 for EUR, 0 for JPY), as the browser knows it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "24.90" in EUR → 2490; undefined if it is not an amount with at most the currency's decimals. */
export function toMinor(amount: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(amount.trim());
  if (!match || (match[2]?.length ?? 0) > digits) {
    return undefined;
  }
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
}

export function dateTime(value: Date | string | undefined): string {
  if (!value) {
    return '';
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function bytes(count: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The ETag of a version, as If-Match sends it back. */
export function etag(version: number): string {
  return `"${version}"`;
}
