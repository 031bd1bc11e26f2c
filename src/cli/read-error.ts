/** A file-system error in a few words ("no such file"), for messages that name the file. */
export function describeReadError(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EISDIR') return 'is a directory';
  if (err?.code === 'EACCES') return 'permission denied';
  return err?.message ?? String(e);
}
