/** Small line icons of the editor's toolbar (decorative: every button carries its name in words). */
import type { ReactNode } from 'react';

function Icon({ children, isMirrored = false }: { children: ReactNode; isMirrored?: boolean }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      // Lists, quotes and arrows read from the line's start: mirrored with the interface.
      className={isMirrored ? 'doc-icon-mirrored' : undefined}
    >
      {children}
    </svg>
  );
}

export const ICONS = {
  bulletList: (
    <Icon isMirrored>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1" fill="currentColor" />
      <circle cx="4.5" cy="12" r="1" fill="currentColor" />
      <circle cx="4.5" cy="18" r="1" fill="currentColor" />
    </Icon>
  ),
  orderedList: (
    <Icon isMirrored>
      <path d="M10 6h10M10 12h10M10 18h10M4 4l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.5 1.2L3.5 19H6.5" />
    </Icon>
  ),
  blockquote: (
    <Icon isMirrored>
      <path d="M4 6v12M9 8h11M9 12h11M9 16h7" />
    </Icon>
  ),
  callout: (
    <Icon>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M12 9v.01M12 12v4" />
    </Icon>
  ),
  footnote: (
    <Icon isMirrored>
      <path d="M4 18h10M4 13h10M17 4v5M15.5 5l1.5-1" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M9 15l6-6M11 6l1-1a4 4 0 0 1 6 6l-1 1M13 18l-1 1a4 4 0 0 1-6-6l1-1" />
    </Icon>
  ),
  image: (
    <Icon>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <circle cx="8.5" cy="10" r="1.5" />
      <path d="M21 16l-5-5-8 8" />
    </Icon>
  ),
  table: (
    <Icon>
      <rect x="3" y="4" width="18" height="16" rx="1" />
      <path d="M3 10h18M3 15h18M9 4v16M15 4v16" />
    </Icon>
  ),
  undo: (
    <Icon isMirrored>
      <path d="M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3" />
    </Icon>
  ),
  redo: (
    <Icon isMirrored>
      <path d="M15 14l5-5-5-5M20 9H9a5 5 0 0 0 0 10h3" />
    </Icon>
  ),
} as const;
