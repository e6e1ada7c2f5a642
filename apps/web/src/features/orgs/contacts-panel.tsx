import type { Contact, OrgDetail } from '@khien/contracts';
import { Anchor, Badge, Button, Group, Table } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { ContactFormDialog } from './contact-form-dialog';
import { orgKeys, orgsApi } from './orgs-api';

interface ContactsPanelProps {
  org: OrgDetail;
  canWrite: boolean;
}

export function ContactsPanel({ org, canWrite }: ContactsPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Contact | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const remove = useMutation({
    mutationFn: (c: Contact) => orgsApi.removeContact(org.id, c.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.detail(org.id) });
      setDeleting(null);
    },
  });

  return (
    <>
      {canWrite && (
        <Group justify="flex-end" mb="sm">
          <Button size="sm" variant="light" onClick={() => setEditing(null)} data-testid="contact-add">
            {t('orgs.contacts.add')}
          </Button>
        </Group>
      )}
      {org.contacts.length === 0 ? (
        <Empty title={t('orgs.contacts.empty')} description={canWrite ? t('orgs.contacts.emptyHint') : undefined} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="contacts-table" aria-label={t('orgs.contacts.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orgs.contacts.name')}</Table.Th>
                <Table.Th>{t('orgs.contacts.role')}</Table.Th>
                <Table.Th>{t('orgs.contacts.phone')}</Table.Th>
                <Table.Th>{t('orgs.contacts.email')}</Table.Th>
                {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {org.contacts.map((c) => (
                <Table.Tr key={c.id} data-testid={`contact-row-${c.id}`}>
                  <Table.Td>
                    {c.name}{' '}
                    {c.hotline247 && (
                      <Badge size="xs" color="red" variant="light">
                        {t('orgs.contacts.hotlineBadge')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{c.role}</Table.Td>
                  <Table.Td>{c.phone && <Anchor href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>{c.phone}</Anchor>}</Table.Td>
                  <Table.Td>{c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)} aria-label={t('orgs.contacts.editNamed', { name: c.name })}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            remove.reset();
                            setDeleting(c);
                          }}
                          aria-label={t('orgs.contacts.deleteNamed', { name: c.name })}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ContactFormDialog orgId={org.id} contact={editing ?? null} opened={editing !== undefined} onClose={() => setEditing(undefined)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('orgs.contacts.deleteTitle')}
        message={t('orgs.contacts.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
