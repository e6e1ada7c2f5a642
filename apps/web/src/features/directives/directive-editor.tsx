import type { DirectiveInput } from '@khien/contracts';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import { fieldErrorsOf } from '../../components/error-alert';
import { ContactsEditor } from './contacts-editor';
import { EditorDeadlines } from './editor-deadlines';
import { FlagNote, flagProps, type FieldFlags } from './low-confidence';
import { draftToRule, emptySection, moveItem, toInput, validateDraft, type DirectiveDraft, type DraftErrorCode, type SectionDraft } from './editor-model';
import { MutationError, useDirectiveReasonText } from './mutation-error';
import { OrgRefPicker } from './org-ref';
import { RecipientRuleEditor } from './recipient-rule-editor';
import { ReferencesEditor } from './references-editor';
import { SectionEditor } from './section-editor';

interface DirectiveEditorProps {
  initial: DirectiveDraft;
  /** Set once the draft exists: enables the live recipients preview. */
  directiveId?: string;
  saving: boolean;
  error: unknown;
  onSubmit: (input: DirectiveInput) => void;
  onCancel: () => void;
  onReload?: () => void;
  /** Above the form, e.g. the parser's warnings. */
  before?: ReactNode;
  /** Fields OCR was unsure of (an imported scan): shown in orange with the doubtful words. */
  flags?: FieldFlags;
}

