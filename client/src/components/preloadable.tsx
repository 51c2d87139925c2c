import { type ComponentType, createElement, lazy, useState } from 'react';

/** A page component fetched on first use, which can also be fetched ahead ({@link preloadable}). */
export interface Preloadable<Module, Props extends object> {
  /** Renders the page: at once when its module is already loaded, else through React.lazy (suspends). */
  Component: ComponentType<Props>;
  /** Loads the module (once; again after a failure) and resolves to it. */
  preload(): Promise<Module>;
}

/**
 * Like React.lazy, but a page whose module was loaded ahead (`preload()` resolved before it first renders)
 * renders at once instead of suspending. A lazy component suspends on its first render even when its chunk
 * is already there, and React then holds the revealed page back for its fallback throttle (about 300 ms in
 * React 19): on the first load the Overview paid that twice. An instance keeps the component it started
 * with, so a page is never remounted when its module arrives.
 */
export function preloadable<Module, Props extends object>(
  load: () => Promise<Module>,
  componentOf: (module: Module) => ComponentType<Props>,
): Preloadable<Module, Props> {
  let loaded: Module | undefined;
  let loading: Promise<Module> | undefined;
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: componentOf(await preload()) }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level, as React.lazy makes its component.
  function PreloadablePage(props: Props) {
    const [Shown] = useState<ComponentType<Props>>(() => (loaded === undefined ? Lazy : componentOf(loaded)));
    return createElement(Shown, props);
  }
  return { Component: PreloadablePage, preload };
}
