// csv — a small RFC 4180 reader for the export tests: strips the UTF-8 BOM,
// splits CRLF rows, handles quoted cells with "" escapes and line breaks.
// Returns { bom, rows: [[cell, ...], ...], raw: [[{text, quoted}, ...]] }.

export function parseCsv(text) {
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);
  const rows = [];
  const raw = [];
  let row = [];
  let rawRow = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted cell');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
    }
    row.push(cell);
    rawRow.push({ text: cell, quoted });
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < text.length) throw new Error(`bad row end at ${i}: ${JSON.stringify(text.slice(i, i + 10))}`);
    rows.push(row);
    raw.push(rawRow);
    row = [];
    rawRow = [];
  }
  return { bom, rows, raw };
}

// Assert-free check: cells that a spreadsheet would run as a formula
// (starting with = + - @ and not neutralised). Returns the offending cells.
export function formulaCells(parsed) {
  const bad = [];
  for (const r of parsed.raw)
    for (const c of r) if (/^[=+\-@\t\r]/.test(c.text) && !(c.quoted && c.text.startsWith("'"))) bad.push(c.text);
  return bad;
}
