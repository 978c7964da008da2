/**
 * Where the cursor is in the YAML structure, read from indentation alone. Completion runs while
 * the user types, when the text is often not valid YAML yet (`emp` on its own line), so it
 * cannot rely on the parsed tree.
 */
export interface TextContext {
  /** Keys from the document root to the map the cursor is in; `[]` marks a list item. */
  readonly path: readonly string[];
  /** The key on the cursor line, when the cursor is in its value. */
  readonly key?: string;
  readonly inValue: boolean;
  /** What is typed so far of the key or value. */
  readonly prefix: string;
  /** Offset (in the text given) where the typed prefix starts. */
  readonly prefixStart: number;
  /** Offset where the word under the cursor ends: a completion replaces the whole word. */
  readonly wordEnd: number;
}

interface LineShape {
  readonly indent: number;
  readonly keyColumn: number;
  readonly dash: boolean;
  readonly key?: string;
}

/**
 * Splits a line into indentation, list dashes and the rest. The `s` flag matters: a line may hold
 * a lone CR, U+2028 or U+2029 (pasted text, CR-only files), which `.` would not match.
 */
const LINE = /^(\s*)((?:-\s+)*)(.*)$/s;

const KEY = /^([^\s:#'"-][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

function shape(line: string): LineShape | undefined {
  const m = LINE.exec(line)!;
  const rest = m[3];
  if (rest.startsWith('#') || (rest === '' && m[2] === '')) return undefined;
  const key = KEY.exec(rest)?.[1]?.replace(/^["']|["']$/g, '');
  return { indent: m[1].length, keyColumn: m[1].length + m[2].length, dash: m[2].length > 0, key };
}

export function textContextAt(text: string, offset: number): TextContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const m = LINE.exec(before)!;
  const keyColumn = m[1].length + m[2].length;
  const keyMatch = /^([^\s:#'"][^:#]*?)\s*:\s*(.*)$/s.exec(m[3]);
  const inValue = keyMatch !== null;
  const prefix = inValue ? keyMatch[2].replace(/^["']/, '') : m[3];
  const path: string[] = [];
  let target = keyColumn;
  let inItem = m[2].length > 0;
  if (inItem) {
    path.unshift('[]');
    target = m[1].length;
  }
  const lines = text.slice(0, lineStart).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].replace(/\r$/, '');
    if (/^(---|\.\.\.)(\s|$)/.test(line)) break;
    const s = shape(line);
    if (!s || s.keyColumn > target) continue;
    if (s.keyColumn === target && !inItem) {
      // A sibling key; if it opens a list item, our map is that item.
      if (s.dash) {
        path.unshift('[]');
        target = s.indent;
        inItem = true;
      }
      continue;
    }
    if (inItem && s.dash && s.indent === target) continue; // a sibling item
    if (inItem && !s.dash && s.keyColumn === target && s.key !== undefined) {
      path.unshift(s.key); // a compact list: `key:` then `- item` at the same column
      inItem = false;
      continue;
    }
    if (s.keyColumn < target && s.key !== undefined) {
      path.unshift(s.key);
      target = s.dash ? s.indent : s.keyColumn;
      inItem = s.dash;
      if (s.dash) path.unshift('[]');
    }
  }
  const prefixStart = offset - prefix.length;
  const rest = /^[^\s#:"']*/.exec(text.slice(offset))![0];
  return { path, key: inValue ? keyMatch[1] : undefined, inValue, prefix, prefixStart, wordEnd: offset + rest.length };
}
