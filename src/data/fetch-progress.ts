/** Progress of a download: bytes so far and the total (NaN when the server does not say). */
export type ProgressCallback = (loaded: number, total: number) => void;

/**
 * Fetches `url` as bytes, reporting progress as chunks arrive. Rejects with a message naming the
 * URL and HTTP status, so the loading screen can say what failed.
 */
export async function fetchBytes(url: string, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw new Error(`Cannot fetch ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`Cannot fetch ${url}: HTTP ${response.status} ${response.statusText}`);
  const header = response.headers.get('content-length');
  // With compression the header counts compressed bytes; progress is then approximate but monotone.
  const total = header ? Number(header) : Number.NaN;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.(bytes.length, bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  onProgress?.(loaded, loaded);
  return out;
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
