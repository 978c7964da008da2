/**
 * Where the benchmark types: at the end of the value of the first `name:` line from `from` on
 * (or, when none follows, the last one before it), inside the closing quote when the value is
 * quoted, so that each keystroke edits a name, as a person renaming something does. Typing after
 * a closing quote, or on the empty last line of a file, would make the YAML invalid instead.
 */
const NAME_LINE = /^\s+(?:- )?name: \S/;

export function editPoint(lines, from) {
  let line = from;
  while (line < lines.length && !NAME_LINE.test(lines[line])) line++;
  if (line === lines.length) for (line = Math.min(from, lines.length - 1); line > 0 && !NAME_LINE.test(lines[line]); line--);
  const text = lines[line].replace(/\s+#.*$/, '').replace(/\s+$/, '');
  const quoted = /["']$/.test(text) && /:\s+["']/.test(text);
  return { line, character: quoted ? text.length - 1 : text.length };
}
