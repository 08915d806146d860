/**
 * Setup of the web unit tests (jsdom). Vitest runs without globals, so Testing Library cannot register
 * its own cleanup: each test unmounts what it rendered here, and the next one starts from an empty page.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// `findBy…` and `waitFor` wait for what a page shows after its requests; one second (the default)
// is not enough when the two cores are shared with a whole CI run.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  // A test's fake `fetch` (test/helpers/web-harness.tsx) never leaks into the next one.
  vi.unstubAllGlobals();
});

// jsdom lacks what Mantine measures with; these stand-ins only answer "no match / no size".
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
