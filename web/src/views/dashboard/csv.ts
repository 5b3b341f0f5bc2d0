/** CSV of a figure's table, as a spreadsheet opens it: UTF-8 with a byte-order mark, RFC 4180 quoting. */

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const quote = (v: string | number) => {
    const s = String(v);
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Starts a download of `text` as `filename` (no server round trip; the data is already on the page). */
export function downloadCsv(filename: string, text: string): void {
  const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
