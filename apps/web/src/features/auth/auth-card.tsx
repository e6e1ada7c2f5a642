import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch';

interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  testId: string;
}

/** The frame of every sign-in step: brand, language switch, one card. */
export function AuthCard({ title, description, children, testId }: AuthCardProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <Box mih="100dvh" bg="gray.0" py={{ base: 'md', sm: 'xl' }} px="xs">
      <Center>
        <Stack w="100%" maw={440} gap="md">
          <Group justify="space-between">
            <Stack gap={0}>
              <Text fw={700} size="xl" c="red.8">
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('app.tagline')}
              </Text>
            </Stack>
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" data-testid={testId}>
            <Stack gap="md">
              <Title order={1} size="h3">
                {title}
              </Title>
              {description && (
                <Text size="sm" c="dimmed">
                  {description}
                </Text>
              )}
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
