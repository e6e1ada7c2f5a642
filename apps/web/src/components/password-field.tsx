import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * PasswordInput whose show/hide toggle has a translated name that does not contain the field's
 * own label, so `getByLabel('Mật khẩu')` finds exactly one element.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.toggleVisibility') }} {...props} />;
}
