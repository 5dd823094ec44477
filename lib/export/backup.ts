import { PaperSchema, type Paper } from '@/lib/paper/model';
import { z } from '@/lib/zod-config';
import { t } from '@/lib/i18n';

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
        ? t('export_backup_cut_short')
        : t('export_backup_not_json'),
    };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: t('export_backup_not_ours') };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return { ok: false, error: t('export_backup_newer', String(version)) };
  }
  if (version !== BACKUP_VERSION) return { ok: false, error: t('export_backup_unknown_version', String(version)) };
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [first, index, ...field] = issue.path.map(String);
    const paper = first === 'papers' && index !== undefined ? Number(index) + 1 : undefined;
    const where = paper === undefined ? issue.path.join('.') : field.length > 0 ? t('export_backup_paper_field', paper, field.join('.')) : t('export_backup_paper', paper);
    return { ok: false, error: t('export_backup_damaged', where, issue.message) };
  }
  return { ok: true, backup: parsed.data as Backup };
}
