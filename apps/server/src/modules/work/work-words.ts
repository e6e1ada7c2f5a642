import type { WorkStatusValue } from '@khien/contracts';

/** A work item's status in the words the exports print (DOCX, XLSX); the web has its own in `work.vi.json`. */
export const WORK_STATUS_VI: Record<WorkStatusValue, string> = {
  pending: 'Chưa xác nhận',
  acknowledged: 'Đã nhận',
  in_progress: 'Đang thực hiện',
  submitted: 'Đã báo cáo',
  returned: 'Bị trả lại',
  accepted: 'Đã chấp nhận',
  not_applicable: 'Không thuộc phạm vi',
  risk_accepted: 'Chấp nhận rủi ro',
};

/** Says a status read from the database, or the code as written when it is not one we know. */
export function workStatusWord(status: string): string {
  return (WORK_STATUS_VI as Record<string, string>)[status] ?? status;
}
