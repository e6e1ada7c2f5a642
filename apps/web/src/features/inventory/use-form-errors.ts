import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../components/error-alert';
import type { FormErrors } from './form-models';

/** The form's own "required" checks (shown once the person tried to save) over the server's field errors. */
export function useFormErrors(own: FormErrors, serverError: unknown, tried: boolean): Record<string, string | undefined> {
  const { t } = useTranslation();
  const out: Record<string, string | undefined> = { ...fieldErrorsOf(serverError) };
  if (tried) for (const [k, v] of Object.entries(own)) if (v === 'required') out[k] = t('common.required');
  return out;
}
