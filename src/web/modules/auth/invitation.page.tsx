/** Accepts an invitation (/app/invitation/:token): new people choose a name and password, then are signed in. */
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { InvitationAcceptSchema } from '../../../shared/workspaces/workspace.schema.js';
import { apiRequest } from '../../api/api-client.js';
import { fetchMe, ME_QUERY_KEY, signIn } from '../../api/session.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../components/form-errors.js';
import { LocalizedValue } from '../../components/localized-value.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AuthLayout } from './auth-layout.js';

interface InvitationPreview {
  email: string;
  role: string;
  workspace: { id: string; name: Record<string, { value: string; status: string }> };
  hasAccount: boolean;
}

export function InvitationPage() {
  const { t, locale } = useI18n();
  const { token = '' } = useParams<{ token: string }>();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => apiRequest<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  const mutation = useMutation({
    mutationFn: async () => {
      const { email } = await apiRequest<{ email: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body: { name: name.trim() || (preview.data?.email ?? ''), password, locale },
      });
      await signIn(email, password);
      return fetchMe();
    },
    onSuccess: (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me);
      navigate(`/w/${preview.data?.workspace.id}/organisations`, { replace: true });
    },
  });
  if (preview.isPending) return <PageLoader />;
  if (!preview.data) {
    return (
      <AuthLayout title={t('web.invitation.title')}>
        <ErrorAlert error={preview.error} />
      </AuthLayout>
    );
  }
  const invitation = preview.data;
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };
  const submit = () => {
    const parsed = InvitationAcceptSchema.safeParse({ name: invitation.hasAccount ? name || invitation.email : name, password, locale });
    if (!parsed.success) return setClientFields(fieldsFromZod(parsed.error, t));
    setClientFields({});
    if (!mutation.isPending) mutation.mutate();
  };
  return (
    <AuthLayout title={t('web.invitation.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Alert color="teal">
            {t('web.invitation.intro', { role: t(`roles.${invitation.role}`) })}{' '}
            <LocalizedValue value={invitation.workspace.name} fw={700} />
          </Alert>
          <ErrorAlert error={mutation.error} />
          <Text size="sm">
            {t('directory.field.email')}: <bdi>{invitation.email}</bdi>
          </Text>
          {invitation.hasAccount ? (
            <Text size="sm">{t('web.invitation.hasAccount')}</Text>
          ) : (
            <TextInput
              label={t('directory.field.name')}
              autoComplete="name"
              dir="auto"
              required
              value={name}
              error={fields.name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
          )}
          <PasswordInput
            label={invitation.hasAccount ? t('web.signIn.password') : t('web.password.new')}
            autoComplete={invitation.hasAccount ? 'current-password' : 'new-password'}
            required
            value={password}
            error={fields.password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('web.invitation.accept')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
