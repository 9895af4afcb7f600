import { ProviderHttpError, ProviderNetworkError, ProviderResponseError } from '../provider.errors';
import { retryAfterFromHeaders } from '../resilience/retry-after';

const EXCERPT_CHARS = 500;

/** Turns a non-2xx response into a ProviderHttpError, reading only the start of its body. */
export async function failureFromResponse(provider: string, response: Response): Promise<ProviderHttpError> {
  const excerpt = await readExcerpt(response).catch(() => '');
  return new ProviderHttpError(provider, response.status, excerpt, retryAfterFromHeaders(response.headers));
}

/** Reads and parses a JSON body; a broken connection is a network error, broken JSON a response error. */
export async function readJson(provider: string, response: Response, signal: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ProviderNetworkError(provider, error);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderResponseError(provider, `body is not JSON: ${excerptOf(text)}`);
  }
}

// An error page can be megabytes of HTML; a few hundred characters say what went wrong.
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < EXCERPT_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return excerptOf(text);
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}
