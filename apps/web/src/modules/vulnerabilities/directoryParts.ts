import { type DirectoryImportResult, MAX_CSAF_DIRECTORY_FILES, MAX_CSAF_DIRECTORY_MB } from '@suilian/contracts';

/**
 * Splits a chosen directory into the parts the server takes in one import (by default at most
 * MAX_CSAF_DIRECTORY_FILES files and MAX_CSAF_DIRECTORY_MB MiB each), keeping the files' order: the
 * whole cisagov OT corpus (2,380 files, 54 MiB) is one part.
 */
export function directoryParts<F extends { size: number }>(
  files: readonly F[],
  limits = { maxFiles: MAX_CSAF_DIRECTORY_FILES, maxBytes: MAX_CSAF_DIRECTORY_MB * 1_048_576 },
): F[][] {
  const parts: F[][] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length > 0 && (current.length >= limits.maxFiles || bytes + f.size > limits.maxBytes)) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** The results of a directory's parts added up. */
export function addResults(a: DirectoryImportResult | null, b: DirectoryImportResult): DirectoryImportResult {
  if (!a) return b;
  return {
    files: a.files + b.files,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    skipped: a.skipped + b.skipped,
    rejected: [...a.rejected, ...b.rejected],
  };
}
