import iconv from 'iconv-lite';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of C0 control characters (besides tab/newline) above which text is really binary. */
const CONTROL_LIMIT = 0.01;

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > text.length * CONTROL_LIMIT;
}

/**
 * Decodes a text file the way a Chinese team's files actually arrive: UTF-8 (with or without BOM),
 * UTF-16 with BOM (Windows Notepad), or GBK/GB18030 (older Windows editors). Anything else is
 * reported, never shown as mojibake.
 */
export function decodeText(buf: Uint8Array): Decoded {
  let result: Decoded;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    result = tryUtf8(buf.subarray(3));
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    result = { ok: true, text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    result = { ok: true, text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    result = tryUtf8(buf);
    if (!result.ok && !buf.includes(0)) result = tryGb18030(buf);
  }
  if (result.ok && looksBinary(result.text)) return { ok: false, reason: 'binary file, not text' };
  return result;
}

function tryUtf8(buf: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

function tryGb18030(buf: Uint8Array): Decoded {
  const text = iconv.decode(Buffer.from(buf), 'gb18030');
  // GB18030 maps every byte sequence somewhere; a replacement char means it was not GB text either.
  if (text.includes('\ufffd')) return { ok: false, reason: 'unknown text encoding (neither UTF-8, UTF-16 nor GB18030)' };
  // Random bytes decode "successfully" as rare characters; demand mostly common Han or ASCII.
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) common++;
  }
  if (common < [...text].length * 0.9) return { ok: false, reason: 'unknown text encoding (neither UTF-8, UTF-16 nor GB18030)' };
  return { ok: true, text, encoding: 'gb18030' };
}
