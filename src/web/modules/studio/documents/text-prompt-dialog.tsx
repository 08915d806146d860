/**
 * A small dialog asking for one text (a link's address, a footnote, an image description), checked
 * before it is applied; the text is typed in the document's language and direction.
 */
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context.js';

export interface TextPromptDialogProps {
  title: string;
  label: string;
  initial: string;
  /** The text's direction: `ltr` for an address, the document language's for a note. */
  dir: 'ltr' | 'rtl';
  lang?: string;
  isMultiline?: boolean;
  maxLength: number;
  submitLabel: string;
  /** The error message of a value, or null when it is acceptable. */
  validate?(value: string): string | null;
  onSubmit(value: string): void;
  /** A second, destructive action (remove the link…). */
  remove?: { label: string; onRemove(): void };
  onClose(): void;
}

export function TextPromptDialog(props: TextPromptDialogProps) {
  const { t } = useI18n();
  const [value, setValue] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const problem = props.validate?.(value.trim()) ?? null;
    if (problem) {
      setError(problem);
      return;
    }
    props.onSubmit(value.trim());
  };
  const field = {
    label: props.label,
    value,
    error,
    dir: props.dir,
    lang: props.lang,
    maxLength: props.maxLength,
    'data-autofocus': true,
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {props.isMultiline ? (
            <Textarea {...field} rows={4} onChange={(event) => setValue(event.currentTarget.value)} />
          ) : (
            <TextInput {...field} onChange={(event) => setValue(event.currentTarget.value)} />
          )}
          <Group justify="space-between">
            {props.remove ? (
              <Button variant="subtle" color="red" onClick={props.remove.onRemove}>
                {props.remove.label}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={props.onClose}>
                {t('web.action.cancel')}
              </Button>
              <Button type="submit">{props.submitLabel}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
