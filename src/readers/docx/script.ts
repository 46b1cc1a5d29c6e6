// Which characters Word sets in the East-Asian font (one grid cell each) and which in the Latin
// font (about half a cell). Punctuation shared by both scripts follows the run's w:hint.

/** 0: Latin; 1: East-Asian; 2: ambiguous (East-Asian only in an eastAsia-hinted run). */
export function scriptClass(code: number): 0 | 1 | 2 {
  if (code < 0x2000) {
    // Latin-1 punctuation Chinese text uses as full-width: · × ÷ ° ± § ¨.
    if (code === 0xb7 || code === 0xd7 || code === 0xf7 || code === 0xb0 || code === 0xb1 || code === 0xa7 || code === 0xa8) return 2;
    return 0;
  }
  if (code <= 0x206f) return 2; // General punctuation: — ‘’ “” … ‰ ※
  if (code >= 0x2100 && code <= 0x27bf) return 2; // letterlike (℃ №), arrows, maths, enclosed ①, shapes ■□, dingbats
  if (code >= 0x2e80 && code <= 0x9fff) return 1; // radicals, CJK punctuation 、。《》「」, kana, CJK ideographs
  if (code >= 0xa960 && code <= 0xa97f) return 1;
  if (code >= 0xac00 && code <= 0xd7ff) return 1; // Hangul
  if (code >= 0xf900 && code <= 0xfaff) return 1; // compatibility ideographs
  if (code >= 0xfe10 && code <= 0xfe1f) return 1; // vertical forms
  if (code >= 0xfe30 && code <= 0xfe6f) return 1; // CJK compatibility forms, small forms
  if (code >= 0xff00 && code <= 0xffef) return code >= 0xff61 && code <= 0xff9f ? 0 : 1; // full-width forms (not half-width kana)
  if (code >= 0x20000 && code <= 0x3ffff) return 1; // supplementary ideographs
  return 0;
}
