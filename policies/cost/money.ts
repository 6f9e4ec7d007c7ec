/** `$1,234.5` → `$1,234.50`; whole amounts keep no cents (`$312`). */
export function dollars(amount: number): string {
  const whole = Number.isInteger(Math.round(amount * 100) / 100);
  return `$${Math.abs(amount).toLocaleString("en-US", {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  })}`;
}

/** `+$312`, `−$12.50`, `±$0`. */
export function signedDollars(amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
  return `${sign}${dollars(rounded)}`;
}

/** `$727.08/month + 14 unpriced`: the total never hides what it leaves out. */
export function totalText(total: number, unpriced: number): string {
  return `${dollars(total)}/month${unpriced > 0 ? ` + ${unpriced} unpriced` : ""}`;
}

/** A resource's amount: `unpriced` when no line has a price, never a misleading `$0`. */
export function amountText(total: number, pricedLines: number, unpriced: number): string {
  return pricedLines === 0 ? "unpriced" : totalText(total, unpriced);
}
