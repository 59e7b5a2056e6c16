// A spec's bytes as text. docutils, Sphinx and the specs repos' tests read specs as UTF-8 and fail
// on a byte that is not (UnicodeDecodeError; Sphinx's "undecodable source characters" under -W).
// A lossy decode turns each such byte into U+FFFD: checked, it is the file's text with the byte
// replaced, but written back it would destroy the byte, so whoever writes must know (cli/fix.ts).

/** Where the first byte that is not UTF-8 stands, 0-based, lines ended by \n, \r\n or \r (as editors count). */
export interface UndecodableByte {
  readonly byte: number;
  readonly line: number;
  readonly character: number;
}

export interface DecodedSpec {
  /** The text, with U+FFFD for each byte that is not UTF-8. */
  readonly text: string;
  /** The first byte that is not UTF-8; undefined when the file decodes cleanly. */
  readonly undecodable?: UndecodableByte;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeSpec(bytes: Uint8Array): DecodedSpec {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    const before = lossy.decode(bytes.subarray(0, at));
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < before.length; i++) {
      const c = before.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && before.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
    return { text: lossy.decode(bytes), undecodable: { byte: bytes[at], line, character: before.length - lineStart } };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1];
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
