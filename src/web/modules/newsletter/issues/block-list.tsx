/**
 * The blocks in order: add one of each type, move up or down with buttons (keyboard
 * accessible; focus stays on the moved block), remove, and edit each block's fields. A two-column
 * block holds two such lists of leaf blocks.
 */
import { ActionIcon, Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import type { LeafBlock, NewsletterBlock } from '../../../../shared/newsletter/newsletter.schema.js';
import type { FieldMessages } from '../../../components/form-errors.js';
import { useT } from '../../../i18n/i18n-context.js';
import { LeafBlockEditor } from './block-editor.js';
import { BLOCK_TYPES, type BlockType, blockExcerpt, LEAF_TYPES, moveItem, newBlock } from './blocks.js';

export interface BlockListProps<T extends NewsletterBlock> {
  blocks: T[];
  onChange(blocks: T[]): void;
  languages: readonly string[];
  timeZone: string;
  /** Field path of the list (`blocks`, `blocks.5.columns.0`). */
  path: string;
  fields: FieldMessages;
  /** Inside a column only leaf blocks are allowed. */
  isLeafOnly?: boolean;
  /** The list's name for assistive technology ("Blocks", "Column 1"). */
  label: string;
}

export function BlockList<T extends NewsletterBlock>(props: BlockListProps<T>) {
  const { blocks, onChange, languages, timeZone, path, fields, isLeafOnly, label } = props;
  const t = useT();
  const listRef = useRef<HTMLDivElement>(null);
  const types: readonly BlockType[] = isLeafOnly ? LEAF_TYPES : BLOCK_TYPES;

  const focusAction = (blockId: string, preferred: 'up' | 'down') => {
    requestAnimationFrame(() => {
      const find = (action: string) =>
        listRef.current?.querySelector<HTMLButtonElement>(`[data-block-id="${blockId}"][data-block-action="${action}"]:not(:disabled)`);
      (find(preferred) ?? find(preferred === 'up' ? 'down' : 'up'))?.focus();
    });
  };
  const move = (index: number, delta: -1 | 1) => {
    const block = blocks[index];
    onChange(moveItem(blocks, index, delta));
    if (block) focusAction(block.id, delta < 0 ? 'up' : 'down');
  };
  const replace = (index: number, block: T) => onChange(blocks.map((item, position) => (position === index ? block : item)));

  return (
    <Stack gap="sm">
      <Stack component="ol" ref={listRef} gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {blocks.map((block, index) => {
          const typeName = t(`newsletter.blockType.${block.type}`);
          const excerpt = blockExcerpt(block, languages);
          const position = t('newsletter.block.position', { position: index + 1, type: typeName });
          return (
            <Paper key={block.id} component="li" withBorder p="sm" data-testid="block" data-block-type={block.type}>
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Badge variant="default">{index + 1}</Badge>
                    <Text fw={600} size="sm">
                      {typeName}
                    </Text>
                    {excerpt ? (
                      <Text size="sm" c="dimmed" truncate dir={excerpt.dir} style={{ unicodeBidi: 'isolate' }}>
                        {excerpt.value}
                      </Text>
                    ) : null}
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      aria-label={t('newsletter.block.moveUp', { block: position })}
                      data-block-id={block.id}
                      data-block-action="up"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={t('newsletter.block.moveDown', { block: position })}
                      data-block-id={block.id}
                      data-block-action="down"
                      disabled={index === blocks.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      color="red"
                      aria-label={t('newsletter.block.remove', { block: position })}
                      onClick={() => onChange(blocks.filter((_, position) => position !== index))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </Group>
                {block.type === 'columns' ? (
                  <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                    {block.columns.map((column, side) => (
                      <Paper key={side === 0 ? 'first' : 'second'} bg="gray.0" p="xs">
                        <BlockList<LeafBlock>
                          blocks={column}
                          onChange={(next) => {
                            const columns: [LeafBlock[], LeafBlock[]] = side === 0 ? [next, block.columns[1]] : [block.columns[0], next];
                            replace(index, { ...block, columns } as T);
                          }}
                          languages={languages}
                          timeZone={timeZone}
                          path={`${path}.${index}.columns.${side}`}
                          fields={fields}
                          isLeafOnly
                          label={t('newsletter.block.column', { number: side + 1 })}
                        />
                      </Paper>
                    ))}
                  </SimpleGrid>
                ) : (
                  <LeafBlockEditor
                    block={block}
                    onChange={(next) => replace(index, next as T)}
                    languages={languages}
                    timeZone={timeZone}
                    path={`${path}.${index}`}
                    fields={fields}
                  />
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {blocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {isLeafOnly ? t('newsletter.block.columnEmpty') : t('newsletter.block.empty')}
        </Text>
      ) : null}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light" size="xs" w="fit-content">
            {isLeafOnly ? t('newsletter.block.addToColumn', { column: label }) : t('newsletter.block.add')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {types.map((type) => (
            <Menu.Item key={type} onClick={() => onChange([...blocks, newBlock(type, languages, timeZone) as T])}>
              {t(`newsletter.blockType.${type}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
