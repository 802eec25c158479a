import { visit } from 'jsonc-parser';
import type { ParseErrorCode } from 'jsonc-parser';
import { joinPointer } from './problem.ts';

/** A JSON value with the offset where it starts in the text (its first character). */
export interface JsonNode {
  readonly type: 'object' | 'array' | 'value';
  readonly offset: number;
  /** Object members by key. Of duplicate keys the last wins, as in `JSON.parse`. */
  readonly members?: Map<string, JsonMember>;
  readonly items?: JsonNode[];
}

export interface JsonMember {
  /** Offset of the key's opening quote. */
  readonly keyOffset: number;
  readonly value: JsonNode;
}

/** The first syntax error, with the context needed to explain it. */
export interface SyntaxErrorAt {
  readonly code: ParseErrorCode;
  readonly offset: number;
  readonly length: number;
  /** The container being read when the error occurred, if any. */
  readonly inside: 'object' | 'array' | undefined;
  /** Whether a complete top-level value had been read already. */
  readonly afterRoot: boolean;
}

export interface DuplicateKey {
  readonly pointer: string;
  readonly key: string;
  readonly keyOffset: number;
}

export interface JsonTree {
  readonly root: JsonNode | undefined;
  readonly syntaxError: SyntaxErrorAt | undefined;
  readonly duplicates: DuplicateKey[];
}

interface Open {
  readonly node: JsonNode;
  readonly pointer: string;
  pendingKey?: { name: string; offset: number };
}

/**
 * Reads strict JSON (no comments, no trailing commas) into a tree of offsets, keeping the first
 * syntax error and every duplicate key. Values are not kept: `JSON.parse` produces them.
 */
export function buildJsonTree(text: string): JsonTree {
  let root: JsonNode | undefined;
  let syntaxError: SyntaxErrorAt | undefined;
  const duplicates: DuplicateKey[] = [];
  const stack: Open[] = [];

  const attach = (node: JsonNode): string => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      root ??= node;
      return '';
    }
    if (parent.node.type === 'array') {
      const items = parent.node.items!;
      items.push(node);
      return joinPointer(parent.pointer, items.length - 1);
    }
    const key = parent.pendingKey;
    parent.pendingKey = undefined;
    if (!key) return parent.pointer; // only after a syntax error, which ends the useful tree anyway
    const pointer = joinPointer(parent.pointer, key.name);
    const members = parent.node.members!;
    if (members.has(key.name)) duplicates.push({ pointer, key: key.name, keyOffset: key.offset });
    members.set(key.name, { keyOffset: key.offset, value: node });
    return pointer;
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => {
        const node: JsonNode = { type: 'object', offset, members: new Map() };
        stack.push({ node, pointer: attach(node) });
      },
      onArrayBegin: (offset) => {
        const node: JsonNode = { type: 'array', offset, items: [] };
        stack.push({ node, pointer: attach(node) });
      },
      onObjectEnd: () => void stack.pop(),
      onArrayEnd: () => void stack.pop(),
      onObjectProperty: (name: string, offset) => {
        const top = stack[stack.length - 1];
        if (top) top.pendingKey = { name, offset };
      },
      onLiteralValue: (_value: unknown, offset) => void attach({ type: 'value', offset }),
      onError: (code, offset, length) => {
        if (syntaxError) return; // later errors are mostly echoes of the first
        const top = stack[stack.length - 1];
        const inside = top ? (top.node.type === 'object' ? 'object' : 'array') : undefined;
        syntaxError = { code, offset, length, inside, afterRoot: !top && root !== undefined };
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return { root, syntaxError, duplicates };
}
