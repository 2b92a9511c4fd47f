/**
 * A multipart/form-data body (RFC 7578) as uploadPicture takes it (DOC pashouders/upload-picture.md): parts
 * without a filename become parameters, and every part's bytes are kept by name, since CF posts the picture as a
 * plain part holding the bytes (Uitpas/Default.php::uploadPicture) where the app sends a file part. The body was
 * already read within the server's size cap; a part that does not parse is left out, so the operation then answers
 * its own "missing" code.
 */
export interface MultipartBody {
  fields: [string, string][];
  /** Every part's bytes, the first of each name. */
  files: Map<string, Uint8Array>;
}

export function readMultipart(body: Buffer, contentType: string): MultipartBody {
  const fields: [string, string][] = [];
  const files = new Map<string, Uint8Array>();
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return { fields, files };
  const delimiter = Buffer.from(`--${marker}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    // "--" after the delimiter closes the body.
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // The part sits between the CRLF after the delimiter and the CRLF before the next one.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      if (name !== undefined) {
        if (!files.has(name)) files.set(name, new Uint8Array(content));
        if (!/\bfilename="/i.test(disposition)) fields.push([name, content.toString('utf8')]);
      }
    }
    start = next;
  }
  return { fields, files };
}
