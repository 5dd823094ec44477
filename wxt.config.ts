import { defineConfig } from 'wxt';

// Permissions are the product's promise to its users: keep this list short and in step with
// tests/unit/manifest-allowlist.test.ts and the README's permission table.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  webExt: {
    startUrls: ['https://huggingface.co/papers'],
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
        suggested_key: { default: 'Alt+Shift+P' },
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
