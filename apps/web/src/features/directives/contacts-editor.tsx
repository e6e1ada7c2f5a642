import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TrashIcon } from './directive-icons';
import { newKey, type ContactDraft } from './editor-model';

interface ContactsEditorProps {
  value: ContactDraft[];
  onChange: (contacts: ContactDraft[]) => void;
}

/** The dispatch's "liên hệ … (qua số điện thoại …)" contact points. */
export function ContactsEditor({ value, onChange }: ContactsEditorProps) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<ContactDraft>) => onChange(value.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('directives.editor.contacts')}
      </Text>
      {value.map((c, i) => (
        <Group key={c.key} gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            aria-label={t('directives.editor.contactName', { n: i + 1 })}
            placeholder={t('directives.editor.contactNamePlaceholder')}
            value={c.name}
            onChange={(e) => set(i, { name: e.currentTarget.value })}
            maxLength={200}
            style={{ flex: '2 1 14rem' }}
          />
          <TextInput
            aria-label={t('directives.editor.contactTitle', { n: i + 1 })}
            placeholder={t('directives.editor.contactTitlePlaceholder')}
            value={c.title}
            onChange={(e) => set(i, { title: e.currentTarget.value })}
            maxLength={200}
            style={{ flex: '1 1 9rem' }}
          />
          <TextInput
            aria-label={t('directives.editor.contactPhone', { n: i + 1 })}
            placeholder={t('directives.editor.contactPhonePlaceholder')}
            type="tel"
            inputMode="tel"
            value={c.phone}
            onChange={(e) => set(i, { phone: e.currentTarget.value })}
            maxLength={40}
            style={{ flex: '1 1 9rem' }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            onClick={() => onChange(value.filter((_, k) => k !== i))}
            aria-label={t('directives.editor.contactRemove', { n: i + 1 })}
          >
            <TrashIcon />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...value, { key: newKey(), name: '', phone: '', title: '' }])}>
          {t('directives.editor.addContact')}
        </Button>
      </Group>
    </Stack>
  );
}
