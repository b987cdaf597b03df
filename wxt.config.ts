import { defineConfig } from 'wxt';

// Permissions are kept to the minimum the policy allows: the social sites' hosts (through the
// content script matches), storage, unlimitedStorage, and downloads for exports.
export default defineConfig({
  // MA_NO_MINIFY=1 keeps function names for `scripts/profile-page.ts`.
  vite: () => ({ build: { minify: process.env.MA_NO_MINIFY ? false : undefined } }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Moderator Assist',
    description:
      "Guidance for police social-media moderators: highlights comments that meet the force's removal or report-as-crime criteria.",
    permissions: ['storage', 'unlimitedStorage', 'downloads'],
    browser_specific_settings: {
      gecko: {
        id: 'moderator-assist@example.invalid',
        strict_min_version: '140.0',
        // Nothing leaves the browser unless the moderator exports it.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
