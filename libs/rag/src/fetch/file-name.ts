/** File name from a Content-Disposition header; RFC 5987 `filename*` wins over plain `filename`. */
export function fileNameFromDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;\s]+)/i.exec(header);
  const decoded = extended ? safeDecode(extended[1]) : undefined;
  if (decoded) return baseName(decoded);
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  if (!plain) return undefined;
  return baseName(plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2]);
}

/** Last path segment of a URL, if it looks like a name. */
export function fileNameFromUrl(url: URL): string | undefined {
  const segment = url.pathname.split('/').pop() ?? '';
  return baseName(safeDecode(segment) ?? segment);
}

// A server-chosen name must never carry a path into wherever the caller stores it.
function baseName(name: string): string | undefined {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? undefined : base;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
