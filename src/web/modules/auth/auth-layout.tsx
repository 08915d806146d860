/** The frame of pages seen before sign-in: a centred card with the language switch on top. */
import { Container, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../app/language-switch.js';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={440} py="xl" component="main">
      <Group justify="space-between" mb="lg">
        <Text fw={700} size="xl" c="teal.9">
          Tawasul
        </Text>
        <LanguageSwitch size="xs" />
      </Group>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <Title order={1} size="h3" mb="md">
          {title}
        </Title>
        {children}
      </Paper>
    </Container>
  );
}
