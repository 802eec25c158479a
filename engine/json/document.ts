import type { TextPosition } from './lines.ts';
import { LineIndex } from './lines.ts';
import { parsePointer } from './pointer.ts';
import type { Problem } from './problem.ts';
import { explainSyntaxError } from './syntax.ts';
import type { JsonNode, JsonTree } from './tree.ts';
import { buildJsonTree } from './tree.ts';
import { describeValue } from './describe.ts';

/** A JSON file read for validation: its value, its syntax problems, and where each value sits. */
export interface JsonDocument {
  readonly file: string;
  readonly text: string;
  /** The value exactly as `JSON.parse` reads it; absent when the text is not valid JSON. */
  readonly value?: unknown;
  /** Syntax errors (at most one: later ones are mostly echoes) and duplicate-key warnings. */
  readonly problems: Problem[];
  /**
   * Line and column of the value at an RFC 6901 pointer. For a pointer that goes past what the
   * document holds (a missing property), the deepest value that exists: the enclosing object.
   */
  locate(pointer: string): TextPosition;
  /** Like `locate`, but for a pointer to an object member, the member's key (an unknown property). */
  locateKey(pointer: string): TextPosition;
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * Deeper than any file a person writes. The scanner recurses per level, so a hostile file nested
 * thousands deep would otherwise exhaust the stack (sooner in a browser worker than in Node).
 */
export const MAX_NESTING = 512;

/**
 * Parses strict JSON (RFC 8259: no comments, no trailing commas) and keeps every value's location.
 * Never throws: a syntax error is a located problem.
 * @example parseJsonDocument('{"a": 1 "b": 2}', 'x.json').problems[0] // 1:9 invalid JSON: expected ',' or '}'
 */
export function parseJsonDocument(text: string, file: string): JsonDocument {
  // A byte-order mark is not JSON, but editors write one; a space keeps every offset in place.
  const source = text.startsWith('\uFEFF') ? ' ' + text.slice(1) : text;
  const lines = new LineIndex(source);
  const tooDeep = findExcessiveNesting(source, MAX_NESTING);
  const tree = tooDeep === undefined ? buildJsonTree(source) : EMPTY_TREE;
  const problems: Problem[] = [];
  const problemAt = (offset: number, severity: Problem['severity'], pointer: string, message: string) => {
    const { line, column } = lines.position(offset);
    problems.push({ file, line, column, pointer, severity, message });
  };

  let value: unknown;
  let parsed = false;
  if (tooDeep !== undefined) {
    problemAt(tooDeep, 'error', '', `invalid JSON: nested more than ${MAX_NESTING} levels deep`);
  } else if (tree.syntaxError) {
    const { offset, message } = explainSyntaxError(source, tree.syntaxError);
    problemAt(offset, 'error', '', message);
  } else {
    try {
      value = JSON.parse(source);
      parsed = true;
    } catch (error) {
      // Only if the scanner accepted what JSON.parse rejects; JSON.parse has the last word.
      const message = error instanceof Error ? error.message : String(error);
      const position = /at position (\d+)/.exec(message);
      problemAt(position ? Number(position[1]) : 0, 'error', '', `invalid JSON: ${message}`);
    }
  }
  if (parsed) {
    for (const dup of tree.duplicates)
      problemAt(
        dup.keyOffset,
        'warning',
        dup.pointer,
        `duplicate property ${describeValue(dup.key)}: only the last one counts`,
      );
  }

  /** The value at `tokens`, or the deepest one on the way there that exists. */
  const deepest = (tokens: readonly string[]): JsonNode | undefined => {
    let node = tree.root;
    for (const token of tokens) {
      const next = node && child(node, token);
      if (!next) return node;
      node = next;
    }
    return node;
  };
  const exact = (tokens: readonly string[]): JsonNode | undefined => {
    let node = tree.root;
    for (const token of tokens) node = node && child(node, token);
    return node;
  };
  const locate = (pointer: string) => lines.position(deepest(parsePointer(pointer) ?? [])?.offset ?? 0);

  return {
    file,
    text,
    ...(parsed ? { value } : {}),
    problems,
    locate,
    locateKey: (pointer) => {
      const tokens = parsePointer(pointer) ?? [];
      if (tokens.length === 0) return locate(pointer);
      const member = exact(tokens.slice(0, -1))?.members?.get(tokens[tokens.length - 1]!);
      return member ? lines.position(member.keyOffset) : locate(pointer);
    },
  };
}

const EMPTY_TREE: JsonTree = { root: undefined, syntaxError: undefined, duplicates: [] };

/** Offset of the first bracket that opens a level beyond `limit`, outside strings; undefined if none. */
function findExcessiveNesting(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \\ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) {
      inString = true;
    } else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) {
      depth--;
    }
  }
  return undefined;
}

function child(node: JsonNode, token: string): JsonNode | undefined {
  if (node.type === 'object') return node.members!.get(token)?.value;
  if (node.type === 'array' && ARRAY_INDEX.test(token)) return node.items![Number(token)];
  return undefined;
}
