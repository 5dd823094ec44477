import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing';

beforeEach(() => {
  // fakeBrowser keeps its state between tests unless told otherwise.
  fakeBrowser.reset();
});

afterEach(() => {
  cleanup();
});
