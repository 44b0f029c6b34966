/** @peculiar/x509, loaded once with what it needs: a Reflect metadata shim (its tsyringe dependency asks for one) and Node's webcrypto. */
import { webcrypto } from 'node:crypto';

type MetadataKey = unknown;
type Target = object;
const store = new WeakMap<Target, Map<string | symbol | undefined, Map<MetadataKey, unknown>>>();

/** The metadata map of a target and property, made on demand. */
function table(target: Target, property: string | symbol | undefined, create: boolean): Map<MetadataKey, unknown> | undefined {
  let byProperty = store.get(target);
  if (!byProperty && create) store.set(target, (byProperty = new Map()));
  let entries = byProperty?.get(property);
  if (!entries && create && byProperty) byProperty.set(property, (entries = new Map()));
  return entries;
}

/** The part of the Reflect metadata API tsyringe calls (defineMetadata, getMetadata, getOwnMetadata, hasMetadata, metadata). */
const metadataApi = {
  defineMetadata(key: MetadataKey, value: unknown, target: Target, property?: string | symbol): void {
    table(target, property, true)?.set(key, value);
  },
  getOwnMetadata(key: MetadataKey, target: Target, property?: string | symbol): unknown {
    return table(target, property, false)?.get(key);
  },
  getMetadata(key: MetadataKey, target: Target, property?: string | symbol): unknown {
    for (let current: Target | null = target; current; current = Object.getPrototypeOf(current) as Target | null) {
      const entries = table(current, property, false);
      if (entries?.has(key)) return entries.get(key);
    }
    return undefined;
  },
  hasMetadata(key: MetadataKey, target: Target, property?: string | symbol): boolean {
    return metadataApi.getMetadata(key, target, property) !== undefined;
  },
  metadata(key: MetadataKey, value: unknown) {
    return (target: Target, property?: string | symbol): void => metadataApi.defineMetadata(key, value, target, property);
  },
};

const reflect = Reflect as unknown as Record<string, unknown>;
for (const [name, fn] of Object.entries(metadataApi)) if (typeof reflect[name] !== 'function') reflect[name] = fn;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after the shim above, which an import statement would not allow
const x509 = require('@peculiar/x509') as typeof import('@peculiar/x509');
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export { x509 };
export type * from '@peculiar/x509';