/** The whole dispatch as a form: header, "Kính gửi", sections with their tasks and recipients, signer, periods. */
export function DirectiveEditor({ initial, directiveId, saving, error, onSubmit, onCancel, onReload, before, flags }: DirectiveEditorProps) {
  const { t } = useTranslation();
  const [d, setD] = useState<DirectiveDraft>(initial);
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<DirectiveDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const setSection = (i: number, s: SectionDraft) => setD((prev) => ({ ...prev, sections: prev.sections.map((x, k) => (k === i ? s : x)) }));

  const local = validateDraft(d);
  const server = fieldErrorsOf(error);
  // the server's field message is English; its reason, when translated, says the same in the reader's words
  const serverReason = useDirectiveReasonText()(error);
  const problem: Record<DraftErrorCode, string> = {
    required: t('common.required'),
    ruleEmpty: t('directives.rule.emptyOrgs'),
    ruleScope: t('directives.rule.emptyScope'),
    alertRange: t('directives.editor.alertRange'),
    relayDays: t('directives.editor.relayDaysInvalid'),
  };
  const err = (path: string): string | undefined => {
    const code = touched ? local[path] : undefined;
    if (code) return problem[code];
    return server[path] !== undefined ? (serverReason ?? server[path]) : undefined;
  };
  const localCount = Object.keys(local).length;
  const defaultRule = draftToRule(d.rule);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (localCount === 0) onSubmit(toInput(d));
  };

  return (
    <form onSubmit={submit} noValidate data-testid="directive-editor">
      <Stack maw={960}>
        {before}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={4}>{t('directives.editor.header')}</Title>
            <OrgRefPicker
              label={t('directives.fields.issuer')}
              description={t('directives.editor.issuerHint')}
              value={d.issuerOrg}
              onChange={(org) => set({ issuerOrg: org })}
              error={err('issuerOrgId')}
              required
              testId="issuer-org"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('directives.editor.governingBody')}
                value={d.governingBody}
                onChange={(e) => set({ governingBody: e.currentTarget.value })}
                error={err('governingBody')}
                maxLength={300}
                {...flagProps(flags, 'governingBody', t('directives.editor.governingBodyHint'))}
              />
              <TextInput
                label={t('directives.editor.documentType')}
                value={d.documentType}
                onChange={(e) => set({ documentType: e.currentTarget.value })}
                error={err('documentType')}
                maxLength={100}
                {...flagProps(flags, 'documentType', t('directives.editor.documentTypeHint'))}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('directives.fields.number')}
                placeholder="1082/UBND-CA"
                value={d.number}
                onChange={(e) => set({ number: e.currentTarget.value })}
                error={err('number')}
                maxLength={100}
                {...flagProps(flags, 'number')}
              />
              <TextInput
                label={t('directives.fields.place')}
                value={d.place}
                onChange={(e) => set({ place: e.currentTarget.value })}
                error={err('place')}
                maxLength={100}
                {...flagProps(flags, 'place')}
              />
              <div>
                <DateField label={t('directives.fields.issuedOn')} value={d.issuedOn} onChange={(v) => set({ issuedOn: v })} error={err('issuedOn')} />
                {flags?.get('issuedOn') && <FlagNote words={flags.get('issuedOn')!} />}
              </div>
            </SimpleGrid>
            <Textarea
              label={t('directives.fields.subject')}
              {...flagProps(flags, 'subject', t('directives.editor.subjectHint'))}
              autosize
              minRows={2}
              value={d.subject}
              onChange={(e) => set({ subject: e.currentTarget.value })}
              error={err('subject')}
              withAsterisk
              maxLength={1000}
            />
            <Textarea
              label={t('directives.fields.recipientsText')}
              {...flagProps(flags, 'recipientsText', t('directives.editor.oneEntryPerLine'))}
              autosize
              minRows={2}
              value={d.recipientsText}
              onChange={(e) => set({ recipientsText: e.currentTarget.value })}
              error={err('recipientsText')}
            />
            <Textarea
              label={t('directives.fields.preamble')}
              autosize
              minRows={3}
              maxRows={16}
              value={d.preamble}
              onChange={(e) => set({ preamble: e.currentTarget.value })}
              error={err('preamble')}
              {...flagProps(flags, 'preamble')}
            />
            <ReferencesEditor value={d.references} onChange={(references) => set({ references })} error={err} />
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={4}>{t('directives.editor.recipients')}</Title>
            <RecipientRuleEditor
              label={t('directives.rule.defaultLabel')}
              noneLabel={t('directives.rule.none')}
              value={d.rule}
              onChange={(rule) => set({ rule })}
              error={err('rule')}
              directiveId={directiveId}
              previewRule={defaultRule}
              testId="default-rule"
            />
          </Stack>
        </Paper>

        <Stack gap="sm">
          <Title order={4}>{t('directives.editor.sections', { n: d.sections.length })}</Title>
          {d.sections.map((s, i) => (
            <SectionEditor
              key={s.key}
              section={s}
              index={i}
              count={d.sections.length}
              onChange={(next) => setSection(i, next)}
              onMove={(to) => set({ sections: moveItem(d.sections, i, to) })}
              onRemove={() => set({ sections: d.sections.filter((_, k) => k !== i) })}
              error={err}
              directiveId={directiveId}
              defaultRule={defaultRule}
              ownRule={draftToRule(s.rule)}
              flags={flags}
            />
          ))}
          <Group>
            <Button variant="light" onClick={() => set({ sections: [...d.sections, emptySection()] })}>
              {t('directives.editor.addSection')}
            </Button>
          </Group>
        </Stack>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={4}>{t('directives.editor.footer')}</Title>
            <Textarea
              label={t('directives.fields.closing')}
              autosize
              minRows={2}
              maxRows={12}
              value={d.closing}
              onChange={(e) => set({ closing: e.currentTarget.value })}
              error={err('closing')}
              {...flagProps(flags, 'closing')}
            />
            {flags?.get('contacts') && <FlagNote words={flags.get('contacts')!} />}
            <ContactsEditor value={d.contacts} onChange={(contacts) => set({ contacts })} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Textarea
                label={t('directives.fields.signerAuthority')}
                placeholder={'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH'}
                autosize
                minRows={1}
                value={d.signerAuthority}
                onChange={(e) => set({ signerAuthority: e.currentTarget.value })}
                maxLength={300}
                {...flagProps(flags, 'signer.authority')}
              />
              <TextInput
                label={t('directives.fields.signerTitle')}
                value={d.signerTitle}
                onChange={(e) => set({ signerTitle: e.currentTarget.value })}
                maxLength={200}
                {...flagProps(flags, 'signer.title')}
              />
              <TextInput
                label={t('directives.fields.signerName')}
                value={d.signerName}
                onChange={(e) => set({ signerName: e.currentTarget.value })}
                maxLength={200}
                {...flagProps(flags, 'signer.name')}
              />
            </SimpleGrid>
            <Textarea
              label={t('directives.fields.copiesTo')}
              {...flagProps(flags, 'copiesTo', t('directives.editor.oneEntryPerLine'))}
              autosize
              minRows={2}
              value={d.copiesTo}
              onChange={(e) => set({ copiesTo: e.currentTarget.value })}
              error={err('copiesTo')}
            />
          </Stack>
        </Paper>

        <EditorDeadlines draft={d} set={set} error={err} />

        {touched && localCount > 0 && (
          <Alert color="red" variant="light" role="alert" data-testid="editor-problems">
            {t('directives.editor.problems', { n: localCount })}
          </Alert>
        )}
        <MutationError error={error} onReload={onReload} />
        <Group justify="flex-end" pos="sticky" bottom={0} py="xs" bg="var(--mantine-color-body)" style={{ zIndex: 2 }}>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('directives.actions.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
