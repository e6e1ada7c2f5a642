import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={i18n.language}
      onChange={(e) => chooseLanguage(e.currentTarget.value as Language)}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.names.${lng}`) }))}
      w={120}
    />
  );
}
