import { trimEndChars } from './normalise.js';

/*
 * A numbered section of a công văn usually opens with who must act
 * ("Công an phường", "Các doanh nghiệp viễn thông … bảo đảm …"). The group is
 * the noun phrase before the first verb. Matching is on lower-cased text with
 * marks kept, so "sở" (department) and "số" (number) stay apart.
 */

// Words that open a group of people or bodies.
const GROUP_OPENERS =
  'các|mỗi|toàn thể|tất cả|công an|thủ trưởng|người đứng đầu|chủ tịch|phó chủ tịch|trưởng|phó trưởng|giám đốc|phó giám đốc|hiệu trưởng|chánh|lãnh đạo|cán bộ|phòng|ủy ban|uỷ ban|ubnd|ban|sở|doanh nghiệp|đơn vị|cơ quan|trung tâm|văn phòng|tổ|đội|đoàn|hội|bộ|cục|chi cục|chi nhánh|trường|nhà trường|nhà mạng|bưu điện|đảng ủy|đảng uỷ|mặt trận|hđnd|ban chỉ huy|bộ chỉ huy|vnpt|viettel|mobifone|thường trực|ubmttq'.split(
    '|',
  );

// Verbs that end the group. Words that often describe a group
// ("cung cấp", "quản lý", "sử dụng", "có") are left out on purpose.
const VERBS =
  'triển khai|bảo đảm|đảm bảo|tăng cường|chủ trì|thực hiện|theo dõi|cần|phải|có trách nhiệm|chịu trách nhiệm|chỉ đạo|tổ chức|phối hợp|rà soát|chủ động|tiếp tục|khẩn trương|nghiêm túc|thường xuyên|tham mưu|báo cáo|hướng dẫn|đôn đốc|kiểm tra|liên hệ|quán triệt|tuyên truyền|xây dựng|cử|nắm|duy trì|đẩy mạnh|bố trí|yêu cầu|đề nghị|xử lý|nâng cao|phát hiện|ngăn chặn|cập nhật|sao lưu|ứng cứu|lập|gửi|nghiên cứu|thống kê|sẵn sàng|hoàn thành|kịp thời|phổ biến|vận động|áp dụng|tích cực|định kỳ|giao|được giao|rà|trực|tập trung|khắc phục|thường trực theo dõi'.split(
    '|',
  );

const LEAD_INS = ['giao cho ', 'giao ', 'đề nghị ', 'yêu cầu ', 'chỉ đạo ', 'đối với ', 'riêng '];
const CONDITIONS = ['trong trường hợp ', 'trường hợp ', 'khi ', 'nếu '];
const MAX_GROUP_CHARS = 120;
const LOOK_CHARS = 400;

function opensGroup(lower: string): boolean {
  return GROUP_OPENERS.some((w) => lower.startsWith(w) && /^(?:[\s,:(]|$)/.test(lower.slice(w.length)));
}

function firstVerbAt(lower: string): number {
  let best = -1;
  for (const verb of VERBS) {
    let from = 0;
    while (from < lower.length) {
      const i = lower.indexOf(` ${verb}`, from);
      if (i < 0) break;
      const after = lower[i + verb.length + 1];
      if (after === undefined || /[\s,.;:]/.test(after)) {
        if (best < 0 || i < best) best = i;
        break;
      }
      from = i + 1;
    }
  }
  return best;
}

function capitalise(s: string): string {
  return s.length === 0 ? s : (s[0] ?? '').toUpperCase() + s.slice(1);
}

/** The group named at the head of a section heading, or null when the heading is a topic. */
export function findAddressee(heading: string): string | null {
  let text = heading.slice(0, LOOK_CHARS).trim();
  let lower = text.toLowerCase();
  for (const lead of LEAD_INS) {
    if (lower.startsWith(lead) && opensGroup(lower.slice(lead.length))) {
      text = text.slice(lead.length);
      lower = lower.slice(lead.length);
      break;
    }
  }
  if (CONDITIONS.some((c) => lower.startsWith(c))) {
    // "Trong trường hợp cần hỗ trợ …, các đơn vị, địa phương liên hệ …"
    let at = lower.indexOf(', ');
    while (at >= 0 && !opensGroup(lower.slice(at + 2))) at = lower.indexOf(', ', at + 2);
    if (at < 0) return null;
    text = text.slice(at + 2);
    lower = lower.slice(at + 2);
  }
  // "Tổ chức tuyên truyền …" opens with a verb that happens to start like "Tổ".
  if (!opensGroup(lower) || VERBS.some((v) => lower.startsWith(`${v} `))) return null;

  const stop = /[:;]|\.(?:\s|$)/.exec(lower);
  const verb = firstVerbAt(lower);
  let end: number;
  if (verb >= 0 && (stop === null || verb < stop.index)) end = verb;
  else if (stop !== null) end = stop.index;
  else if (text.length <= MAX_GROUP_CHARS) end = text.length;
  else return null;

  const group = trimEndChars(text.slice(0, end), ' ,-–');
  if (group.length < 3 || group.length > MAX_GROUP_CHARS) return null;
  return capitalise(group);
}
