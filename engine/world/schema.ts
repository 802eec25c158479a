import { WORLD } from './assumptions.ts';
import type { CurveNode, FieldOf, Fields, IntegerNode, NumbersNode, NumNode, Shape } from './declare.ts';

export type { CurveNode, IntegerNode, NumbersNode, NumNode } from './declare.ts';

/*
 * The shape and domain of every world assumption, for checking a scenario's `world` block and for its
 * JSON Schema: read from the world's declaration (assumptions.ts), so the two cannot drift apart.
 */

export interface ObjectNode {
  readonly kind: 'object';
  readonly fields: ReadonlyMap<string, SchemaNode>;
  /** The fields are probabilities of one choice: at least one must be able to be positive. */
  readonly weights?: boolean;
  /** What a declared field means, and its source (absent on groups and inner table levels). */
  readonly about?: About;
}
/** A declared field's description and source, and its declared uncertainty when it has one. */
export interface About {
  readonly description: string;
  readonly source: string;
  /** p5–p95 of the field's default distribution (engine/world/uncertainty.ts), or why it is known. */
  readonly uncertainty?: string;
}
export type SchemaNode =
  | (NumNode & { readonly about?: About })
  | (CurveNode & { readonly about?: About })
  | (NumbersNode & { readonly about?: About })
  | (IntegerNode & { readonly about?: About })
  | ObjectNode;

function nodeOf(shape: Shape, about?: About): SchemaNode {
  if (shape.kind !== 'table') return about === undefined ? shape : { ...shape, about };
  const of = shape.of as Shape;
  return {
    kind: 'object',
    fields: new Map(shape.keys.map((key) => [key, nodeOf(of)])),
    weights: shape.weights,
    ...(about === undefined ? {} : { about }),
  };
}

function objectOf(fields: Fields): ObjectNode {
  return {
    kind: 'object',
    fields: new Map(
      Object.entries(fields).map(([key, d]) => [
        key,
        d.kind === 'group'
          ? objectOf(d.fields)
          : nodeOf(d.shape, {
              description: d.description,
              source: d.source,
              ...uncertaintyOf(d),
            }),
      ]),
    ),
    weights: false,
  };
}

/** How a field's uncertainty reads in the JSON Schema (docs/calibration.md, "Uncertainty"). */
function uncertaintyOf(d: FieldOf): { uncertainty?: string } {
  if (d.range !== undefined) {
    const what =
      d.shape.kind === 'table'
        ? 'a factor on every entry'
        : d.shape.kind === 'curve'
          ? 'its largest multiplier'
          : 'the value';
    return {
      uncertainty: `Uncertain by default: ${what} drawn per iteration, p5 ${d.range[0]}, p95 ${d.range[1]}, the default its median`,
    };
  }
  return d.known === undefined ? {} : { uncertainty: `Taken as known: ${d.known}` };
}

/** The schema of the whole world. */
export const WORLD_SCHEMA: ObjectNode = objectOf(WORLD);
