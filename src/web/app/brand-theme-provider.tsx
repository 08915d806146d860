/** Mantine with the current workspace's brand as primary colour (teal outside any workspace). */
import { type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { appTheme } from './brand-theme.js';
import { useCurrentWorkspace } from './workspace-context.js';

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});

export function BrandThemeProvider({ children }: { children: ReactNode }) {
  const brandColor = useCurrentWorkspace()?.workspace.brandColor;
  const theme = useMemo(() => appTheme(brandColor), [brandColor]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
