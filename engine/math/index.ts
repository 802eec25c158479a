/**
 * Deterministic elementary functions: the same bits in every JavaScript engine.
 *
 * Math.exp, Math.log, Math.cos, Math.pow … are implementation-defined (ECMA-262 only asks for an
 * "approximation"), and engines change them: Node 20 (V8 11.3) computes them with V8's port of fdlibm,
 * while Debian's Chromium 156 computes them with a different, nearly correctly rounded library and
 * disagrees by 1 ulp on up to 10 % of the engine's inputs (exp ~10 %, pow 1–10 %, log ~7 % of the
 * uniforms near 1, tan ~4 %, cos ~3 %, log1p <0.1 %). A Monte Carlo result must not depend on the
 * engine it ran in, so the engine calls these functions instead: fdlibm 5.3's algorithms transcribed to
 * IEEE-754 double arithmetic (+ − × ÷ and Math.sqrt/abs/floor, all exactly rounded by the spec) and bit
 * access through a typed-array view. JavaScript forbids fused or extended-precision arithmetic, so every
 * engine computes the same bits.
 *
 * The special-case handling follows V8's adaptation of fdlibm (src/base/ieee754.cc, V8 11.3), so these
 * functions return exactly what Node 20's Math.* returns: switching the engine over leaves the CLI's
 * results unchanged. Accuracy is fdlibm's: an error below 1 ulp, i.e. the correctly rounded result or its
 * neighbour. No function allocates.
 *
 * Engine code calls these rather than Math.exp, Math.log, Math.log1p, Math.pow (and `**` with anything
 * but a power of two), Math.cos and Math.tan. Math.sqrt, abs, floor, ceil, round, min, max and imul are
 * exact by the spec and stay. No other transcendental function (sin, atan, expm1, cbrt, …) is ported:
 * one the engine needs must be added here first.
 */

export { exp, log, log1p } from './exp-log.ts';
export { pow } from './pow.ts';
export { cos, tan } from './trig.ts';
