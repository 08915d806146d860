/** Asks for a reset link by email; the answer is the same whether or not the address exists. */
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { requestPasswordReset } from '../../api/session.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n-context.js';
import { AuthLayout } from './auth-layout.js';

export function ForgotPasswordPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  return (
    <AuthLayout title={t('web.forgot.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        <Stack>
          <ErrorAlert error={mutation.error} />
          {mutation.isSuccess ? (
            <Alert color="teal" role="status">
              {t('web.forgot.sent')}
            </Alert>
          ) : null}
          <TextInput
            label={t('directory.field.email')}
            type="email"
            autoComplete="username"
            dir="ltr"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('web.forgot.submit')}
          </Button>
          <Anchor component={Link} href="/sign-in" size="sm">
            {t('web.forgot.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
