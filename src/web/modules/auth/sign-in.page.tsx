/** Sign in with email and password (better-auth); the language can be chosen before. */
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { fetchMe, ME_QUERY_KEY, signIn } from '../../api/session.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n-context.js';
import { AuthLayout } from './auth-layout.js';

/** Only same-app paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && /^\/(?!\/)/.test(next) ? next : '/';
}

export function SignInPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      await signIn(email.trim(), password);
      return fetchMe();
    },
    onSuccess: (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  return (
    <AuthLayout title={t('web.signIn.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        <Stack>
          <ErrorAlert error={mutation.error} />
          <TextInput
            label={t('directory.field.email')}
            type="email"
            name="email"
            autoComplete="username"
            dir="ltr"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('web.signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('web.signIn.submit')}
          </Button>
          <Anchor component={Link} href="/forgot-password" size="sm">
            {t('web.signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
