import { parseWorkspace, type Workspace } from './workspace.ts';

/** The key of a shared workspace in the URL's hash: `#w=<compressed workspace>`. */
export const HASH_KEY = 'w';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A workspace as URL-safe text: JSON, deflated (raw), base64url. */
export async function encodeWorkspace(ws: Workspace): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(ws));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The workspace in a share link's text; throws `invalid share link: …` for text that is not one. */
export async function decodeWorkspace(text: string): Promise<Workspace> {
  let json: string;
  try {
    json = new TextDecoder().decode(await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('invalid share link: the link is incomplete or damaged (copy it again in full)');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('invalid share link: its content is not a workspace');
  }
  try {
    return parseWorkspace(value);
  } catch (error) {
    throw new Error(`invalid share link: ${(error as Error).message.replace(/^invalid workspace: /, '')}`);
  }
}

/** The shared workspace text in a URL hash (`#w=…`), or undefined. */
export function hashPayload(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(HASH_KEY) ?? undefined;
}

/** A link to `base` (the page's URL without its hash) that opens `ws`. */
export async function shareUrl(base: string, ws: Workspace): Promise<string> {
  return `${base.replace(/#.*$/, '')}#${HASH_KEY}=${await encodeWorkspace(ws)}`;
}
