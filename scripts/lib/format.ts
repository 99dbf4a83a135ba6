/**
 * Formatting for script output: thousands separators for costs, token amounts in whole units,
 * and a plain-text table (no colours, so logs and CI output stay readable).
 */
import { formatUnits } from "ethers";

/** 1234567n → "1,234,567". */
export function formatCount(value: bigint | number): string {
  return BigInt(value).toLocaleString("en-US");
}

/** 1500000000000000000n, 18, "ETH" → "1.5 ETH". Trailing ".0" is dropped. */
export function formatAmount(value: bigint, decimals: number, symbol: string): string {
  const text = formatUnits(value, decimals).replace(/\.0$/, "");
  return `${text} ${symbol}`;
}

/** Column alignment of `renderTable`. */
export type Align = "left" | "right";

/**
 * Renders rows as a fixed-width text table with a header and a rule line. A row given as a
 * single string is printed as a full-width separator line (e.g. a section title).
 */
export function renderTable(headers: string[], rows: (string[] | string)[], align: Align[]): string {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.filter((r): r is string[] => Array.isArray(r)).map((r) => (r[i] ?? "").length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (align[i] === "right" ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const out = [line(headers), "-".repeat(total)];
  for (const r of rows) out.push(Array.isArray(r) ? line(r) : r);
  return out.join("\n");
}
