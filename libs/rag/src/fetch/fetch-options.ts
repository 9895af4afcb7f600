/** Limits for `fetchUrl`; every one has a safe default. */
export interface FetchOptions {
  /** Largest body accepted, after decompression (default 25 MiB). */
  readonly maxBytes?: number;
  /** Deadline for the whole fetch, redirects and body included (default 15 s). */
  readonly timeoutMs?: number;
  /** Redirects followed before giving up (default 5). */
  readonly maxRedirects?: number;
  /** Accepted media types, exact or `type/*` (default: the formats Ragstream extracts). */
  readonly allowedContentTypes?: readonly string[];
  /** Hostnames, IPs or CIDRs that may be fetched although private, loopback or otherwise internal. */
  readonly allowList?: readonly string[];
  readonly userAgent?: string;
}

/** A fetched document, ready for `detectFormat` and `extractDocument`. */
export interface FetchedResource {
  readonly bytes: Buffer;
  /** Bare media type of the response, e.g. `text/html`. */
  readonly mediaType: string;
  readonly fileName?: string;
  /** URL after redirects. */
  readonly finalUrl: string;
  readonly status: number;
}
