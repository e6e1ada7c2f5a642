import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../i18n/resources';
import { ApiError } from './api-client';
import { reasonText } from './error-reason';

async function instance(lng: 'vi' | 'en', resources: { vi: object; en: object } = RESOURCES) {
  const i = i18next.createInstance();
  // as initI18n configures it
  await i.init({
    resources: { vi: { translation: resources.vi }, en: { translation: resources.en } },
    lng,
    fallbackLng: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  return i;
}

const refused = new ApiError({
  status: 409,
  code: 'CONFLICT',
  message: 'dossier cannot go from drafting to approved',
  reason: 'dossier_out_of_order',
  params: { from: 'drafting', to: 'approved' },
});

describe('reasonText', () => {
  it('says the reason in the reader’s language, with the dossier’s steps by name', async () => {
    expect(reasonText(await instance('vi'), refused)).toBe('Không chuyển được hồ sơ từ "Đang lập hồ sơ" sang "Đã phê duyệt".');
    expect(reasonText(await instance('en'), refused)).toMatch(/^The dossier cannot go from "[^"]+" to "[^"]+"\.$/);
  });

  it('fills in params', async () => {
    const e = new ApiError({ status: 409, code: 'ORG_HAS_CHILDREN', message: 'x', reason: 'org_has_children', params: { count: 3 } });
    expect(reasonText(await instance('vi'), e)).toBe('Đơn vị còn 3 đơn vị trực thuộc; hãy chuyển hoặc xoá chúng trước.');
  });

  it('is null without a reason, for an unknown one, and when only the other language has it', async () => {
    expect(reasonText(await instance('vi'), new ApiError({ status: 404, code: 'NOT_FOUND', message: 'x' }))).toBeNull();
    expect(reasonText(await instance('vi'), new ApiError({ status: 409, code: 'CONFLICT', message: 'x', reason: 'no_such_reason' }))).toBeNull();
    expect(reasonText(await instance('vi'), new Error('boom'))).toBeNull();
    const viOnly = { vi: { errors: { reason: { only_vi: 'Chỉ tiếng Việt.' } } }, en: { errors: { reason: {} } } };
    const e = new ApiError({ status: 409, code: 'CONFLICT', message: 'x', reason: 'only_vi' });
    expect(reasonText(await instance('en', viOnly), e)).toBeNull();
    expect(reasonText(await instance('vi', viOnly), e)).toBe('Chỉ tiếng Việt.');
  });
});
