import type { OrgKind, RecipientRule } from '@khien/contracts';
import { Group, MultiSelect, Radio, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/labels';
import { ORG_KINDS } from '../../lib/enums';
import { OrgPicker } from '../orgs';
import { emptyRule, type RuleDraft, type RuleMode } from './editor-model';
import { OrgRefPicker, OrgRefPill } from './org-ref';
import { RecipientsPreview } from './recipients-preview';

type Choice = RuleMode | 'none';

interface RecipientRuleEditorProps {
  label: string;
  /** What null means here: "the directive's default recipients" for a section, "not chosen yet" for the default. */
  noneLabel: string;
  value: RuleDraft | null;
  onChange: (rule: RuleDraft | null) => void;
  error?: string;
  directiveId?: string;
  /** The rule the preview resolves (for a section without its own rule: the default). */
  previewRule: RecipientRule | null;
  testId?: string;
}

export function RecipientRuleEditor(props: RecipientRuleEditorProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { value, onChange } = props;
  // The halves of the rule survive switching to "none" and back.
  const [memo, setMemo] = useState<RuleDraft | null>(value);
  const [pickerKey, setPickerKey] = useState(0);
  const emit = (next: RuleDraft | null) => {
    if (next) setMemo(next);
    onChange(next);
  };
  const choose = (choice: Choice) => emit(choice === 'none' ? null : { ...(value ?? memo ?? emptyRule(choice)), mode: choice });
  const patch = (p: Partial<RuleDraft>) => {
    if (value) emit({ ...value, ...p });
  };

  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Radio.Group label={props.label} value={value ? value.mode : 'none'} onChange={(v) => choose(v as Choice)} error={props.error}>
        <Group gap="md" mt={6}>
          <Radio value="none" label={props.noneLabel} />
          <Radio value="orgs" label={t('directives.rule.modeOrgs')} />
          <Radio value="scope" label={t('directives.rule.modeScope')} />
        </Group>
      </Radio.Group>
      {value?.mode === 'orgs' && (
        <Stack gap={6} pl={{ base: 0, sm: 'md' }}>
          {value.orgs.length > 0 && (
            <Group gap={6}>
              {value.orgs.map((o) => (
                <OrgRefPill key={o.id} org={o} onRemove={() => patch({ orgs: value.orgs.filter((x) => x.id !== o.id) })} />
              ))}
            </Group>
          )}
          <OrgPicker
            key={pickerKey}
            label={t('directives.rule.addOrg')}
            description={t('directives.rule.pickedCount', { n: value.orgs.length })}
            value={null}
            excludeIds={value.orgs.map((o) => o.id)}
            onChange={(org) => {
              if (org && !value.orgs.some((o) => o.id === org.id)) patch({ orgs: [...value.orgs, org] });
              setPickerKey((k) => k + 1);
            }}
          />
        </Stack>
      )}
      {value?.mode === 'scope' && (
        <Stack gap={6} pl={{ base: 0, sm: 'md' }}>
          <MultiSelect
            label={t('directives.rule.kinds')}
            placeholder={value.kinds.length === 0 ? t('directives.rule.anyKind') : undefined}
            data={ORG_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
            value={value.kinds}
            onChange={(kinds) => patch({ kinds: kinds as OrgKind[] })}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <OrgRefPicker
            label={t('directives.rule.under')}
            description={t('directives.rule.underHint')}
            value={value.under}
            onChange={(org) => patch({ under: org })}
            required
          />
          <Switch
            label={t('directives.rule.directChildrenOnly')}
            checked={value.directChildrenOnly}
            onChange={(e) => patch({ directChildrenOnly: e.currentTarget.checked })}
          />
        </Stack>
      )}
      {props.previewRule ? (
        <RecipientsPreview directiveId={props.directiveId} rule={props.previewRule} />
      ) : (
        <Text size="xs" c="dimmed">
          {t('directives.preview.noRule')}
        </Text>
      )}
    </Stack>
  );
}
