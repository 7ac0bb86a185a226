// RFC 4180 CSV reading for the AMap POI files, whose address fields are quoted when they hold commas.

/** Parses CSV text into rows of fields; handles quoted fields, doubled quotes, CRLF and embedded newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM would otherwise stick to the first header name
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Rows as records keyed by the header row; rows with a different field count are returned separately. */
export function parseCsvRecords(text: string): { records: Record<string, string>[]; malformed: number[] } {
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const records: Record<string, string>[] = [];
  const malformed: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== header.length) {
      malformed.push(r + 1);
      continue;
    }
    const rec: Record<string, string> = {};
    header.forEach((h, k) => (rec[h] = row[k]!));
    records.push(rec);
  }
  return { records, malformed };
}
