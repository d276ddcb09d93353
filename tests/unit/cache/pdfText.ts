import { inflateSync } from 'node:zlib';

// Reads back the text pdfkit drew, for tests: follows each font's ToUnicode
// map (embedded fonts draw glyph ids, not characters) and inflates compressed
// streams. Only what pdfkit writes is supported.

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? '';
    const s = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
    let stream = s ? Buffer.from(s[1] ?? '', 'latin1') : null;
    const dict = s ? body.slice(0, s.index) : body;
    if (stream && /\/Filter\s*\/FlateDecode/.test(dict)) stream = inflateSync(stream);
    out.set(Number(m[1]), { dict, stream });
  }
  return out;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  // Ligatures map to several characters, written as <0066 0069>.
  const text = (h: string) => String.fromCodePoint(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map(hex));
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = hex(m[1]!);
    [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((u, i) => map.set(start + i, text(u[1]!)));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(hex(m[1]!), text(m[2]!));
  }
  return map;
}

/** The drawn text, one line per text-showing operation. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<number, string> | null>(); // resource name -> glyph map (null: standard font, bytes are Latin-1)
  for (const { dict } of objs.values()) {
    const resources = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!resources) continue;
    for (const f of resources[1]!.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(f[2]))?.dict ?? '';
      const cmapRef = /\/ToUnicode\s+(\d+) 0 R/.exec(font);
      const cmap = cmapRef ? objs.get(Number(cmapRef[1]))?.stream?.toString('latin1') : undefined;
      fonts.set(f[1]!, cmap ? toUnicodeMap(cmap) : null);
    }
  }
  const lines: string[] = [];
  for (const { stream } of objs.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/\bTJ\b/.test(content)) continue;
    let font: Map<number, string> | null = null;
    for (const op of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ/g)) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? null;
        continue;
      }
      let line = '';
      for (const h of op[2]!.matchAll(/<([0-9a-fA-F]+)>/g)) {
        const bytes = Buffer.from(h[1]!, 'hex');
        if (!font) line += bytes.toString('latin1');
        else for (let i = 0; i + 1 < bytes.length; i += 2) line += font.get(bytes.readUInt16BE(i)) ?? '\uFFFD';
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}
