/**
 * Personal data has no place in a tape: the model reads none of it, and a tape that holds none cannot
 * leak any. Column names that look personal are refused with what they look like; cell values are
 * screened for the kinds that can be recognised reliably (IBANs by their check digits, e-mail
 * addresses, phone numbers, vehicle identification numbers, full postcodes). Reasons never quote a value.
 */

/** Column-name shapes of personal data, with the reason shown. Names are compared lower case, with separators as `_`. */
const PERSONAL_COLUMNS: readonly (readonly [RegExp, string])[] = [
  [/(^|_)(e_?mail|email_address)(_|$)/, 'an e-mail address'],
  [/(^|_)(phone|telephone|tel|mobile|gsm|fax)(_|$)/, 'a phone number'],
  [/(^|_)(iban|bic|account_number|bank_account|account_no)(_|$)/, 'a bank account'],
  [/(^|_)(dob|birth|birthday|date_of_birth|birth_date|geboortedatum)(_|$)/, 'a date of birth'],
  [
    /(^|_)(ssn|bsn|nino|nin|national_id|national_number|passport|id_card|tax_id|tin|personal_number|social_security)(_|$)/,
    'a national identification number',
  ],
  [
    /(^|_)(vin|chassis|chassis_number|plate|licence_plate|license_plate|registration_number|kenteken|number_plate)(_|$)/,
    'a vehicle identification number or plate',
  ],
  [/(^|_)(postcode|post_code|postal_code|zip|zipcode|zip_code)(_|$)/, 'a postcode'],
  [/(^|_)(address|street|house_number|city|town|adres|straat)(_|$)/, 'an address'],
  [
    /(^|_)(name|first_name|firstname|last_name|lastname|surname|given_name|full_name|naam|customer_name|initials)(_|$)/,
    'a name',
  ],
  [
    /(^|_)(comment|comments|note|notes|remark|remarks|memo|free_text|text|description|opmerking)(_|$)/,
    'free text',
  ],
  [/(^|_)(ip|ip_address|device_id|cookie)(_|$)/, 'an online identifier'],
];

/** What personal data a column name looks like, or undefined. */
export function personalColumnReason(name: string): string | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  for (const [shape, reason] of PERSONAL_COLUMNS) if (shape.test(key)) return reason;
  return undefined;
}

/**
 * What personal data a cell looks like, or undefined. Run on the identifier and code columns, where a
 * wrong export would put it.
 */
export function personalValueReason(text: string): string | undefined {
  if (isIban(text)) return 'an IBAN (its check digits are valid)';
  if (/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(text)) return 'an e-mail address';
  if (/^(\+|00)\d[\d ()./-]{7,}$/.test(text) && countDigits(text) >= 9) return 'a phone number';
  if (/^[A-HJ-NPR-Z0-9]{17}$/.test(text) && /[A-Z]/.test(text) && /\d/.test(text)) {
    return 'a vehicle identification number (VIN)';
  }
  if (/^\d{4} ?[A-Z]{2}$/.test(text) || /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(text))
    return 'a full postcode';
  return undefined;
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) n++;
  return n;
}

/**
 * An IBAN by ISO 13616: two capital letters, two check digits, 11–30 letters or digits (spaces allowed every
 * four), whose mod-97 remainder is 1 once the first four characters move to the end and letters count
 * as 10–35. A random token passes the shape test but fails the check digits 96 times in 97.
 */
export function isIban(text: string): boolean {
  // IBANs are written in capitals; lower-case tokens (such as hex pseudonyms) are not taken for one.
  const compact = text.replace(/ /g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const moved = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < moved.length; i++) {
    const code = moved.charCodeAt(i);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}
