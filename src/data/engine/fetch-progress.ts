/**
 * Fetches a whole file through a streamed reader so a loading bar can show bytes as they arrive.
 */

/**
 * Reads `url` completely. `onProgress(loaded, total)` is called once at 0 and after every chunk;
 * `total` is the Content-Length, or NaN when the server sends none or compresses the body
 * (the header then counts compressed bytes while the reader yields decompressed ones).
 * Rejects on a non-2xx status with the URL and the status in the message.
 */
export async function fetchWithProgress(
  url: string,
  onProgress?: (loaded: number, total: number) => void,
): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${res.statusText}`.trim());
  const length = res.headers.get('Content-Length');
  const total = length && !res.headers.get('Content-Encoding') ? Number(length) : NaN;
  onProgress?.(0, total);
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    onProgress?.(bytes.length, total);
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
  // Exact length: the buffer is transferred to the DuckDB worker as a whole.
  return loaded === buffer.length ? buffer : buffer.slice(0, loaded);
}
