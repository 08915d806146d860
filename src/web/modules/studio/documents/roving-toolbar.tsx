/**
 * A toolbar as the WAI-ARIA pattern has it: one Tab stop, arrow keys move between its buttons
 * (left and right swap in a right-to-left interface), Home and End go to the ends, Escape gives the
 * focus back to the editor.
 */
import { Group } from '@mantine/core';
import { forwardRef, type KeyboardEvent, type ReactNode, useCallback, useEffect, useImperativeHandle, useRef } from 'react';

export interface RovingToolbarHandle {
  focusFirst(): void;
}

const ITEM = '[data-toolbar-item]:not(:disabled)';

export const RovingToolbar = forwardRef<
  RovingToolbarHandle,
  { label: string; controls: string; dir: 'ltr' | 'rtl'; onEscape(): void; children: ReactNode; testId?: string }
>(function RovingToolbar({ label, controls, dir, onEscape, children, testId }, handle) {
  const ref = useRef<HTMLDivElement>(null);
  const current = useRef(0);

  const items = useCallback(() => Array.from(ref.current?.querySelectorAll<HTMLElement>(ITEM) ?? []), []);
  const settle = useCallback(() => {
    const list = items();
    if (list.length === 0) return;
    current.current = Math.min(current.current, list.length - 1);
    list.forEach((item, index) => {
      item.tabIndex = index === current.current ? 0 : -1;
    });
  }, [items]);
  // Buttons come and go with the selection (table, image…): keep exactly one in the Tab order.
  useEffect(() => settle());

  const move = (index: number) => {
    const list = items();
    if (list.length === 0) return;
    current.current = (index + list.length) % list.length;
    settle();
    list[current.current]?.focus();
  };

  useImperativeHandle(handle, () => ({ focusFirst: () => move(0) }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const target =
      event.key === forward
        ? at + 1
        : event.key === backward
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? list.length - 1
              : null;
    if (target !== null) {
      event.preventDefault();
      move(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  };

  return (
    <Group
      ref={ref}
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      gap={2}
      wrap="wrap"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const at = items().indexOf(event.target as HTMLElement);
        if (at >= 0) {
          current.current = at;
          settle();
        }
      }}
      data-testid={testId}
    >
      {children}
    </Group>
  );
});
