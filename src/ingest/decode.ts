/**
 * ingest/decode — bytes → text. Recognises UTF-8 (with or without BOM), UTF-16 (BOM, or the
 * NUL pattern of BOM-less UTF-16), and legacy Arabic windows-1256 when the bytes are not valid
 * UTF-8 and decode to Arabic letters. Refuses binary data. Line ends become `\n` and the text
 * is put in Unicode NFC (so «ا» + hamza above and «أ» hash and match alike).
 */

/** A decoded text, or why the bytes could not be decoded. */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });
const cp1256 = new TextDecoder('windows-1256');

/** Share of C0 control characters (other than tab, LF, FF, CR) above which text counts as binary. */
const MAX_CONTROL_SHARE = 0.05;
/** Share of Arabic-script letters among the non-ASCII characters a windows-1256 decode must reach. */
const MIN_ARABIC_SHARE = 0.7;

/** `\r\n` and lone `\r` → `\n`, NFC. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f || c === 0xfffd) {
      bad++;
    }
  }
  return bad / text.length;
}

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** BOM-less UTF-16: NUL bytes sit almost only on one parity (the high byte of ASCII chars). */
function utf16Parity(bytes: Uint8Array): 'le' | 'be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const nul = even + odd;
  if (nul < 2) return undefined;
  if (odd / nul >= 0.95) return 'le';
  if (even / nul >= 0.95) return 'be';
  return undefined;
}

function arabicShare(text: string): { share: number; arabic: number } {
  let nonAscii = 0;
  let arabic = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x0600 && c <= 0x06ff) || c === 0x200c || c === 0x200d || c === 0xa0) arabic++;
  }
  return { share: nonAscii === 0 ? 0 : arabic / nonAscii, arabic };
}

function accept(text: string, encoding: string): Decoded {
  if (controlShare(text) > MAX_CONTROL_SHARE) {
    return { ok: false, reason: 'binary file (mostly control characters)' };
  }
  return { ok: true, text: cleanText(text), encoding };
}

/**
 * Decode bytes. `hint` is a charset named by the document itself (HTML `<meta charset>`); it is
 * only used when the bytes are not valid UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, hint?: string): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const t = tryDecode(utf8, bytes.subarray(3));
    return t === undefined
      ? { ok: false, reason: 'undecodable bytes (invalid UTF-8 after a UTF-8 BOM)' }
      : accept(t, 'utf-8-bom');
  }
  if (b0 === 0xff && b1 === 0xfe) {
    const t = tryDecode(utf16le, bytes.subarray(2));
    return t === undefined
      ? { ok: false, reason: 'undecodable bytes (invalid UTF-16LE after its BOM)' }
      : accept(t, 'utf-16le');
  }
  if (b0 === 0xfe && b1 === 0xff) {
    const t = tryDecode(utf16be, bytes.subarray(2));
    return t === undefined
      ? { ok: false, reason: 'undecodable bytes (invalid UTF-16BE after its BOM)' }
      : accept(t, 'utf-16be');
  }
  if (bytes.includes(0)) {
    const parity = utf16Parity(bytes);
    if (parity) {
      const t = tryDecode(parity === 'le' ? utf16le : utf16be, bytes);
      if (t !== undefined && controlShare(t) <= MAX_CONTROL_SHARE) {
        return accept(t, `utf-16${parity}`);
      }
    }
    return { ok: false, reason: 'binary file (contains NUL bytes)' };
  }
  const t = tryDecode(utf8, bytes);
  if (t !== undefined) return accept(t, 'utf-8');
  const legacy = cp1256.decode(bytes);
  const { share, arabic } = arabicShare(legacy);
  const hinted = hint !== undefined && /^(windows-1256|cp1256|x-cp1256)$/i.test(hint);
  if (arabic > 0 && (share >= MIN_ARABIC_SHARE || hinted)) return accept(legacy, 'windows-1256');
  return {
    ok: false,
    reason: 'undecodable bytes (not UTF-8, not UTF-16 and not Arabic windows-1256)',
  };
}
