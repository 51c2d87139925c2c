// Goal: a preloadable page suspends (shows its fallback) until its module is loaded, renders at once after `preload()` has resolved, and loads again after a failed load. Method: server-side rendering of the real component inside Suspense; the module loader is a counting function.
import { type ComponentType, Suspense } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from '../../../client/src/components/preloadable.js';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

const render = (Component: ComponentType<{ name: string }>) =>
  renderToStaticMarkup(
    <Suspense fallback={<p>Loading…</p>}>
      <Component name="Ada" />
    </Suspense>,
  );

describe('preloadable', () => {
  it('shows the fallback before the module is loaded, and the page at once after preload()', async () => {
    let loads = 0;
    const page = preloadable(
      async () => {
        loads += 1;
        return { Greeting };
      },
      (module) => module.Greeting,
    );
    expect(render(page.Component)).toBe('<p>Loading…</p>');
    await page.preload();
    expect(render(page.Component)).toBe('<p>Hello Ada</p>');
    await page.preload();
    expect(loads).toBe(1);
  });

  it('loads again after a failed load', async () => {
    let loads = 0;
    const page = preloadable(
      async () => {
        loads += 1;
        if (loads === 1) throw new Error('chunk failed');
        return { Greeting };
      },
      (module) => module.Greeting,
    );
    await expect(page.preload()).rejects.toThrow('chunk failed');
    await page.preload();
    expect(loads).toBe(2);
    expect(render(page.Component)).toBe('<p>Hello Ada</p>');
  });
});
