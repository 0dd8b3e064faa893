/**
 * Deleting the account erases every household the user owns: the user types their e-mail address
 * to confirm (compared trimmed and case-insensitively, as e-mail addresses are matched at sign-in).
 */
export function deleteConfirmed(typed: string, email: string): boolean {
  return email.length > 0 && typed.trim().toLowerCase() === email.trim().toLowerCase();
}

/** The privacy export's file name: the date it was taken, so several downloads do not overwrite each other. */
export function exportFileName(now: Date = new Date()): string {
  return `glidepath-export-${now.toISOString().slice(0, 10)}.json`;
}
