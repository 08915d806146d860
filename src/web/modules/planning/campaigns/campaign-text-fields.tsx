/** A campaign's title and description in every content language: the same two editors on the create and edit forms. */
import { LIMITS } from '../../../../shared/limits.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { type FieldMessages, languageErrorsOf } from '../../../components/form-errors.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useI18n } from '../../../i18n/i18n-context.js';

export function CampaignTextFields(props: {
  title: LocalizedText;
  onTitleChange(value: LocalizedText): void;
  description: LocalizedText;
  onDescriptionChange(value: LocalizedText): void;
  languages: readonly string[];
  fields: FieldMessages;
}) {
  const { t } = useI18n();
  return (
    <>
      <LocalizedTextEditor
        label={t('campaigns.field.title')}
        name="title"
        value={props.title}
        onChange={props.onTitleChange}
        languages={props.languages}
        isRequired
        maxLength={LIMITS.nameLength}
        error={props.fields.title}
        languageErrors={languageErrorsOf(props.fields, 'title')}
      />
      <LocalizedTextEditor
        label={t('campaigns.field.description')}
        name="description"
        value={props.description}
        onChange={props.onDescriptionChange}
        languages={props.languages}
        isMultiline
        maxLength={4000}
        error={props.fields.description}
        languageErrors={languageErrorsOf(props.fields, 'description')}
      />
    </>
  );
}
