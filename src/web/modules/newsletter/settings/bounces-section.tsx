/**
 * Bounces: the webhook URL to give the provider (with a new secret on demand), the mailbox-free
 * marking of addresses pasted from a provider's report, and the latest bounces.
 */
import { Badge, Button, Group, List, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  BOUNCE_TYPES,
  type BounceType,
  type NewsletterSettings,
  SOFT_BOUNCE_LIMIT,
} from '../../../../shared/newsletter/tracking-api.schema.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { CopyField } from './copy-field.js';
import { markBounces, newsletterSettingsKeys, rotateBounceWebhook, splitPastedEmails, useBouncePages } from './settings-api.js';
import { SettingsSection } from './settings-form.js';

const TYPE_COLOR: Record<BounceType, string> = { hard: 'red.9', soft: 'orange.9', complaint: 'grape.9' };

function WebhookUrl({ workspaceId, saved }: { workspaceId: string; saved: NewsletterSettings }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // The variable says whether an address existed before: only then is there an old one that stops working.
  const rotate = useMutation({
    mutationFn: (_hadAddress: boolean) => rotateBounceWebhook(workspaceId),
    onSuccess: (next) => queryClient.setQueryData(newsletterSettingsKeys.settings(workspaceId), next),
  });
  return (
    <Stack gap="xs">
      {saved.bounceWebhookUrl ? (
        <CopyField
          label={t('newsletterStats.bounces.webhook')}
          description={t('newsletterStats.bounces.webhookHint')}
          value={saved.bounceWebhookUrl}
        />
      ) : (
        <Text size="sm">{t('newsletterStats.bounces.webhookNone')}</Text>
      )}
      {rotate.isSuccess && rotate.variables ? (
        <Text size="sm" role="status">
          {t('newsletterStats.bounces.webhookRotated')}
        </Text>
      ) : null}
      <ErrorAlert error={rotate.error} />
      <Group>
        <Button variant="default" onClick={() => rotate.mutate(Boolean(saved.bounceWebhookUrl))} loading={rotate.isPending}>
          {saved.bounceWebhookUrl ? t('newsletterStats.bounces.webhookRotate') : t('newsletterStats.bounces.webhookCreate')}
        </Button>
      </Group>
    </Stack>
  );
}

function ManualMarking({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [pasted, setPasted] = useState('');
  const [type, setType] = useState<BounceType>('hard');
  const mark = useMutation({
    mutationFn: () => markBounces(workspaceId, { emails: splitPastedEmails(pasted), type }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: newsletterSettingsKeys.bounces(workspaceId) }),
  });
  const result = mark.data;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (splitPastedEmails(pasted).length > 0 && !mark.isPending) mark.mutate();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('newsletterStats.bounces.manual')}
          description={t('newsletterStats.bounces.manualHint')}
          value={pasted}
          onChange={(event) => setPasted(event.currentTarget.value)}
          dir="ltr"
          rows={4}
          spellCheck={false}
        />
        <Group align="end">
          <Select
            label={t('newsletterStats.bounces.manualType')}
            data={BOUNCE_TYPES.map((value) => ({ value, label: t(`newsletterStats.bounces.type.${value}`) }))}
            value={type}
            onChange={(value) => setType((value as BounceType | null) ?? 'hard')}
            allowDeselect={false}
            w={200}
          />
          <Button type="submit" loading={mark.isPending}>
            {t('newsletterStats.bounces.manualSubmit')}
          </Button>
        </Group>
        <ErrorAlert error={mark.error} />
        {result ? (
          <Stack gap={4} role="status" data-testid="manual-bounce-result">
            <Text size="sm" fw={600}>
              {t('newsletterStats.bounces.manualMarked', { count: result.marked })}
            </Text>
            {result.unknown.length > 0 ? (
              <AddressList title={t('newsletterStats.bounces.manualUnknown', { count: result.unknown.length })} items={result.unknown} />
            ) : null}
            {result.invalid.length > 0 ? (
              <AddressList title={t('newsletterStats.bounces.manualInvalid', { count: result.invalid.length })} items={result.invalid} />
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}

function AddressList({ title, items }: { title: string; items: string[] }) {
  return (
    <>
      <Text size="sm">{title}</Text>
      <List size="sm" dir="ltr">
        {items.map((item) => (
          <List.Item key={item}>
            <bdi>{item}</bdi>
          </List.Item>
        ))}
      </List>
    </>
  );
}

function RecentBounces({ workspaceId }: { workspaceId: string }) {
  const { t, formatDate } = useI18n();
  const pages = useBouncePages(workspaceId, true);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('newsletterStats.bounces.recent')}</Text>
      <ErrorAlert error={pages.error} />
      {items.length === 0 && pages.isSuccess ? (
        <Text size="sm" c="dimmed">
          {t('newsletterStats.bounces.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="bounces-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('newsletterStats.bounces.column.email')}</Table.Th>
                <Table.Th>{t('newsletterStats.bounces.column.type')}</Table.Th>
                <Table.Th>{t('newsletterStats.bounces.column.source')}</Table.Th>
                <Table.Th>{t('newsletterStats.bounces.column.diagnostic')}</Table.Th>
                <Table.Th>{t('newsletterStats.bounces.column.date')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((bounce) => (
                <Table.Tr key={bounce.id}>
                  <Table.Td dir="ltr">
                    <bdi>{bounce.email}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={TYPE_COLOR[bounce.type]}>{t(`newsletterStats.bounces.type.${bounce.type}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{t(`newsletterStats.bounces.source.${bounce.source}`)}</Table.Td>
                  <Table.Td dir="auto">
                    <Text size="sm" lineClamp={2}>
                      {bounce.diagnostic}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(bounce.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton pages={pages} />
    </Stack>
  );
}

export function BouncesSection({
  workspaceId,
  saved,
  canManageSettings,
  canMark,
}: {
  workspaceId: string;
  saved: NewsletterSettings;
  canManageSettings: boolean;
  canMark: boolean;
}) {
  const { t } = useI18n();
  return (
    <SettingsSection title={t('newsletterStats.bounces.title')} testId="bounces-section">
      <Text size="sm">{t('newsletterStats.bounces.intro', { limit: SOFT_BOUNCE_LIMIT })}</Text>
      {canManageSettings ? <WebhookUrl workspaceId={workspaceId} saved={saved} /> : null}
      {canMark ? <ManualMarking workspaceId={workspaceId} /> : null}
      <RecentBounces workspaceId={workspaceId} />
    </SettingsSection>
  );
}
