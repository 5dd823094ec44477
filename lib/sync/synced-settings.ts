import { compareStamps, type Stamp } from '@/lib/sync/clock';

/**
 * Settings that follow the person from browser to browser: one last-writer-wins register per setting,
 * holding the value as JSON text. Which settings sync, and checking their values, is the caller's
 * business (a browser-specific one, like notifications that need a permission, should not).
 */
export interface SettingRegister {
  name: string;
  /** The value as JSON text. */
  value: string;
  at: Stamp;
}

export const MAX_SETTING_NAME_LENGTH = 100;
export const MAX_SETTING_VALUE_LENGTH = 4000;

export function joinSettings(a: SettingRegister, b: SettingRegister): SettingRegister {
  const order = compareStamps(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  return a.value >= b.value ? a : b;
}

export function settingValue(reg: SettingRegister | undefined): unknown {
  return reg === undefined ? undefined : JSON.parse(reg.value);
}

/** The register after setting `value` locally, or `reg` itself when the value is the same. */
export function recordSetting(reg: SettingRegister | undefined, name: string, value: unknown, at: Stamp): SettingRegister | undefined {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`Setting ${name} has no JSON value`);
  if (name.length === 0 || name.length > MAX_SETTING_NAME_LENGTH) throw new RangeError(`Setting name "${name.slice(0, 40)}" is empty or too long`);
  if (json.length > MAX_SETTING_VALUE_LENGTH) throw new RangeError(`Setting ${name} is too large to sync`);
  if (reg?.value === json) return reg;
  return { name, value: json, at };
}
