import { defineConfig } from 'wxt';
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * zod probes for `new Function` support once, to decide whether to compile parsers. Extension pages
 * forbid eval, so the probe can only fail (and reports a CSP violation); we run zod jitless
 * (lib/zod-config.ts) and drop the probe from the bundle so no `Function(...)` ships at all.
 */
function zodWithoutEvalProbe(): Plugin {
  const probe = /const F = Function;\s*new F\(""\);\s*return true;/;
  return {
    name: 'papershelf:zod-without-eval-probe',
    enforce: 'pre',
    transform(code, id) {
      if (!/zod[\\/]v4[\\/]core[\\/]util\.js$/.test(id)) return null;
      if (!probe.test(code)) this.error('zod changed its eval probe: update zodWithoutEvalProbe in wxt.config.ts');
      return code.replace(probe, 'return false;');
    },
  };
}

// Permissions are the product's promise to its users: keep this list short and in step with
// tests/e2e/permissions.ts (checked on the built manifest) and the README's permission table.
function devChromiumBinaries(): Record<string, string> | undefined {
  const chrome = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  return chrome ? { chrome } : undefined;
}

/**
 * webextension-polyfill for the extension's own pages and background, where its promise-returning
 * listeners are used; not for the content script, which every Hugging Face page loads and which
 * needs only what MV3 browsers give natively (promise-returning calls; it answers with sendResponse).
 * It saves the content script about 3 kB gzip.
 */
function polyfillOutsideContentScripts(entrypoints: readonly { type: string }[], config: { resolve?: { alias?: unknown } }) {
  if (entrypoints.some((e) => e.type === 'content-script')) return;
  const alias = { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' };
  const existing = config.resolve?.alias;
  config.resolve = { ...config.resolve, alias: Array.isArray(existing) ? [...existing, { find: 'wxt/browser', replacement: alias['wxt/browser'] }] : { ...(existing as object), ...alias } };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
    'vite:build:extendConfig': polyfillOutsideContentScripts,
    // Extension pages in `npm run dev` are served by Vite's dev server.
    'vite:devServer:extendConfig': (config) => polyfillOutsideContentScripts([], config),
  },
  vite: () => ({ plugins: [zodWithoutEvalProbe()] }),
  webExt: {
    startUrls: ['https://huggingface.co/papers'],
    // `npm run dev` opens Chromium when Chrome is not installed (Chrome 137+ ignores --load-extension).
    binaries: devChromiumBinaries(),
  },
  manifest: {
    // The texts are in public/_locales/<language>/messages.json, English the default.
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    host_permissions: ['https://huggingface.co/*'],
    optional_permissions: ['notifications'],
    commands: {
      _execute_action: {
        // Chromium keeps Alt+Shift+P for itself and never gives it to an extension; Alt with the
        // letter of a Firefox menu (F, E, V, S, B, T, H) opens that menu instead on Windows and Linux.
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_command_open_popup__',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'papershelf@papershelf.org',
        strict_min_version: '142.0',
        // Firefox asks extensions to declare what they collect; PaperShelf collects nothing.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
