/**
 * The mapping step: each column of the file with its first rows and what it becomes (a subscriber
 * field, a custom attribute, or nothing). Cells keep their own direction (`dir="auto"`: Arabic right
 * to left, addresses left to right); addresses the import would refuse are flagged before it starts.
 */
import { Badge, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import {
  ATTRIBUTE_KEY,
  IMPORT_ATTRIBUTE_PREFIX,
  IMPORT_FIELDS,
  type ImportPreview,
} from '../../../../shared/newsletter/import-api.schema.js';
import { isPlausibleEmail } from '../../../../shared/newsletter/subscriber-identity.js';
import { useI18n } from '../../../i18n/i18n-context.js';

export type ColumnMapping = Record<string, string>;

/** An attribute key for a column the server did not suggest one for ("Ville natale" → ville_natale). */
export function attributeKeyFromHeader(header: string, column: number): string {
  const key = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'c_$1')
    .slice(0, 40)
    .replace(/_+$/, '');
  return key || `column_${column + 1}`;
}

/** Problems the server would refuse, as field-error codes: no email column, or a field given twice. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const targets = Object.values(mapping).filter((target) => target !== 'ignore');
  const problems: string[] = [];
  if (!targets.includes('email')) problems.push('EMAIL_COLUMN_REQUIRED');
  const single = targets.filter((target) => target !== 'tags');
  if (new Set(single).size !== single.length) problems.push('DUPLICATE_TARGET');
  const keys = targets.filter((target) => target.startsWith(IMPORT_ATTRIBUTE_PREFIX));
  if (keys.some((target) => !ATTRIBUTE_KEY.test(target.slice(IMPORT_ATTRIBUTE_PREFIX.length)))) problems.push('INVALID_ATTRIBUTE_KEY');
  return problems;
}

const ATTRIBUTE_CHOICE = 'attribute';

export function ImportMappingStep(props: { preview: ImportPreview; mapping: ColumnMapping; onChange(mapping: ColumnMapping): void }) {
  const { t, formatNumber } = useI18n();
  const { preview, mapping } = props;
  const headerOf = (column: number) =>
    preview.headers[column] || t('newsletterImport.mapping.column', { number: formatNumber(column + 1) });
  const emailColumn = Object.entries(mapping).find(([, target]) => target === 'email')?.[0];
  const fieldOptions = [
    ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`newsletterImport.target.${field}`) })),
    { value: ATTRIBUTE_CHOICE, label: t('newsletterImport.target.attribute') },
    { value: 'ignore', label: t('newsletterImport.target.ignore') },
  ];

  function setTarget(column: number, target: string) {
    props.onChange({ ...mapping, [String(column)]: target });
  }

  function choose(column: number, choice: string) {
    if (choice !== ATTRIBUTE_CHOICE) return setTarget(column, choice);
    const suggested = preview.suggestedMapping[String(column)] ?? '';
    const key = suggested.startsWith(IMPORT_ATTRIBUTE_PREFIX)
      ? suggested.slice(IMPORT_ATTRIBUTE_PREFIX.length)
      : attributeKeyFromHeader(preview.headers[column] ?? '', column);
    setTarget(column, `${IMPORT_ATTRIBUTE_PREFIX}${key}`);
  }

  return (
    <Table.ScrollContainer minWidth={Math.max(480, preview.headers.length * 190)}>
      <Table withTableBorder withColumnBorders striped verticalSpacing="xs" data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            {preview.headers.map((_, column) => {
              const target = mapping[String(column)] ?? 'ignore';
              const isAttribute = target.startsWith(IMPORT_ATTRIBUTE_PREFIX);
              const key = isAttribute ? target.slice(IMPORT_ATTRIBUTE_PREFIX.length) : '';
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions in the file
                <Table.Th key={column} style={{ verticalAlign: 'top', minWidth: 170 }}>
                  <Stack gap={6}>
                    <Text fw={700} size="sm" dir="auto" style={{ unicodeBidi: 'isolate' }}>
                      {headerOf(column)}
                    </Text>
                    <NativeSelect
                      aria-label={t('newsletterImport.mapping.targetOf', { column: headerOf(column) })}
                      data={fieldOptions}
                      value={isAttribute ? ATTRIBUTE_CHOICE : target}
                      onChange={(event) => choose(column, event.currentTarget.value)}
                      size="xs"
                    />
                    {isAttribute ? (
                      <TextInput
                        size="xs"
                        dir="ltr"
                        aria-label={t('newsletterImport.mapping.attributeKeyOf', { column: headerOf(column) })}
                        value={key}
                        error={ATTRIBUTE_KEY.test(key) ? undefined : t('fieldErrors.INVALID_ATTRIBUTE_KEY')}
                        onChange={(event) => setTarget(column, `${IMPORT_ATTRIBUTE_PREFIX}${event.currentTarget.value.trim()}`)}
                      />
                    ) : null}
                  </Stack>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the file
            <Table.Tr key={rowIndex}>
              {row.map((cell, column) => {
                const isEmail = String(column) === emailColumn;
                const isRefused = isEmail && !isPlausibleEmail(cell.trim());
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions in the file
                  <Table.Td key={column} dir="auto" data-invalid={isRefused || undefined} c={isRefused ? 'red.9' : undefined}>
                    {cell}
                    {isRefused ? (
                      <Badge color="red.9" size="xs" ms={cell ? 6 : 0}>
                        {cell.trim() ? t('newsletterImport.mapping.invalidEmail') : t('newsletterImport.mapping.missingEmail')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
