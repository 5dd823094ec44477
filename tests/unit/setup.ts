import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing';
import { messageReader, readMessages } from './browser-i18n';

// fakeBrowser has no i18n: tests read the English messages the way an English browser does.
const english = messageReader(readMessages('en'));
function readEnglish() {
  fakeBrowser.i18n.getMessage = english;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
}
readEnglish();

beforeEach(() => {
  // fakeBrowser keeps its state between tests unless told otherwise.
  fakeBrowser.reset();
  readEnglish();
});

afterEach(() => {
  cleanup();
});
