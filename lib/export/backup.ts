import { PaperSchema, type Paper } from '../paper/model';
import { z } from '../zod-config';

/**
 * PaperShelf's backup file: everything needed to restore the library. Versioned so that a file
 * from a newer PaperShelf is refused with a clear message instead of being half understood.
 */
export const BACKUP_FORMAT = 'papershelf-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  papers: Paper[];
}

export function makeBackup(papers: Paper[], now: Date = new Date()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), papers };
}

export function backupJson(papers: Paper[], now?: Date): string {
  return JSON.stringify(makeBackup(papers, now), null, 1);
}

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  papers: z.array(PaperSchema),
});

export type BackupParse = { ok: true; backup: Backup } | { ok: false; error: string };

/** Reads a backup file's text; every way it can be wrong gets a sentence saying what is wrong. */
export function parseBackup(text: string): BackupParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const looksCut = /^\s*[[{]/.test(text) && !/[\]}]\s*$/.test(text);
    return {
      ok: false,
      error: looksCut
        ? 'This file is cut short (it ends in the middle of the data). Export the backup again.'
        : 'This file is not a PaperShelf backup: it is not JSON.',
    };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: 'This file is JSON, but not a PaperShelf backup.' };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return { ok: false, error: `This backup was made by a newer PaperShelf (format ${version}). Update PaperShelf to import it.` };
  }
  if (version !== BACKUP_VERSION) return { ok: false, error: `This backup has an unknown format version (${String(version)}).` };
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [first, index, ...field] = issue.path.map(String);
    const where =
      first === 'papers' && index !== undefined ? `paper ${Number(index) + 1}${field.length > 0 ? ` (${field.join('.')})` : ''}` : issue.path.join('.');
    return { ok: false, error: `This backup is damaged: ${where}: ${issue.message}. Nothing was imported.` };
  }
  return { ok: true, backup: parsed.data as Backup };
}
