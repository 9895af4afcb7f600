import { DocumentMetadata, DocumentTitle, Tags } from '@ragstream/contracts';
import { DomainError, invalid } from '@ragstream/domain';
import { RequestValidationError } from '@ragstream/platform';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

export interface Upload {
  readonly bytes: Buffer;
  readonly mediaType?: string;
  readonly fileName?: string;
  readonly title?: string;
  readonly tags: string[];
  readonly metadata: DocumentMetadata;
}

const Fields = z.object({
  title: DocumentTitle.optional(),
  tags: z.preprocess((v) => (v === undefined ? [] : String(v).split(',').map((t) => t.trim()).filter(Boolean)), Tags),
  metadata: z.preprocess((v) => (v === undefined ? {} : parseJson(String(v))), DocumentMetadata),
});

/** Reads one `file` part and the optional `title`, `tags`, `metadata` fields of a multipart/form-data request. */
export async function readMultipartUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw invalid('REQUEST.NOT_MULTIPART', 'send the file as multipart/form-data with a `file` part');
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; mediaType?: string; fileName?: string } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 64 * 1024 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new RequestValidationError([{ path: `body.${part.fieldname}`, message: 'the file part must be named `file`' }]);
        file = { bytes: await part.toBuffer(), mediaType: part.mimetype, fileName: part.filename || undefined };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('DOCUMENT.TOO_LARGE', 'too-large', `the file is larger than the limit of ${maxBytes} bytes`, { limit: maxBytes });
    }
    throw error;
  }
  if (!file) throw new RequestValidationError([{ path: 'body.file', message: 'a `file` part is required' }]);
  const parsed = Fields.safeParse(fields);
  if (!parsed.success) {
    throw RequestValidationError.fromZod('body', parsed.error);
  }
  return { ...file, ...parsed.data, title: parsed.data.title };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // the schema then reports that metadata must be an object
  }
}
