/** React.lazy for named exports (house style forbids default exports). */
import { type ComponentType, lazy } from 'react';

export function lazyPage<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
