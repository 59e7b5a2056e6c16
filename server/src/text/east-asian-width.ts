// Character width tables for docutils' `column_width()` (docutils/utils/__init__.py), which
// decides whether a title underline is "too short": East Asian Wide/Fullwidth characters count
// two columns, combining characters none. The tables were generated from Python's own
// `unicodedata` (every code point tested, ranges delta-encoded), so the quirks of that database
// (e.g. unassigned U+0378 reported as 'F') match docutils exactly.
// Source: Python 3.11.7 unicodedata (Unicode 14.0.0), the tables docutils' column_width() uses.
/** East Asian Width W or F: `gap.length` hex pairs, gap from the previous range's end. */
const WIDE =
  '378.1 7.3 8.0 2.0 15.0 18e.0 27.1 33.1 4.0 38.7 1c.3 7.a 10f.0 3d.1 66.d 3c.1 32.1 10.0 ' +
  '1d.1 2.0 c.4 20.0 3.5 ed.0 9.1 3.1 17.0 8.0 2.2 5.1 a.1 3.1 5.7 2.3 3.0 6.1 1a.1 4.0 7.3 ' +
  '3.1 17.0 8.0 3.0 3.0 3.1 2.0 6.3 3.1 4.2 2.6 5.0 2.6 12.9 4.0 a.0 4.0 17.0 8.0 3.0 6.1 b.0 ' +
  '4.0 4.1 2.e 5.1 d.6 8.0 4.0 9.1 3.1 17.0 8.0 3.0 6.1 a.1 3.1 4.6 4.3 3.0 6.1 13.9 3.0 7.2 ' +
  '4.0 5.2 3.0 2.0 3.2 3.2 4.2 d.3 6.2 4.0 5.1 2.5 2.d 16.4 e.0 4.0 18.0 11.1 a.0 4.0 5.6 3.0 ' +
  '4.1 2.1 5.1 b.6 17.0 4.0 18.0 b.0 6.1 a.0 4.0 5.6 3.5 3.0 5.1 b.0 3.c e.0 4.0 34.0 4.0 7.3 ' +
  '11.1 1b.0 4.0 13.2 19.0 a.0 2.1 8.2 2.3 7.0 2.0 9.5 b.1 4.b 3b.3 1e.24 3.0 2.0 6.0 19.0 2.0 ' +
  '18.1 6.0 2.0 7.1 b.1 5.1f 49.0 25.3 28.0 25.0 10.0 e.24 c7.0 2.4 2.1 31.5f ea.0 5.1 8.0 2.0 ' +
  '5.1 2a.0 5.1 22.0 5.1 8.0 2.0 5.1 10.0 3a.0 5.1 44.1 21.2 1b.5 57.1 7.1 29e.2 5a.6 17.8 ' +
  '19.8 15.b e.0 4.0 3.b 5f.1 b.5 b.5 1b.5 5a.6 2c.4 47.9 20.0 d.3 d.3 2.2 2b.1 6.a 2d.3 1b.5 ' +
  'c.2 3f.1 42.0 1e.1 c.5 b.5 f.1 20.30 4e.2 30.0 75.7 3d.2 10.2 3d.6 2c.1 c.7 2c.4 217.1 7.1 ' +
  '27.1 7.1 9.0 2.0 2.0 2.0 20.1 36.0 10.0 f.1 7.0 14.1 4.0 a.0 66.0 d.1 1c.0 e.2 22.e 22.e ' +
  '8d.3 18b.1 e.1 bf.3 4.0 3.0 34.18 c.14 19e.1 16.1 33.b 2c.0 14.0 e.0 9.1 12.1 6.1 9.0 6.0 ' +
  '16.0 8.1 2.0 5.0 3.0 8.0 5.1 1d.0 24.0 2.0 5.2 2.0 3e.2 19.0 f.0 35c.1 34.0 5.0 1f.1 21.0 ' +
  '15e.4 2e.0 2.4 2.1 39.6 3.d 19.8 8.0 8.0 8.0 8.0 8.0 8.0 8.0 8.0 7f.1e0 2.207 9.1b6f ' +
  '41.56cf 15d.13 b9.7 cc.4 3.0 2.0 6.17 3c.2 b.5 39.7 47.7 d.5 75.a 2.1f 4f.0 c.3 22.0 38.8 ' +
  'f.1 b.1 68.17 1d.9 7.1 7.1 7.8 8.0 8.0 3d.3 7f.1 b.2bb5 18.3 32.3 2101.1ff 8.b 6.4 1b.0 6.0 ' +
  '2.0 3.0 3.0 7e.f 1be.1 37.6 2.1f 21.f 11.3f 6.0 88.1 2.60 5f.2 7.1 7.1 7.1 4.a 8.9 6.1 d.0 ' +
  '1b.0 14.0 3.0 10.1 f.21 7c.4 4.3 2e.2 59.0 e.2 2.2e 2f.81 1e.2 32.e 1d.3 25.8 1f.4 2c.4 ' +
  '1f.0 26.3 f.29 9f.1 b.5 25.3 25.3 29.7 35.a d.0 10.0 8.0 3.0 c.0 10.0 8.0 3.42 138.8 17.9 ' +
  '9.17 7.0 2b.0 a.44 7.1 2.0 2d.0 3.2 2.1 18.0 49.7 a.2f 14.0 3.4 22.2 1c.4 2.3f 39.3 15.1 ' +
  '33.0 3.4 9.0 4.0 1e.1 4.3 b.6 a.6 41.1f 28.3 d.8 37.2 1e.1 1c.4 1b.6 5.b 8.4f 4a.36 34.c ' +
  '34.6 2f.7 b.125 20.0 2b.0 4.1 3.4d 29.7 2b.15 1b.25 1d.13 18.8 4f.3 25.8 45.9 2.1 1a.6 b.5 ' +
  '36.0 13.7 28.8 61.0 15.a 13.0 2d.40 8.0 2.0 5.0 10.0 c.5 3c.4 b.5 5.0 9.1 3.1 17.0 8.0 3.0 ' +
  '6.0 b.1 3.1 4.1 2.5 2.4 8.1 8.2 6.8a 5d.0 6.1d 49.7 b.a5 37.1 27.21 46.a b.5 e.12 3b.5 b.35 ' +
  '1c.1 10.3 18.b8 3d.63 54.b 9.1 2.1 9.0 3.0 1f.0 3.1 d.8 b.45 9.1 2f.1 c.1a 49.7 54.c 4a.106 ' +
  'a.0 2e.0 f.9 1e.2 21.1 17.0 f.48 8.0 3.0 2d.2 2.0 3.0 a.7 b.5 7.0 3.0 26.0 3.0 7.6 b.135 ' +
  '1a.b6 2.e 33.c 39c.65 70.0 6.a c5.a4b 64.c 430.0 a.fc6 248.21b8 23a.6 20.0 b.3 52.0 b.5 ' +
  '1f.1 7.9 47.9 b.0 8.0 16.4 14.2af 5c.64 4c.3 3a.6 12.4c5f 6c.4 e.2 a.6 b.1 9.125b 2f.1 18.8 ' +
  '75.3b f7.9 28.1 c3.14 47.99 15.b 58.8 1a.86 56.0 48.0 3.1 2.1 3.1 5.0 d.0 2.0 8.0 42.0 5.1 ' +
  '9.0 8.0 1d.0 5.0 6.0 2.2 8.0 155.1 125.1 2bf.e 6.0 10.44f 20.e0 8.0 12.1 8.0 3.0 6.d4 2e.2 ' +
  'f.1 b.3 3.13f 20.10 3b.4 2.4df 8.0 5.0 3.0 10.0 c6.1 11.28 4d.3 b.3 3.310 45.4b 3e.c1 5.0 ' +
  '1c.0 3.0 2.1 2.0 b.0 5.0 2.0 2.5 2.3 2.0 2.0 2.0 4.0 3.0 2.1 2.0 2.0 2.0 2.0 2.0 3.0 2.1 ' +
  '5.0 8.0 5.0 5.0 2.0 b.0 12.4 4.0 6.0 12.33 3.10d 5.0 28.3 65.b 10.1 10.0 f.1 26.9 8f.0 3.9 ' +
  '14.37 1b.120 d.8 2.45 2.15 d.2a 5.4 d.10 4.0 4.46 2.0 2.ba 3.3e e.3 2.17 13.0 1b.1 e.0 ' +
  '57.54 31.45 7.0 4.2 3.a c.4 5.b 75.b 5a.26 d.3 39.7 b.5 29.7 1f.1 3.4d d.2e 2.9 2.b8 55.b ' +
  'f.91 94.0 38.24 b.c0406 2.1d 61.7f f1.fe0f ffff.1 ffff.1';

