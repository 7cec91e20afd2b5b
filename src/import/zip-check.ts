/**
 * A structural check of an XLSX file's ZIP container before SheetJS reads it: SheetJS was seen to
 * loop without end on a ZIP whose local header disagrees with its central directory (one flipped
 * byte in a header field). Checks the end record, every central-directory entry and that each
 * local header agrees with it and lies inside the file. Returns a reason, or null when sound.
 */
export function zipProblem(bytes: Uint8Array): string | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  if (n < 22) return 'too short for a ZIP file';
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'no ZIP end record (truncated or not an XLSX file)';
  const entries = v.getUint16(eocd + 10, true);
  const cdSize = v.getUint32(eocd + 12, true);
  const cdOffset = v.getUint32(eocd + 16, true);
  if (cdOffset + cdSize > eocd) return 'ZIP directory outside the file';
  let p = cdOffset;
  for (let e = 0; e < entries; e++) {
    if (p + 46 > eocd || v.getUint32(p, true) !== 0x02014b50) return `ZIP directory entry ${e + 1} damaged`;
    const method = v.getUint16(p + 10, true);
    const compressed = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true), extraLen = v.getUint16(p + 30, true), commentLen = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    if (method !== 0 && method !== 8) return `ZIP entry ${e + 1}: unknown compression ${method}`;
    if (local + 30 > n || v.getUint32(local, true) !== 0x04034b50) return `ZIP entry ${e + 1}: local header damaged`;
    const lNameLen = v.getUint16(local + 26, true), lExtraLen = v.getUint16(local + 28, true);
    const flags = v.getUint16(local + 6, true);
    if (v.getUint16(local + 8, true) !== method || lNameLen !== nameLen) return `ZIP entry ${e + 1}: local header disagrees with the directory`;
    if ((flags & 8) === 0 && (v.getUint32(local + 18, true) !== compressed || v.getUint32(local + 14, true) !== v.getUint32(p + 16, true))) {
      return `ZIP entry ${e + 1}: local header disagrees with the directory`;
    }
    for (let k = 0; k < nameLen; k++) if (bytes[local + 30 + k] !== bytes[p + 46 + k]) return `ZIP entry ${e + 1}: name damaged`;
    if (local + 30 + lNameLen + lExtraLen + compressed > cdOffset) return `ZIP entry ${e + 1}: data outside the file`;
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}
