/** What PaperShelf may ask for. Anything else in a built manifest fails the build. */
export const ALLOWED_PERMISSIONS = ['storage', 'alarms', 'unlimitedStorage'];
export const ALLOWED_OPTIONAL_PERMISSIONS = ['notifications'];
export const ALLOWED_HOSTS = ['https://huggingface.co/*'];

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

/** Permissions in `manifest` outside the allowlist. */
export function unexpectedPermissions(manifest: Manifest): string[] {
  return [
    ...(manifest.permissions ?? []).filter((p) => !ALLOWED_PERMISSIONS.includes(p)),
    ...(manifest.optional_permissions ?? []).filter((p) => !ALLOWED_OPTIONAL_PERMISSIONS.includes(p)),
    ...[...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])].filter((h) => !ALLOWED_HOSTS.includes(h)),
  ];
}
