import { err, type Validated, warn } from './types';

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters over 0-9 A-H J-N P-R T U W-Y (no I O Z S V); check character
 * = alphabet[(31 − Σ wᵢ·cᵢ mod 31) mod 31]. A computed value of 0 gives the check character '0', which is
 * valid (a well-known library rejects it). A checksum failure is only a warning: some genuine old codes
 * fail it, so the user may confirm.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function validateCreditCode(raw: string): Validated {
  const code = raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (!code) return { value: undefined, findings: [] };
  if (code.length !== 18) return { value: undefined, findings: [err('credit.length', { length: code.length })] };
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad) return { value: undefined, findings: [err('credit.chars', { char: bad })] };
  const expected = creditCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return { value: code, findings: [warn('credit.checksum', { expected })] };
  return { value: code, findings: [] };
}
