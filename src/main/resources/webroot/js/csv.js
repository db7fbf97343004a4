// RFC 4180 CSV as spreadsheets in China open it: read a file's rows, write rows back as UTF-8 with a BOM and CRLF
// (without the BOM Excel shows Chinese as mojibake).

/** The rows of a CSV text, quoted cells with commas, quotes and line breaks kept whole. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' || c === '\n') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** Rows as CSV text for a spreadsheet: BOM, CRLF, cells quoted where they must be. */
export function toCsv(rows) {
  const quote = (cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return `\uFEFF${rows.map((row) => row.map((cell) => quote(String(cell ?? ''))).join(',')).join('\r\n')}\r\n`;
}
