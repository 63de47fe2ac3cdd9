// Small helpers for the Markdown report: numbers as people read them, and tables.

export function milliseconds(value: number): string {
  if (Number.isNaN(value)) return "—";
  if (value === Number.POSITIVE_INFINITY) return "no answer";
  if (value < 10) return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString("en")} ms`;
}

export function megabytes(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? "—" : `${Math.round(value).toLocaleString("en")} MB`;
}

export function ratio(numerator: number, denominator: number): string {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return "—";
  return `${(numerator / denominator).toFixed(1)}×`;
}

export function count(value: number): string {
  return value.toLocaleString("en");
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}
