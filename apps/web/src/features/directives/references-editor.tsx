import type { DirectiveReference } from '@khien/contracts';
import { ActionIcon, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TrashIcon } from './directive-icons';

/** The ways a dispatch cites another document, as its text writes them; the words are the UI's. */
const KINDS = [
  ['thực hiện', 'act'],
  ['căn cứ', 'basis'],
  ['theo', 'per'],
  ['xét đề nghị', 'proposal'],
] as const;
const KIND_KEY = new Map<string, string>(KINDS);

/** What the reference says: its own text, else its parts ("Công văn 907/CAT-PA05 27/02/2026 Công an tỉnh"). */
export function referenceText(r: DirectiveReference): string {
  if (r.text.trim()) return r.text.trim();
  const date = r.date ? r.date.split('-').reverse().join('/') : null;
  return [r.documentType, r.number, date, r.issuer].filter(Boolean).join(' ');
}

interface ReferencesEditorProps {
  value: DirectiveReference[];
  onChange: (references: DirectiveReference[]) => void;
  /** the server's word on a reference ("references.0.directiveId") */
  error: (path: string) => string | undefined;
}

/** "Thực hiện Công văn số …", "Căn cứ Quyết định số …": linked ones open their directive; new ones are typed as text. */
export function ReferencesEditor({ value, onChange, error }: ReferencesEditorProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>(KINDS[0][0]);
  const [text, setText] = useState('');
  const kindLabel = (k: string) => {
    const key = KIND_KEY.get(k);
    return key ? t(`directives.editor.referenceKind.${key}`) : k;
  };
  const add = () => {
    if (!text.trim()) return;
    onChange([...value, { kind, documentType: null, number: null, date: null, issuer: null, text: text.trim(), directiveId: null }]);
    setText('');
  };

  return (
    <Stack gap="xs" data-testid="references-editor">
      <Text size="sm" fw={500}>
        {t('directives.editor.references')}
      </Text>
      {value.map((r, i) => {
        const problem = error(`references.${i}.directiveId`) ?? error(`references.${i}`);
        return (
          <Paper key={i} withBorder p="xs" radius="sm" data-testid="reference-item" style={problem ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
            <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Text span fw={600}>
                    {kindLabel(r.kind)}:
                  </Text>{' '}
                  {referenceText(r)}
                </Text>
                {r.directiveId && (
                  <Badge
                    component={Link}
                    to={`/directives/${r.directiveId}`}
                    target="_blank"
                    rel="noopener"
                    variant="light"
                    size="sm"
                    style={{ cursor: 'pointer', alignSelf: 'flex-start' }}
                    data-testid="reference-link"
                  >
                    {t('directives.editor.referenceOpen')}
                  </Badge>
                )}
                {problem && (
                  <Text size="xs" c="red.7">
                    {problem}
                  </Text>
                )}
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => onChange(value.filter((_, k) => k !== i))}
                aria-label={t('directives.editor.referenceRemove', { n: i + 1 })}
              >
                <TrashIcon />
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          aria-label={t('directives.editor.referenceKindLabel')}
          data={KINDS.map(([v]) => ({ value: v, label: kindLabel(v) }))}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          style={{ flex: '0 1 9rem' }}
        />
        <TextInput
          aria-label={t('directives.editor.referenceText')}
          placeholder={t('directives.editor.referencePlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          maxLength={2000}
          style={{ flex: '1 1 14rem' }}
        />
        <Button size="sm" variant="light" onClick={add} disabled={!text.trim()}>
          {t('directives.editor.referenceAdd')}
        </Button>
      </Group>
    </Stack>
  );
}
