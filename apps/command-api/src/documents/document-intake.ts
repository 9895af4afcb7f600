import { Inject, Injectable } from '@nestjs/common';
import type { DocumentFormat, SourceType } from '@ragstream/contracts';
import { DomainError, invalid } from '@ragstream/domain';
import { detectFormat, ExtractionError, fetchUrl, FetchError } from '@ragstream/rag';
import { DOCUMENT_LIMITS, type DocumentLimits } from './document-limits';

/** Bytes ready to store, with how to read them. */
export interface Intake {
  readonly type: SourceType;
  readonly bytes: Buffer;
  readonly format: DocumentFormat;
  readonly mediaType: string;
  readonly fileName?: string;
  readonly url?: string;
}

const TEXT_MEDIA: Record<string, string> = {
  text: 'text/plain', markdown: 'text/markdown', html: 'text/html', json: 'application/json', csv: 'text/csv', vtt: 'text/vtt', srt: 'application/x-subrip',
};

/** Turns a text body, a URL or an upload into checked bytes; refusals carry the reason and write nothing. */
@Injectable()
export class DocumentIntake {
  constructor(@Inject(DOCUMENT_LIMITS) private readonly limits: DocumentLimits) {}

  fromText(text: string, format: DocumentFormat): Intake {
    const bytes = Buffer.from(text, 'utf8');
    this.checkSize(bytes.byteLength);
    return { type: 'text', bytes, format, mediaType: TEXT_MEDIA[format] ?? 'text/plain' };
  }

  async fromUrl(url: string): Promise<Intake> {
    try {
      const { maxBytes, timeoutMs, maxRedirects, allowList } = this.fetchOptions();
      const fetched = await fetchUrl(url, { maxBytes, timeoutMs, maxRedirects, allowList });
      const format = this.format(fetched.bytes, fetched.mediaType, fetched.fileName);
      return { type: 'url', bytes: fetched.bytes, format, mediaType: fetched.mediaType, fileName: fetched.fileName, url: fetched.finalUrl };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const category = error.code === 'URL.TOO_LARGE' ? 'too-large' : 'validation';
      throw new DomainError(error.code, category, `could not ingest ${url}: ${error.reason}`, { url });
    }
  }

  fromUpload(bytes: Buffer, mediaType: string | undefined, fileName: string | undefined): Intake {
    this.checkSize(bytes.byteLength);
    const format = this.format(bytes, mediaType, fileName);
    return { type: 'upload', bytes, format, mediaType: mediaType || 'application/octet-stream', fileName };
  }

  private format(bytes: Buffer, mediaType: string | undefined, fileName: string | undefined): DocumentFormat {
    if (bytes.byteLength === 0) throw invalid('DOCUMENT.EMPTY', 'the document is empty');
    try {
      return detectFormat({ bytes, mediaType, fileName });
    } catch (error) {
      if (error instanceof ExtractionError) throw new DomainError(error.code, 'validation', error.reason, { mediaType, fileName });
      throw error;
    }
  }

  private checkSize(size: number): void {
    if (size > this.limits.DOCUMENT_MAX_BYTES) {
      throw new DomainError('DOCUMENT.TOO_LARGE', 'too-large', `the document is ${size} bytes; the limit is ${this.limits.DOCUMENT_MAX_BYTES}`, {
        limit: this.limits.DOCUMENT_MAX_BYTES,
      });
    }
  }

  private fetchOptions() {
    const l = this.limits;
    return { maxBytes: l.DOCUMENT_MAX_BYTES, timeoutMs: l.URL_FETCH_TIMEOUT_MS, maxRedirects: l.URL_FETCH_MAX_REDIRECTS, allowList: l.URL_FETCH_ALLOW_LIST };
  }
}
