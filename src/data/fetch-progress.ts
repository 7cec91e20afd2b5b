/** Progress of a download: bytes so far and the total (NaN when the server does not say). */
export type ProgressCallback = (loaded: number, total: number) => void;

/**
 * Why a fetch failed, for a screen that says it in plain words: `network` (no answer), `http`
 * (an error status, in `status`), `html` (a web page where data was expected: static hosts and
 * Vite answer unknown paths with index.html), `json` (another body that does not parse).
 * The message stays the technical detail.
 */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly reason: 'network' | 'http' | 'html' | 'json',
    readonly status: number | null = null,
    readonly contentType: string | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/**
 * Reads `url` completely through a streamed reader, so a loading bar can show bytes as they
 * arrive. `onProgress(loaded, total)` is called once at 0 and after every chunk; `total` is the
 * Content-Length, or NaN when the server sends none or compresses the body (the header then
 * counts compressed bytes while the reader yields decompressed ones). Rejects with the URL and
 * the HTTP status (or the network error) in the message, so the loading screen can say what failed.
 */
export async function fetchBytes(url: string, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<Uint8Array> {
  return (await fetchBody(url, onProgress, signal)).bytes;
}

async function fetchBody(url: string, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new FetchError(`Cannot fetch ${url}: ${(error as Error).message}`, url, 'network');
  }
  const contentType = res.headers.get('Content-Type');
  if (!res.ok) throw new FetchError(`Cannot fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim(), url, 'http', res.status, contentType);
  const length = res.headers.get('Content-Length');
  const total = length && !res.headers.get('Content-Encoding') ? Number(length) : Number.NaN;
  onProgress?.(0, total);
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    onProgress?.(bytes.length, bytes.length);
    return { bytes, contentType };
  }
  const reader = res.body.getReader();
  let buffer = new Uint8Array(Number.isFinite(total) && total > 0 ? total : 1 << 20);
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.length > buffer.length) {
      const grown = new Uint8Array(Math.max(buffer.length * 2, loaded + value.length));
      grown.set(buffer.subarray(0, loaded));
      buffer = grown;
    }
    buffer.set(value, loaded);
    loaded += value.length;
    onProgress?.(loaded, total);
  }
  onProgress?.(loaded, loaded);
  // Exact length: a parquet buffer is transferred to the DuckDB worker as a whole.
  return { bytes: loaded === buffer.length ? buffer : buffer.slice(0, loaded), contentType };
}

/** Fetches and parses JSON with progress. */
/** Fetches and parses JSON with progress; an HTML page or another non-JSON body is a `FetchError`. */
export async function fetchJson<T>(url: string, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<T> {
  const { bytes, contentType } = await fetchBody(url, onProgress, signal);
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    const html = /^\s*</.test(text) || /\btext\/html\b/i.test(contentType ?? '');
    throw new FetchError(
      html ? `${url} is a web page (${contentType ?? 'no Content-Type'}), not JSON` : `${url} is not valid JSON: ${(error as Error).message}`,
      url,
      html ? 'html' : 'json',
      200,
      contentType,
    );
  }
}
