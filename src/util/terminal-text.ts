/**
 * Text from specs and targets on its way to a terminal: control characters (C0, DEL, C1) and
 * escape sequences are shown escaped (`\x1b[2J` prints as the 7 characters, it does not clear the
 * screen), so a hostile title, message or header value cannot move the cursor, rewrite earlier
 * lines, set the window title or hide text.
 */

/** Control characters but tab and newline. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Every control character of `text` escaped (untrusted text, before any colour is added). */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, escaped);
}

/** Colour sequences the tool itself writes: ESC [ digits and ; m. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/y;

/**
 * {@link escapeControl} for a finished line that may hold the tool's own colours: SGR colour
 * sequences are kept, every other control character is escaped.
 */
export function escapeControlKeepColour(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\u001b') {
      SGR.lastIndex = i;
      const m = SGR.exec(line);
      if (m !== null) {
        out += m[0];
        i += m[0].length - 1;
        continue;
      }
    }
    out += escapeControl(c);
  }
  return out;
}
