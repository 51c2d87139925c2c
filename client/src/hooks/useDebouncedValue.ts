import { useEffect, useState } from 'react';

/**
 * `value`, once it has stayed the same for `delayMs` milliseconds: typing "1", "10", "100" asks
 * the server once, for "100". Values compare with `Object.is`.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
