// One-time passwords for new accounts (and resets): shown once, changed at the first sign-in.

// No 0/O, 1/l/I: the password is read off a screen and typed in by someone else.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS;

/** 12 characters from a cryptographic source, with at least one letter and one digit. */
export function generateOneTimePassword(length = 12): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint32Array(length));
    const password = Array.from(bytes, (value) => ALPHABET[value % ALPHABET.length]).join('');
    if (/[a-zA-Z]/.test(password) && /\d/.test(password)) return password;
  }
}
