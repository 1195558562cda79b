/** Why data could not be loaded; each kind gets its own message and advice in the UI. */
export type DataErrorKind = 'not-found' | 'server' | 'network' | 'corrupt';

export class DataError extends Error {
  readonly kind: DataErrorKind;
  readonly url: string;
  readonly status: number | null;

  constructor(kind: DataErrorKind, url: string, message: string, status: number | null = null) {
    super(message);
    this.name = 'DataError';
    this.kind = kind;
    this.url = url;
    this.status = status;
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError;
}

/**
 * Fetches and parses JSON, turning every failure into a DataError.
 * `check` validates the shape and returns an "Unexpected `x`, expected `y`" message, or null when fine.
 */
export async function fetchJson<T>(
  url: string,
  check: (value: unknown) => string | null,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError('network', url, `Could not reach ${url}: ${String(error)}`);
  }
  if (response.status === 404) {
    throw new DataError('not-found', url, `Not found: ${url}`, 404);
  }
  if (!response.ok) {
    throw new DataError(
      'server',
      url,
      `Server error ${response.status} for ${url}`,
      response.status,
    );
  }
  const text = await response.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A static host answering unknown files with index.html lands here too.
    const start = text.trimStart().slice(0, 1) || 'end of file';
    throw new DataError(
      text.trimStart().startsWith('<') ? 'not-found' : 'corrupt',
      url,
      `Unexpected \`${start}\`, expected JSON in ${url}`,
      response.status,
    );
  }
  const problem = check(value);
  if (problem) throw new DataError('corrupt', url, `${problem} in ${url}`, response.status);
  return value as T;
}

/** Shared shape check: an object with the expected data version. */
export function checkVersion(value: unknown, version: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `Unexpected \`${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}\`, expected an object`;
  }
  const found = (value as { version?: unknown }).version;
  if (found !== version) {
    return `Unexpected data version \`${String(found)}\`, expected \`${version}\` (run \`npm run data\`)`;
  }
  return null;
}
