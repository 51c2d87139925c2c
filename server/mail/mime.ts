/**
 * Just enough MIME to read back what our own sender writes (nodemailer's single-part text mails,
 * and multipart/alternative): headers with RFC 2047 encoded words, and bodies in
 * quoted-printable, base64, 7bit or 8bit. Used by the local SMTP sink's dev page and by tests.
 * Not a general mail parser: nested multiparts beyond one level and non-UTF-8 charsets other than
 * latin1 are shown as they come.
 */

/** A mail split into what people read. */
export interface ParsedMail {
  /** Header names in lower case, values unfolded and decoded; the last one wins. */
  headers: Record<string, string>;
  subject: string;
  from: string;
  to: string;
  text: string | null;
  html: string | null;
  /** Parts sent as files (`Content-Disposition: attachment`), decoded. */
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

function decodeBytes(bytes: Buffer, charset: string): string {
  return /^(?:us-ascii|iso-8859-1|latin1)$/i.test(charset) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Decodes a quoted-printable body (soft line breaks and =XX escapes) to bytes. */
export function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const char = joined[index]!;
    const hex = joined.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`); whitespace between two words goes. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_match, charset: string, encoding: string, data: string) =>
      decodeBytes(encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' ')), charset),
    );
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeEncodedWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parameterOf(header: string | undefined, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(header ?? '');
  return match?.[1];
}

function decodeBody(body: string, headers: Record<string, string>): string {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const charset = parameterOf(headers['content-type'], 'charset') ?? 'utf-8';
  if (encoding === 'quoted-printable') return decodeBytes(decodeQuotedPrintable(body), charset);
  if (encoding === 'base64') return decodeBytes(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  return body;
}

/** Parses a raw RFC 5322 message (as an SMTP server receives it). */
export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHeaders(raw);
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
  let text: string | null = null;
  let html: string | null = null;
  const attachments: ParsedMail['attachments'] = [];
  const boundary = parameterOf(headers['content-type'], 'boundary');
  if (type.startsWith('multipart/') && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const parsed = splitHeaders(part.replace(/^\r?\n/, ''));
      const partType = (parsed.headers['content-type'] ?? 'text/plain').toLowerCase();
      if ((parsed.headers['content-disposition'] ?? '').toLowerCase().startsWith('attachment')) {
        attachments.push({
          filename: parameterOf(parsed.headers['content-disposition'], 'filename') ?? '',
          contentType: partType.split(';')[0]!.trim(),
          content: Buffer.from(parsed.body.replace(/\s+/g, ''), 'base64'),
        });
        continue;
      }
      const content = decodeBody(parsed.body.replace(/\r?\n$/, ''), parsed.headers);
      if (partType.startsWith('text/plain') && text === null) text = content;
      else if (partType.startsWith('text/html') && html === null) html = content;
    }
  } else if (type.startsWith('text/html')) {
    html = decodeBody(body, headers);
  } else {
    text = decodeBody(body, headers);
  }
  const normalize = (value: string | null) => (value === null ? null : value.replace(/\r\n/g, '\n').replace(/\n$/, ''));
  return {
    headers,
    subject: headers.subject ?? '',
    from: headers.from ?? '',
    to: headers.to ?? '',
    text: normalize(text),
    html: normalize(html),
    attachments,
  };
}
