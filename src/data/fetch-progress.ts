/** Progress of a download: bytes so far and the total (NaN when the server does not say). */
export type ProgressCallback = (loaded: number, total: number) => void;

/**
 * Reads `url` completely through a streamed reader, so a loading bar can show bytes as they
 * arrive. `onProgress(loaded, total)` is called once at 0 and after every chunk; `total` is the
 * Content-Length, or NaN when the server sends none or compresses the body (the header then
 * counts compressed bytes while the reader yields decompressed ones). Rejects with the URL and
 * the HTTP status (or the network error) in the message, so the loading screen can say what failed.
 */
export async function fetchBytes(url: string, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (error) {
    throw new Error(`Cannot fetch ${url}: ${(error as Error).message}`);
  }
  if (!res.ok) throw new Error(`Cannot fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim());
  const length = res.headers.get('Content-Length');
  const total = length && !res.headers.get('Content-Encoding') ? Number(length) : Number.NaN;
  onProgress?.(0, total);
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    onProgress?.(bytes.length, bytes.length);
    return bytes;
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
  return loaded === buffer.length ? buffer : buffer.slice(0, loaded);
}

/** Fetches and parses JSON with progress. */
export async function fetchJson<T>(url: string, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<T> {
  const bytes = await fetchBytes(url, onProgress, signal);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (error) {
    throw new Error(`${url} is not valid JSON: ${(error as Error).message}`);
  }
}
