/** Members and invitations: change roles, remove members, invite by email and copy the invitation link. */
import { Alert, Button, Code, CopyButton, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLES, type Role } from '../../../shared/roles.js';
import { InvitationCreateSchema } from '../../../shared/workspaces/workspace.schema.js';
import { useMe } from '../../api/session.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../components/form-errors.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { createInvitation, removeMember, revokeInvitation, setMemberRole, useInvitations, useMembers } from './admin-api.js';

function InviteForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const mutation = useMutation({
    mutationFn: (body: { email: string; role: Role }) => createInvitation(workspaceId, body),
    onSuccess: () => {
      setEmail('');
      // Not awaited: the form is usable again while the list refreshes.
      queryClient.invalidateQueries({ queryKey: ['invitations', workspaceId] });
    },
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };
  const roleOptions = ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = InvitationCreateSchema.safeParse({ email, role });
        if (!parsed.success) return setClientFields(fieldsFromZod(parsed.error, t));
        setClientFields({});
        if (!mutation.isPending) mutation.mutate(parsed.data);
      }}
    >
      <Stack>
        <ErrorAlert error={mutation.error} />
        <Group align="end">
          <TextInput
            label={t('directory.field.email')}
            type="email"
            dir="ltr"
            required
            value={email}
            error={fields.email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
          />
          <NativeSelect
            label={t('web.members.role')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={roleOptions}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('web.members.invite')}
          </Button>
        </Group>
        {mutation.data ? (
          <Alert color="teal" role="status">
            <Text size="sm">{t('web.members.inviteLink')}</Text>
            <Group gap="xs" mt="xs" wrap="nowrap">
              <Code dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                {mutation.data.url}
              </Code>
              <CopyButton value={mutation.data.url}>
                {({ copied, copy }) => (
                  <Button size="xs" onClick={copy}>
                    {copied ? t('web.action.copied') : t('web.action.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}

export function MembersPage() {
  const { t, formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const members = useMembers(workspace.id);
  const invitations = useInvitations(workspace.id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['members', workspace.id] });
  const changeRole = useMutation({
    mutationFn: (input: { userId: string; role: Role }) => setMemberRole(workspace.id, input.userId, input.role),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (userId: string) => removeMember(workspace.id, userId), onSettled: refresh });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeInvitation(workspace.id, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['invitations', workspace.id] }),
  });
  const roleOptions = ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('web.members.title')}
      </Title>
      <ErrorAlert error={members.error ?? changeRole.error ?? remove.error} />
      {members.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directory.field.name')}</Table.Th>
                <Table.Th>{t('directory.field.email')}</Table.Th>
                <Table.Th>{t('web.members.role')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(members.data ?? []).map((member) => (
                <Table.Tr key={member.userId}>
                  <Table.Td>
                    <bdi>{member.name}</bdi>
                    {member.userId === me?.user.id ? ` (${t('web.members.you')})` : ''}
                    <Text size="xs" c="dimmed">
                      {t('web.members.since', { date: formatDate(member.createdAt) })}
                    </Text>
                  </Table.Td>
                  <Table.Td dir="ltr">{member.email}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('web.members.role')}
                      value={member.role}
                      data={roleOptions}
                      disabled={changeRole.isPending}
                      onChange={(event) => changeRole.mutate({ userId: member.userId, role: event.currentTarget.value as Role })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      loading={remove.isPending && remove.variables === member.userId}
                      onClick={() => remove.mutate(member.userId)}
                    >
                      {t('web.action.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('web.members.inviteTitle')}
        </Title>
        <InviteForm workspaceId={workspace.id} />
      </Paper>
      <Title order={2} size="h4">
        {t('web.members.invitations')}
      </Title>
      <ErrorAlert error={invitations.error ?? revoke.error} />
      {(invitations.data ?? []).length === 0 ? <Text c="dimmed">{t('web.members.noInvitations')}</Text> : null}
      {(invitations.data ?? []).map((invitation) => (
        <Group key={invitation.id} justify="space-between" wrap="wrap">
          <Text>
            <bdi dir="ltr">{invitation.email}</bdi> · {t(`roles.${invitation.role}`)} ·{' '}
            <Text span c="dimmed" size="sm">
              {t('web.members.expires', { date: formatDate(invitation.expiresAt) })}
            </Text>
          </Text>
          <Button
            size="xs"
            color="red"
            variant="subtle"
            loading={revoke.isPending && revoke.variables === invitation.id}
            onClick={() => revoke.mutate(invitation.id)}
          >
            {t('web.members.revoke')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
