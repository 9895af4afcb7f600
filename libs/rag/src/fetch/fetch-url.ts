import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { refusal, guardedLookup } from './address.guard';
import { AllowList, normalizeHost } from './allow-list';
import { DEFAULT_ALLOWED_CONTENT_TYPES, isAllowedMediaType, mediaTypeOf } from './content-type.policy';
import { FetchError } from './fetch.error';
import type { FetchedResource, FetchOptions } from './fetch-options';
import { fileNameFromDisposition, fileNameFromUrl } from './file-name';
import { httpGet } from './http-get';
import { readBody, tooLarge } from './read-body';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Policy {
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly allowedContentTypes: readonly string[];
  readonly allowList: AllowList;
  readonly headers: Record<string, string>;
}

/** Fetches a document from a user-supplied URL without letting it reach internal networks. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedResource> {
  let target = parseTarget(url);
  const policy = policyOf(options);
  const lookup = guardedLookup(policy.allowList);
  const timeoutMs = options.timeoutMs ?? 15_000;
  // One deadline for every hop and the body, so redirects cannot stretch the total time.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      refuseInternalLiteral(target, policy.allowList);
      const response = await httpGet(target, policy.headers, lookup, deadline.signal);
      const location = REDIRECTS.has(response.statusCode ?? 0) ? response.headers.location : undefined;
      if (location === undefined) return await accept(response, target, policy);
      response.destroy();
      if (redirects >= policy.maxRedirects) {
        throw new FetchError('URL.TOO_MANY_REDIRECTS', `more than ${policy.maxRedirects} redirects`);
      }
      target = parseTarget(new URL(location, target).href);
    }
  } catch (error) {
    throw asFetchError(error, deadline.signal.aborted, target, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function policyOf(options: FetchOptions): Policy {
  const allowedContentTypes = options.allowedContentTypes ?? DEFAULT_ALLOWED_CONTENT_TYPES;
  return {
    maxBytes: options.maxBytes ?? 25 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    allowedContentTypes,
    allowList: new AllowList(options.allowList),
    headers: {
      'user-agent': options.userAgent ?? 'Ragstream-Fetcher/0.1',
      accept: allowedContentTypes.join(', '),
      'accept-encoding': 'gzip, br',
    },
  };
}

function parseTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('URL.INVALID', `not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('URL.INVALID', `only http and https URLs can be fetched, not ${parsed.protocol}`);
  }
  return parsed;
}

// Node connects to an IP literal without a lookup, so the lookup guard never sees it.
function refuseInternalLiteral(target: URL, allowList: AllowList): void {
  const host = normalizeHost(target.hostname);
  const refused = isIP(host) ? refusal(host, host, allowList) : undefined;
  if (refused) throw refused;
}

async function accept(response: IncomingMessage, target: URL, policy: Policy): Promise<FetchedResource> {
  const status = response.statusCode ?? 0;
  const mediaType = mediaTypeOf(response.headers['content-type']);
  const refused = refusalOf(response, status, mediaType, policy);
  if (refused) {
    response.destroy();
    throw refused;
  }
  const bytes = await readBody(response, policy.maxBytes);
  const fileName = fileNameFromDisposition(response.headers['content-disposition']) ?? fileNameFromUrl(target);
  return { bytes, mediaType, ...(fileName ? { fileName } : {}), finalUrl: target.href, status };
}

// Everything that can be refused from the headers alone, before a byte of the body is read.
function refusalOf(response: IncomingMessage, status: number, mediaType: string, policy: Policy): FetchError | undefined {
  if (status < 200 || status > 299) return new FetchError('URL.HTTP_ERROR', `the server answered ${status}`, status);
  if (!isAllowedMediaType(mediaType, policy.allowedContentTypes)) {
    return new FetchError('URL.UNSUPPORTED_CONTENT_TYPE', `content type ${mediaType} is not accepted`);
  }
  if (Number(response.headers['content-length'] ?? 0) > policy.maxBytes) return tooLarge(policy.maxBytes);
  return undefined;
}

function asFetchError(error: unknown, timedOut: boolean, target: URL, timeoutMs: number): FetchError {
  if (error instanceof FetchError) return error;
  if (timedOut) return new FetchError('URL.TIMEOUT', `no complete answer from ${target.host} within ${timeoutMs} ms`);
  const code = (error as NodeJS.ErrnoException).code;
  return new FetchError('URL.UNREACHABLE', `could not reach ${target.host} (${code ?? (error as Error).message})`);
}
