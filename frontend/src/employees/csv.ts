import type { HireRequest } from '../api/client';

export const CSV_COLUMNS = ['code', 'name', 'email', 'jobTitle', 'managerCode', 'hireDate'] as const;

/** Splits one CSV line; fields may be "quoted" (with "" for a quote) so names and titles may contain commas. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; }
    else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

export type Parsed = { ok: true; rows: HireRequest[] } | { ok: false; message: string };

/**
 * Pasted CSV, one employee a line: code,name,email,jobTitle,managerCode,hireDate (a header line naming them is
 * skipped; jobTitle and managerCode may be empty). Row numbers in messages count data rows from 1.
 */
export function parseHireCsv(text: string, defaultDate: string): Parsed {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length > 0 && splitLine(lines[0])[0].toLowerCase() === 'code') lines.shift();
  if (lines.length === 0) return { ok: false, message: 'Paste at least one row.' };
  const rows: HireRequest[] = [];
  for (let i = 0; i < lines.length; i++) {
    const f = splitLine(lines[i]);
    if (f.length < 3 || f.length > CSV_COLUMNS.length) {
      return { ok: false, message: `Row ${i + 1}: expected ${CSV_COLUMNS.join(',')} (3 to 6 fields), found ${f.length}.` };
    }
    const [code, name, email, jobTitle, managerCode, hireDate] = f;
    rows.push({
      code,
      name,
      email,
      jobTitle: jobTitle || undefined,
      managerCode: managerCode || undefined,
      hireDate: hireDate || defaultDate,
    });
  }
  return { ok: true, rows };
}

/** The batch row a problem names: its `index` (a refused row) or the first errors[].field like employees[2].email. */
export function failingRow(index: number | undefined, fields: string[] | undefined): number | undefined {
  if (index !== undefined) return index;
  for (const f of fields ?? []) {
    const m = /employees\[(\d+)\]/.exec(f);
    if (m) return Number(m[1]);
  }
  return undefined;
}
