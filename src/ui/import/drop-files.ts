import type { PickedFile } from './run-import';

/**
 * The files of a drop: plain files, and the files of dropped folders with their paths inside
 * them. The entries are taken from the DataTransfer at once (it is emptied when the drop event
 * returns); the folders are walked afterwards.
 */
export function filesFromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = [...dt.items].map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() ?? null : null));
  const files = [...dt.files];
  if (!entries.some((e) => e?.isDirectory)) return Promise.resolve(files.map((file) => ({ file, path: file.name })));
  return (async () => {
    const out: PickedFile[] = [];
    const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
      if (entry.isFile) {
        const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
        out.push({ file, path: `${prefix}${file.name}` });
      } else if (entry.isDirectory) {
        const reader = (entry as FileSystemDirectoryEntry).createReader();
        for (;;) {
          const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
          if (batch.length === 0) break;
          for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
        }
      }
    };
    for (const e of entries) if (e) await walk(e, '');
    return out;
  })();
}
