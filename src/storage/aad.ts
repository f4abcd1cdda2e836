/**
 * Associated data (AES-GCM additional data, src/security/crypto.ts) of each sealed record, binding a ciphertext
 * to the record it belongs to: moved to another record, it no longer opens. Defined once here, beside the record
 * types (db.ts), because the stores that write the records (profiles/, cases/, the fill log in background/) and
 * the lock that re-seals all of them (security/lock.ts) must use the same strings.
 */
export const profileAad = (id: string) => `profile:${id}`;
export const caseAad = (id: string) => `case:${id}`;
export const fillLogAad = (profileId: string) => `filllog:${profileId}`;
export const restorePointAad = (uid: string) => `restore:${uid}`;
