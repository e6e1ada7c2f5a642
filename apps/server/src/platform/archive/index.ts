// The one guarded zip reader: .docx, .xlsx and feed bundles are opened here, never by a library
// that trusts the archive. Modules import only this file.
export { ARCHIVE_LIMITS, type ArchiveLimitName, type ArchiveLimits, type ArchiveProfile } from './limits.js';
export { ArchiveRefusedError, type ArchiveProblem } from './refusal.js';
export { bufferSource, isCompoundFile, isZip, openFileSource, type ArchiveSource } from './source.js';
export {
  checkArchive,
  iterateArchive,
  readArchiveEntries,
  type ArchiveEntry,
  type ArchiveInput,
  type ArchiveOptions,
  type ArchiveSummary,
} from './zip-reader.js';
