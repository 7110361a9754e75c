/**
 * Locates the first syntax error of a text that `JSON.parse` rejects, as a 1-based line and
 * column. Returns undefined when `JSON.parse` accepts the text: `JSON.parse` decides what is
 * valid, and the scanner below only finds the position. The scanner is needed because Node 20
 * leaves the offset out of several messages, such as the one for a trailing comma.
 */
export function locateJsonError(text: string): { line: number; column: number } | undefined {
  let message: string;
  try {
    JSON.parse(text);
    return undefined;
  } catch (cause) {
    message = cause instanceof Error ? cause.message : String(cause);
  }

  const reported = /at position (\d+)/.exec(message);
  const offset = jsonSyntaxErrorOffset(text) ?? (reported ? Number(reported[1]) : text.length);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Thrown inside the scanner to stop at the offset of the first error. */
class SyntaxStop {
  constructor(readonly offset: number) {}
}

/**
 * Scans `text` by the JSON grammar of RFC 8259 and returns the offset (in UTF-16 code units)
 * of the first character that breaks it, or undefined when the text is JSON. A nesting too
 * deep for the call stack also gives undefined, and the caller then uses its own fallback.
 */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  let index = 0;
  const stop = (): never => {
    throw new SyntaxStop(index);
  };
  const skipWhitespace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
  };
  const consume = (character: string) => {
    if (text[index] !== character) stop();
    index++;
  };

  const scanString = () => {
    consume('"');
    for (;;) {
      const character = text[index];
      if (character === undefined || character < ' ') stop();
      if (character === '"') {
        index++;
        return;
      }
      if (character !== '\\') {
        index++;
        continue;
      }
      index++;
      const escape = text[index];
      if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
        index++;
      } else if (escape === 'u') {
        index++;
        for (let digit = 0; digit < 4; digit++) {
          if (!/[0-9a-fA-F]/.test(text[index] ?? '')) stop();
          index++;
        }
      } else {
        stop();
      }
    }
  };

  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const scanNumber = () => {
    numberPattern.lastIndex = index;
    if (!numberPattern.test(text)) stop();
    index = numberPattern.lastIndex;
  };

  const scanValue = (): void => {
    skipWhitespace();
    const character = text[index] ?? '';
    if (character === '{') {
      scanMembers('}', scanProperty);
    } else if (character === '[') {
      scanMembers(']', scanValue);
    } else if (character === '"') {
      scanString();
    } else if (character === '-' || (character >= '0' && character <= '9')) {
      scanNumber();
    } else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, index));
      if (literal === undefined) stop();
      index += literal?.length ?? 0;
    }
  };

  const scanProperty = () => {
    scanString();
    skipWhitespace();
    consume(':');
    scanValue();
  };

  // Scans an object or array after its opening bracket: members separated by commas, no trailing comma.
  const scanMembers = (closing: string, scanMember: () => void) => {
    index++;
    skipWhitespace();
    if (text[index] === closing) {
      index++;
      return;
    }
    for (;;) {
      skipWhitespace();
      scanMember();
      skipWhitespace();
      if (text[index] !== ',') break;
      index++;
    }
    consume(closing);
  };

  try {
    scanValue();
    skipWhitespace();
    if (index < text.length) stop();
    return undefined;
  } catch (cause) {
    if (cause instanceof SyntaxStop) return cause.offset;
    if (cause instanceof RangeError) return undefined;
    throw cause;
  }
}
