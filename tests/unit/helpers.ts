import { createLibraryDatabase } from '@/lib/library/schema';
import { Library } from '@/lib/library/library';
import { PaperMetadataSchema, type PaperMetadata, type PaperMetadataInput } from '@/lib/paper/model';

let counter = 0;

/** A fresh database per test: fake-indexeddb is shared by the whole test file. */
export function freshDatabaseName(): string {
  counter += 1;
  return `papershelf-test-${Date.now()}-${counter}`;
}

export function freshLibrary(now?: () => number) {
  const db = createLibraryDatabase(freshDatabaseName());
  return new Library(db, now);
}

/** Metadata in the shape a page reports it; by default a real paper from Hugging Face's daily list. */
export function metadata(overrides: Partial<PaperMetadataInput> = {}): PaperMetadata {
  return PaperMetadataSchema.parse({
    id: '2606.03748',
    title: 'Ultralytics YOLO26: Unified Real-Time End-to-End Vision Models',
    summary:
      'Real-time vision demands models that are accurate, efficient, and simple to deploy across diverse hardware.',
    authors: ['Glenn Jocher', 'Jing Qiu', 'Mengyu Liu', 'Shuai Lyu', 'Fatih Cagatay Akyon', 'Muhammet Esat Kalfaoglu'],
    organization: { handle: 'Ultralytics', name: 'Ultralytics' },
    publishedAt: '2026-06-02',
    upvotes: 23,
    github: { repo: 'https://github.com/ultralytics/ultralytics', stars: 62246 },
    ...overrides,
  });
}

export function clock(start = Date.UTC(2026, 10, 26, 9)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** The trending watcher as the router sees it, doing nothing but being asked. */
export function fakeTrending() {
  return { check: vi.fn(), markSeen: vi.fn(async () => 0), reschedule: vi.fn(async () => {}), clear: vi.fn(async () => {}) };
}
