/**
 * The name search's `*` wildcard (DOC pashouders/zoeken-van-pashouders.md:
 * name and firstName take `*`), matched without a regular expression: the
 * pieces between the stars are found left to right with indexOf, each at the
 * first place it fits. No backtracking, so the cost stays at most
 * pattern × value whatever the stars (a `.*` pattern took 25 s in main on a
 * 100-character name with six stars, freezing eID reading and IPC).
 */

/** Case folding both sides get (the old pattern's `iu` flags). */
const fold = (text: string) => text.toLowerCase();

/** `*` matches any run of characters, anything else itself, case-insensitively; the whole value, the pattern trimmed. */
export function matchesWildcard(pattern: string, value: string): boolean {
  const pieces = fold(pattern.trim()).split('*');
  const text = fold(value);
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return text === first;
  const last = pieces.at(-1) ?? '';
  // The first piece is a prefix, the last a suffix, and they may not overlap.
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let position = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = text.indexOf(piece, position);
    if (at === -1 || at + piece.length > end) return false;
    position = at + piece.length;
  }
  return true;
}
