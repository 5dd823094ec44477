import { useEffect, useState } from 'react';
import { useServices } from '@/components/popup/services';

/** A storage.local value, kept current as the background changes it. */
export function useStoredValue<T>(key: string, read: (value: unknown) => T): T | undefined {
  const { readLocal, onLocalChange } = useServices();
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void readLocal(key).then((v) => live && setValue(read(v)));
    const stop = onLocalChange((changes) => {
      if (key in changes) setValue(read(changes[key]?.newValue));
    });
    return () => {
      live = false;
      stop();
    };
    // `read` is a pure converter; re-subscribing when it changes identity is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, readLocal, onLocalChange]);
  return value;
}
