import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type Decoded =
  /** `note`: decoded, but the author should re-save the file (shown as a warning). */
  | { ok: true; text: string; encoding: Encoding; note?: string }
  | { ok: false; reason: string; line?: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of C0 control characters (besides tab/newline) above which text is really binary. */
const CONTROL_LIMIT = 0.01;
/** Bytes sniffed for NULs and UTF-16 patterns; enough for any header, cheap for 2 MB files. */
const SNIFF = 8192;
/** Share of double-byte sequences that must be GB2312 (common Hanzi and CJK punctuation). */
const GB2312_SHARE = 0.85;

const UNKNOWN = 'unknown text encoding (neither UTF-8, UTF-16 nor GBK/GB18030): save the file as UTF-8';

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
 * UTF-16 (Windows Notepad; with BOM, or without when the zero bytes make it unambiguous), or
 * GBK/GB18030 (older Windows editors). Anything else is reported, never shown as mojibake.
 */
export function decodeText(buf: Uint8Array): Decoded {
  let result: Decoded;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    result = tryUtf8(buf.subarray(3));
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    result = utf16(buf.subarray(2), 'utf-16le');
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    result = utf16(buf.subarray(2), 'utf-16be');
  } else {
    const bomless = sniffUtf16(buf);
    if (bomless) result = { ...utf16(buf, bomless), note: `decoded as ${bomless.toUpperCase()} without a byte-order mark; save it as UTF-8 so every tool reads it` } as Decoded;
    else if (buf.subarray(0, SNIFF).includes(0)) return { ok: false, reason: 'binary file, not text' };
    else {
      result = tryUtf8(buf);
      if (!result.ok) {
        const gb = tryGb18030(buf);
        // A file that is mostly valid UTF-8 with a damaged spot is better reported at that spot.
        if (gb.ok || result.line === undefined) result = gb.ok ? gb : { ok: false, reason: UNKNOWN };
      }
    }
  }
  if (result.ok && looksBinary(result.text)) return { ok: false, reason: 'binary file, not text' };
  return result;
}

function utf16(buf: Uint8Array, enc: 'utf-16le' | 'utf-16be'): Decoded {
  return { ok: true, text: iconv.decode(Buffer.from(buf), enc), encoding: enc };
}

/** UTF-16 without BOM: text of mostly ASCII has a zero in every other byte; binary files do not. */
function sniffUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, SNIFF) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.7 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.7 && oddZero === 0) return 'utf-16be';
  return null;
}

function tryUtf8(buf: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    const bad = firstInvalidUtf8(buf);
    // Mostly-valid UTF-8 (a damaged byte, a truncated copy): name the line so it can be fixed.
    if (bad.validMultibyte > bad.invalid * 4 && bad.validMultibyte > 0) {
      return { ok: false, reason: 'invalid UTF-8 byte sequence (damaged file?)', line: bad.line };
    }
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

/** Counts valid multi-byte sequences and invalid bytes, and finds the line of the first invalid one. */
function firstInvalidUtf8(buf: Uint8Array): { line: number; validMultibyte: number; invalid: number } {
  let line = 1;
  let firstLine = 0;
  let validMultibyte = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    if (b < 0x80) {
      if (b === 10 && !firstLine) line++;
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) if ((buf[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      validMultibyte++;
      i += len;
    } else {
      invalid++;
      if (!firstLine) firstLine = line;
      i++;
    }
  }
  return { line: firstLine || line, validMultibyte, invalid };
}

/**
 * GB18030 maps almost every byte sequence to some character, so decoding "succeeds" on Latin-1,
 * Big5, Shift-JIS and random bytes alike. Real GBK text is overwhelmingly GB2312 (both bytes
 * 0xA1–0xFE, lead in the punctuation or Hanzi rows); demand that, or report the file.
 */
function tryGb18030(buf: Uint8Array): Decoded {
  let gb2312 = 0;
  let other = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    const t = buf[i + 1] ?? 0;
    if (b >= 0x81 && b <= 0xfe && t >= 0x30 && t <= 0x39) { other++; i += 4; continue; }
    if (t >= 0xa1 && t <= 0xfe && ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7))) gb2312++;
    else other++;
    i += 2;
  }
  if (gb2312 === 0 || gb2312 < (gb2312 + other) * GB2312_SHARE) return { ok: false, reason: UNKNOWN };
  const text = iconv.decode(Buffer.from(buf), 'gb18030');
  if (text.includes('\ufffd')) return { ok: false, reason: UNKNOWN };
  return { ok: true, text, encoding: 'gb18030', note: 'decoded as GBK/GB18030; save it as UTF-8 so every tool reads it' };
}
