import { FileList } from '../../components/file-list';
import { PaperclipIcon } from './directive-icons';
import type { Attachment } from './directives-api';

/** A directive's attachments or a task's evidence, each with a paperclip. */
export function AttachmentList({ files, testId }: { files: Attachment[]; testId?: string }) {
  return <FileList files={files} {...(testId ? { testId } : {})} icon={<PaperclipIcon size={14} />} />;
}
