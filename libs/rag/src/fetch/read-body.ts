import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError } from './fetch.error';

/** Reads the body, refusing it as soon as it grows past `maxBytes` (decompressed, so a zip bomb stops early). */
export async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const body = decoded(response);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      response.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

/** The error for a body over the limit, shared with the Content-Length check. */
export function tooLarge(maxBytes: number): FetchError {
  return new FetchError('URL.TOO_LARGE', `the response is larger than the limit of ${maxBytes} bytes`);
}

const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return response;
  const decoder = DECODERS[encoding];
  if (!decoder) {
    response.destroy();
    throw new FetchError('URL.UNSUPPORTED_CONTENT_TYPE', `unsupported content encoding "${encoding}"`);
  }
  // pipeline, unlike pipe, passes a failure of the response on, so the reader never waits forever.
  return pipeline(response, decoder(), () => undefined);
}
