/**
 * The UiTPAS card number: 13 digits; the 12th says whether it is a kansenpas
 * (1) or not (0); the 13th is a Luhn check digit over all 13.
 */
export type UitpasNumberProblem = 'format' | 'check-digit' | 'kind-digit';

export function normaliseUitpasNumber(input: string): string {
  return input.replace(/\s/g, '');
}

export function uitpasNumberProblem(input: string): UitpasNumberProblem | null {
  const digits = normaliseUitpasNumber(input);
  if (!/^\d{13}$/.test(digits)) return 'format';
  // A mistyped or misread digit shows in the check digit first: that is what staff should hear.
  if (!luhnValid(digits)) return 'check-digit';
  return digits[11] === '0' || digits[11] === '1' ? null : 'kind-digit';
}

/** Whether the card is a kansenpas (card for people with the kansenstatuut). */
export function isKansenpas(uitpasNumber: string): boolean {
  return normaliseUitpasNumber(uitpasNumber)[11] === '1';
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Appends the Luhn check digit to 12 digits (for the simulator's stock and test data). */
export function withLuhnDigit(twelveDigits: string): string {
  for (let check = 0; check <= 9; check++) {
    if (luhnValid(`${twelveDigits}${check}`)) return `${twelveDigits}${check}`;
  }
  throw new Error('unreachable');
}
