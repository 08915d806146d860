/**
 * Sending the issue to a few addresses before the real send: one to five addresses, the variant to
 * send, and what happened (sent over SMTP, or waiting in the outbox when no SMTP is configured).
 */
import { Alert, Button, Group, Modal, Select, Stack, TagsInput, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ISSUE_LIMITS } from '../../../../shared/newsletter/issue-api.schema.js';
import type { Variant } from '../../../../shared/newsletter/newsletter.schema.js';
import { useMe } from '../../../api/session.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { useT } from '../../../i18n/i18n-context.js';
import { sendTestEmail } from './issues-api.js';

export interface TestSendDialogProps {
  issueId: string;
  isOpen: boolean;
  onClose(): void;
  /** The variant shown in the preview, offered first. */
  variant: Variant;
  variants: Variant[];
}

export function TestSendDialog({ issueId, isOpen, onClose, variant, variants }: TestSendDialogProps) {
  const t = useT();
  const { workspace } = useWorkspace();
  const { data: me } = useMe();
  const [addresses, setAddresses] = useState<string[]>(() => (me?.user.email ? [me.user.email] : []));
  const [chosen, setChosen] = useState<Variant>(variant);
  const mutation = useMutation({ mutationFn: () => sendTestEmail(workspace.id, issueId, { addresses, variant: chosen }) });
  const fields = fieldsFromApiError(mutation.error);
  const addressError = fields.addresses ?? Object.entries(fields).find(([path]) => path.startsWith('addresses.'))?.[1];
  const variantName = (value: Variant) => (value === 'bilingual' ? t('newsletter.preview.bilingual') : t(`public.languageName.${value}`));
  return (
    <Modal opened={isOpen} onClose={onClose} title={t('newsletter.testSend.title')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        <Stack gap="sm">
          <TagsInput
            label={t('newsletter.testSend.addresses')}
            description={t('newsletter.testSend.addressesHelp', { max: ISSUE_LIMITS.testAddresses })}
            value={addresses}
            onChange={(next) => {
              mutation.reset();
              setAddresses(next.map((address) => address.trim()).filter(Boolean));
            }}
            maxTags={ISSUE_LIMITS.testAddresses}
            splitChars={[',', ' ', ';']}
            dir="ltr"
            error={addressError}
          />
          <Select
            label={t('newsletter.testSend.variant')}
            value={chosen}
            onChange={(value) => value && setChosen(value as Variant)}
            data={variants.map((value) => ({ value, label: variantName(value) }))}
            allowDeselect={false}
            error={fields.variant}
          />
          <Text size="sm" c="dimmed">
            {t('newsletter.testSend.help')}
          </Text>
          <ErrorAlert error={mutation.error && !addressError && !fields.variant ? mutation.error : null} />
          {mutation.data ? (
            <Alert color="teal" role="status">
              {mutation.data.isSmtp
                ? t('newsletter.testSend.sent', { count: mutation.data.sent })
                : t('newsletter.testSend.outbox', { count: mutation.data.sent })}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('newsletter.testSend.close')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={addresses.length === 0}>
              {t('newsletter.testSend.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
