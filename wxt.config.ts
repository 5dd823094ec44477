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
// tests/unit/manifest-allowlist.test.ts and the README's permission table.
function devChromiumBinaries(): Record<string, string> | undefined {
  const chrome = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  return chrome ? { chrome } : undefined;
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [zodWithoutEvalProbe()] }),
  webExt: {
    startUrls: ['https://huggingface.co/papers'],
    // `npm run dev` opens Chromium when Chrome is not installed (Chrome 137+ ignores --load-extension).
    binaries: devChromiumBinaries(),
  },
  manifest: {
    name: 'PaperShelf',
    description:
      "A personal reading list for Hugging Face's papers pages: save and tag papers, find them again, see what newly trends.",
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    host_permissions: ['https://huggingface.co/*'],
    optional_permissions: ['notifications'],
    action: { default_title: 'PaperShelf' },
    commands: {
      _execute_action: {
        // Chromium keeps Alt+Shift+P for itself and never gives it to an extension; Alt with the
        // letter of a Firefox menu (F, E, V, S, B, T, H) opens that menu instead on Windows and Linux.
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open PaperShelf',
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