/** Canonical combining class != 0, same encoding. */
const COMBINING =
  '300.4e 2.1f 114.4 10a.2c 2.0 2.1 2.1 2.0 49.a 31.14 11.0 66.6 3.5 3.1 2.3 24.0 1f.1a a1.8 ' +
  'a.0 19.3 2.8 2.2 2.4 2c.2 3d.7 2b.17 2.1c 3d.0 11.0 4.3 68.0 11.0 31.0 3e.0 11.0 6f.0 11.0 ' +
  '6f.0 11.0 80.0 6f.0 11.0 8.1 66.0 11.0 6e.1 11.0 7d.0 6e.2 e.3 6d.2 e.3 4d.1 1c.0 2.0 2.0 ' +
  '38.1 2.0 6.3 3.0 2.2 2.1 3f.0 71.0 2.1 53.0 2d0.2 3b5.1 1f.0 9e.0 b.0 cc.0 90.2 dc.1 48.0 ' +
  '15.7 3.0 31.d 2.f 66.0 10.0 27.8 37.1 3b.0 c.1 44.0 99.2 2.c 2.6 5.0 7.0 4.1 c7.3f 2d1.c ' +
  '5.0 4.b bff.2 8e.0 61.1f 22b.5 6a.1 75d5.0 5.9 21.1 51.1 115.0 26.0 98.0 1c.11 3a.2 26.0 ' +
  '60.0 d.0 f0.0 2.2 3.1 6.1 2.0 35.0 f7.0 4f31.0 302.f 3ce.0 e3.0 96.4 693.0 2.0 29.2 5.0 ' +
  'a6.1 23e.3 184.1 9a.a 32.3 c1.0 2a.0 f.0 3a.1 46.2 31.1 3f.0 4d.0 a.0 6b.1 b3.1 51.1 11.0 ' +
  '19.6 4.4 ce.0 4.0 18.0 64.1 fc.1 7f.0 77.1 74.0 10e.1 103.1 5.0 9d.0 54.0 13.0 52.0 1a6.0 ' +
  '103.0 2.1 52.0 4d59.4 3c.6 4ba.1 4cad.0 14c7.4 4.5 9.7 3.6 1f.3 95.2 dbc.6 2.10 3.6 2.1 2.4 ' +
  '106.6 178.0 3e.3 5e1.6 6e.6';

function decode(table: string): Uint32Array {
  const tokens = table.split(' ');
  const out = new Uint32Array(tokens.length * 2);
  let prev = 0;
  for (let i = 0; i < tokens.length; i++) {
    const dot = tokens[i].indexOf('.');
    const start = prev + parseInt(tokens[i].slice(0, dot), 16);
    const end = start + parseInt(tokens[i].slice(dot + 1), 16);
    out[2 * i] = start;
    out[2 * i + 1] = end;
    prev = end;
  }
  return out;
}

let wide: Uint32Array | undefined;
let combining: Uint32Array | undefined;

function inRanges(ranges: Uint32Array, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** unicodedata.east_asian_width(c) in ('W', 'F') */
export function isWide(cp: number): boolean {
  if (cp < 0x378) return false;
  return inRanges((wide ??= decode(WIDE)), cp);
}

/** unicodedata.combining(c) != 0 */
export function isCombining(cp: number): boolean {
  if (cp < 0x300) return false;
  return inRanges((combining ??= decode(COMBINING)), cp);
}
